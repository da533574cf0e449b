"""Every row of the hand-written rule lexicons is general: attested in at least two documents of the
project's corpora, or pinned by an example of our own (tests/extraction/lexicon_examples.csv) whose
expectation is checked here against the real extractor. Rows neither attested nor pinned may only sit in
the commented allow-list tests/extraction/lexicon_unpinned.csv, so that the debt is visible.

Corpora: ../shared/corpus/dev/documents minus the held-out documents of benchmarks/dev_blind_set.txt
and of each corpus's blind.txt (never opened), ../shared/seeds/documents and
benchmarks/corpora/*/documents. A surface is attested in a document when it occurs there
word-bounded and case-insensitively (’ read as ').

Expectations of an example (column `expect`):
  fact:T            a candidate of fact type T whose cue is the surface
  party:R:Name      a candidate has the party Name in role R
  grantor           a subsidy candidate whose grantor's name contains the surface
  subsidy           a subsidy candidate, and none once the surface is taken out
  nofact            the sentence yields no candidate, and a candidate (or a fact amount) once the
                    surface is taken out or cut down to its last word
  background        every candidate is background, and none is once the surface is taken out
  label:L           an amount of the sentence is labelled L (not a fact amount), and is not once the
                    surface is taken out
  notparty[:Word]   the sentence yields a candidate, and no party's name contains the surface (or Word)
  country:[CC]      the sentence yields candidates, all of country CC (none when CC is empty)
  vendor:V          a chip purchase whose vendor is V
  quantity:N        find_quantities reads a chip count N
  noquantity        find_quantities reads no count, and one once the surface is taken out
  money:A:C         find_money reads exactly one amount A in currency C
  date:YYYY-MM-DD   a candidate announced on that date (the text is published on 2025-05-06)
"""

import csv
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from warehouse.staging.chips import find_quantities
from warehouse.staging.lexicon import rows
from warehouse.staging.money import find_money

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared"

# the hand-written rule lexicons (every language folder's rows and the neutral ones, as the loader
# reads them; a row is keyed by lexicon and surface, whatever its language) and the column holding
# each row's surface (the generated ones -- cldr_cities, region_names, language_names,
# currency_names, currency_territories, cities, stopwords -- come from reference data and are checked
# by test_reference_lexicons.py; date_words, stopword_overlap, apostrophe_words, abbreviations and
# conventions belong to the document loader)
COLUMNS = {
    "cues": "cue",
    "role_markers": "marker",
    "nonfact_markers": "marker",
    "sentence_markers": "marker",
    "name_filters": "word",
    "public_bodies": "word",
    "agency_words": "word",
    "noise_markers": "marker",
    "chips": "surface",
    "currencies": "surface",
    "scales": "word",
    "number_words": "word",
    "relative_days": "word",
    "currency_context": "context",
    "local_currencies": "surface",
    "public_programmes": "word",
    "connectives": "word",
    "person_markers": "word",
}


def _norm(s: str) -> str:
    return s.replace("’", "'").strip()


# currency_context rows are word starts ("norv" for norvégien, norvégiennes)
PREFIX = {"currency_context"}


def _word_rx(surface: str, prefix: bool = False) -> re.Pattern:
    """The surface, not inside a longer word (a sign such as "$" or "£" needs no boundary)."""
    s = _norm(surface)
    before = r"(?<!\w)" if re.match(r"\w", s) else ""
    after = r"(?!\w)" if re.search(r"\w$", s) and not prefix else ""
    return re.compile(before + re.escape(s) + after, re.IGNORECASE)


def _csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _blind() -> set[str]:
    """Held-out documents: the dev corpus's, and those a corpus lists in its blind.txt."""
    listings = [ROOT / "benchmarks" / "dev_blind_set.txt",
                *sorted((ROOT / "benchmarks" / "corpora").glob("*/blind.txt"))]
    lines = [x for listing in listings for x in listing.read_text(encoding="utf-8").splitlines()]
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def _folders() -> list[Path]:
    folders = [SHARED / "corpus" / "dev" / "documents", SHARED / "seeds" / "documents"]
    return folders + sorted((ROOT / "benchmarks" / "corpora").glob("*/documents"))


@lru_cache(maxsize=1)
def corpus() -> tuple[str, ...]:
    """The texts of the attestation corpora (the held-out documents are skipped by name, unread)."""
    blind = _blind()
    texts = []
    for folder in _folders():
        if not folder.is_dir():
            continue
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.stem not in blind and p.name.split(".")[0] not in blind:
                texts.append(_norm(p.read_text(encoding="utf-8", errors="replace")))
    return tuple(texts)


def lexicon_rows() -> list[tuple[str, str]]:
    out = []
    for lex, col in COLUMNS.items():
        for r in rows(lex):
            w = _norm(r.get(col) or "")
            if w and (lex, w.lower()) not in {(a, b.lower()) for a, b in out}:
                out.append((lex, w))
    return out


def examples() -> list[dict]:
    return _csv(HERE / "lexicon_examples.csv")


def unpinned() -> set[tuple[str, str]]:
    return {(r["lexicon"], _norm(r["surface"]).lower()) for r in _csv(HERE / "lexicon_unpinned.csv")}


def test_every_rule_lexicon_row_is_attested_or_pinned():
    if not (SHARED / "corpus" / "dev" / "documents").is_dir():
        pytest.skip(f"{SHARED}/corpus/dev is absent: attestations cannot be counted here")
    texts = corpus()
    pinned = {(e["lexicon"], _norm(e["surface"]).lower()) for e in examples()}
    allowed = unpinned()
    bad = []
    for lex, w in lexicon_rows():
        key = (lex, w.lower())
        if key in pinned or key in allowed:
            continue
        rx = _word_rx(w, lex in PREFIX)
        n = 0
        for t in texts:
            if rx.search(t):
                n += 1
                if n >= 2:
                    break
        if n < 2:
            bad.append(f"{lex}: {w!r} (in {n} document{'s' if n != 1 else ''})")
    assert not bad, "rows neither attested in 2 documents nor pinned by an example:\n" + "\n".join(bad)


def test_allow_list_and_examples_name_existing_rows():
    rows = {(lex, w.lower()) for lex, w in lexicon_rows()}
    stale = [k for k in unpinned() if k not in rows]
    stale += [
        (e["lexicon"], e["surface"])
        for e in examples()
        if (e["lexicon"], _norm(e["surface"]).lower()) not in rows
    ]
    assert not stale, stale


def test_examples_are_our_own_wording():
    texts = corpus()
    lowered = [t.lower() for t in texts]
    copied = [e["sentence"] for e in examples() if any(_norm(e["sentence"]).lower() in t for t in lowered)]
    assert not copied, copied


def _without(surface: str, text: str) -> str:
    """The control sentence: the example with the surface taken out."""
    out = re.sub(r"\s{2,}", " ", _word_rx(surface).sub("", _norm(text)))
    return out.replace(" ,", ",").replace(" .", ".")


def _controls(surface: str, text: str) -> list[str]:
    """The example without the surface, or with the surface cut down to its last word (a marker that
    holds its own verb, "could raise" -> "raise")."""
    last = _norm(surface).split()[-1]
    return [_without(surface, text), _word_rx(surface).sub(last, _norm(text))]


def _is_fact(cands, labelled) -> bool:
    return bool(cands) or any(m.label == "fact" for m in labelled)


def _names(cands, role=None):
    return [p.name for c in cands for p in c.parties if role is None or p.role == role]


@pytest.mark.parametrize("ex", examples(), ids=lambda e: f"{e['lexicon']}:{e['surface']}")
def test_example(ex, extract):
    surface, text, lang, expect = _norm(ex["surface"]), ex["sentence"], ex["language"], ex["expect"]
    assert _word_rx(surface, ex["lexicon"] in PREFIX).search(_norm(text)), "the sentence lacks the surface"
    kind, _sep, arg = expect.partition(":")
    if kind == "money":
        amount, currency = arg.split(":")
        found = find_money(text, lang)
        assert [(m.amount, m.currency) for m in found] == [(pytest.approx(float(amount)), currency)], found
        return
    if kind == "quantity":
        assert int(arg) in [q.quantity for q in find_quantities(text, lang)]
        return
    if kind == "noquantity":
        assert find_quantities(text, lang) == []
        assert find_quantities(_without(surface, text), lang), "a count once the surface is out"
        return
    cands, labelled = extract(text, lang)
    got = [(c.fact_type, c.cue, [(p.role, p.name) for p in c.parties]) for c in cands]
    if kind == "fact":
        assert any(c.fact_type == arg and _norm(c.cue).lower() == surface.lower() for c in cands), got
    elif kind == "party":
        role, name = arg.split(":", 1)
        assert name in _names(cands, role), got
    elif kind == "subsidy":
        assert any(c.fact_type == "subsidy" for c in cands), got
        control = extract(_without(surface, text), lang)[0]
        assert not any(c.fact_type == "subsidy" for c in control), "no subsidy once the surface is out"
    elif kind == "grantor":
        grantors = _names([c for c in cands if c.fact_type == "subsidy"], "grantor")
        assert any(surface.lower() in _norm(n).lower() for n in grantors), got
    elif kind == "nofact":
        assert cands == [], got
        controls = _controls(surface, text)
        assert any(_is_fact(*extract(t, lang)) for t in controls), "a fact once the surface is out"
    elif kind == "background":
        assert cands and all(c.is_background for c in cands), [(c.fact_type, c.is_background) for c in cands]
        assert not any(c.is_background for c in extract(_without(surface, text), lang)[0])
    elif kind == "label":
        assert arg in [m.label for m in labelled], [(m.money.surface, m.label) for m in labelled]
        control = extract(_without(surface, text), lang)[1]
        assert arg not in [m.label for m in control], "without the surface the amount must lose the label"
    elif kind == "notparty":  # notparty:Word checks Word rather than the surface
        assert cands, "the example must yield a fact"
        assert not any(_word_rx(arg or surface).search(_norm(n)) for n in _names(cands)), got
    elif kind == "country":
        assert cands, "the example must yield a fact"
        countries = [c.country_code for c in cands]
        assert all(cc == (arg or None) for cc in countries), countries
    elif kind == "vendor":
        assert arg in _names([c for c in cands if c.fact_type == "chip_purchase"], "vendor"), got
    elif kind == "date":
        dates = [(c.fact_type, c.announced_on) for c in cands]
        assert date.fromisoformat(arg) in [d for _t, d in dates], dates
    else:
        raise AssertionError(f"unknown expectation {expect!r}")
