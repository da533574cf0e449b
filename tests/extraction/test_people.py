"""People are never firms: the person detector (staging/people.py) and how the extractor uses it.
Names, firms and sentences are our own."""

import pytest
from warehouse.staging.people import People, affiliation, speaker


def _parties(cands, role=None):
    return [p.name for c in cands for p in c.parties if role is None or p.role == role]


@pytest.fixture(scope="module")
def people():
    return People(firm_names=["Quanta Labs", "Orbis Capital", "Velmora"], place_forms=["France", "Georgia"])


# -- the detector --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Camille Berthier", "Hélène Vasquez Ortega", "Jean-Pierre Roussel",
                                  "Helene Dufour", "Akira Tanabe"])
def test_a_known_first_name_and_surnames_make_a_person(people, name):
    assert people.named(name)


@pytest.mark.parametrize("name", ["John Byrne", "Pierre Martinel", "David Okonjo", "Mari Tamm"])
def test_a_first_name_on_a_stop_word_or_language_list_still_makes_a_person(people, name):
    # jusText's frequency lists hold "John", "Pierre", "David"; CLDR names a language "Mari"
    assert people.named(name)
    assert name in people.names(f"The round was announced by {name} on Monday.")


def test_a_stop_word_the_text_writes_in_lower_case_is_no_first_name(people):
    assert people.is_first_name("Can") and people.is_first_name("John")
    assert not people.is_first_name("Can", lower_words={"can", "we"})


@pytest.mark.parametrize("name", [
    "Camille Berthier Capital",  # a firm word: a firm named after its founder
    "Sofia Marchetti Robotics",
    "Camille Growth",  # "Growth" names funds: "Carmel Growth", "Vertex Growth"
    "Camille",  # a first name alone says nothing
    "Brenner Okafor",  # no known first name
    "Georgia Halvorsen",  # a place first
    "Velmora Tanaka",  # a seed firm's name first
    "Camille Berthier Dufour Rocca",  # too long for a person
    "Camille AI",  # an acronym is no surname
    "Lucas Genomics",  # nouns firms are named with: "-ics", "-ique"
    "Martin Robotique",
    "Ravi Reasoning",  # a first name, then a word AI firms are named with
    "Kiran Neural",
    "Maya Intelligence",
])
def test_names_that_are_not_persons(people, name):
    assert not people.named(name)


def test_a_first_name_that_is_a_word_of_the_lexicons_or_of_the_text_does_not_count(people):
    assert not people.is_first_name("Grant")  # a subsidy cue ("grant")
    assert not people.is_first_name("May")  # a month
    assert people.is_first_name("Rose")
    assert not people.is_first_name("Rose", lower_words={"rose", "the"})  # the text writes "rose"


def test_persons_of_a_document_and_their_later_surname_mentions(people):
    text = ("Brivel Robotique lève 8 millions d'euros. Sa fondatrice Léa Fontanel veut recruter. "
            "Fontanel vise l'Allemagne. La start-up Camille Labs et Tarnow Capital suivent.")
    found = people.names(text)
    assert {"Léa Fontanel", "Fontanel"} <= found
    assert not {"Camille Labs", "Tarnow Capital", "Brivel Robotique"} & found


def test_a_name_joined_to_a_persons_is_a_person(people):
    # "Obiora" is no first name any list knows; "Halima" is
    text = ("Founded in 2023 by Obiora Nwankwe and Halima Bello, Kestrel Voice sells to banks. "
            "Nwankwe told reporters the round closed. Halima Bello and Tarnow Capital et Orbis Capital "
            "et Camille Berthier signed.")
    found = people.names(text)
    assert {"Obiora Nwankwe", "Nwankwe", "Halima Bello"} <= found
    assert not {"Tarnow Capital", "Orbis Capital", "Kestrel Voice"} & found


def test_names_in_every_latin_alphabet(people):
    found = people.names("Rūta Vaitkutė founded it. Łukasz Kowalczyk said so. Ștefan Popescu agreed.")
    assert {"Rūta Vaitkutė", "Łukasz Kowalczyk", "Ștefan Popescu", "Vaitkutė"} <= found


def test_a_persons_first_name_alone_is_that_person(people, extract):
    text = ("Léa Fontanel a fondé Brivel Robotique en 2021. « Léa, racontez-nous. » Léa sourit.")
    assert "Léa" in people.names(text)
    # ... and never the firm a first-person sentence speaks for
    text = (
        "HOST: Today I am with Zanele Mokoena, co-founder and CEO of Brivel Robotics.\n\n"
        "MOKOENA: Thanks. Zanele is fine.\n\n"
        "HOST: Zanele, what happened this year?\n\n"
        "MOKOENA: We closed a $9 million seed round in March, led by Orbis Capital.\n"
    )
    cands, _ = extract(text, "en")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Brivel Robotics"]


def test_a_timestamped_speaker_label_is_no_party(extract):
    text = (
        "[00:00:10] HOST: With me is Tomasz Wielki, co-founder and CTO of Quillmark Systems.\n\n"
        "[00:00:20] WIELKI: Thanks.\n\n"
        "[00:01:05] WIELKI: Yes, we closed our Series A last month: $14 million, led by Orbis Capital.\n"
    )
    cands, _ = extract(text, "en")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Quillmark Systems"]


def test_a_transcripts_we_is_the_firm_of_the_speaker_on_the_line(extract):
    text = (
        "Brivel Weekly, the show about deep tech. Brivel Weekly is sponsored by Orbis Capital.\n\n"
        "HOST (Brivel Weekly): With me is Tomasz Wielki, co-founder and CTO of Quillmark Systems.\n\n"
        "WIELKI: Let's be clear: we are a small team.\n\n"
        "HOST: Tell us about the money.\n\n"
        "WIELKI: We raised $14 million in June from Orbis Capital.\n"
    )
    cands, _ = extract(text, "en")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Quillmark Systems"]


def test_a_transcripts_we_inside_a_clause_and_the_host_label_no_firm(extract):
    text = (
        "[00:00:10] HOST (Jan Brel): With me is Tomasz Wielki, co-founder and CTO of Quillmark Systems.\n\n"
        "[00:00:20] HOST: How did the fundraising go?\n\n"
        "[00:01:05] WIELKI: Fine. When we raised our $14 million Series A, led by Orbis Capital, nobody "
        "asked about revenue. In total we've raised about $20 million.\n"
    )
    cands, _ = extract(text, "en")
    got = [(c.amounts[0].amount, [p.name for p in c.parties if p.role == "investee"]) for c in cands]
    assert got == [(14e6, ["Quillmark Systems"])]


def test_particles_titles_after_the_name_and_speakers(people):
    text = ("Ursula von der Leyen a salué l'accord. \"It is a milestone,\" said Brenner Okafor. "
            "Tomasz Wielki, cofondateur de Quillmark, confirme. Camille Berthier & Associés conseillent.")
    found = people.names(text)
    assert {"Ursula von der Leyen", "Ursula", "Leyen"} <= found
    assert "Brenner Okafor" in found  # no known first name, but the speaker of a quote
    assert "Tomasz Wielki" in found
    assert "Camille Berthier" not in found  # "& Associés": a firm


def test_a_possessive_is_no_part_of_the_name(people):
    found = people.names("Prime Minister Elena Varga's government approved the plan.")
    assert {"Elena Varga", "Varga"} <= found
    assert "Elena Varga" in people.names("Elena Varga's Kestrel Forge raised money.")


def test_firm_noun_before_a_name_makes_it_a_firm(people):
    assert "Anna Lindqvist" not in people.names("The start-up Anna Lindqvist raised money.")
    assert "Anna Lindqvist" in people.names("The founder Anna Lindqvist raised money.")


def test_an_apposition_calling_the_name_a_firm_makes_it_a_firm(people):
    assert "Lila Moreno" not in people.names("Lila Moreno, a Boston start-up, raised money.")
    assert "Lila Moreno" not in people.names("Lila Moreno, une jeune pousse lyonnaise, lève des fonds.")
    assert "Lila Moreno" in people.names("Lila Moreno, the start-up's founder, raised money.")


def test_speaker_and_affiliation():
    text = '"We invested," said Daniel Whitmore, managing partner at Halden Ventures.'
    at = text.index("Daniel")
    end = at + len("Daniel Whitmore")
    assert speaker(text, at, end)
    assert text[affiliation(text, end):].startswith("Halden Ventures")
    text = "Daniel Whitmore, founder of Kestrel Forge, said the company raised money."
    assert speaker(text, 0, len("Daniel Whitmore"))
    text = "aux côtés de Julien Marceau, fondateur de Ostrava Labs, et de Tarnow Capital"
    at = text.index("Julien")
    assert not speaker(text, at, at + len("Julien Marceau"))


# -- the extractor: announcers, speakers, CEOs and ministers are no parties -----------------------
@pytest.mark.parametrize(("text", "lang", "person"), [
    ("Brivel Robotique lève 8 millions d'euros auprès de Tarnow Capital. « Cette levée va accélérer "
     "notre croissance », a déclaré Camille Berthier, cofondatrice de Brivel Robotique.", "fr", "Berthier"),
    ("Brivel Robotique lève 5 millions d'euros auprès de Tarnow Capital, souligne Léa Fontanel.", "fr",
     "Fontanel"),
    ("Kestrel Forge raised $15 million from Halden Ventures. Daniel Whitmore welcomed the round.", "en",
     "Whitmore"),
    ("Quillmark will receive a $2 million grant from the Nordic Compute Office, Anders Holm announced.",
     "en", "Holm"),
    ("Kestrel Forge raised $20 million from Halden Ventures, its chief executive Daniel Whitmore said.",
     "en", "Whitmore"),
    ("Daniel Whitmore, founder of Kestrel Forge, said the company raised $12 million from Halden "
     "Ventures.", "en", "Whitmore"),
])
def test_announcers_and_speakers_are_not_parties(extract, text, lang, person):
    cands, _ = extract(text, lang)
    assert cands
    assert not any(person in name for name in _parties(cands)), _parties(cands)


@pytest.mark.parametrize(("text", "lang", "firm"), [
    ('"We invested $4 million in Quillmark," said Daniel Whitmore, managing partner at Halden Ventures.',
     "en", "Halden Ventures"),
    ("« Nous avons investi 4 millions d'euros dans Brivel Robotique », explique Léa Fontanel, "
     "directrice générale de Tarnow Capital.", "fr", "Tarnow Capital"),
])
def test_a_quoted_investor_is_the_firm_the_speaker_works_for(extract, text, lang, firm):
    cands, _ = extract(text, lang)
    assert firm in _parties(cands, "investor")
    assert not any(p.split()[0] in ("Daniel", "Léa") for p in _parties(cands))


# -- a person who invests is an investor -----------------------------------------------------------
@pytest.mark.parametrize(("text", "lang", "person"), [
    ("Ostrava Labs lève 3 millions d'euros auprès de Tarnow Capital et du business angel Julien "
     "Marceau.", "fr", "Julien Marceau"),
    ("Quillmark, a London start-up, raised £4 million in a round led by Halden Ventures, with "
     "participation from angel investor Sarah Okafor.", "en", "Sarah Okafor"),
    ("Brivel Robotique a levé 2 millions d'euros aux côtés de Julien Marceau, fondateur de Ostrava "
     "Labs, et de Tarnow Capital.", "fr", "Julien Marceau"),
    ("Kestrel Forge has raised $15 million. Investors include Halden Ventures and Daniel Whitmore, "
     "who invested personally.", "en", "Daniel Whitmore"),
    ("Léa Fontanel et Tarnow Capital investissent 4 millions d'euros dans Brivel Robotique.", "fr",
     "Léa Fontanel"),
    ("Kestrel Forge raised $15 million from Halden Ventures. Daniel Whitmore, the co-founder of "
     "Quillmark, also invested personally.", "en", "Daniel Whitmore"),
])
def test_a_business_angel_is_an_investor(extract, text, lang, person):
    cands, _ = extract(text, lang)
    assert person in _parties(cands, "investor"), _parties(cands)


# -- a firm named after a person stays a firm -------------------------------------------------------
@pytest.mark.parametrize(("text", "lang", "role", "firm"), [
    ("Lisbeth Moreau Capital investit 5 millions d'euros dans Ostrava Labs.", "fr", "investor",
     "Lisbeth Moreau Capital"),
    ("Marcel Dupré Ventures leads a $10 million round in Quillmark.", "en", "investor",
     "Marcel Dupré Ventures"),
    ("Anna Lindqvist Robotics raised $7 million from Halden Ventures.", "en", "investee",
     "Anna Lindqvist Robotics"),
    ("Camille Dufresne Robotique lève 6 millions d'euros auprès de Tarnow Capital.", "fr", "investee",
     "Camille Dufresne Robotique"),
    ("Lila Moreno, a Boston start-up, raised $6 million from Halden Ventures.", "en", "investee",
     "Lila Moreno"),
])
def test_firms_named_after_people_remain_firms(extract, text, lang, role, firm):
    cands, _ = extract(text, lang)
    assert firm in _parties(cands, role), _parties(cands)


def test_a_person_who_only_comments_the_round_is_no_investor(extract):
    cands, _ = extract("Kestrel Forge raised $15 million from Halden Ventures. Daniel Whitmore, the "
                       "co-founder of Quillmark, said the round took part of a larger plan.", "en")
    assert "Daniel Whitmore" not in _parties(cands), _parties(cands)


@pytest.mark.parametrize("text", [
    "Hugo Valmont a annoncé que l'État accorde 12 millions d'euros à Brivel Robotique.",
    "Le ministre Hugo Valmont a annoncé que l'État accorde 12 millions d'euros à Brivel Robotique.",
])
def test_the_announcer_of_a_grant_is_not_its_grantor(extract, text):
    cands, _ = extract(text, "fr")
    assert [c.fact_type for c in cands] == ["subsidy"]
    assert _parties(cands, "grantor") == ["l'État"]
    assert _parties(cands, "recipient") == ["Brivel Robotique"]


@pytest.mark.parametrize(("text", "lang", "investor", "person"), [
    ("Le PDG de Tarnow Capital, Marc Delorme, a annoncé un investissement de 10 millions d'euros dans "
     "Brivel Robotique.", "fr", "Tarnow Capital", "Marc Delorme"),
    ("Daniel Whitmore, chief executive of Halden Ventures, announced a $10 million investment in Kestrel "
     "Forge.", "en", "Halden Ventures", "Daniel Whitmore"),
    ("Daniel Whitmore announced a $10 million investment in Kestrel Forge. The money comes from Halden "
     "Ventures.", "en", "Halden Ventures", "Daniel Whitmore"),
])
def test_the_announcer_of_an_investment_is_not_its_investor(extract, text, lang, investor, person):
    cands, _ = extract(text, lang)
    assert investor in _parties(cands, "investor"), _parties(cands)
    assert person not in _parties(cands), _parties(cands)


def test_any_verb_after_a_closing_quote_introduces_its_speaker():
    for text, name in (
        ("« Sans argent public, rien n'était possible », reconnaît Claire Duval, présidente.", "Claire"),
        ("« Nous visons l'Europe », insiste Maëlle Ropars.", "Maëlle"),
        ('"We had no choice," admits Daniel Whitmore.', "Daniel"),
    ):
        at = text.index(name)
        assert speaker(text, at, at + len(name) + 6), text
    text = "le tour mené par Claire Duval Capital"
    at = text.index("Claire")
    assert not speaker(text, at, len(text))


def test_a_word_the_text_writes_in_lower_case_in_the_plural_is_no_surname(people):
    text = "Nora Optique a présenté ses verres optiques. Nora Optique emploie 30 personnes."
    assert "Nora Optique" not in people.names(text, {"verres", "optiques", "a", "ses"})


@pytest.mark.parametrize("text, lang, firm", [
    ("Adrien Photonique lève 12 millions d'euros auprès de Vireo Capital.", "fr", "Adrien Photonique"),
    ("Lena Kinetics raised $9 million from Harrowgate Ventures.", "en", "Lena Kinetics"),
])
def test_a_firm_named_with_a_first_name_and_a_noun_is_the_investee(extract, text, lang, firm):
    assert _parties(extract(text, lang)[0], "investee") == [firm]


@pytest.mark.parametrize("text, lang, word", [
    ("Tessaly Compute recevra 4 millions d'euros, a indiqué la ministre chargée du Numérique.", "fr",
     "Numérique"),
    ("Kalmar Robotics will get $12 million, the Minister for Enterprise said.", "en", "Enterprise"),
])
def test_a_ministers_portfolio_is_no_name(doc_context, text, lang, word):
    names = [e.name for e in doc_context(text, lang).ents(0)]
    assert names and word not in names


def test_a_title_before_a_name_makes_a_person_unless_a_firm_word_follows(doc_context):
    ctx = doc_context("CFO Ophar Nivelle presented the plan of the CTO Brivel Robotics unit.", "en")
    by_name = {e.name: ctx.is_person(e) for e in ctx.ents(0)}
    assert by_name.get("Ophar Nivelle") is True
    assert by_name.get("Brivel Robotics") is False


def test_a_byline_with_a_dash_and_date_names_a_person_no_firm(extract):
    cands, _ = extract(
        "Brivel Robotique lève 9 millions d'euros\n\nPar Ndeye Khady Faye — 16 juin 2026\n\n"
        "La jeune pousse dakaroise a annoncé ce mardi avoir bouclé un tour de 9 millions d'euros.",
        "fr",
    )
    assert {p.name for c in cands for p in c.parties if p.role == "investee"} == {"Brivel Robotique"}


def test_a_surname_with_a_capitalised_particle(people):
    found = people.names("Fondée en 2023 par Yannick Le Goff et par Sofie Van Damme. Elle lève 3 M€.")
    assert {"Yannick Le Goff", "Sofie Van Damme"} <= found


def test_a_firm_after_a_title_and_a_comma_is_the_signers_firm_not_a_person(extract):
    text = (
        "Aujourd'hui, je suis fier d'annoncer que Kelpa AI a bouclé son tour de 600 000 €.\n\n"
        "Marek Kask\nCofondateur & CEO, Kelpa AI"
    )
    cands, _ = extract(text, "fr")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Kelpa AI"]


@pytest.mark.parametrize("text, person", [
    ('"We keep the data here," said Brisk Tensor co-founder and CEO Daniel Reyes.', "Daniel Reyes"),
    ("« Nous gardons les données ici », a déclaré Brisk Tensor directrice générale Anna Kowal.",
     "Anna Kowal"),
])
def test_the_name_before_a_speakers_title_is_the_speakers_firm_and_no_person(people, text, person):
    names = people.names(text)
    assert "Brisk Tensor" not in names and person in names


@pytest.mark.parametrize("text, lang", [
    ("Lirra Labs raised €6 million. Halden Ventures led the round, with Kelp Partners and Anna Kowal, a "
     "former technology chief at a Danish bank, also taking part.", "en"),
    ("Lirra Labs lève 6 millions d'euros. Halden Ventures mène l'opération. Il est rejoint par Kelp "
     "Partners, ainsi que par Anna Kowal, ancienne dirigeante d'une banque, qui investit à titre personnel.",
     "fr"),
])
def test_an_angel_the_text_says_invests_after_an_apposition_is_an_investor(extract, text, lang):
    cands, _ = extract(text, lang)
    assert "Anna Kowal" in _parties(cands, "investor")


def test_an_officers_title_in_capitals_splits_the_firm_from_the_person(extract):
    cands, _ = extract(
        "Lirra Analytics CEO Anna Kowal said the firm would hire 50 people. Founded in 2021, the company "
        "raised a $20 million Series A in 2025.",
        "en",
    )
    assert _parties(cands, "investee") == ["Lirra Analytics"]


@pytest.mark.parametrize("title", ["Chief financial officer", "Managing director"])
def test_an_officers_title_makes_the_surname_later_a_person_who_spends_nothing(extract, title):
    # "Asked about the order, Mahlangu said the R3.2 billion capex envelope ...": the officer speaks;
    # the spending is the firm's
    cands, _ = extract(
        f"Kelp Compute reported results.\n\n{title} Lerato Mahlangu said the plan would be funded from "
        "cash flow.\n\nAsked about the GPU order, Mahlangu said the R1.1 billion was included within the "
        "R3.2 billion capex envelope.",
        "en",
    )
    assert not [p for c in cands for p in c.parties if "Mahlangu" in p.name]
