"""Lexicon-derived vocabulary, compiled once per language: cue words and their inflections, markers, non-
fact patterns, titles, media, public bodies, programmes, and the shared regexes built from them.
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick_rs
from warehouse.staging.chips import chip_models
from warehouse.staging.lexicon import for_language, rows

try:  # the characters the regex engine also matches, ignoring case, for a letter ("ſ" for "s")
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python: every title test runs
    _EXTRA_CASES = None

_CHIP_WORDS = "|".join(re.escape(r["surface"]) for r in rows("chips") if r["kind"] in ("unit", "system"))
_CHIP_WORDS = rf"\b(?:{_CHIP_WORDS})\b"


def _apos(s: str) -> str:
    return re.sub(r"['’]", "['’]", re.escape(s)).replace(r"\ ", " +")


def _first_chars(words) -> str:
    """A look-ahead for the first characters of `words` ("(?=[abc])"), put before their alternation:
    the regex engine then skips a position whose character starts no word at one test instead of
    trying every word. It changes no match, since every match starts with one of those characters."""
    firsts = set()
    for w in words:
        if not w:
            return ""
        firsts.update("'’" if w[0] in "'’" else w[0])
    return f"(?=[{re.escape(''.join(sorted(firsts)))}])" if firsts else "(?!)"  # no words: no match


def _word_regex(words: list[str], flags=0) -> re.Pattern:
    # a word ending in an apostrophe ("au capital d'") runs straight into the next one
    alt = "|".join(
        _apos(w) + ("" if w[-1:] in "'’" else r"(?![\w])") for w in sorted(set(words), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w]){_first_chars(words)}(?:{alt})", flags)


class _Deferred:
    """A regex compiled the first time it is used: `_cues`' alternation reads only a text that lower-
    casing changes in length (the cue automaton reads the others), and costs every process that
    extracts a document its compiling (5,000 characters in each language)."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._pattern, self._flags, self._compiled = pattern, flags, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return getattr(self._compiled, name)


def _word_pattern(words: list[str]) -> str:
    """`_word_regex(words).pattern`, not compiled."""
    # a word ending in an apostrophe ("au capital d'") runs straight into the next one
    alt = "|".join(
        _apos(w) + ("" if w[-1:] in "'’" else r"(?![\w])") for w in sorted(set(words), key=len, reverse=True)
    )
    return rf"(?<![\w]){_first_chars(words)}(?:{alt})"


def _inflections(cue: str, language: str, participles: bool = True) -> list[str]:
    """The other forms of a French cue the lexicon lists once: a verb in the future or the present
    takes a plural subject ("ils en recevront", "les hébergeurs commandent", "A et B obtiennent");
    with `participles` (chip purchases), a past participle agrees with its object ("256 GPU
    commandés", "les puces acquises", "retenues")."""
    if language == "en":
        # "said it would provide", "would invest": the modal of reported speech
        if cue.startswith("will "):
            return ["would " + cue[5:]]
        # "gets" -> "will get"; "acquires" -> "will acquire" (a verb's third person; not "access",
        # "bonus"); no "would": "$1.2 billion would buy 30,000 chips" is a conditional
        if " " not in cue and re.fullmatch(r"[a-z]{2,}[^su]s", cue):
            return ["will " + (cue[:-3] + "y" if re.search(r"[^aeiou]ies$", cue) else cue[:-1])]
        return []
    if language != "fr":
        return []
    head, _sp, last = cue.rpartition(" ")
    pre = f"{head} " if head else ""
    if cue.startswith("a ") and len(cue) > 4:
        return ["ont " + cue[2:]]  # a reçu -> ont reçu
    if len(last) < 4:
        return []  # "iront au": a preposition ends the cue
    if last.endswith("ient"):  # obtient -> obtiennent
        return [pre + last[:-1] + "nent"]
    if last.endswith("oit"):  # reçoit -> reçoivent
        return [pre + last[:-1] + "vent"]
    if not participles:
        if last.endswith("ra") and len(last) > 4:
            return [pre + last[:-1] + "ont"]
        if not head and last.endswith("e") and not last.endswith("ée") and len(last) > 4:
            return [last + "nt"]
        return []
    if last.endswith(("é", "u")):
        return [pre + last + x for x in ("s", "e", "es")]
    if last.endswith("is") and len(last) > 3:  # acquis, pris
        return [pre + last + x for x in ("e", "es")]
    if last.endswith("ra") and len(last) > 4:  # recevra -> recevront
        return [pre + last[:-1] + "ont"]
    if not head and last.endswith("e") and not last.endswith("ée") and len(last) > 4:
        return [last + "nt"]  # commande -> commandent
    return []


@cache
def _cues(language: str) -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for r in for_language("cues", language):
        table.setdefault(r["cue"].lower().replace("’", "'"), []).append((r["fact_type"], r["subject_role"]))
    for cue, entries in list(table.items()):
        for fact_type, role in entries:
            for form in _inflections(cue, language, participles=fact_type != "investment"):
                verb = form.partition(" ")[2] if language == "en" else ""
                if any(ft == fact_type for ft, _r in table.get(verb, [])):
                    continue  # "acquire" listed: it reads "will acquire" already
                if not any(ft == fact_type for ft, _r in table.get(form, [])):
                    table.setdefault(form, []).append((fact_type, role))
    return _Deferred(_word_pattern(list(table)), re.IGNORECASE), table


# "will each receive", "a finalement commandé": adverbs between an auxiliary and the verb of a cue
_AUXILIARIES = {
    "en": "will|would|shall|has|have|had",
    "fr": "a|ont|avait|avaient|va|vont|sera|seront",
}
_ADVERBS = (
    r"((?:\s+(?:\w+ly|\w+ment|each|also|both|all|now|already|still|jointly|together|first|then|soon|just"
    r"|chacun|chacune|déjà|aussi|bien|encore|enfin|ainsi|d['’]abord)){1,3})\s+(\w+)(?![\w])"
)


@cache
def _aux_adverb(language: str) -> re.Pattern:
    aux = _AUXILIARIES.get(language, "|".join(_AUXILIARIES.values()))
    firsts = "".join(sorted({w[0] for w in aux.split("|")}))
    # (the look-ahead names the auxiliaries' first letters: a quick skip of every other position)
    return re.compile(rf"(?=[{firsts}{firsts.upper()}])(?<![\w'’])({aux}){_ADVERBS}", re.IGNORECASE)


def _aux_cues(text: str, table: dict, language: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of cues split by adverbs: the key is the cue without them ("will receive")."""
    out = []
    for m in _aux_adverb(language).finditer(text):
        key = f"{m.group(1)} {m.group(3)}".lower()
        if key in table:
            out.append((m.start(), m.end(), key))
    return out


@cache
def _cue_automaton(language: str) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """Aho-Corasick over the lower-cased cues: one pass over a document finds them all."""
    _rx, table = _cues(language)
    patterns = sorted(table)
    return ahocorasick_rs.AhoCorasick(patterns), patterns


@cache
def _markers(language: str, fact_type: str) -> dict[str, list[tuple[re.Pattern, int]]]:
    """role -> regexes of the markers that introduce it."""
    out: dict[str, list[str]] = {}
    for r in for_language("role_markers", language):
        if r["fact_type"] == fact_type:
            out.setdefault(r["role"], []).append(r["marker"])
            # a French participle agrees with the round or the firms: "suivi par", "suivie par",
            # "suivis par", "rejointes par"
            m = re.fullmatch(r"(\w*[éiut]) (par|de|d')", r["marker"]) if language == "fr" else None
            if m:
                out[r["role"]] += [f"{m.group(1)}{end} {m.group(2)}" for end in ("e", "s", "es")]
            # "aux côtés de" is also written "aux côtés du fonds", "aux côtés des fonds", "en faveur d'X"
            if language == "fr" and r["marker"].endswith(" de"):
                out[r["role"]] += [r["marker"][:-3] + end for end in (" du", " des", " d'")]
            # a round is also "la ronde" (Québec) or "la levée": "mène le tour" -> "mène la ronde"
            if language == "fr" and r["marker"].endswith((" le tour", " un tour")):
                head, article = r["marker"][:-8], r["marker"][-7:-5]
                nouns = ("la ronde", "la levée") if article == "le" else ("une ronde", "une levée")
                out[r["role"]] += [f"{head} {n}" for n in nouns]
    # an adverb inside a marker before its names: "mené conjointement par", "led jointly by"
    adverbs = _MARKER_ADVERBS.get(language, ())
    for ws in out.values():
        ends = [w.rsplit(" ", 1) for w in ws if w.endswith((" par", " by"))]
        ws += [f"{head} {a} {prep}" for head, prep in ends for a in adverbs]
    return {role: _word_regex(ws, re.IGNORECASE) for role, ws in out.items()}


_MARKER_ADVERBS = {"fr": ("conjointement", "notamment", "également"), "en": ("jointly", "also")}


@cache
def _nonfact(language: str) -> list[tuple[re.Pattern, str, str]]:
    out = []
    for r in for_language("nonfact_markers", language):
        if r["label"] != "adverb":
            out.append((r["marker"], r["label"], r["position"]))
    by: dict[tuple[str, str], list[str]] = {}
    for marker, label, pos in out:
        by.setdefault((label, pos), []).append(marker)
    return [(_word_regex(ws, re.IGNORECASE), label, pos) for (label, pos), ws in by.items()]


@cache
def _adverbs(language: str) -> re.Pattern | None:
    """Adverbs that may stand inside a marker ("could eventually cost"): read as absent."""
    words = [r["marker"] for r in for_language("nonfact_markers", language) if r["label"] == "adverb"]
    return re.compile(_word_regex(words, re.IGNORECASE).pattern + r"\s+", re.IGNORECASE) if words else None


@cache
def _language_names() -> frozenset[str]:
    """Language names in English and French (lexicons/language_names.csv, from CLDR), capitalised
    as prose writes them."""
    return frozenset(
        r["name"][:1].upper() + r["name"][1:]
        for r in rows("language_names")
        if " " not in r["name"] and len(r["name"]) >= 4
    )


@cache
def _sentence_flags(language: str) -> dict[str, re.Pattern]:
    by: dict[str, list[str]] = {}
    for r in for_language("sentence_markers", language):
        by.setdefault(r["label"], []).append(r["marker"])
    return {label: _word_regex(ws, re.IGNORECASE) for label, ws in by.items()}


@cache
def _any_sentence_flag(language: str) -> re.Pattern:
    """Every sentence marker at once: most sentences have none, and one search says so (a yes/no
    test: the markers are factored by shared beginnings, see `_word_trie`)."""
    words = [r["marker"] for r in for_language("sentence_markers", language)]
    if not all(len(c.lower()) == 1 for w in words for c in w):
        return _word_regex(words, re.IGNORECASE)
    trie = _word_trie({w.lower() for w in words})
    return re.compile(rf"(?<![\w]){_first_chars(words)}{trie}", re.IGNORECASE)


@cache
def _relative_days(language: str) -> tuple[re.Pattern, dict[str, tuple[int | None, int | None]]]:
    table = {}
    for r in for_language("relative_days", language):
        table[r["word"].lower()] = (
            int(r["weekday"]) if r["weekday"] else None,
            int(r["offset"]) if r["offset"] else None,
        )
    return _word_regex(list(table), re.IGNORECASE), table


@cache
def _noise(language: str, kinds: tuple[str, ...] = ("links", "furniture")) -> re.Pattern:
    """Lines that link to other articles (`links`) or are the page's furniture (`furniture`: share
    buttons, image credits): their deals are not this article's."""
    words = [r["marker"] for r in for_language("noise_markers", language) if r["kind"] in kinds]
    alt = "|".join(_apos(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"  # none: no match
    return re.compile(rf"^\s*(?:{alt})\b", re.IGNORECASE)


@cache
def _public_bodies(language: str) -> re.Pattern:
    return _word_regex([r["word"] for r in for_language("public_bodies", language)])


@cache
def _agency_words() -> frozenset[str]:
    """Words that name a state's agency with its country's or region's name and nothing else
    ("Enterprise Ireland", "Innovate UK", "Business Finland"; lexicons/agency_words.csv)."""
    return frozenset(r["word"] for r in rows("agency_words"))


@cache
def _public_words() -> re.Pattern:
    """Public-body words of both languages, to read a name ("Latvia's Ministry of ...")."""
    return _word_regex([r["word"] for r in rows("public_bodies")])


@cache
def _programmes() -> tuple[re.Pattern, re.Pattern]:
    """(public, named) programme, law and budget words (lexicons/public_programmes.csv)."""
    by: dict[str, list[str]] = {"public": [], "named": []}
    for r in rows("public_programmes"):
        by[r["kind"]].append(r["word"])
    return _word_regex(by["public"]), _word_regex(by["named"])


_PUBLIC_ADJ = re.compile(
    r"\b(?:public|publique|publics|state|federal|fédéral|government|national|nationale|provincial|regional|"
    r"régional|municipal|sovereign|souverain)\b",
    re.IGNORECASE,
)


# "grâce à l'alliance X", "thanks to X", "through X": the means of a deal, not who pays
_MEANS_BEFORE = re.compile(
    r"\b(?:grâce\s+à|thanks\s+to|through|via|par\s+l['’]intermédiaire\s+d[eu']?)\s*"
    r"(?:(?:la|le|les|l['’]|the|its|son|sa)\s*)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# a programme or channel the money comes under: "au titre de France 2030", "under the CHIPS Act"
_PROGRAMME_BEFORE = re.compile(
    r"\b(?:au titre d[eu]s?|au titre de l['’]|under|dans le cadre d[eu]s?|as part of|par le biais d[eu]|"
    r"via)\s+"
    r"(?:(?:the|la|le|les)\s+|l['’])?(?:[\w-]+\s+){0,2}[«\"“]?\s*$",
    re.IGNORECASE,
)
# a bullet opening a line of a list ("• X (Warsaw) — ..."), as news round-ups write them
_BULLET = re.compile(r"[ \t]*[•·▪◦*–-][ \t]+")
# a list item's number or bullet opening its line: "2. ", "3) ", "• "
_ITEM_MARK = re.compile(r"[ \t]*(?:\d{1,2}[.)][ \t]+|[•·▪◦*–-][ \t]+)")
# the investing arm of a body: "le bras financier de la Région", "the venture arm of the state"
_ARM_WORDS = r"(?:bras\s+(?:financier|armé|d['’]investissement)|(?:venture|investment|investing)\s+arm)"
_ARM_OF = re.compile(
    rf"\b{_ARM_WORDS}\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# names of money managers are never public grantors, whatever public word they hold
_FUND_WORDS = re.compile(
    r"\b(?:Invest\w*|Fund|Funds|Fonds|Capital|Ventures?|Bank|Banque|Holdings?|Wealth|Partners|Angels|"
    r"Family Office)\b"
)
# what stands between an amount and the body it comes from: "1,5 million de francs d'X", "$5m from X"
_SOURCE_GAP = re.compile(
    r"\s*(?:(?:respectively|respectivement),?\s+)?"
    # "€64 million in funding from the ministry", "1 M€ d'aides de l'État": the money's noun between
    r"(?:(?:in\s+(?:funding|grants?|support|financing)|d['’]aides?|de\s+subventions?|de\s+financement)\s+)?"
    r"(?:d['’]|de\s+(?:la\s+|l['’])?|du\s+|des\s+|from\s+(?:the\s+)?|by\s+(?:the\s+)?)",
    re.IGNORECASE,
)


# a public body acts when an article or a sentence start precedes it (one adjective allowed:
# "The British government"), not in "visite d'État"
# "the state investment fund", "Finnish state-owned investment company", "banque publique
# d'investissement": a public word that heads a money manager names an investor, never a grantor
_STATE_INVESTOR_AFTER = re.compile(
    r"(?:[ -](?:owned|backed|run|détenue?|contrôlée?))?(?:\s+[\w'’-]+){0,2}?\s+"
    r"(?:d['’]|de\s+l['’]|pour\s+l['’])?"
    r"(?:investments?|investment|investor|investisseur|investissement|funds?|fonds|bank|banque|holding|"
    r"wealth|capital)\b",
    re.IGNORECASE,
)


@cache
def _vendor_names() -> set[str]:
    return {v.lower() for v in chip_models().values() if v}


# (not "an alternative to U.S. cloud giants", "compared to China": a yardstick, not a place)
_LOC_PREP = re.compile(
    r"(?:\b(?:au|aux|en|in|à|dans|(?<!alternative )(?<!compared )(?<!answer )(?<!rival )to|into|across)"
    r"\s+(?:l['’]|la |le |les |the )?)$",
    re.IGNORECASE,
)
_RESTATE_GAP = re.compile(
    r"^\s*[,(–—-]?\s*(?:soit|environ|about|around|roughly|approximately|or|some|près de|quelque|"
    r"l['’]équivalent de|equivalent to|c['’]est-à-dire|ou|~|≈|\s)*\s*$",
    re.IGNORECASE,
)
# "lui accorde", "leur a apporté": the firm given to stands before the verb as a pronoun
# ("Le Fonsis y apporte 5 milliards": "y", the round of the firm told before)
_TO_IT_BEFORE = re.compile(r"\b(?:lui|leur|y)\s+(?:(?:a|ont|avait|avaient|va|vont|aurait)\s+)?$")
# a subject naming a money manager by its kind: "la banque publique", "le fonds", "the holding"
_FUND_ANAPHOR = re.compile(
    r"(?<![\w'’])(?:la|le|l['’]|the|this|ce|cette)\s*(?:[\w-]+\s+)?(?:banque|bank|fonds|fund|investisseur|"
    r"investor|holding)\b(?!(?-i:\s+[A-ZÀ-ÖØ-Þ]))",
    re.IGNORECASE,
)


def _filter_words(kind: str) -> list[str]:
    return [r["word"] for r in rows("name_filters") if r["kind"] == kind]


@cache
def _filter_first(kind: str) -> str:
    """The first-character look-ahead of the `name_filters` words of one kind (see `_first_chars`)."""
    return _first_chars(_filter_words(kind))


@cache
def _filter_alt(kind: str) -> str:
    """A regex alternation of the `name_filters` words of one kind, longest first."""
    words = [r["word"] for r in rows("name_filters") if r["kind"] == kind]
    return "|".join(_apos(w) for w in sorted(words, key=len, reverse=True))


@cache
def _title_words() -> re.Pattern:
    """Any title word (`name_filters` kind `title`), to skip sentences that title no one: a yes/no
    test, so the words are factored by shared beginnings (`_trie_alt`), which rejects a position
    after a letter or two instead of one try per word."""
    words = _filter_words("title")
    trie = _trie_alt({w.lower() for w in words})
    return re.compile(rf"(?<![\w]){_first_chars(words)}{trie}", re.IGNORECASE)


def _head_automaton(words) -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """Aho-Corasick over the first words of `words`, lower-cased (up to a space or an apostrophe, which
    the patterns built from them let vary), and the characters a pattern ignoring case matches for
    one of their letters though `str.lower` does not turn them into it ("ı", "ſ"): where a word of
    `words` may start, for a quick test before their pattern (see `Mentions.may_start`). None when
    that cannot be told."""
    heads = {re.split(r"[ '’]", w.lower(), maxsplit=1)[0] for w in words}
    if _EXTRA_CASES is None or not heads or not all(heads):
        return None
    unsafe = {chr(c) for h in heads for ch in h for c in _EXTRA_CASES.get(ord(ch), ())}
    return ahocorasick_rs.AhoCorasick(sorted(heads)), frozenset(unsafe)


def _phrase_automaton(words) -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_head_automaton` for whole phrases: Aho-Corasick over `words` lower-cased, with either
    apostrophe for each, and what makes a text unsure: the characters of `_head_automaton`, and two
    spaces in a row (a pattern reads a space as one or more). None when that cannot be told."""
    words = list(words)
    if _EXTRA_CASES is None or not words or not all(w and w[0] not in " '’" for w in words):
        return None
    if not all(len(c.lower()) == 1 for w in words for c in w):
        return None
    phrases: set[str] = set()
    for w in words:
        parts = re.split(r"['’]", w.lower())
        variants = [parts[0]]
        for part in parts[1:]:
            variants = [v + apostrophe + part for v in variants for apostrophe in "'’"]
        phrases.update(variants)
    unsafe = {chr(c) for w in phrases for ch in w for c in _EXTRA_CASES.get(ord(ch), ())} | {"  "}
    return ahocorasick_rs.AhoCorasick(sorted(phrases)), frozenset(unsafe)


@cache
def _flag_automaton(language: str) -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_phrase_automaton` of the sentence markers: before `_any_sentence_flag`."""
    return _phrase_automaton(r["marker"] for r in for_language("sentence_markers", language))


@cache
def _relday_automaton(language: str) -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_phrase_automaton` of the relative days ("hier", "on Tuesday"): before `_relative_days`."""
    return _phrase_automaton(r["word"].lower() for r in for_language("relative_days", language))


@cache
def _title_automaton() -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_head_automaton` of the titles: before `_title_words` and `people.titled`."""
    return _head_automaton(_filter_words("title"))


@cache
def _media_automaton() -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_head_automaton` of the media words: before `_media`."""
    return _head_automaton(_filter_words("media"))


@cache
def _model_automaton() -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_head_automaton` of the chip models: before `chips.model_regex`."""
    return _head_automaton(chip_models())


@cache
def _origin_automaton() -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_head_automaton` of the words `_origins` opens on: before it."""
    return _head_automaton(["former", "ex", "ancien", *_filter_words("origin")])


@cache
def _unit_automaton() -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]] | None:
    """`_head_automaton` of the chip units and models, one of which ends every chip count (see
    `chips.quantity_regex`): before `chips.find_quantities`."""
    return _head_automaton([r["surface"] for r in rows("chips") if r["kind"] in ("unit", "model")])


def _word_trie(words: set[str], last: str = "") -> str:
    """A regex matching what `_word_regex(words)` matches after its look-behind (each word ends at a
    word boundary unless it ends in an apostrophe), factored by shared prefixes: for yes/no tests."""
    branches = []
    for first in sorted({w[0] for w in words if w}):
        rest = _word_trie({w[1:] for w in words if w and w[0] == first}, first)
        edge = " +" if first == " " else "['’]" if first in "'’" else re.escape(first)
        branches.append(edge + rest)
    if "" in words:
        branches.append("" if last in "'’" else r"(?![\w])")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _trie_alt(words: set[str]) -> str:
    """A regex matching what the alternation of `_apos(w)` for `words` matches (a space stands for
    one or more, either apostrophe for both), factored by shared prefixes. Which word wins at a
    position may differ from the plain alternation: for yes/no tests only."""
    if words == {""}:
        return ""
    branches = []
    for first in sorted({w[0] for w in words if w}):
        rest = _trie_alt({w[1:] for w in words if w and w[0] == first})
        edge = " +" if first == " " else "['’]" if first in "'’" else re.escape(first)
        branches.append(edge + rest)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


@cache
def _media() -> re.Pattern:
    alt = _filter_alt("media")
    return re.compile(
        rf"(?<![\w-]){_filter_first('media')}(?:{alt})(?![\w-])(?:\s+[\w'’-]+){{0,2}}?\s+$", re.IGNORECASE
    )


@cache
def _periodicals() -> frozenset[str]:
    """The last words of a publication's name (`name_filters` kind `periodical`): "Levant Tech Monthly",
    "Semiconductor Asia Insider" is a masthead, never a party."""
    return frozenset(w.lower() for w in _filter_words("periodical"))


@cache
def _origins() -> re.Pattern:
    """Where founders come from ("Issue de l'EPFL", "deux anciens chercheurs de l'Inria", "former
    Google engineers"): a school or a former employer, never the deal's actor."""
    alt = _filter_alt("origin")
    return re.compile(
        rf"(?<![\w-]){_first_chars(['former', 'ex', 'ancien', *_filter_words('origin')])}"
        rf"(?:(?:{alt})(?:[\s-]+[\w'’-]+){{0,5}}?\s+(?:de|d['’]|du|des|of|at|from|out of|chez|in)"
        rf"\s*(?:l['’]|la\s+|le\s+|les\s+|the\s+|an?\s+)?|(?:former|ex|anciens?)[\s-]+)$",
        re.IGNORECASE,
    )


@cache
def _fronted() -> re.Pattern:
    """A sentence opening on a participle ("Fondée en 2022 par ..., la jeune pousse X lève"): the
    names of that opening phrase are not its subject."""
    alt = _filter_alt("fronted")
    # ... any French or English past participle: "Labellisée « Startup Act » depuis 2023, l'entreprise"
    # (not one that names the subject: "Baptisé Kyutai, ce laboratoire", "Dubbed X, the lab")
    naming = r"(?!(?:Baptis|Nomm|Appel|Surnomm|Nam|Dubb|Call)(?:ée?s?|ed)\b)"
    participle = naming + r"[A-ZÀ-Þ][a-zà-ÿ]{3,}(?:ée?s?|ed)"
    return re.compile(rf"\s*(?:(?i:{alt})|{participle})(?![\w-])")


@cache
def _sites() -> re.Pattern:
    """Common nouns of sites a name may qualify ("X campus", "X data centre"): then X is no firm."""
    alt = _filter_alt("site")
    return re.compile(rf"\s+(?:{alt})(?![\w-])")


@cache
def _territory_end() -> re.Pattern:
    """A name ending in a territory's noun ("the Eastern Province", "Gouvernorat de Sfax" is not one):
    a place, never a firm."""
    return re.compile(rf"(?:^|\s)(?:{_filter_alt('territory')})$")


@cache
def _gov_titles() -> re.Pattern:
    """Titles of office holders whose spending is the state's ("le ministre-président X")."""
    alt = _filter_alt("gov_title")
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])(?:\s+[\w'’-]+){{0,2}}?[\s,]+$")


_POSSESSIVE = re.compile(r"^['’]s\s")
# the channel money comes through, opening a sentence: "Through the X Fund, A and B will receive"
_CHANNEL_OPENING = re.compile(r"\s*(?:through|via|grâce\s+à|par\s+l['’]intermédiaire\s+d[eu']?)\b", re.I)
_PLACE_OF_FIRM = re.compile(r"-(?:based|born|headquartered|basée?s?)\b", re.IGNORECASE)
_RECEIVE = re.compile(
    r"\b(?:received|receives|will receive|has won|won|obtained|gets|got|will get|is set to get|"
    r"lands|landed|secures|secured|wins|"
    r"a reçu|reçoit|recevra|a obtenu|obtient|obtenu|obtiendra|décroche|a décroché|décroché|"
    r"bénéficie|bénéficiera|a bénéficié|touchera|a touché|"
    # plural subjects: "A, B et C bénéficieront chacune d'une aide", "A and B will each receive"
    r"recevront|reçoivent|obtiennent|obtiendront|bénéficient|bénéficieront|toucheront|ont reçu|ont obtenu|"
    r"ont décroché|ont bénéficié|ont touché|have received|have won|have secured|"
    r"receive|will each receive|will each get|each receive|each get)\b",
    re.IGNORECASE,
)
_ROUND_WORDS = re.compile(
    r"\b(?:round|tour de table|série|series|seed|pre-seed|amorçage|levée|equity|fonds propres|valuation|"
    r"valorisation|investors|investisseurs)\b",
    re.IGNORECASE,
)
# "Abu Dhabi AI firm G42", "Gulf AI group Kairo": a name followed by a firm noun and another name
_FIRM_NOUN_WORDS = r"(?:firm|company|start-?up|group|operator|giant|maker|lab|outfit|provider)"


@cache
def _currency_users() -> dict[str, frozenset[str]]:
    """Currency -> the countries that use it (lexicons/currency_territories.csv, CLDR)."""
    users: dict[str, set[str]] = {}
    for r in rows("currency_territories"):
        users.setdefault(r["currency_code"], set()).add(r["country_code"])
    return {code: frozenset(c) for code, c in users.items()}


@cache
def _currency_homes() -> dict[str, str]:
    """Currency -> the country that issues it (yen, yuan, won, rupee, franc), from
    lexicons/currency_territories.csv (CLDR); the euro, which no one country issues, is left out."""
    users = _currency_users()
    # a currency several territories use belongs to the one its ISO code names (CHF -> CH, INR -> IN)
    return {
        code: next(iter(c)) if len(c) == 1 else code[:2]
        for code, c in users.items()
        if len(c) == 1 or code[:2] in c
    }


# language -> (country, currency, how it is written) read as the text's country when it names no place
_LANGUAGE_HOMES = {
    # French news naming no place at all is French news, whatever currency it quotes
    "fr": ("FR", None, set()),
    "en": ("US", "USD", {"$", "dollars", "dollar"}),
}
# the common nouns a text uses for the firm it is about: "la jeune pousse", "l'hébergeur", "the startup"
_FIRM_NOUNS = (
    r"jeune\s+pousse|jeune\s+entreprise|start-?up|société|entreprise|firme|groupe|pépite|licorne|hébergeur|"
    r"fabricant|éditeur|concepteur|opérateur|scale-?up|company|firm|group|outfit|operator|unicorn|chipmaker|"
    r"developer|provider|designer|maker|fournisseur|filiale|subsidiary|laboratoire|lab|spécialiste|specialist|"
    r"\w+tech"  # "la legaltech bordelaise", "the Berlin fintech"
)
# a firm noun right after a name or a place, past one word: "a Bogotá startup", "A Southland AI start-up"
_FIRM_NOUN_AFTER = re.compile(rf"\s+(?:[\w-]+\s+)?(?:{_FIRM_NOUNS})\b", re.IGNORECASE)
# a firm's own premises before a place: "dans ses locaux d'", "at its offices in "
_OWN_PREMISES = re.compile(
    r"\b(?:ses|leurs|its|their)\s+(?:bureaux|locaux|offices|premises)\s+(?:de\s+|d['’]|in\s+)$", re.IGNORECASE
)
# a subject that points back: "la jeune pousse", "the Paris-based start-up", "elle"
_ANAPHOR = re.compile(
    rf"(?:(?:la|le|l['’]|cette|ce|the|this|its)\s*(?:[\w-]+-based\s+|[\w-]+\s+(?=(?:{_FIRM_NOUNS})\b))?"
    rf"(?:{_FIRM_NOUNS})|\b(?:elle|il|it|they|ils|elles)\b)",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"(?:^|\b)(?:à|À|in|In|at|At|en|En|near|près de|basée? à|based in)\s+$")
# a sentence about the machine just bought: "The system will use 1,536 GPUs", "La machine comptera ..."
_THE_MACHINE = re.compile(
    r"\s*(?:the|this|that|its|la|le|l['’]|cette|ce|sa|son)\s*(?:new\s+|nouvelle?\s+)?(?:machine|system|"
    r"supercomputer|cluster|supercalculateur|système|grappe)\b",
    re.IGNORECASE,
)
# a pronoun opening a sentence, possessive or subject: "Its Series B", "Sa levée", "It raised"
_PRONOUN_OPENING = re.compile(
    r"[\W_]*(?:its|their|it|they|son|sa|ses|leur|leurs|il|elle|ils|elles)\b", re.IGNORECASE
)
