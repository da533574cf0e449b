"""Money mentions: `1,2 milliard d'euros`, `600 M€`, `$1.2bn`, `10 372 crores de roupies`,
`dix millions de dollars`."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

import ahocorasick_rs
from warehouse.staging.lexicon import for_language, languages, rows, stop_words
from warehouse.staging.numbers import DIGITS, number_word_pattern, number_words, parse_digits, parse_words

_SP = "[ \u00a0\u202f\u2009]"
_APOS = "['’]"


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str
    surface: str
    written: str = ""  # the currency sign or word as written ("$", "dollars canadiens")


def _alt(words: list[str]) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", _SP) for w in words)


def _trie(words: set[str]) -> str:
    """What `_alt(words)` matches, factored by shared prefixes: a position is rejected after a
    character or two instead of one try per word. The words a text can match at one position lie
    on one path of the trie, where a longer word is tried before a shorter one, as in `_alt`."""
    if words == {""}:
        return ""
    by_first: dict[str, set[str]] = {}  # the words by their first character, in one pass
    for w in words:
        if w:
            by_first.setdefault(w[0], set()).add(w[1:])
    branches = []
    for first in sorted(by_first):
        rest = _trie(by_first[first])
        branches.append((_SP if first == " " else re.escape(first)) + rest)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


@cache
def _scales(language: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for r in for_language("scales", language):  # a language's own reading wins ("MMDH": milliards)
        out.setdefault(r["word"], float(r["multiplier"]))
    # title-case headlines: "$5 Billion", "10 Milliards"; letter scales (M, Md, bn) keep their case
    for word, value in list(out.items()):
        if len(word) > 3:
            out.setdefault(word.capitalize(), value)
            out.setdefault(word.title(), value)
    return out


def _cldr_currency_names(language: str) -> dict[str, str]:
    """Every current ISO 4217 currency's name in CLDR, singular and plural ("livres égyptiennes",
    "Moroccan dirhams"; lexicons/currency_names.csv), so a currency the lexicon does not list is
    still read."""
    return {r["name"]: r["currency_code"] for r in rows("currency_names") if r["language"] == language}


# head nouns of CLDR names that are also common words, never read as a currency on their own
_NOT_CURRENCY_HEADS = frozenset(
    "account gold palladium platinum silver rights unit units real mark marks sol sols sum sums once onces "
    "devise devises droit droits nouveau nouveaux unité unités".split()
)


@cache
def _currency_heads(language: str) -> dict[str, frozenset[str]]:
    """The head noun of each CLDR currency name (the last word in English, "Nigerian naira"; the first
    in French, "naira nigérian"), singular and plural, with the currencies it names."""
    heads: dict[str, set[str]] = {}
    for r in rows("currency_names"):
        words = r["name"].split()
        if r["language"] != language or len(words) < 2:
            continue
        head = words[-1] if language == "en" else words[0]
        if head.isalpha() and head.lower() == head and head not in _NOT_CURRENCY_HEADS:
            heads.setdefault(head, set()).add(r["currency_code"])
    return {h: frozenset(c) for h, c in heads.items()}


@cache
def _symbol_readings(language: str) -> tuple[tuple[str, str, str], ...]:
    """(surface, currency, position) of every currency sign, code and word the language reads, in the
    order that picks a shared surface's first reading: the lexicon's rows (the language's, then the
    neutral ones: "$" is the US dollar, "Rs" the Indian rupee), then CLDR's symbols
    (lexicons/currency_symbols.csv, generated): those of the articles' languages ("CA$", "$CA", "¥"
    the yen), then those of each territory's locales ("R" the rand, "kr" in Denmark, Norway, Sweden)."""
    out = [(r["surface"], r["currency_code"], r["position"]) for r in for_language("currencies", language)]
    # a symbol that is a word of the language ("Le", Sierra Leone's leone: "Le 5 mai") is not read
    stop = stop_words(language)
    generated = sorted(rows("currency_symbols"), key=lambda r: r["territory"] != "")  # stable: file order
    out += [(r["surface"], r["currency_code"], r["position"]) for r in generated
            if r["surface"].lower() not in stop]
    # then every current currency's ISO code before its number ("BWP 45 million"), from the generated
    # CLDR names; not after it ("25,000 AMD MI355X": the chip maker, not Armenian drams), nor a code
    # that is a word of the language ("ALL", "TOP")
    codes = sorted({r["currency_code"] for r in rows("currency_names")})
    out += [(code, code, "prefix") for code in codes if code.lower() not in stop]
    return tuple(out)


def _single_letter(surface: str) -> bool:
    """ "R" (rand), "K" (kwacha), "N" (naira): read only before a number, and only with a scale
    ("R60m") or in an article naming a country of that currency (`find_money`)."""
    return len(surface) == 1 and surface.isalpha()


@cache
def _currencies(language: str) -> tuple[dict[str, str], dict[str, str]]:
    prefix, suffix = {}, {}
    first: dict[str, str] = {}  # a surface several currencies share reads as its first reading
    for surface, code, position in _symbol_readings(language):
        code = first.setdefault(surface, code)
        if position in ("prefix", "both"):
            prefix.setdefault(surface, code)
        if position in ("suffix", "both") and not _single_letter(surface):
            suffix.setdefault(surface, code)
    for name, code in _cldr_currency_names(language).items():
        suffix.setdefault(name, code)  # the lexicon's reading of a shared word wins
    # the bare head noun of a CLDR name: "50 million naira", "2 milliards de cédis"; a word several
    # currencies share reads as the first of them until the fact's country picks its own
    # (`shared_currency_words`, used by the extractor)
    for head, codes in _currency_heads(language).items():
        suffix.setdefault(head, sorted(codes)[0])
    # title-case headlines: "10 Billion Euros", "500 Million Dollars"
    for word, code in list(suffix.items()):
        if len(word) > 3 and word[:1].islower():
            suffix.setdefault(word.capitalize(), code)
            suffix.setdefault(word.title(), code)
            suffix.setdefault(word.upper(), code)  # a wire flash in capitals: "900 MLN EUROS"
    # symbols can follow the number too: 600 M€, 1,2 Md$, 5 $
    for sym in ("€", "$", "£", "¥"):
        suffix.setdefault(sym, prefix.get(sym, ""))
    return prefix, suffix


@cache
def _signs(language: str) -> str:
    """The first characters of the prefix signs that are no letter or digit ("$", "₦", "฿"), as the
    inside of a character class."""
    prefix, _ = _currencies(language)
    return re.escape("".join(sorted({p[0] for p in prefix if not p[0].isalnum()})))


@cache
def _territories() -> dict[str, frozenset[str]]:
    """Currency -> the countries whose tender it is (lexicons/currency_territories.csv, CLDR)."""
    out: dict[str, set[str]] = {}
    for r in rows("currency_territories"):
        out.setdefault(r["currency_code"], set()).add(r["country_code"])
    return {code: frozenset(c) for code, c in out.items()}


def _connectives(language: str) -> str:
    """The words between an amount and its currency word ("millions *de* dollars", "crores *of*
    rupees"; `amount_currency` rows of `lexicons/<lang>/connectives.csv`), as an alternation."""
    words = [r["word"] for r in for_language("connectives", language) if r["kind"] == "amount_currency"]
    return "|".join(re.escape(w).replace("'", _APOS) for w in words)


@cache
def money_regex(language: str) -> re.Pattern:
    prefix, suffix = _currencies(language)
    scales = _trie(set(_scales(language)))
    words = number_word_pattern(language)
    pre = _trie(set(prefix))  # a few hundred signs and codes, factored as the currency words are
    post = _trie(set(suffix))  # a thousand currency words: factored, the same match as _alt
    end = r"(?![\w$€£¥])"
    # a sign's number without a scale ends the word: "UM6P" (a university) is no 6 ouguiyas
    pattern = (
        rf"(?P<pre>{pre}){_SP}?(?P<num>{DIGITS})(?:(?:{_SP}|-)?(?P<scale>{scales}){end}|(?![^\W_]))"
        rf"|(?:(?P<num2>{DIGITS})|(?P<words>{words}))(?:(?:{_SP}|-)?(?P<scale2>{scales}))?"
        rf"(?:{_SP}|-)?(?:(?:{_connectives(language)}){_SP}?)?(?P<post>{post}){end}"
    )
    return re.compile(pattern)


@cache
def _anchor_regex(language: str) -> re.Pattern:
    prefix, _ = _currencies(language)
    letters = {p for p in prefix if p[0].isalpha()}
    # a look-ahead for the characters an anchor may start with: the engine skips every other position
    # at one test (same matches)
    firsts = re.escape("".join(sorted({p[0] for p in letters})))
    signs = _signs(language)
    # a letter sign anchors only before its number ("R60m", "Rs 40"), as the money pattern reads it
    return re.compile(
        rf"(?=[\d{signs}{firsts}])(?:(?<![\w.,])\d|[{signs}]|(?<!\w){_trie(letters)}(?={_SP}?\d))"
    )


@cache
def _word_anchor(language: str) -> ahocorasick_rs.AhoCorasick:
    words = list(number_words(language))
    pats = sorted({w for w in words} | {w.capitalize() for w in words})
    return ahocorasick_rs.AhoCorasick(pats, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest), pats


def _anchors(text: str, language: str) -> list[int]:
    starts = [m.start() for m in _anchor_regex(language).finditer(text)]
    ac, pats = _word_anchor(language)
    for _idx, s, e in ac.find_matches_as_indexes(text):
        if (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum()):
            starts.append(s)
    return sorted(set(starts))


def _scale_value(scale: str | None, language: str) -> float:
    if not scale:
        return 1.0
    table = _scales(language)
    key = re.sub(_SP, " ", scale)
    return table.get(key, table.get(key.lower(), 1.0))


@cache
def _contexts() -> dict[str, list[tuple[str, str]]]:
    """Currency signs and words several currencies share (¥ yen/yuan, dirham UAE/Morocco,
    couronnes): surface -> [(word nearby, currency it picks)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for r in rows("currency_context"):
        out.setdefault(r["surface"], []).append((r["context"].lower(), r["resolved_code"]))
    return out


def _resolve_currency(code: str, written: str, text: str, start: int) -> str:
    """`written`: the currency sign or word as matched ("¥", "dirhams", "couronnes suédoises")."""
    choices = _contexts().get(re.sub(_SP, " ", written))
    if not choices:
        return code  # an unambiguous sign, word or ISO code
    # the nearest context word wins: "¥15 billion" in a Japanese article that mentions Chinese rivals
    lo = max(0, start - 400)
    window = text[lo : start + 400].lower()
    best = None
    for word, resolved in choices:
        for m in re.finditer(re.escape(word), window):
            dist = abs(lo + m.start() - start)
            if best is None or dist < best[0]:
                best = (dist, resolved)
    return best[1] if best else code


def find_money(
    text: str, language: str, limit: int | None = None, countries: Collection[str] = ()
) -> list[Money]:
    """Every money amount in `text`, left to right, not overlapping (with `limit`, the reading stops
    after that many amounts). A one-letter sign ("R", "K", "N") is read before a number with a scale
    ("R60m", "R 1.2 billion"), or without one in a text naming a country of that currency (`countries`,
    the ISO codes of the countries the text names: "R500 000" in a South African story), and never
    before a small number ("DeepSeek R1", "N2")."""
    rx = money_regex(language)
    prefix, suffix = _currencies(language)
    out: list[Money] = []
    last_end = -1
    for pos in _anchors(text, language):
        if pos < last_end:
            continue
        if limit is not None and len(out) >= limit:
            break
        m = rx.match(text, pos)
        if not m:
            continue
        if m.group("pre") is not None:
            scale = m.group("scale")
            value = parse_digits(m.group("num"), language, scaled=bool(scale))
            written = re.sub(_SP, " ", m.group("pre"))
            code = prefix.get(written, "")
            if _single_letter(written) and not _single_letter_amount(m, code, value, countries):
                continue
        else:
            scale = m.group("scale2")
            if m.group("num2") is not None:
                value = parse_digits(m.group("num2"), language, scaled=bool(scale))
            else:
                parsed = parse_words(m.group("words"), language)
                if parsed is None:
                    continue
                value, only_article = parsed
                if only_article and (not scale or len(scale) < 4):
                    continue  # "un euro symbolique", "a dollar", "a BDT": no number without a scale word
            written = re.sub(_SP, " ", m.group("post"))
            if scale and m.end("scale2") == m.start("post") and scale + written in suffix:
                # "40 BDT" is taka, not a billion Tunisian dinars ("DT")
                scale, written = None, scale + written
                value = parse_digits(m.group("num2"), language) if m.group("num2") is not None else value
            code = suffix.get(written, "")
        if value is None or not code:
            continue
        if scale in ("M", "m", "k", "K", "Md", "Mds", "Mrd", "Mrds") and m.group("pre") is None:
            pass  # glued scale letters are only read with a currency, which this form has
        amount = value * _scale_value(scale, language)
        if amount <= 0:
            continue
        surface = m.group(0)
        out.append(
            Money(
                m.start(),
                m.end(),
                amount,
                _resolve_currency(code, written, text, m.start()),
                surface,
                re.sub(_SP, " ", written),
            )
        )
        last_end = m.end()
    return _elided_currency(text, _restated_local(_ranges(text, out, language)), language)


# a scaled number without its currency, after an amount of the same sentence: "2 millions d'euros à A
# et 1,5 million à B", "A (€2 million), B (1.5 million)"; what follows it closes it (a bracket, a
# comma, a full stop, "à", "to", "dans"), so that "1 million users" stays no money
_ELIDED = re.compile(
    rf"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?){_SP}+(?P<scale>millions?|milliards?|billions?|bn)\b"
    r"(?=\s*(?:[),;]|\.(?:\s|$)|(?:à|au|aux|to|for|pour|dans|in|into|each|chacun|chacune)\b))",
    re.IGNORECASE,
)


def _elided_currency(text: str, found: list[Money], language: str) -> list[Money]:
    """The amounts of a list that give their currency once ("2 millions d'euros à A et 1,5 million à
    B"): each bare scaled number after an amount, in the same sentence, takes its currency."""
    if not found:
        return found
    out = list(found)
    for m in found:
        stop = re.search(r"[.!?](?:\s|$)|\n", text[m.end : m.end + 200])
        end = m.end + (stop.end() if stop else min(200, len(text) - m.end))  # (its full stop closes one)
        for hit in _ELIDED.finditer(text, m.end, end):
            if any(o.start <= hit.start() < o.end or hit.start() <= o.start < hit.end() for o in out):
                continue
            value = parse_digits(hit.group("num"), language, scaled=True)
            if not value:
                continue
            amount = value * _scale_value(hit.group("scale"), language)
            out.append(Money(hit.start(), hit.end(), amount, m.currency, hit.group(0), m.written))
    return sorted(out, key=lambda x: x.start)


def _single_letter_amount(m: re.Match, code: str, value: float | None, countries: Collection[str]) -> bool:
    """ "R60m", "R 1.2 billion": a one-letter sign with a scale, its number one group of digits ("Q3 500
    million" is no amount); without a scale, a thousand or more in a text naming a country of that
    currency ("R500 000" in a South African story; "DeepSeek R1", "N2" never)."""
    if m.group("scale"):
        return re.search(_SP, m.group("num")) is None
    named = not _territories().get(code, frozenset()).isdisjoint(countries)
    return value is not None and value >= 1000 and named


# between a range's ends: "6-7", "9.5–10", "30 to 50", "30 à 50", "entre 30 et 50"
_RANGE_GAP = r"\s*(?:[-–—]|to|à)\s*"
_BARE = r"\d+(?:[.,]\d+)?"
_BARE_RX = re.compile(_BARE)


@cache
def _range_regexes(language: str) -> tuple[re.Pattern, re.Pattern]:
    scales = _alt([w for w in _scales(language) if len(w) > 1])
    # after an amount without its scale: "$6-7 billion", "NOK 9.5–10 billion"
    signs = _signs(language)
    after = re.compile(rf"{_RANGE_GAP}(?:[{signs}]\s?)?(?P<num>{_BARE})\s?(?P<scale>{scales})(?!\w)")
    # a bare number before an amount: "entre 30 et 50 milliards d'euros", "30 to 50 billion euros"
    before = re.compile(
        rf"(?:(?P<between>\b(?:between|entre)\s+)(?P<num2>{_BARE})\s+(?:and|et)\s+"
        rf"|(?<![\w.,])(?P<num>{_BARE}){_RANGE_GAP})$",
        re.IGNORECASE,
    )
    return after, before


def _ranges(text: str, found: list[Money], language: str) -> list[Money]:
    """A range states two amounts with one scale and currency: "$6-7 billion" is $6bn and $7bn, "entre 30
    et 50 milliards d'euros" €30bn and €50bn (the gold lists both ends of a range)."""
    if not found:
        return found
    after, before = _range_regexes(language)
    out: list[Money] = []
    for k, m in enumerate(found):
        nxt = found[k + 1].start if k + 1 < len(found) else len(text)
        hit = after.match(text, m.end) if m.surface[-1:].isdigit() and m.end < nxt else None
        # the range's second end may be an amount of its own already: "$9.5 to $10 billion"
        found_high = hit is not None and k + 1 < len(found) and found[k + 1].end == hit.end()
        if hit is not None and (hit.end() <= nxt or found_high):
            mult = _scale_value(hit.group("scale"), language)
            high = parse_digits(hit.group("num"), language, scaled=True)
            if high is not None and 0 < m.amount < high:
                out.append(Money(m.start, m.end, m.amount * mult, m.currency, m.surface, m.written))
                if not found_high:
                    at = hit.start("num")
                    out.append(Money(at, hit.end(), high * mult, m.currency, text[at : hit.end()], m.written))
                continue
        lead = _BARE_RX.match(m.surface)
        lo = max(0, out[-1].end if out else 0, m.start - 40)
        # (the search only where a bare number stands just before: "30 to 50", "entre 30 et 50")
        near = lead and any(ch.isdigit() for ch in text[max(lo, m.start - 12) : m.start])
        hit = before.search(text, lo, m.start) if near else None
        if hit is not None:
            value = parse_digits(lead.group(0), language, scaled=True)
            low = parse_digits(hit.group("num") or hit.group("num2"), language, scaled=True)
            if value and low is not None and 0 < low < value:
                at = hit.start("num") if hit.group("num") else hit.start("num2")
                end = at + len(hit.group("num") or hit.group("num2"))
                out.append(Money(at, end, low * m.amount / value, m.currency, text[at:end], m.written))
        out.append(m)
    return out


@cache
def shared_currency_words() -> dict[str, frozenset[str]]:
    """A currency word or sign several currencies are named by -> those currencies, in any language:
    "dirhams" -> {AED, MAD}, "roupies" -> {INR, IDR, PKR, ...}, "kr" -> {DKK, NOK, SEK}. Dollars
    are left to `local_currencies` (a firm's bare "$" stays the US dollar), but for a dollar sign with
    letters that several dollars write ("B$": Brunei, the Bahamas)."""
    out: dict[str, set[str]] = {}
    for language in {r["language"] for r in rows("currency_names")}:
        for head, codes in _currency_heads(language).items():
            out.setdefault(head.lower(), set()).update(codes)
    # and a sign several currencies write: "kr" (Denmark, Norway, Sweden), "Rs" (India, Pakistan,
    # Mauritius), "K" (Myanmar, Papua New Guinea, Zambia), "Dh" (Morocco, the Emirates)
    for language in languages():
        for surface, code, _position in _symbol_readings(language):
            # (a dollar sign with letters is a sign too: "B$" Brunei's or the Bahamas')
            if "$" not in surface or (surface[0].isalpha() and surface != "US$"):
                # "Rs." and "Rs" are one sign (Sri Lanka's written with its stop, Pakistan's without)
                out.setdefault(surface.lower().rstrip("."), set()).add(code)
    return {w: frozenset(c) for w, c in out.items() if len(c) > 1 and not w.startswith("dollar")}


@cache
def local_currencies() -> dict[str, dict[str, str]]:
    """A sign or word several countries use ("$", "dollars") -> {country: its own currency}."""
    out: dict[str, dict[str, str]] = {}
    for r in rows("local_currencies"):
        out.setdefault(r["surface"], {})[r["country_code"]] = r["currency_code"]
    return out


def _restated_local(found: list[Money]) -> list[Money]:
    """ "60 millions de dollars canadiens ... 60 M$": a bare dollar amount that repeats an amount the
    text states in a local dollar is that local dollar."""
    local_codes = {code for by in local_currencies().values() for code in by.values()}
    explicit = [m for m in found if m.currency in local_codes]
    if not explicit:
        return found
    out = []
    for m in found:
        if m.currency == "USD" and m.written.lower() in local_currencies():
            same = next((x for x in explicit if abs(x.amount - m.amount) <= 0.02 * x.amount), None)
            if same is not None:
                m = Money(m.start, m.end, m.amount, same.currency, m.surface, m.written)
        out.append(m)
    return out
