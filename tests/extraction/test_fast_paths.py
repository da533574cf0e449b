"""Faster paths of the extractor's start-up and of its text scans give what the plain code they replace
gives: the plain code is written out here and compared on random inputs."""

import csv
import random
import re
import unicodedata

from warehouse.staging import lexicon
from warehouse.staging.people import fold
from warehouse.staging.sentences import _END, _ITEM_NUMBER, _abbreviations, _add, _last_word, split_sentences


def _split_line_by_line(text: str) -> list:
    """`split_sentences` as it was: the sentence ends searched in each line on its own."""
    out, abbrev, pos = [], _abbreviations(), 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        for m in _END.finditer(line):
            token = _last_word(line, cut, m.start() + 1).rstrip(".").lower()
            if m.group(0).startswith(".") and (
                token in abbrev
                or (len(token) == 1 and token.isalpha())
                or (cut == 0 and _ITEM_NUMBER.fullmatch(line, 0, m.start()))
            ):
                continue
            _add(out, text, line_start + cut, line_start + m.end())
            cut = m.end()
        _add(out, text, line_start + cut, line_start + len(line))
    return out


def test_sentences_are_those_each_line_gives_on_its_own():
    rnd = random.Random(1)
    pieces = ["a", "M.", "Inc.", " ", "  ", "\n", ". ", "! ", "? ", "…", "» ", ")", "B", "É", "1", "x.y",
              "\t", "\u00a0", "\u2028", "«", '"', "Dr. ", "U.S. ", ", ", "; ", "word ", "\r", "\x0b"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60)))
        if rnd.random() < 0.05:
            text *= rnd.randint(20, 80)  # past MAX_SENTENCE: the cut at a comma or a space
        assert split_sentences(text) == _split_line_by_line(text), text


def _read_with_dictreader(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(fh)
            if any((v or "").strip() for v in row.values())
        ]


def _outcome(read, path):
    try:
        rows = read(path)
    except Exception as exc:  # noqa: BLE001 - a row longer than the header fails both ways
        return type(exc)
    return rows, [list(r) for r in rows]


def test_lexicon_files_read_as_dictreader_reads_them(tmp_path):
    for path in sorted(lexicon.LEXICON_DIR.rglob("*.csv")):
        rows = lexicon._read(path)
        assert rows == _read_with_dictreader(path), path
        assert [list(r) for r in rows] == [list(r) for r in _read_with_dictreader(path)], path
    rnd = random.Random(2)
    path = tmp_path / "x.csv"
    for _ in range(3000):
        width = rnd.randint(1, 4)
        lines = [",".join(rnd.choice(["a", "b", " c ", "", '"x,y"', "d d"]) for _ in range(width))]
        for _ in range(rnd.randint(0, 6)):  # short, blank and long rows
            values = [rnd.choice(["1", " ", "", "z", '"q"', " w "]) for _ in range(rnd.randint(0, width + 1))]
            lines.append(",".join(values))
        path.write_text("\n".join(lines) + rnd.choice(["", "\n", "\n\n"]), encoding="utf-8")
        assert _outcome(lexicon._read, path) == _outcome(_read_with_dictreader, path), path.read_text()
    path.write_text("", encoding="utf-8")
    assert lexicon._read(path) == _read_with_dictreader(path) == []


def test_ascii_names_fold_as_unicodedata_folds_them():
    def plain(word: str) -> str:
        decomposed = unicodedata.normalize("NFD", word)
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()

    rnd = random.Random(3)
    words = ["".join(chr(rnd.randint(0, 0x7F)) for _ in range(rnd.randint(0, 8))) for _ in range(20_000)]
    words += ["Hélène", "ÉMILE", "Straße", "İlker", "Ǆemal", "jean-pierre", "O'NEILL"]
    assert [fold(w) for w in words] == [plain(w) for w in words]


def test_a_word_character_is_what_isalnum_or_underscore_tells():
    # mentions._scan and may_start read \w as isalnum() or "_" on one character
    word = re.compile(r"\w")
    for code in range(0x30000):
        c = chr(code)
        assert bool(word.match(c)) == (c.isalnum() or c == "_"), hex(code)


def test_date_starts_are_the_digit_runs_a_date_opens_on():
    from warehouse.staging.dates import _DATE_DIGITS

    rnd = random.Random(4)
    for _ in range(20_000):
        text = "".join(rnd.choice("0123456789 a-/٣١٢") for _ in range(rnd.randint(0, 14)))
        plain = [
            m.start()
            for m in re.finditer(r"\d+", text)
            if len(m.group()) <= 2 or (len(m.group()) == 4 and text.startswith(("19", "20"), m.start()))
        ]
        assert [m.start() for m in _DATE_DIGITS.finditer(text)] == plain, text


def test_the_currency_trie_is_the_pattern_it_was():
    from warehouse.staging import money

    def plain(words: set[str]) -> str:
        if words == {""}:
            return ""
        branches = []
        for first in sorted({w[0] for w in words if w}):
            rest = plain({w[1:] for w in words if w and w[0] == first})
            branches.append((money._SP if first == " " else re.escape(first)) + rest)
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in words else body

    for language in ("fr", "en"):
        _prefix, suffix = money._currencies(language)
        assert money._trie(set(suffix)) == plain(set(suffix))
    rnd = random.Random(5)
    for _ in range(2000):
        size = rnd.randint(1, 8)
        words = {"".join(rnd.choice("ab c") for _ in range(rnd.randint(0, 5))) for _ in range(size)}
        assert money._trie(words) == plain(words), words
