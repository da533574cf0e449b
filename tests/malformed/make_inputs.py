# ruff: noqa: E501  (tables of generated inputs: one kind a line)
"""Write a folder of malformed inputs, mixed with a few good articles, for the loader to survive.

    python tests/malformed/make_inputs.py FOLDER [--count 1000] [--seed 0] [--build]

Each input is one *kind* (a malformation in one format: truncated UTF-8 in a `.md`, a
JSON line nested 100,000 deep, an HTML tag with 100,000 attributes, a link loop, a
file name that is not UTF-8...). The first inputs are one of every kind, in order; the
rest repeat kinds with other random bytes. Sizes stay moderate (a few MB at most, and
the few inputs over the 5 MB limit appear at most twice) so a build of 1,000 inputs
takes a minute or two. The good articles (`good/`, firms of our own) are written too, and
`GOOD` gives them alone, for a build to compare with.

`--build` runs `warehouse build` on the folder and prints its time, the slowest inputs to
read and what was rejected; tests/documents/test_malformed.py runs the same build as a test.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# ---------------------------------------------------------------- good articles (firms of our own)

GOOD = {
    "good/orbis.txt": (
        "Orbis Robotics lève 20 millions d'euros\n\n"
        "PARIS, 12 mars 2025 — La start-up lyonnaise Orbis Robotics lève 20 millions d'euros "
        "auprès de Vireo Capital, a annoncé l'entreprise mardi. Les fonds serviront à recruter "
        "cinquante ingénieurs.\n"
    ),
    "good/quillon.md": (
        "---\ntitle: Quillon Labs raises $45 million\ndate: 2025-04-02\n---\n\n"
        "# Quillon Labs raises $45 million\n\n"
        "Quillon Labs, a Toronto maker of inference chips, said on Tuesday it had raised "
        "$45 million from Harrowgate Ventures to expand its design team.\n"
    ),
    "good/tessaly.html": (
        "<html><head><title>Tessaly AI obtient 8 millions d'euros | Le Journal</title>"
        '<meta name="date" content="2025-05-20"></head><body><nav><a href="/">Accueil</a></nav>'
        "<article><h1>Tessaly AI obtient 8 millions d'euros</h1>"
        "<p>La jeune pousse bordelaise Tessaly AI a levé 8 millions d'euros auprès de Brume "
        "Partners et de Solenne Invest, a indiqué sa fondatrice lundi.</p>"
        "<p>L'entreprise compte doubler ses effectifs d'ici la fin de l'année prochaine.</p>"
        "</article></body></html>"
    ),
    "good/wire.jsonl": json.dumps({
        "title": "Kestrine Systems buys 2,000 GPUs",
        "published": "2025-06-11",
        "text": "Kestrine Systems, a Norwegian cloud provider, raised $30 million from Falwick "
                "Capital on Wednesday to build a new data centre near Bergen.",
    }, ensure_ascii=False) + "\n",
}

BODY = (
    "La société Corvane Data a levé 12 millions d'euros auprès de Pellion Ventures, "
    "a annoncé mardi son président.\n"
    "Corvane Data raised €12 million from Pellion Ventures, its chairman said on Tuesday.\n"
)


# Sizes of the inputs that are cheap to read but slow to extract (measured on 2 cores, the
# extractor of December 2026): the default keeps each under about a second; `--extreme`
# writes the sizes that found the slow paths (a 100,000-character word in HTML: 125 s to
# extract; a Markdown table of 5,000 columns: 54 s; 5,000 cue words: 6 s).
SIZES = {"long-word": 10_000, "wide-table": 300, "cue-storm": 500, "giant-sentence": 500,
         "paragraphs": 500, "money-storm": 500}
EXTREME_SIZES = {"long-word": 100_000, "wide-table": 5_000, "cue-storm": 5_000, "giant-sentence": 5_000,
                 "paragraphs": 2_000, "money-storm": 2_000}


@dataclass
class Made:
    name: str           # relative path, as os.walk names it (str, maybe with surrogate escapes)
    kind: str
    skipped: bool = False   # not a document by design (hidden, other extension, folder): nothing to reject


Writer = Callable[[Path, str, random.Random], list[Made]]

# ---------------------------------------------------------------- content families

# Each family gives the bytes of one input for an extension; a kind is a family and an extension.


def _rand(rng: random.Random, n: int) -> bytes:
    return rng.randbytes(n)


def _wrap(ext: str, text: str) -> str:
    """A text as a document of this extension (the malformation is in `text`)."""
    if ext == ".md":
        return "# Titre\n\n" + text
    if ext == ".html":
        return f"<html><body><article><p>{text}</p></article></body></html>"
    if ext == ".jsonl":
        return json.dumps({"text": text}, ensure_ascii=False) + "\n"
    return text


def _wrap_bytes(ext: str, payload: bytes) -> bytes:
    if ext == ".md":
        return b"# Titre\n\n" + payload
    if ext == ".html":
        return b"<html><body><article><p>" + payload + b"</p></article></body></html>"
    if ext == ".jsonl":
        return b'{"text": "' + payload.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"}\n'
    return payload


FAMILIES: dict[str, Callable[[str, random.Random], bytes]] = {
    "empty": lambda ext, rng: b"",
    "whitespace": lambda ext, rng: b" \t\r\n" * rng.randint(1, 50),
    "nbsp-only": lambda ext, rng: "\u00a0\u202f\u2009\n".encode() * rng.randint(1, 20),
    "nul-inside": lambda ext, rng: _wrap_bytes(ext, BODY.encode()[:60] + b"\0" + BODY.encode()[60:]),
    "all-nul": lambda ext, rng: b"\0" * rng.randint(1, 5000),
    "random-bytes": lambda ext, rng: _rand(rng, rng.randint(10, 20000)),
    "random-no-nul": lambda ext, rng: _rand(rng, rng.randint(10, 20000)).replace(b"\0", b"x"),
    "random-high": lambda ext, rng: bytes(rng.randint(0x80, 0xFF) for _ in range(rng.randint(10, 3000))),
    "random-printable": lambda ext, rng: bytes(rng.randint(0x20, 0x7E) for _ in range(rng.randint(10, 5000))),
    "truncated-utf8": lambda ext, rng: _wrap_bytes(ext, "Société générée à Montréal €".encode()[:-1]),
    "invalid-utf8": lambda ext, rng: _wrap_bytes(ext, BODY.encode() + b"\xc3\x28\xa0\xa1\xff\xfe"),
    "overlong-utf8": lambda ext, rng: _wrap_bytes(ext, b"a\xc0\xafb\xe0\x80\xafc " + BODY.encode()),
    "utf8-surrogates": lambda ext, rng: _wrap_bytes(ext, b"x\xed\xa0\x80y " + BODY.encode()),
    "utf8-bom": lambda ext, rng: codecs.BOM_UTF8 + _wrap(ext, BODY).encode(),
    "double-bom": lambda ext, rng: codecs.BOM_UTF8 * 2 + _wrap(ext, BODY).encode(),
    "utf16le-bom": lambda ext, rng: codecs.BOM_UTF16_LE + _wrap(ext, BODY).encode("utf-16-le"),
    "utf16be-bom": lambda ext, rng: codecs.BOM_UTF16_BE + _wrap(ext, BODY).encode("utf-16-be"),
    "utf32-bom": lambda ext, rng: codecs.BOM_UTF32_LE + _wrap(ext, BODY).encode("utf-32-le"),
    "utf16-no-bom": lambda ext, rng: _wrap(ext, BODY).encode("utf-16-le"),
    "utf16-odd-length": lambda ext, rng: codecs.BOM_UTF16_LE + _wrap(ext, BODY).encode("utf-16-le")[:-1],
    "bom-then-garbage": lambda ext, rng: codecs.BOM_UTF8 + b"\xff\xfe\xfd" + _rand(rng, 100),
    "mixed-encodings": lambda ext, rng: _wrap_bytes(ext, BODY.encode() + BODY.encode("latin-1", "replace")),
    "latin1": lambda ext, rng: _wrap(ext, BODY.replace("€", "EUR")).encode("latin-1"),
    "cp1252": lambda ext, rng: _wrap(ext, "« " + BODY + " » — l’été").encode("cp1252"),
    "shift-jis": lambda ext, rng: _wrap(ext, "日本のAI企業が資金調達を発表した。" * 20).encode("shift_jis"),
    "control-chars": lambda ext, rng: _wrap_bytes(ext, bytes(rng.choice(b"\x01\x02\x07\x08\x1b\x7f") for _ in range(400))
                                                   + BODY.encode()),
    "few-control-chars": lambda ext, rng: _wrap_bytes(ext, BODY.encode() + b"\x0c\x1a"),
    "huge-line": lambda ext, rng: _wrap(ext, "a" * rng.randint(200_000, 1_000_000)).encode(),
    "long-word-text": lambda ext, rng: _wrap(ext, (BODY + "x" * SIZES["long-word"] + " ") * 3).encode(),
    "many-newlines": lambda ext, rng: _wrap(ext, BODY + "\n" * 200_000 + BODY).encode(),
    "many-short-lines": lambda ext, rng: _wrap(ext, "a b\n" * 50_000).encode(),
    "digits-only": lambda ext, rng: _wrap(ext, "".join(rng.choice("0123456789 ,.") for _ in range(20_000))).encode(),
    "money-storm": lambda ext, rng: _wrap(ext, "Corvane lève 20 millions d'euros, 3 M€, $4bn. " * SIZES["money-storm"]).encode(),
    "cue-storm": lambda ext, rng: _wrap(ext, "raised invested acquired bought GPUs subsidy " * SIZES["cue-storm"]).encode(),
    "firm-storm": lambda ext, rng: _wrap(ext, ("Pellion Ventures et Corvane Data et " * 3000) + "lèvent 5 M€.").encode(),
    "one-giant-sentence": lambda ext, rng: _wrap(ext, ", ".join(["Corvane a levé 2 M€"] * SIZES["giant-sentence"]) + ".").encode(),
    "brackets": lambda ext, rng: _wrap(ext, "(" * 50_000 + BODY + ")" * 50_000).encode(),
    "zalgo": lambda ext, rng: _wrap(ext, "".join(c + "\u0301\u0308\u0327" * 30 for c in BODY)).encode(),
    "astral": lambda ext, rng: _wrap(ext, "🚀💶🤖" * 3000 + BODY).encode(),
    "lone-cr": lambda ext, rng: _wrap(ext, BODY.replace("\n", "\r") * 10).encode(),
    "line-separators": lambda ext, rng: _wrap(ext, BODY.replace("\n", "\u2028") + "\u2029\u0085" * 100).encode(),
    "nfd": lambda ext, rng: _wrap(ext, __import__("unicodedata").normalize("NFD", BODY)).encode(),
    "zero-width": lambda ext, rng: _wrap(ext, "\u200b\ufeff\u00ad".join(BODY)).encode(),
    "bidi-controls": lambda ext, rng: _wrap(ext, "\u202e\u2066" + BODY + "\u202c" * 100).encode(),
    "private-use": lambda ext, rng: _wrap(ext, "\ue000\uf8ff" * 2000 + BODY).encode(),
    "noncharacters": lambda ext, rng: _wrap(ext, "\ufffe\uffff\U0010ffff" * 100 + BODY).encode(),
    "html-in-text": lambda ext, rng: _wrap(ext, "<script>alert(1)</script><b>" + BODY + "</b>").encode(),
    "sql-ish": lambda ext, rng: _wrap(ext, "'); drop table raw.documents; -- " + BODY).encode(),
    "rtl-arabic": lambda ext, rng: _wrap(ext, "جمعت الشركة عشرين مليون يورو. " * 200).encode(),
}

EXTENSIONS = (".txt", ".md", ".html", ".jsonl")

# ---------------------------------------------------------------- format-specific kinds


def _deep(n: int, open_: str, close: str) -> str:
    return open_ * n + close * n


JSONL: dict[str, Callable[[random.Random], bytes]] = {
    "deep-array-100k": lambda rng: ('{"text": ' + _deep(100_000, "[", "]") + "}\n").encode(),
    "deep-object-100k": lambda rng: ('{"text": "x", "m": ' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "}\n").encode(),
    "deep-top-level": lambda rng: (_deep(50_000, "[", "]") + "\n").encode(),
    "lone-surrogate": lambda rng: b'{"text": "Corvane \\ud800 a lev\\u00e9 2 M\\u20ac aupr\\u00e8s de Pellion."}\n',
    "lone-low-surrogate": lambda rng: b'{"text": "ok", "title": "\\udc00 title"}\n',
    "surrogate-in-url": lambda rng: b'{"text": "Corvane a lev\\u00e9 3 M\\u20ac.", "url": "http://x/\\udfff"}\n',
    "surrogate-pair": lambda rng: b'{"text": "Corvane \\ud83d\\ude80 a lev\\u00e9 4 M\\u20ac."}\n',
    "invalid-json": lambda rng: b"{text: 'single quotes'}\n",
    "truncated-json": lambda rng: json.dumps({"text": BODY}).encode()[:-5] + b"\n",
    "trailing-comma": lambda rng: b'{"text": "a b c d e f", }\n',
    "json-list": lambda rng: b'["text", "a"]\n',
    "json-number": lambda rng: b"42\n",
    "json-string": lambda rng: b'"just a string"\n',
    "json-null": lambda rng: b"null\n",
    "no-text": lambda rng: b'{"title": "No body"}\n',
    "text-number": lambda rng: b'{"text": 12}\n',
    "text-null": lambda rng: b'{"text": null}\n',
    "text-empty": lambda rng: b'{"text": "   "}\n',
    "text-object": lambda rng: b'{"text": {"a": 1}}\n',
    "title-list": lambda rng: json.dumps({"text": BODY, "title": ["a", 1]}).encode() + b"\n",
    "published-bad": lambda rng: json.dumps({"text": BODY + "1", "published": "2024-13-45"}).encode() + b"\n",
    "published-object": lambda rng: json.dumps({"text": BODY + "2", "published": {"y": 1}}).encode() + b"\n",
    "published-number": lambda rng: json.dumps({"text": BODY + "3", "published": 1e308}).encode() + b"\n",
    "url-number": lambda rng: json.dumps({"text": BODY + "4", "url": 7}).encode() + b"\n",
    "huge-int": lambda rng: b'{"text": "a", "n": ' + b"9" * 10_000 + b"}\n",
    "nan-infinity": lambda rng: b'{"text": "NaN stuff here ok", "x": NaN, "y": -Infinity}\n',
    "huge-float": lambda rng: b'{"text": "float here ok", "x": 1e99999}\n',
    "duplicate-keys": lambda rng: b'{"text": "first one here", "text": "second one here"}\n',
    "nul-escape": lambda rng: b'{"text": "Corvane\\u0000 a lev\\u00e9 6 M\\u20ac."}\n',
    "many-lines-mixed": lambda rng: b"".join(
        (json.dumps({"text": f"Ligne {i}: Corvane a levé {i} M€ auprès de Pellion."}).encode()
         if i % 3 else b"{broken") + b"\n" for i in range(300)),
    "blank-lines-only": lambda rng: b"\n\n  \n\t\n",
    "crlf-lines": lambda rng: (json.dumps({"text": BODY + "5"}) + "\r\n").encode() * 2,
    "no-final-newline": lambda rng: json.dumps({"text": BODY + "6"}).encode(),
    "very-many-keys": lambda rng: json.dumps({"text": BODY + "7", **{f"k{i}": i for i in range(50_000)}}).encode(),
    "long-string-escapes": lambda rng: b'{"text": "' + b"\\u00e9" * 200_000 + b'"}\n',
}

MARKDOWN: dict[str, Callable[[random.Random], bytes]] = {
    "fm-invalid-date": lambda rng: b"---\ndate: 2024-13-45\ntitle: Corvane\n---\n\n" + BODY.encode(),
    "fm-feb-30": lambda rng: b"---\ndate: 2024-02-30\n---\n\n" + BODY.encode(),
    "fm-datetime-bad": lambda rng: b"---\npublished: 2024-01-01 25:61:00\n---\n\n" + BODY.encode(),
    "fm-year-zero": lambda rng: b"---\ndate: 0000-01-01\n---\n\n" + BODY.encode(),
    "fm-unclosed": lambda rng: b"---\ntitle: x\ndate: 2024-01-01\n\n" + BODY.encode(),
    "fm-list": lambda rng: b"---\n- a\n- b\n---\n\n" + BODY.encode(),
    "fm-invalid-yaml": lambda rng: b"---\ntitle: [unclosed\n  : : :\n---\n\n" + BODY.encode(),
    "fm-billion-laughs": lambda rng: (
        b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        b"title: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n\n" + BODY.encode()),
    "fm-deep-nesting": lambda rng: b"---\ntitle: " + b"[" * 20_000 + b"]" * 20_000 + b"\n---\n\n" + BODY.encode(),
    "fm-python-tag": lambda rng: b"---\ntitle: !!python/object/apply:os.system ['true']\n---\n\n" + BODY.encode(),
    "fm-title-list": lambda rng: b"---\ntitle: [a, b]\ndate: [2024]\nurl: 5\n---\n\n" + BODY.encode(),
    "fm-date-int": lambda rng: b"---\ndate: 20240101\n---\n\n" + BODY.encode(),
    "fm-huge": lambda rng: b"---\n" + b"k: v\n" * 100_000 + b"---\n\n" + BODY.encode(),
    "fm-only": lambda rng: b"---\ntitle: nothing else\n---\n",
    "fm-tabs": lambda rng: b"---\n\ttitle: x\n---\n\n" + BODY.encode(),
    "deep-blockquote": lambda rng: b">" * 50_000 + b" " + BODY.encode(),
    "deep-list": lambda rng: b"".join(b"  " * i + b"- item\n" for i in range(3000)),
    "emphasis-bomb": lambda rng: b"*a **a " * 20_000 + BODY.encode(),
    "link-bomb": lambda rng: b"[a](" * 20_000 + BODY.encode(),
    "reference-links": lambda rng: b"".join(b"[r%d]: http://x/%d\n" % (i, i) for i in range(20_000)) + BODY.encode(),
    "wide-table": lambda rng: b"|" + b"a|" * SIZES["wide-table"] + b"\n|" + b"-|" * SIZES["wide-table"] + b"\n|"
                            + b"1|" * SIZES["wide-table"] + b"\n",
    "unclosed-fence": lambda rng: b"```\n" + BODY.encode() * 100,
    "raw-html": lambda rng: b"<div><script>x</script>" + BODY.encode() + b"</div>",
    "backticks-bomb": lambda rng: b"`" * 50_000 + BODY.encode(),
}

_ATTRS = " ".join(f'a{i}="x"' for i in range(100_000))
HTML: dict[str, Callable[[random.Random], bytes]] = {
    "attribute-bomb-100k": lambda rng: (f"<html><body><div {_ATTRS}><p>{BODY}</p></div></body></html>").encode(),
    "attributes-on-many-tags": lambda rng: ("<html><body>" + "".join(
        "<span " + " ".join(f'b{j}="y"' for j in range(60)) + ">w</span>" for _ in range(1500))
        + f"<p>{BODY}</p></body></html>").encode(),
    "unquoted-attributes": lambda rng: ("<div " + " ".join(f"c{i}=z" for i in range(20_000)) + f"><p>{BODY}</p>").encode(),
    "deep-divs-10k": lambda rng: ("<html><body>" + "<div>" * 10_000 + f"<p>{BODY}</p>" + "</div>" * 10_000).encode(),
    "deep-divs-unclosed": lambda rng: ("<html><body>" + "<div><span>" * 20_000 + BODY).encode(),
    "many-tags": lambda rng: ("<html><body><p>" + "<b>x</b>" * 100_000 + f"</p><p>{BODY}</p>").encode(),
    "many-paragraphs": lambda rng: ("<html><body>" + f"<p>{BODY}</p>" * SIZES["paragraphs"] + "</body></html>").encode(),
    "comment-bomb": lambda rng: ("<html><body><!--" + "-" * 500_000 + f"--><p>{BODY}</p>").encode(),
    "unclosed-comment": lambda rng: f"<html><body><!-- <p>{BODY}</p>".encode(),
    "huge-script": lambda rng: ("<html><head><script>" + "var a=1;" * 100_000 + f"</script></head><body><p>{BODY}</p>").encode(),
    "entity-storm": lambda rng: ("<html><body><p>" + "&amp;&eacute;&#233;" * 50_000 + f"</p><p>{BODY}</p>").encode(),
    "bad-entities": lambda rng: f"<html><body><p>&#xD800;&#0;&#99999999;&#x110000;&bogus; {BODY}</p>".encode(),
    "xml-billion-laughs": lambda rng: (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
        b'&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<html><body><p>&lol3; " + BODY.encode() + b"</p></body></html>"),
    "meta-charset-lie": lambda rng: f'<html><head><meta charset="utf-16"></head><body><p>{BODY}</p>'.encode(),
    "meta-charset-unknown": lambda rng: f'<html><head><meta charset="x-nope"></head><body><p>{BODY}</p>'.encode(),
    "no-body": lambda rng: b"<html><head><title>Only a title here</title></head></html>",
    "only-nav": lambda rng: b"<html><body><nav>" + b"<a href='/'>Home</a>" * 500 + b"</nav></body></html>",
    "frameset": lambda rng: b"<html><frameset><frame src='a.html'></frameset></html>",
    "cdata": lambda rng: f"<html><body><![CDATA[{BODY}]]><p>{BODY}</p>".encode(),
    "svg-heavy": lambda rng: ("<html><body><svg>" + '<path d="M0 0L1 1"/>' * 50_000 + f"</svg><p>{BODY}</p>").encode(),
    "huge-title": lambda rng: ("<html><head><title>" + "T " * 200_000 + f"</title></head><body><p>{BODY}</p>").encode(),
    "bad-meta-date": lambda rng: ('<html><head><meta name="date" content="2024-13-45T99:99">'
                                  f'<link rel="canonical" href="\x01javascript:x"></head><body><p>{BODY}</p>').encode(),
    "table-bomb": lambda rng: ("<html><body><table>" + "<tr>" + "<td>1</td>" * 300 + "</tr>" * 300
                               + f"</table><p>{BODY}</p>").encode(),
    "not-html-at-all": lambda rng: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" + _rand(rng, 2000).replace(b"\0", b"1"),
    "gzip-as-html": lambda rng: __import__("gzip").compress(BODY.encode() * 100),
    "lt-storm": lambda rng: ("<html><body><p>" + "<" * 200_000 + f"</p><p>{BODY}</p>").encode(),
}


def _bytes_kind(content: Callable[[random.Random], bytes], ext: str) -> Writer:
    def write(folder: Path, stem: str, rng: random.Random) -> list[Made]:
        name = f"{stem}{ext}"
        (folder / name).write_bytes(content(rng))
        return [Made(name, "")]
    return write


def _family_kind(family: Callable[[str, random.Random], bytes], ext: str) -> Writer:
    return _bytes_kind(lambda rng: family(ext, rng), ext)


# ---------------------------------------------------------------- names, links, folders


def _symlink(target: str, name: str, skipped: bool = False) -> Writer:
    def write(folder: Path, stem: str, rng: random.Random) -> list[Made]:
        link = f"{stem}{name}"
        os.symlink(target.format(stem=stem), folder / link)
        return [Made(link, "", skipped)]
    return write


def _named(name: str, skipped: bool = False, content: bytes | None = None) -> Writer:
    def write(folder: Path, stem: str, rng: random.Random) -> list[Made]:
        full = name.format(stem=stem)
        path = folder / full
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if content is not None else (BODY + stem).encode())
        return [Made(full, "", skipped)]
    return write


def _bad_utf8_name(folder: Path, stem: str, rng: random.Random) -> list[Made]:
    raw = os.fsencode(folder) + b"/" + stem.encode() + b"-\xff\xfe\xc3.txt"
    with open(raw, "wb") as fh:
        fh.write((BODY + stem).encode())
    return [Made(os.fsdecode(stem.encode() + b"-\xff\xfe\xc3.txt"), "")]


def _fifo(folder: Path, stem: str, rng: random.Random) -> list[Made]:
    name = f"{stem}-pipe.txt"
    os.mkfifo(folder / name)
    return [Made(name, "")]


def _unreadable_folder(folder: Path, stem: str, rng: random.Random) -> list[Made]:
    sub = folder / f"{stem}-locked"
    sub.mkdir()
    (sub / "inside.txt").write_text(BODY + stem, encoding="utf-8")
    sub.chmod(0)              # root reads it anyway: then the file inside is a harmless document
    return [Made(f"{stem}-locked/inside.txt", "", skipped=True)]


def _unreadable_file(folder: Path, stem: str, rng: random.Random) -> list[Made]:
    name = f"{stem}-mode000.txt"
    (folder / name).write_text(BODY + stem, encoding="utf-8")
    (folder / name).chmod(0)
    return [Made(name, "")]


def _deep_folders(folder: Path, stem: str, rng: random.Random) -> list[Made]:
    rel = "/".join([f"{stem}-d"] + ["d"] * 60) + "/deep.txt"
    (folder / rel).parent.mkdir(parents=True)
    (folder / rel).write_text(BODY + stem, encoding="utf-8")
    return [Made(rel, "")]


def _folder_with_doc_name(folder: Path, stem: str, rng: random.Random) -> list[Made]:
    (folder / f"{stem}-dir.txt").mkdir()
    return [Made(f"{stem}-dir.txt", "", skipped=True)]


def _oversized(ext: str) -> Writer:
    def write(folder: Path, stem: str, rng: random.Random) -> list[Made]:
        name = f"{stem}{ext}"
        line = json.dumps({"text": "a " * (5 * 2**19 + 10)}) if ext == ".jsonl" else "a " * (5 * 2**19 + 10)
        (folder / name).write_text(line + "\n", encoding="utf-8")
        return [Made(name, "")]
    return write


SPECIAL: dict[str, Writer] = {
    "name-not-utf8": _bad_utf8_name,
    "name-with-spaces": _named("{stem} with spaces.txt"),
    "name-with-newline": _named("{stem}\nnewline.txt"),
    "name-with-backslash": _named("{stem}\\back.txt"),
    "name-leading-dash": _named("-{stem}.txt"),
    "name-very-long": _named("{stem}" + "n" * 230 + ".txt"),
    "name-nfd": _named("{stem}-e\u0301te\u0301.txt"),
    "name-emoji": _named("{stem}-🚀.md"),
    "name-uppercase-ext": _named("{stem}.TXT"),
    "name-double-ext": _named("{stem}.txt.html"),
    "name-no-ext": _named("{stem}", skipped=True),
    "name-other-ext": _named("{stem}.pdf", skipped=True, content=b"%PDF-1.4 \x00\x01"),
    "name-hidden": _named(".{stem}.txt", skipped=True),
    "name-in-hidden-folder": _named(".{stem}-hidden/a.txt", skipped=True),
    "symlink-loop": _symlink("{stem}-loop.txt", "-loop.txt"),
    "symlink-pair-loop": lambda folder, stem, rng: (
        os.symlink(f"{stem}-b.txt", folder / f"{stem}-a.txt"), os.symlink(f"{stem}-a.txt", folder / f"{stem}-b.txt"),
        [Made(f"{stem}-a.txt", ""), Made(f"{stem}-b.txt", "")])[-1],
    "symlink-dangling": _symlink("/nonexistent/{stem}", "-dangling.txt"),
    "symlink-etc-passwd": _symlink("/etc/passwd", "-passwd.txt"),
    "symlink-dev-zero": _symlink("/dev/zero", "-zero.txt"),
    "symlink-dir-outside": _symlink("/etc", "-etc"),
    "symlink-dir-self": _symlink(".", "-self"),
    "symlink-inside": _symlink("good/orbis.txt", "-orbis-link.txt"),
    "symlink-relative-escape": _symlink("../../../../etc/hostname", "-escape.txt"),
    "fifo": _fifo,
    "unreadable-folder": _unreadable_folder,
    "unreadable-file": _unreadable_file,
    "deep-folders": _deep_folders,
    "folder-named-txt": _folder_with_doc_name,
    "empty-folder": lambda folder, stem, rng: ((folder / f"{stem}-empty").mkdir(), [Made(f"{stem}-empty", "", True)])[-1],
}

HEAVY = {"oversized.txt": _oversized(".txt"), "oversized.jsonl": _oversized(".jsonl")}   # at most twice each


def kinds() -> dict[str, Writer]:
    out: dict[str, Writer] = {}
    for fam, fn in FAMILIES.items():
        for ext in EXTENSIONS:
            out[f"{fam}{ext}"] = _family_kind(fn, ext)
    out.update({f"jsonl-{k}": _bytes_kind(fn, ".jsonl") for k, fn in JSONL.items()})
    out.update({f"md-{k}": _bytes_kind(fn, ".md") for k, fn in MARKDOWN.items()})
    out.update({f"html-{k}": _bytes_kind(fn, ".html") for k, fn in HTML.items()})
    out.update(SPECIAL)
    out.update(HEAVY)
    return out


def write_good(folder: Path) -> list[str]:
    for name, text in GOOD.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return list(GOOD)


def make_inputs(folder: Path | str, count: int = 1000, seed: int = 0) -> list[Made]:
    """Write `count` malformed inputs (one of each kind first) and the good articles into
    `folder`; returns what was written, each with its kind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_good(folder)
    rng = random.Random(seed)
    all_kinds = kinds()
    names = list(all_kinds)
    order = names[:count] + [rng.choice([n for n in names if n not in HEAVY]) for _ in range(count - len(names))]
    made: list[Made] = []
    for i, kind in enumerate(order):
        stem = f"m{i:04d}-{kind.replace('.', '-')}"
        for m in all_kinds[kind](folder, stem, random.Random(f"{seed}-{i}")):
            m.kind = kind
            made.append(m)
    return made


def restore_permissions(folder: Path | str) -> None:
    """Give back read permission to what the generator locked, so the folder can be removed."""
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, stat.S_IRWXU)
    for root, dirs, _ in os.walk(folder):      # a second pass enters the folders unlocked above
        for name in dirs:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, stat.S_IRWXU)
                for sub in os.listdir(path):
                    if not os.path.islink(os.path.join(path, sub)):
                        os.chmod(os.path.join(path, sub), stat.S_IRWXU)


def _print_read_times(folder: Path, runs: int = 3) -> None:
    """Read and extract every input on its own: the slowest ones, and the cost per MB of the inputs
    of 64 KB or more (issue 10's gate: no input costs more than 2 s per MB; smaller inputs are
    reported by their time, which a fixed cost dominates). An input of 64 KB or more is read and
    extracted `runs` times and costs its fastest run, in wall-clock and in CPU seconds: on a shared
    machine the wall clock also counts the other processes' turns."""
    from warehouse.staging.documents import ReadResult, read_file
    from warehouse.staging.extract import Extractor

    project = Path(__file__).resolve().parents[2]
    extractor = Extractor(project)
    root = Path(os.path.realpath(folder))
    times = []
    for entry in sorted(os.listdir(folder)):
        path = folder / entry
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            wall = cpu = float("inf")
            for _ in range(runs if size >= 64 * 1024 else 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                read = ReadResult()
                read_file(path, entry, read, root)
                for doc in read.documents:
                    extractor.extract(doc)
                wall = min(wall, time.perf_counter() - started)
                cpu = min(cpu, time.process_time() - started_cpu)
            times.append((wall, size, entry, cpu))
    times.sort(reverse=True)
    print("slowest inputs to read and extract:")
    for seconds, size, name, _cpu in times[:8]:
        print(f"  {seconds:6.2f} s  {size / 2**20:7.2f} MB  {name[:80]!r}")
    large = sorted(((seconds / (size / 2**20), cpu / (size / 2**20), seconds, size, name)
                    for seconds, size, name, cpu in times if size >= 64 * 1024), reverse=True)
    if large:
        worst = large[0]
        over = [x for x in large if max(x[0], x[1]) > 2]
        print(f"inputs of 64 KB or more: {len(large)} (best of {runs} runs); worst {worst[0]:.2f} s/MB "
              f"({worst[2]:.2f} s for {worst[3] / 2**20:.2f} MB, {worst[4][:60]!r}); over 2 s/MB: "
              f"{sum(1 for x in large if x[0] > 2)} by the wall clock, {sum(1 for x in large if x[1] > 2)} "
              f"in CPU time")
        for per_mb, cpu_per_mb, _seconds, size, name in over:
            print(f"  {per_mb:5.2f} s/MB ({cpu_per_mb:.2f} CPU)  {size / 2**20:5.2f} MB  {name[:70]!r}")
    small = [t for t in times if t[1] < 64 * 1024]
    if small:
        print(f"inputs under 64 KB: {len(small)}; slowest {small[0][0]:.3f} s ({small[0][2][:60]!r})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--build", action="store_true", help="build the folder with the warehouse CLI")
    parser.add_argument("--extreme", action="store_true", help="the sizes that are slow to extract")
    args = parser.parse_args(argv)
    if args.extreme:
        SIZES.update(EXTREME_SIZES)
    if args.folder.exists():
        restore_permissions(args.folder)
        shutil.rmtree(args.folder)
    started = time.perf_counter()
    made = make_inputs(args.folder, args.count, args.seed)
    print(f"wrote {len(made)} inputs of {len({m.kind for m in made})} kinds and {len(GOOD)} good articles "
          f"into {args.folder} in {time.perf_counter() - started:.1f} s")
    if args.build:
        _print_read_times(args.folder)
        project = Path(__file__).resolve().parents[2]
        db = args.folder.parent / f"{args.folder.name}.duckdb"
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", "from warehouse.cli import main; main()", "build", "--project-dir", str(project),
                               "--documents", str(args.folder), "--db", str(db)],
                              capture_output=True, text=True, check=False)
        print(f"warehouse build: exit {proc.returncode} in {time.perf_counter() - started:.1f} s")
        print("\n".join(line for line in proc.stdout.splitlines() if "documents:" in line or "ERROR" in line))
        if "Traceback" in proc.stdout + proc.stderr:
            print(proc.stderr[-3000:])
        return proc.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
