"""Extraction time grows linearly with the text, even on adversarial text: long runs of capitalised
words, many distinct names, a line without spaces, absurd numbers. No wall clock here: the tests count
the work done (characters read, windows searched) or compare a fast path with the plain regex it replaces."""

import random
import re
from dataclasses import replace

from warehouse.staging import extract as ex_mod
from warehouse.staging import mentions as mentions_mod
from warehouse.staging import sentences as sent_mod
from warehouse.staging import vocabulary as vocab_mod
from warehouse.staging.chips import MAX_QUANTITY, find_quantities
from warehouse.staging.sentences import MAX_SENTENCE, split_sentences

WORDS = ["Zorbel", "Kalimun", "Tavex", "Quadin", "Pexlo", "Vesor", "Ritaka", "Belmun"]


def _caps_run(n_words: int, seed: int = 3) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) + rnd.choice(["", "a", "o", "ix"]) for _ in range(n_words))


def test_a_line_without_spaces_is_cut_without_recursion(extract):
    tail = "Zorbel Labs lève 5 millions d'euros auprès de Orbis Capital."
    text = "x" * (3 * MAX_SENTENCE + 17) + " GPUs.\n" + tail
    pieces = split_sentences(text)
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert all(text[p.start : p.end] == p.text for p in pieces)
    assert "".join(p.text for p in pieces[:4]) == "x" * (3 * MAX_SENTENCE + 17) + " GPUs."
    extract(text, "fr")  # no RecursionError


def test_sentence_splitting_reads_each_character_a_bounded_number_of_times(monkeypatch):
    calls = []

    class Counting:
        def match(self, line, at):
            calls.append(at)
            return re.compile(r"[\w.]").match(line, at)

    monkeypatch.setattr(sent_mod, "_WORD_OR_DOT", Counting())

    def steps(n: int) -> int:
        calls.clear()
        # abbreviations never end the sentence, so the line is one long look-back target
        split_sentences(" ".join(["Dr. Zorbel"] * n))
        return len(calls)

    small, large = steps(50), steps(1000)
    assert large <= 25 * small  # linear: 20x the text, about 20x the reads (quadratic would be 400x)


def test_last_word_is_the_regex_it_replaces():
    rnd = random.Random(7)
    alphabet = "ab.Z _-é1,"
    for _ in range(2000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        lo = rnd.randint(0, len(line))
        hi = rnd.randint(lo, len(line))
        old = re.search(r"([\w.]+)\.?$", line[lo:hi])
        assert sent_mod._last_word(line, lo, hi) == (old.group(1) if old else "")


def test_government_names_are_searched_in_bounded_windows(extract, monkeypatch):
    windows = []
    real = mentions_mod._GOV_AFTER_NAME

    class Recording:
        pattern = real.pattern

        def search(self, text, pos, endpos):
            windows.append(endpos - pos)
            return real.search(text, pos, endpos)

    monkeypatch.setattr(mentions_mod, "_GOV_AFTER_NAME", Recording())
    text = (_caps_run(3000) + " government. ") * 3 + "The Tavexia government backs Zorbel Labs."
    extract(text, "en")
    assert windows and max(windows) <= mentions_mod._GOV_NAME_WINDOW + len("government")


def test_government_windows_find_what_the_whole_text_search_finds():
    text = (
        "The Ontario government and the Quadin's provincial government agree. Pexlo Vesor government, "
        "Ritaka government Belmun government; the government of Zorbel."
    )

    class Ctx:
        pass

    ctx = Ctx()
    ctx.text = text
    got = [m.span() for m in ex_mod._DocContext._gov_after_name(ctx)]
    assert got == [m.span() for m in mentions_mod._GOV_AFTER_NAME.finditer(text)]


def test_occurrences_are_the_regex_matches(extract):
    rnd = random.Random(11)
    pieces = ["Zorbel", "Zorbel Labs", "Labs", "-", " ", "x", "Zorbel-Labs", "_", "é", "1", ",", "\n"]
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        for scanned in (0, 10**12):  # a scan by str.find, then the word index once the budget is spent
            ctx = object.__new__(ex_mod._DocContext)
            ctx.text = text
            ctx._occurrences, ctx._word_starts, ctx._scanned = {}, None, scanned
            for name in ["Zorbel", "Zorbel Labs", "Labs", "Zorbel-Labs", "-Labs", "x", "Zorbel Zorbel", "é1"]:
                got = [(m.start(), m.end()) for m in ex_mod._DocContext.occurrences(ctx, name)]
                want = [m.span() for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text)]
                assert got == want, (text, name, scanned)


def test_first_character_look_ahead_changes_no_match():
    rnd = random.Random(5)
    words = ["président", "Chief Executive", "d'", "’s", "co-fondateur", "CEO", "Ministre"]
    guarded = vocab_mod._word_regex(words, re.IGNORECASE)
    plain = re.compile(guarded.pattern.replace(vocab_mod._first_chars(words), "", 1), re.IGNORECASE)
    assert guarded.pattern != plain.pattern
    pieces = [*words, " ", "x", "PRÉSIDENT", "chief  executive", "D'", "'s", "-", "é"]
    for _ in range(500):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_trimmed_names_are_the_same_from_the_cache(extract, project):
    from warehouse.staging.parties import PartyFinder

    finder = PartyFinder.from_project(project, {})
    text = "La start-up Zorbel Labs et Orbis Capital; Zorbel Labs lève. ZORBELIA, le 3 mai."
    first = finder.find(text)
    again = finder.find(text)
    assert first == again and finder._cleaned
    shifted = [replace(e, start=e.start + 2, end=e.end + 2) for e in first]
    assert finder.find("  " + text) == shifted
    # a capitals-only word opening the text is a dateline; the same word later is a name
    assert [e.name for e in finder.find("ZORBELIA lève")] == []
    assert [e.name for e in finder.find("Avec ZORBELIA")] == ["ZORBELIA"]


def test_long_runs_of_capitalised_words_and_many_names_extract(extract):
    extract(_caps_run(4000), "en")
    lines = [f"{w}ix Labs lève 5 millions d'euros auprès de {w}o Capital.\n" for w in WORDS * 20]
    cands, _money = extract("".join(lines), "fr")
    assert cands


def test_an_absurd_chip_count_is_no_quantity(extract):
    text = "Zorbel Labs a commandé 99999999999999999999 GPU H100 à Nvidia."
    assert not find_quantities(text, "fr")
    assert [q.quantity for q in find_quantities("Zorbel Labs a commandé 2 000 GPU H100.", "fr")] == [2000]
    assert not find_quantities("Zorbel Labs orders " + "9" * 400 + " GPUs.", "en")
    cands, _money = extract(text, "fr")
    assert all((c.quantity or 0) <= MAX_QUANTITY for c in cands)


def test_the_title_test_answers_as_the_title_alternation():
    words = vocab_mod._filter_words("title")
    plain = re.compile(rf"(?<![\w])(?:{vocab_mod._filter_alt('title')})", re.IGNORECASE)
    rnd = random.Random(9)
    pieces = [*words, *(w.upper() for w in words), " ", "  ", "x", "’", "'", "-", "é", "."]
    for _ in range(1000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        assert bool(vocab_mod._title_words().search(text)) == bool(plain.search(text)), text


def test_the_sentence_marker_test_answers_as_the_marker_alternation():
    from warehouse.staging.lexicon import for_language

    for lang in ("fr", "en"):
        words = [r["marker"] for r in for_language("sentence_markers", lang)] + ["l'", "tout d’"]
        trie = re.compile(rf"(?<![\w]){vocab_mod._word_trie({w.lower() for w in words})}", re.IGNORECASE)
        plain = vocab_mod._word_regex(words, re.IGNORECASE)
        rnd = random.Random(13)
        pieces = [*words, *(w.upper() for w in words), " ", "  ", "x", "’", "'", "-", "é", "s"]
        for _ in range(1000):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5)))
            assert bool(trie.search(text)) == bool(plain.search(text)), text


def test_currency_words_as_a_trie_match_as_their_alternation():
    from warehouse.staging import money

    for lang, kind in (("fr", "post"), ("en", "post"), ("fr", "scale"), ("en", "scale")):
        _prefix, suffix = money._currencies(lang)
        words = sorted(suffix) if kind == "post" else sorted(money._scales(lang))
        trie = re.compile(rf"(?:{money._trie(set(words))})(?![\w$€£¥])")
        plain = re.compile(rf"(?:{money._alt(words)})(?![\w$€£¥])")
        rnd = random.Random(17)
        pieces = [*words, " ", "\u00a0", "s", "x", "$", "."]
        for _ in range(2000):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 3)))
            a, b = trie.match(text), plain.match(text)
            assert (a and a.group()) == (b and b.group()), text


def test_a_text_made_of_deal_sentences_costs_linear_look_ups(extract, monkeypatch):
    # the document passes compare candidates with each other: count their sentence look-ups, which
    # a pass scanning every round for every purchase made quadratic
    class Counting(dict):
        reads = 0

        def __getitem__(self, key):
            Counting.reads += 1
            return super().__getitem__(key)

    original = ex_mod._DocContext.run

    def counted(self):
        self._sentence_index = Counting(self._sentence_index)
        return original(self)

    monkeypatch.setattr(ex_mod._DocContext, "run", counted)

    def reads(n: int) -> int:
        Counting.reads = 0
        extract(" ".join(f"Zorbel{k} Labs raised ${k % 80 + 2} million from Orbis Capital. The company will "
                         f"buy {k % 9 + 1}00 Nvidia GPUs." for k in range(n)), "en")
        return Counting.reads

    small, large = reads(100), reads(400)
    assert large <= 5 * small, (small, large)


def test_a_round_repeated_in_every_sentence_reads_its_firm_occurrences_linearly(extract, monkeypatch):
    # a round's investors may stand in the sentence before when it names the firm: that test looks the
    # firm's occurrences up in the sentence, where a scan of them all for every round was quadratic
    class Counting(list):
        reads = 0

        def __iter__(self):
            for item in super().__iter__():
                Counting.reads += 1
                yield item

    original = mentions_mod.Mentions.occurrences

    def counted(self, name):
        found = original(self, name)
        if not isinstance(found, Counting):
            found = self._occurrences[name] = Counting(found)
        return found

    monkeypatch.setattr(mentions_mod.Mentions, "occurrences", counted)
    monkeypatch.setattr(ex_mod, "MAX_DOCUMENT_AMOUNTS", 10**6)  # every sentence read (not the budget)

    def reads(n: int) -> int:
        Counting.reads = 0
        round_ = ("Zorbel Labs a levé 12 millions d'euros auprès de Orbis Capital, a annoncé mardi son "
                  "président.\nZorbel Labs raised €12 million from Orbis Capital, its chairman said.\n")
        cands, _money = extract(round_ * n, "fr")
        assert len(cands) >= n
        return Counting.reads

    small, large = reads(50), reads(200)
    assert large <= 5 * small, (small, large)


def test_runs_of_numbers_are_bounded_so_each_is_tried_in_bounded_steps():
    # "100 100 100 ..." and "a a a ...": every number starts a match whose run of digit groups or number
    # words took the rest of the text, then gave it back one group at a time before failing (quadratic:
    # 16 KB took 4 s). The runs are bounded, far above any amount a text writes.
    from warehouse.staging.money import find_money
    from warehouse.staging.numbers import DIGITS, MAX_GROUPS, MAX_NUMBER_WORDS, number_word_pattern

    assert re.compile(DIGITS).match("100 " * 50).group() == "100" + " 100" * MAX_GROUPS
    for lang, word in (("en", "a"), ("fr", "un")):
        assert re.compile(number_word_pattern(lang)).match(f"{word} " * 50).group() == " ".join(
            [word] * MAX_NUMBER_WORDS)
    for text, lang, amount in [("deux cent cinquante mille euros", "fr", 250_000),
                               ("two hundred and fifty thousand dollars", "en", 250_000),
                               ("1 000 000 000 000 $", "fr", 1e12), ("$1,000,000,000,000", "en", 1e12)]:
        assert [m.amount for m in find_money(text, lang)] == [amount]
    assert not find_money("100 " * 2000 + "a " * 2000 + "un " * 2000, "en")


def test_a_name_opening_every_sentence_is_looked_up_linearly(extract, monkeypatch):
    # whether a capitalised word stands inside some sentence (not as its first word) was read at every
    # occurrence of the word, once a sentence: a name opening each of n sentences cost n * n look-ups
    calls = []
    original = mentions_mod.Mentions._sentence_at

    def counted(self, at):
        calls.append(at)
        return original(self, at)

    monkeypatch.setattr(mentions_mod.Mentions, "_sentence_at", counted)
    monkeypatch.setattr(ex_mod, "MAX_DOCUMENT_AMOUNTS", 10**6)  # every sentence read (not the budget)

    def reads(n: int) -> int:
        calls.clear()
        cands, _money = extract("Zorbel lève 20 millions d'euros, 3 M€, $4bn. " * n, "fr")
        assert len(cands) >= n
        return len(calls)

    small, large = reads(50), reads(200)
    assert large <= 5 * small, (small, large)


def test_a_sentence_of_n_cues_compares_each_cue_with_the_others_once(extract, monkeypatch):
    # the clause of a cue runs from the previous cue of another type to the next: a scan of every cue
    # of the sentence for each cue asked n * n questions (whether a cue's object is a number of chips)
    calls = []
    original = ex_mod._DocContext.chip_object

    def counted(self, end):
        calls.append(end)
        return original(self, end)

    monkeypatch.setattr(ex_mod._DocContext, "chip_object", counted)

    def asked(n: int) -> int:
        calls.clear()
        extract("Zorbel " + "raised invested bought GPUs acquired " * n + "today.", "en")
        return len(calls)

    small, large = asked(5), asked(20)
    assert large <= 6 * small, (small, large)


def test_the_clause_of_a_cue_is_the_scan_it_replaces(extract, monkeypatch):
    # `clause` bisects the sorted ends and starts of the sentence's other cues; the scan it replaces:
    def scanned(ctx, s, cs, ce, fact_type):
        lo, hi = s.start, s.end
        for a, b, ft in ctx.cue_starts:
            if ft != fact_type and fact_type == "chip_purchase" and ctx.chip_object(b):
                continue
            if ft != fact_type and b == cs - 1 and ctx.text[b] == " ":
                continue
            if ft != fact_type and b <= cs:
                lo = max(lo, b)
            if ft != fact_type and a >= ce:
                hi = min(hi, a)
        return lo, hi

    seen = []
    original = ex_mod._DocContext.clause

    def checked(self, s, cs, ce, fact_type):
        got = original(self, s, cs, ce, fact_type)
        assert got == scanned(self, s, cs, ce, fact_type)
        seen.append(got)
        return got

    rnd = random.Random(5)
    words = ["raised", "invested", "bought", "GPUs", "a", "funding", "award", "grant", "of", "512", "Zorbel",
             "acquired", "an allocation of 2,000 GPUs", "$5 million", "subsidy", "from", "Orbis Capital"]
    monkeypatch.setattr(ex_mod._DocContext, "clause", checked)
    for _ in range(200):
        extract(" ".join(rnd.choice(words) for _ in range(rnd.randint(3, 30))) + ".", "en")
    assert len(seen) > 100


def test_a_sentence_builds_from_a_bounded_number_of_cue_words(project):
    # a "cue storm" made each cue word read the sentence for its subject, clause and amounts: a sentence
    # builds from its first MAX_SENTENCE_CUES cue words, the others are rejected in the trace
    from datetime import date

    from warehouse.staging.documents import Document

    ex = ex_mod.Extractor(project)
    text = "Zorbel Labs " + ", ".join(f"raised ${k + 2} million" for k in range(40)) + "."
    doc = Document("d1", "d1.txt", "/tmp/d1.txt", None, date(2025, 5, 6), "en", text)
    _cands, _money, steps = ex.extract_traced(doc)
    capped = {st.start for st in steps if st.rule_id == "too_many_cues"}
    built = {st.start for st in steps if st.outcome == "built"}
    assert len(capped) == 40 - ex_mod.MAX_SENTENCE_CUES
    assert built and min(capped) > max(built)
    # a sentence of the corpora has at most 5 cue words: none is capped
    doc = Document("d2", "d2.txt", "/tmp/d2.txt", None, date(2025, 5, 6), "en",
                   "Zorbel Labs raised $5 million, invested $2 million and bought 500 GPUs.")
    assert not [st for st in ex.extract_traced(doc)[2] if st.rule_id == "too_many_cues"]


def test_the_clause_of_an_amount_is_the_scan_it_replaces():
    # label_money found an amount's clause by reading every punctuation mark of the sentence before it
    # (a sentence of many amounts read its head again for each); it now looks back from the amount
    from warehouse.staging.filters import _clause_start

    rnd = random.Random(13)
    alphabet = "ab ,;:—–.-"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        old = lo + max([0] + [k.end() for k in re.finditer(r"[,;:—–]", text[lo:hi])])
        assert _clause_start(text, lo, hi) == old


def test_after_marker_reads_the_first_marker_only(extract, monkeypatch):
    # the investors after a marker start at its first hit: the others are not read (a sentence of many
    # markers was read to its end for each of its cues)
    from warehouse.staging import frames as frames_mod

    read = []
    real = frames_mod.Frames.after_marker

    class Counting:
        def __init__(self, rx):
            self.rx = rx

        def finditer(self, *args):
            for h in self.rx.finditer(*args):
                read.append(h.start())
                yield h

    def counted(self, i, s, rx, start):
        return real(self, i, s, Counting(rx), start)

    monkeypatch.setattr(frames_mod.Frames, "after_marker", counted)

    def reads(n: int) -> int:
        read.clear()
        backers = ", auprès de ".join(["Orbis Capital"] * n)
        extract(f"Zorbel Labs a levé 5 millions d'euros auprès de {backers}.", "fr")
        return len(read)

    assert reads(2) == reads(40) > 0


def _doc(text: str, lang: str = "fr"):
    from datetime import date

    from warehouse.staging.documents import Document

    return Document("d1", "d1.txt", "/tmp/d1.txt", None, date(2025, 5, 6), lang, text)


def test_a_document_reads_a_bounded_number_of_amounts(project, monkeypatch):
    # a text made of deals ("money storm") read every one in full: a document reads its first
    # MAX_DOCUMENT_AMOUNTS amounts, the sentences after are one step of the trace
    monkeypatch.setattr(ex_mod, "MAX_DOCUMENT_AMOUNTS", 30)
    ex = ex_mod.Extractor(project)
    built = {}
    for n in (20, 40, 80):
        text = "Corvane lève 20 millions d'euros, 3 M€, $4bn. " * n
        cands, money, steps = ex.extract_traced(_doc(text))
        cut = [st for st in steps if st.rule_id == "document_budget.amounts"]
        built[n] = sum(1 for st in steps if st.outcome == "built")
        assert len(money) <= 30 and len(cut) == (n > 10)
        if cut:
            assert max(lm.money.end for lm in money) <= cut[0].start == cut[0].sentence.start
    assert built[40] == built[80] <= built[20] * 2  # no more work as the storm doubles
    # the prefix read is extracted as that prefix alone would be
    text = "Corvane lève 20 millions d'euros, 3 M€, $4bn. " * 40
    cands, money, steps = ex.extract_traced(_doc(text))
    cut = next(st for st in steps if st.rule_id == "document_budget.amounts").start
    alone = ex.extract_traced(_doc(text[:cut]))
    assert [c.candidate_id for c in cands] == [c.candidate_id for c in alone[0]] and money == alone[1]


def test_find_money_stops_at_its_limit():
    from warehouse.staging.money import find_money

    text = "Corvane lève 20 millions d'euros, 3 M€, $4bn; 5 millions de dollars. " * 5
    every = find_money(text, "fr")
    for limit in range(len(every) + 2):
        assert find_money(text, "fr", limit=limit) == every[:limit]


def test_a_document_builds_from_a_bounded_number_of_cue_words(project, monkeypatch):
    monkeypatch.setattr(ex_mod, "MAX_DOCUMENT_CUES", 40)
    ex = ex_mod.Extractor(project)
    built = {}
    for n in (50, 100, 200):
        text = "Zorbel Labs raised money. " * n
        _c, _m, steps = ex.extract_traced(_doc(text, "en"))
        built[n] = sum(1 for st in steps if st.stage == "roles" and st.outcome == "built")
        assert [st.rule_id for st in steps].count("document_budget.cues") == 1
    assert built[50] == built[100] == built[200] <= 40
    # no document of the corpora comes near: a short article reads every cue
    _c, _m, steps = ex.extract_traced(_doc("Zorbel Labs raised $5 million. " * 10, "en"))
    assert "document_budget.cues" not in [st.rule_id for st in steps]
