"""Who is a person, so that no person is taken for a firm (a founder quoted, the minister who
announces, the CEO): the extractor asks `People.names(...)` for the persons of a document.

A capitalised name is a person when
- it opens on a known first name (`lexicons/first_names.csv`, generated from Faker) followed by
  one or two capitalised words that read as surnames ("Camille Berthier", "Jean-Pierre de Rocca");
- a title stands before it ("le ministre X", "CEO X"): `titled`, which the extractor asks for each
  name it finds (`_DocContext.ents`), one-word names included ("le ministre Lescure");
- a title follows it in an apposition ("X, cofondateur de Y", "X, the firm's chief executive");
- it names the speaker of a quote ("», explique X", "," said X");
- or it is a later mention of such a person by the surname alone ("Berthier a ajouté").

A name with a firm word in it or right after it ("Camille Berthier Capital", "Kima Ventures"),
or one the text presents as a firm ("la start-up Camille Labs", "Lila Moreno, a Boston start-up"),
is a firm. A first name that is also a word of the extractor's lexicons, a stop word, a place or
a seed firm name ("Grant", "May", "Georgia", "Meta") does not count, nor one the document writes
in lower case ("grant").

A person is a party only where the text says they put money in (the extractor's roles): the
subject of an investing verb, a member of an investor list ("aux côtés de X", "led by X"), a
"business angel X", "X, who also invested"; never a quote's speaker (`speaker`: the firm of the
apposition after them speaks, `affiliation`), an announcer, a CEO or a minister.

Vocabulary: `lexicons/person_markers.csv` (`firm_word`, `firm_noun`, `speech`, `office`,
`invests`), the `title` words of `lexicons/name_filters.csv`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from warehouse.staging.lexicon import rows

# Latin letters of every European and Vietnamese alphabet: Latin-1, Extended-A and -B ("Rūta Vaitkutė",
# "Łukasz", "Ștefan") and Extended Additional ("Nguyễn")
_LATIN_MORE = [chr(c) for c in (*range(0x100, 0x250), *range(0x1E00, 0x1F00))]
_UP = "A-ZÀ-ÖØ-Þ" + "".join(ch for ch in _LATIN_MORE if ch.isupper())
_LOW = "a-zß-öø-ÿ" + "".join(ch for ch in _LATIN_MORE if ch.islower())
# the lexicons whose one-word entries are words of the extractor's vocabulary (a first name that is
# one of them reads as that word: "Grant", "Mars", "Victoria"); column of the surface
_VOCABULARY = {
    "cues": "cue", "role_markers": "marker", "nonfact_markers": "marker", "sentence_markers": "marker",
    "name_filters": "word", "public_bodies": "word", "agency_words": "word", "public_programmes": "word",
    "chips": "surface",
    "currencies": "surface", "number_words": "word", "relative_days": "word", "date_words": "word",
    "scales": "word", "cities": "city", "cldr_cities": "city", "region_names": "name",
    "language_names": "name", "currency_names": "name", "person_markers": "word", "stopwords": "word",
}
# lower-case words inside a person's name: "Ursula von der Leyen", "Mohammed bin Salman"
_PARTICLES = r"(?:von|van|de|del|della|di|da|du|des|der|den|ter|bin|ben|ibn|al|el|la|le|dos|das)"
_CAP_WORD = rf"[{_UP}][\w'’-]*"
# a run of capitalised words (with particles between them); `names` skips one inside a longer word
_SPACE = r"[ \t\u00a0]+"
_RUN = re.compile(
    rf"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
    rf"(?:{_SPACE}(?:{_PARTICLES}{_SPACE}(?:(?:der|den|la|le|los){_SPACE})?)?{_CAP_WORD})+"
)
_GLUED = re.compile(r"[\w'’.@-]")
_TOKEN = re.compile(r"[^ \t\u00a0]+")
_POSSESSIVE = re.compile(r"['’]s$")


def _token(t: re.Match) -> tuple[int, int, str]:
    """A word of a run, without a possessive ("Meloni's government": "Meloni")."""
    word = t.group()
    if _POSSESSIVE.search(word):
        return t.start(), t.end() - 2, word[:-2]
    return t.start(), t.end(), word


_PARTICLE = re.compile(_PARTICLES + r"|der|den|la|le|los")
_CAPITAL_PARTICLES = frozenset({"Le", "La", "De", "Du", "Van", "Von", "Da", "Di", "Del", "Dos", "Das", "Mac"})
# a surname's shape: capitalised, no digit, no second capital unless after a hyphen or apostrophe
# ("AI", "SAS" are no surnames; "Stark-Watzinger", "O'Neill" are)
_SURNAME_SHAPE = re.compile(rf"[{_UP}][{_LOW}]+(?:[-'’][{_UP}]?[{_LOW}]+)*")
# the endings of the nouns firms are named with, never of a surname: "Photonics", "Photonique"
_NOT_SURNAME_END = re.compile(r"(?:ics|iques?)$")
# two names joined by "and"/"et": "founded by Chidi Okonkwo and Halima Bello"
_PAIR = re.compile(rf"({_RUN.pattern}) (?:and|et) ({_RUN.pattern})")

_NEXT_WORD = re.compile(rf"\s*(?:&|\+|{_CAP_WORD})")


def fold(word: str) -> str:
    """ "Hélène" -> "helene": the key first names are looked up by (English texts drop accents)."""
    if word.isascii():  # nothing to decompose: the same key, without the walk over its characters
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _apos(word: str) -> str:
    """A word as a regex: either apostrophe for both, a space for one or more."""
    return re.sub(r"['’]", "['’]", re.escape(word)).replace(r"\ ", " +")


def _first_chars(words: Iterable[str]) -> str:
    """A look-ahead for the first characters of `words`: the regex engine skips a position no word
    starts at in one test instead of trying every word (no match changes)."""
    firsts: set[str] = set()
    for w in words:
        if not w:
            return ""
        firsts.update("'’" if w[0] in "'’" else w[0])
    return f"(?=[{re.escape(''.join(sorted(firsts)))}])" if firsts else ""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(_apos(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def _markers(kind: str) -> tuple[str, ...]:
    return tuple(r["word"] for r in rows("person_markers") if r["kind"] == kind)


@cache
def firm_words() -> frozenset[str]:
    """Words that make a name a firm's ("Capital", "Ventures", "SAS"); case-sensitive."""
    return frozenset(_markers("firm_word"))


@cache
def _vocabulary(skip: tuple[str, ...] = ()) -> frozenset[str]:
    """The folded one-word entries of the extractor's lexicons, and every language's stop words
    (less the lexicons `skip` names)."""
    out: set[str] = set()
    for name, column in _VOCABULARY.items():
        if name in skip:
            continue
        for r in rows(name):
            word = r.get(column, "")
            if word and " " not in word:
                out.add(fold(word))
    return frozenset(out)


@cache
def _places() -> frozenset[str]:
    """Place names of the generated lexicons ("Mato Grosso", "Sophia Antipolis" is no person)."""
    return frozenset(r[column] for name, column in (("cities", "city"), ("cldr_cities", "city"),
                                                     ("region_names", "name")) for r in rows(name))


@cache
def _listed_first_names() -> frozenset[str]:
    """The folded names of `first_names.csv` that are no word of the extractor's vocabulary. Stop
    words are left to the document ("John", "Pierre", "David" head jusText's frequency lists, and a
    text that writes "said" or "can" in lower case reads no first name in them, see
    `is_first_name`), and so are language names ("Mari", "Shona"; the demonyms among them are
    places)."""
    vocabulary = _vocabulary(skip=("stopwords", "language_names"))
    return frozenset(f for f in (fold(r["name"]) for r in rows("first_names")) if f not in vocabulary)


@cache
def _context() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a firm noun right before a name, a title in an apposition right after it, the speech verb of
    a quote right before it)."""
    nouns = _alternation(_markers("firm_noun"))
    firm_before = re.compile(
        rf"(?<![\w'’])(?:{nouns})(?:\s+[{_LOW}][\w-]*){{0,2}}\s+$", re.IGNORECASE
    )
    titles = _alternation(w for w in (r["word"] for r in rows("name_filters") if r["kind"] == "title")
                          if w[-1:].isalpha())
    title_after = re.compile(
        r"\s*,\s*(?:(?:the|le|la|l['’]|son|sa|its|his|her|their|leur)\s*)?(?:[\w-]+['’]s\s+)?"
        rf"(?:co-?)?(?:{titles})\b",
        re.IGNORECASE,
    )
    speech = _alternation(_markers("speech"))
    speaker_before = re.compile(rf"[»\"”]\s*,?\s*(?:{speech})\s+$", re.IGNORECASE)
    return firm_before, title_after, speaker_before


@cache
def _title_then_name() -> re.Pattern:
    """A title between a name and a capitalised name after it: the first name is the second's firm
    ("said Cascade Tensor co-founder and CEO Daniel Reyes", "a déclaré X directrice générale Y")."""
    titles = _alternation(w for w in (r["word"] for r in rows("name_filters") if r["kind"] == "title")
                          if w[-1:].isalpha())
    return re.compile(
        rf"\s+(?:co-?)?(?:{titles})\b(?:\s+(?:and|et|&)\s+(?:co-?)?(?:{titles})\b)?\s+[A-ZÀ-ÖØ-Þ]",
        re.IGNORECASE,
    )


@cache
def _firm_after() -> re.Pattern:
    """An apposition calling the name before it a firm: ", a Boston start-up", ", une jeune pousse"."""
    nouns = _alternation(_markers("firm_noun"))
    return re.compile(
        r"\s*,\s*(?:(?:a|an|the|its|un|une|la|le|les|sa|son)\s+|l['’])(?:[\w'’-]+\s+){0,3}?"
        rf"(?:{nouns})\b(?!['’]s\b)",  # not "X, the start-up's founder"
        re.IGNORECASE,
    )


@cache
def _speech_last_words() -> frozenset[str]:
    """The last words of the speech markers ("said", "déclaré"): the word before a quote's speaker."""
    return frozenset(w.split()[-1].lower() for w in _markers("speech"))


def _after_speech(text: str, start: int) -> bool:
    """A quick test before the speech patterns: the word before `start` ends a speech marker."""
    words = text[max(0, start - 30) : start].split()
    return bool(words) and words[-1].lower() in _speech_last_words()


@cache
def _speech() -> tuple[re.Pattern, re.Pattern]:
    """(a speech verb right before a name: "», a déclaré X", "said X"; one right after it, past an
    apposition: "X said", "X, cofondatrice de Y, a ajouté")."""
    speech = _alternation(_markers("speech"))
    before = re.compile(rf"(?:^|[»\"”,]\s*|\s)(?:{speech})\s+$", re.IGNORECASE)
    after = re.compile(rf"\s*(?:,[^,.;:«»\"“”]{{1,80}},)?\s*,?\s*(?:{speech})\b", re.IGNORECASE)
    return before, after


@cache
def _affiliation() -> re.Pattern:
    """After a person, the apposition naming whom they work for: ", associée chez Y", ", managing
    partner at Y", ", CEO of Y", ", le fondateur de Y"; the pattern ends where Y starts."""
    offices = _alternation([*(r["word"] for r in rows("name_filters") if r["kind"] == "title"
                              and r["word"][-1:].isalpha()), *_markers("office")])
    return re.compile(
        r"\s*,\s*(?:(?:the|le|la|l['’]|son|sa|its|his|her|their|leur)\s*)?(?:[\w-]+\s+){0,2}?"
        rf"(?:co-?)?(?:{offices})\s+(?:[\w-]+\s+){{0,2}}?"
        r"(?:of|at|chez|de|du|d['’]|from|with)\s*(?:(?:the|la|le)\s+|l['’])?",
        re.IGNORECASE,
    )


@cache
def _title_before() -> re.Pattern:
    """A title before a name, up to three words between ("le ministre X", "CEO X", "le ministre
    délégué au Numérique, X"), not "le fondateur de X" nor "CEO, X" (X is then the firm)."""
    words = [r["word"] for r in rows("name_filters") if r["kind"] == "title"]
    return re.compile(
        rf"(?<![\w]){_first_chars(words)}(?:{_alternation(words)})"
        # ... a comma right after the title names the firm it signs for: "Cofondateur & CEO, Vakio AI"
        r"(?:(?:\s+(?!(?:de|du|des|of|chez|at)\b)[\w'’.-]+){1,3}?[\s,]+|\s+"
        # ... or its portfolio, then the name in apposition: "la ministre de la Transition digitale, X"
        r"|\s+(?:de|du|des|d['’]|of|for)\b[^;.:()«»\"]{1,90},\s+)$",
        re.IGNORECASE,
    )


def titled(text: str, lo: int, start: int) -> bool:
    """A title stands before the name starting at `start` (within 100 characters, not before `lo`,
    the start of its sentence)."""
    return _title_before().search(text[max(lo, start - 100) : start]) is not None


# a closing quote, then one lower-case verb (inverted speech): "», reconnaît ", "" said "
_QUOTE_THEN_VERB = re.compile(r"[»\"”]\s*,?\s*[a-zà-ÿ][\w-]*(?:-t-(?:il|elle))?\s+$")


def speaker(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] says something: "», a déclaré X", "said X", "X said", "X, CEO of
    Y, said". A speaker announces or comments a deal; that says nothing of their own money."""
    before, after = _speech()
    if _after_speech(text, start) and before.search(text, max(0, start - 40), start) is not None:
        return True
    # "», reconnaît X", "» insiste-t-elle X": any verb right after a closing quote introduces its speaker
    if _QUOTE_THEN_VERB.search(text, max(0, start - 40), start) is not None:
        return True
    return after.match(text, end) is not None


@cache
def _invest_after() -> re.Pattern:
    verbs = _alternation(_markers("invests"))
    return re.compile(
        r"(?:\s*,[^,;.:«»\"“”]{1,80},)?\s*(?:,?\s*(?:who|qui)\s+)?(?:(?:also|aussi|également|y|a|ont|has|have|had|personally|"
        rf"personnellement|lui-même|elle-même)\s+)*(?:{verbs})\b",
        re.IGNORECASE,
    )


def invests(text: str, end: int) -> bool:
    """The person whose name ends at `end` is said to put money in: "X, the co-founder of Y, also
    invested personally", "X a investi à titre personnel", "X participe au tour"."""
    return _invest_after().match(text, end) is not None


def affiliation(text: str, end: int) -> int | None:
    """Where the firm a person works for starts, in an apposition right after the person's name
    ending at `end` (", associée chez Tarnow Capital"), else None."""
    m = _affiliation().match(text, end)
    return m.end() if m is not None else None


class People:
    """The first names and the firm names of one project (seeds), and the person finder."""

    def __init__(self, firm_names: Iterable[str], place_forms: Iterable[str], generic: Iterable[str] = ()):
        self.firm_names = frozenset(firm_names)
        self.places = _places() | frozenset(place_forms)
        # a one-word firm or place name is not read as a first name ("Meta", "Georgia")
        excluded = {fold(n) for n in (*self.firm_names, *place_forms) if " " not in n}
        self.first = _listed_first_names() - excluded
        self.not_surname = firm_words() | frozenset(generic) | frozenset(place_forms)
        self._found: dict[str, frozenset[str]] = {}
        self._first_cache: dict[str, bool] = {}
        self._surname_cache: dict[str, bool] = {}

    def is_first_name(self, word: str, lower_words: set[str] | frozenset[str] = frozenset()) -> bool:
        """A known first name ("Camille", "Jean-Pierre", "Helene"), not written in lower case in
        the document ("Grant" in a text about a grant)."""
        known = self._first_cache.get(word)
        if known is None:
            key = fold(word)
            known = key in self.first or ("-" in key and all(p in self.first for p in key.split("-")))
            self._first_cache[word] = known
        return known and word.lower() not in lower_words

    def is_surname(self, word: str, lower_words: set[str] | frozenset[str] = frozenset()) -> bool:
        """A capitalised word that may be a surname: no acronym ("AI"), digit, firm word
        ("Capital"), generic or place word, nor a word the document writes in lower case."""
        shaped = self._surname_cache.get(word)
        if shaped is None:
            shaped = (
                _SURNAME_SHAPE.fullmatch(word) is not None
                and _NOT_SURNAME_END.search(word) is None
                and word not in self.not_surname
                and fold(word) not in _vocabulary()
            )
            self._surname_cache[word] = shaped
        if not shaped:
            return False
        low = word.lower()
        # the text writes the word in lower case, alone or in the plural ("puces photoniques")
        return low not in lower_words and low + "s" not in lower_words and low + "es" not in lower_words

    def named(self, name: str, lower_words: set[str] | frozenset[str] = frozenset()) -> bool:
        """ "Camille Berthier", "Jean-Pierre Rocca Dias": a first name and one or two surnames."""
        words = [w for w in name.split() if not _PARTICLE.fullmatch(w)]
        return (
            2 <= len(words) <= 3
            and name not in self.firm_names
            and self.is_first_name(words[0], lower_words)
            and all(self.is_surname(w, lower_words) for w in words[1:])
        )

    def names(self, text: str, lower_words: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
        """The persons of a document: each person's name as written, without its particles
        ("Ursula Leyen" for "Ursula von der Leyen", as the name finder cuts it), and the surname
        alone ("Berthier"), unless a firm of the seeds bears it."""
        if text in self._found:
            return self._found[text]
        out: set[str] = set()
        _firm_before, title_after, speaker_before = _context()
        for m in _RUN.finditer(text):
            if m.start() and _GLUED.match(text, m.start() - 1):
                continue  # inside a word ("McKinsey"), an address or a hyphenated compound
            if not any(self.is_first_name(w, lower_words) for w in m.group().split()) and not (
                title_after.match(text, m.end())
                or (_after_speech(text, m.start())
                    and speaker_before.search(text, max(0, m.start() - 40), m.start()))
            ):
                continue  # no first name, no title or quote: most capitalised runs ("Mistral AI")
            words = list(_TOKEN.finditer(text, m.start(), m.end()))
            # a possessive ends the name: "Elena Varga's Kestrel Forge"
            cut = next((k + 1 for k, w in enumerate(words) if _POSSESSIVE.search(w.group())), len(words))
            tokens = [_token(w) for w in words[:cut]]
            for k, (_start, _end, first) in enumerate(tokens):
                if first[:1].islower() or (k and tokens[k - 1][2] in firm_words()):
                    continue  # "Fondation Camille Berthier": a firm named after a person
                if self.is_first_name(first, lower_words):
                    self._person_at(text, tokens[k:], lower_words, True, out)
                elif k == 0 and (
                    title_after.match(text, m.end())
                    or (_after_speech(text, m.start())
                        and speaker_before.search(text, max(0, m.start() - 40), m.start())
                        and not _title_then_name().match(text, m.end()))
                ):
                    self._person_at(text, tokens, lower_words, False, out)
        self._coordinated(text, lower_words, out)
        found = frozenset(out)
        if len(self._found) > 64:
            self._found.clear()
        self._found[text] = found
        return found

    def _coordinated(self, text: str, lower_words, out: set[str]) -> None:
        """A name of surname-shaped words joined to a person's by "and"/"et" is a person's too: "founded
        by Chidi Okonkwo and Halima Bello" with Halima a known first name (a firm's name has a firm
        word: "Halima Bello and Orbis Capital")."""
        if " and " not in text and " et " not in text:
            return
        for m in _PAIR.finditer(text):
            left = [_token(w) for w in _TOKEN.finditer(text, m.start(1), m.end(1))]
            right = [_token(w) for w in _TOKEN.finditer(text, m.start(2), m.end(2))]
            # the names nearest the conjunction: a run may start with a capitalised sentence opener
            for known, other in ((right, left[-2:]), (left[-2:], right[:2])):
                if " ".join(w for _a, _b, w in known) in out and all(
                    self.is_surname(w, lower_words) for _a, _b, w in other
                ):
                    self._person_at(text, other, lower_words, True, out)

    def _person_at(self, text: str, tokens: list, lower_words, first_name: bool, out: set[str]) -> None:
        """Whether the run of `tokens` (from a first name, or from the start of a capitalised run)
        is a person's name; if so, its forms go into `out`."""
        words = [w for _a, _b, w in tokens]
        # the name, up to a word that cannot be part of a person's name
        keep = 1
        while keep < len(words) and (
            _PARTICLE.fullmatch(words[keep])
            or self.is_surname(words[keep], lower_words)
            # a capitalised particle inside a surname: "Maël Le Goff", "Anne De Wit"
            or (words[keep] in _CAPITAL_PARTICLES and keep + 1 < len(words))
        ):
            keep += 1
        if keep < len(words):
            return  # a longer name: "Camille Berthier Capital", "Jean Martin Robotique Labs"
        name_words = [w for w in words if not _PARTICLE.fullmatch(w)]
        if not 2 <= len(name_words) <= 3:
            return
        start, end = tokens[0][0], tokens[-1][1]
        if (hit := _NEXT_WORD.match(text, end)) and hit.group().strip() in ("&", "+"):
            return  # "Camille Berthier & Associés"
        firm_before, title_after, speaker_before = _context()
        lead = text[max(0, start - 40) : start]
        if firm_before.search(lead) or _firm_after().match(text, end):
            return  # "la start-up Camille Labs", "Lila Moreno, a Boston start-up,"
        if not first_name and not (
            # no known first name: a title in an apposition, or a quote's speaker
            self.is_surname(words[0], lower_words)
            and (title_after.match(text, end) is not None or speaker_before.search(lead) is not None)
        ):
            return
        name, written = " ".join(name_words), " ".join(words)
        if any(n in self.firm_names or n in self.places for n in (name, written)):
            return  # "Robert Bosch" in the seeds, "Mato Grosso"
        out.update((name, written))
        if (cut := next((k for k, w in enumerate(words) if w[:1].islower()), 0)) > 0:
            # "Jean-Marc de La Tour": the name finder reads "Jean-Marc" and "La Tour"
            out.add(" ".join(words[:cut]))
            out.add(" ".join(w for w in words[cut:] if w[:1].isupper()))
        if name_words[-1] not in self.firm_names:
            out.add(name_words[-1])
        if first_name and name_words[0] not in self.firm_names and name_words[0] not in self.places:
            # "Achieng, karibu.", "asks Lachlan": a known first name alone, after the full name
            out.add(name_words[0])

