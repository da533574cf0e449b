"""Read a folder of articles into `Document` records, and what cannot be read into `Rejection`s.

Formats, by extension (case-insensitive), searched recursively:

- `.txt`: the text as it is; the title is a short first line.
- `.md`, `.markdown`: rendered to plain text with markdown-it (no markup,
  links keep their words); the title is the first `# ` heading; YAML front
  matter may give `title` and `date`/`published`.
- `.html`, `.htm`: the main text only, without navigation or boilerplate,
  by trafilatura; title, date and canonical URL from the page's metadata.
- `.jsonl`: one article per line, `{"text": ..., "title"?, "url"?, "published"?}`;
  each line is a document named `name.jsonl#<line number>`.

Hidden files and folders are skipped; files with other extensions are
skipped and counted.

Nothing one input holds stops the others being read: whatever goes wrong
with a file (or a `.jsonl` line) becomes a `Rejection` with a reason, never
an exception. Each document has budgets: `MAX_BYTES` of input, a
content check for binary data (NUL bytes, or control characters in more
than 1 % of the text, whatever the extension), at most
`MAX_HTML_ATTRIBUTES_PER_TAG` attributes per HTML tag (the excess is dropped
before parsing: lxml's time grows with the square of one tag's attributes)
and `MAX_HTML_ATTRIBUTES` in a page, `MAX_FRONT_MATTER_CHARS` of YAML front
matter, and a Markdown text of `MARKDOWN_DENSE_CHARS` or more at most
`MAX_MARKDOWN_MARKUP_SHARE` markup (markdown-it spends about 8 µs on each
markup character and 15 µs on each line). Symbolic links are followed only to
files inside the documents folder; a loop, a dangling link or a link out of
the folder is rejected. A file name that is not valid UTF-8 and a folder that
cannot be listed are rejected too, named with the undecodable bytes escaped.

There is no time budget per document: stopping a parser mid-way needs a
thread or a signal (SIGALRM interrupts only between Python bytecodes, not
inside lxml or a regular expression, and it belongs to the main thread of
the process that embeds the loader), so reading time is bounded by the
input budgets above instead. Text is decoded and normalised once (`text.normalise`);
every offset the extractors store indexes `Document.text`. The id is the
first 16 hex characters of the SHA-256 of that text, so the same article in
two files is read once: the first (in path order) is kept and the other is
rejected as a duplicate.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

from warehouse.staging import dates, language
from warehouse.staging import text as textmod

MAX_BYTES = 5 * 1024 * 1024       # one document; a .jsonl file may be larger, each line may not
MAX_HTML_ATTRIBUTES_PER_TAG = 64  # more is a generated page or an attack; the rest are dropped
MAX_HTML_ATTRIBUTES = 50_000      # in one page, after the per-tag cut
MAX_FRONT_MATTER_CHARS = 16 * 1024  # YAML metadata of a Markdown file; articles have a few lines
MAX_CONTROL_SHARE = 0.01          # control characters in a text: more is binary data
# inline markup characters, and two for each line, in a Markdown text of MARKDOWN_DENSE_CHARS or more:
# prose has under 10 % (these docs: 5-9 %), a link or emphasis bomb 40-75 %; at 15 % markdown-it
# reads about 1.5 s per MB, at 45 % 4 s
MAX_MARKDOWN_MARKUP_SHARE = 0.15
MARKDOWN_DENSE_CHARS = 16 * 1024
TITLE_MAX_CHARS = 200
_SENTENCE_WORDS = 5               # an HTML page's main text has at least one line this long


@dataclass(frozen=True)
class Document:
    document_id: str         # sha256 of the normalised text, first 16 hex chars
    file_name: str           # path relative to the documents dir; jsonl lines: "name.jsonl#<line>"
    path: str                # absolute path of the file
    title: str | None
    published_on: date | None
    language: str            # a lexicon folder's code: "fr", "en"
    text: str                # normalised text; all character spans index into it
    url: str | None = None   # jsonl `url` or the HTML page's canonical URL


@dataclass(frozen=True)
class Rejection:
    file_name: str           # relative to the documents dir
    path: str                # absolute path
    line_number: int | None  # jsonl line (1-based), else None
    reason: str


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)   # skipped: not a known extension
    bytes_read: int = 0
    # file name -> (size, mtime_ns, ctime_ns, inode), taken before the file was read, of every
    # plain file (not .jsonl, not a link) that became one document: what `read_folder(reuse=)` gets
    file_stats: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    reused: int = 0                                        # documents `reuse` gave, not read


class _Reject(Exception):
    """A file or line that cannot become a document; the message is the reason."""


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- decoding

# C0 and C1 control characters other than tab, line feed, vertical tab, form feed, carriage return.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_not_binary(text: str) -> None:
    """Random or binary bytes decode to text full of control characters in any 8-bit encoding."""
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > 1 and controls > MAX_CONTROL_SHARE * len(sample):
        raise _Reject(f"binary content ({controls} control characters in {len(sample)})")


def _decode(data: bytes) -> str:
    if not data.strip():
        raise _Reject("empty file" if not data else "only whitespace")
    if b"\0" in data[:65536] and not textmod.has_bom(data):
        raise _Reject("binary file (contains NUL bytes)")
    try:
        raw, _ = textmod.decode(data)
    except textmod.DecodeError as exc:
        raise _Reject(f"cannot be decoded: {exc}") from exc
    _check_not_binary(raw)
    return raw


def _clean(raw: str) -> str:
    out = textmod.normalise(raw).strip()
    if not out:
        raise _Reject("only whitespace")
    return out


# ---------------------------------------------------------------- titles

_SENTENCE_END = re.compile(r"[.!?;:,]$")


def _first_line_title(body: str) -> str | None:
    """A first line short enough, and not ending like a sentence, is a headline."""
    first = body.split("\n", 1)[0].strip()
    if first and len(first) <= TITLE_MAX_CHARS and not _SENTENCE_END.search(first) and "\n" in body:
        return first
    return None


def _headline_of(title: str | None) -> str | None:
    """The headline in a page title: the site name after a last " | " is not part of it."""
    if not title:
        return None
    head = title.rsplit(" | ", 1)[0].strip() if " | " in title else title
    return head or None


def _with_title(body: str, title: str | None) -> str:
    """A title kept out of the body (HTML <title>, JSONL "title", front matter) reports the
    article's main fact as often as its first paragraph does: it becomes the text's first line,
    unless the body already opens with it."""
    head = _headline_of(title)
    if not head:
        return body

    def key(s: str) -> str:
        return " ".join(re.sub(r"[^\w]+", " ", s.casefold()).split())

    opening = key(" ".join(body.lstrip().split("\n", 2)[:2]))
    if not key(head) or opening.startswith(key(head)) or key(head) in opening[: 3 * len(head)]:
        return body
    first = key(body.lstrip().split("\n", 1)[0])
    if first and key(head).startswith(first):
        return body
    return f"{head}\n\n{body}"


def _title(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(textmod.normalise(value).split())
    return value or None


# ---------------------------------------------------------------- formats

@dataclass
class _Parsed:
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


def _read_txt(data: bytes) -> _Parsed:
    body = _clean(_decode(data))
    return _Parsed(body, _first_line_title(body))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


# a link destination's run of ordinary characters and escapes between two parentheses
_DESTINATION_RUN = re.compile(r"(?:[^\x00-\x20\x7f\\()]|\\[^ ])*")
_TOO_DEEP = re.compile(rf"(?:{_DESTINATION_RUN.pattern}\(){{33}}")


@cache
def _markdown():
    """The Markdown parser, made once: CommonMark with tables; link destinations parsed as
    markdown-it's `parseLinkDestination` does, the runs between parentheses taken by one regex
    match instead of a Python step per character and a destination that opens 33 parentheses
    (CommonMark's limit) failed by one match (`[a](` repeated made every `[` scan the next 130
    characters at about a microsecond each); and no normalising of a destination (its address
    is never read; its scheme is still checked, so a `javascript:` link stays text as before)."""
    from types import SimpleNamespace

    from markdown_it import MarkdownIt, helpers
    from markdown_it.common.utils import unescapeAll
    from markdown_it.helpers.parse_link_destination import _Result

    def destination(string: str, pos: int, maximum: int) -> _Result:
        if pos < maximum and string[pos] == "<":
            return helpers.parseLinkDestination(string, pos, maximum)  # "<...>": short, by its own rules
        start, level, result = pos, 0, _Result()
        if _TOO_DEEP.match(string, pos, maximum):
            return result
        while pos < maximum:
            pos = _DESTINATION_RUN.match(string, pos, maximum).end()
            if pos >= maximum:
                break
            ch = string[pos]
            if ch == "(":
                level += 1
                if level > 32:
                    return result
            elif ch == ")":
                if level == 0:
                    break
                level -= 1
            elif ch != "\\" or pos + 1 < maximum:
                break  # a space, a control character, or a backslash before a space
            pos += 1  # a parenthesis, or a backslash that ends the text (an ordinary character)
        if start == pos or level != 0:
            return result
        result.str, result.pos, result.ok = unescapeAll(string[start:pos]), pos, True
        return result

    md = MarkdownIt("commonmark").enable("table")
    md.helpers = SimpleNamespace(parseLinkLabel=helpers.parseLinkLabel, parseLinkTitle=helpers.parseLinkTitle,
                                 parseLinkDestination=destination)
    md.normalizeLink = lambda url: url
    return md


def _markdown_to_text(source: str) -> tuple[str, str | None]:
    """Plain text of a Markdown document and its first level-1 heading."""
    tokens = _markdown().parse(source)
    parts: list[str] = []
    title = None
    in_h1 = False
    for tok in tokens:
        if tok.type == "heading_open":
            in_h1 = tok.tag == "h1"
        elif tok.type == "inline":
            line = "".join(
                child.content if child.type in ("text", "code_inline") else
                "\n" if child.type in ("softbreak", "hardbreak") else ""
                for child in tok.children or ()
            )
            if in_h1 and title is None:
                title = line.strip()
            parts.append(line)
        elif tok.type in ("fence", "code_block"):
            parts.append(tok.content.rstrip("\n") + "\n\n")
        elif tok.type in ("paragraph_close", "heading_close"):
            in_h1 = False
            parts.append("\n" if tok.hidden else "\n\n")   # tight list items: one line each
        elif tok.type in ("th_close", "td_close"):
            parts.append(" ")
        elif tok.type == "tr_close":
            parts.append("\n")
        elif tok.type == "table_close":
            parts.append("\n")
    return "".join(parts), title


_NO_MARKUP = str.maketrans("", "", "*_[]()<>`!\\&~")
_TEXT_LINE = re.compile(r"^[ \t]*\S", re.M)


def _check_markup(source: str) -> None:
    """markdown-it costs a Python step for every markup character and several for every line:
    a long text made mostly of them (`*a **a` or `[a](` repeated, 50,000 lines of two letters)
    is no article, and would cost 3 to 5 s per MB to read."""
    if len(source) < MARKDOWN_DENSE_CHARS:
        return
    markup = len(source) - len(source.translate(_NO_MARKUP)) + 2 * len(_TEXT_LINE.findall(source))
    if markup > MAX_MARKDOWN_MARKUP_SHARE * len(source):
        raise _Reject(f"Markdown too dense: {markup / len(source):.0%} of its characters are markup or line "
                      f"starts (limit {MAX_MARKDOWN_MARKUP_SHARE:.0%}), no article")


def _read_md(data: bytes) -> _Parsed:
    source = textmod.normalise(_decode(data))
    meta: dict = {}
    if m := _FRONT_MATTER.match(source):
        if len(m.group(1)) > MAX_FRONT_MATTER_CHARS:      # PyYAML reads about 1 MB a minute
            raise _Reject(f"front matter is larger than the {MAX_FRONT_MATTER_CHARS // 1024} KB limit")
        import yaml

        try:
            loaded = yaml.safe_load(m.group(1))
        except (yaml.YAMLError, ValueError, TypeError, RecursionError):
            # "date: 2024-13-45" is a YAML timestamp that is no date (ValueError):
            # read the front matter again with every scalar a string.
            try:
                loaded = yaml.load(m.group(1), Loader=yaml.BaseLoader)  # noqa: S506 - no objects built
            except (yaml.YAMLError, ValueError, TypeError, RecursionError):
                loaded = None
        if isinstance(loaded, dict):
            meta = loaded
            source = source[m.end():]
    _check_markup(source)
    plain, heading = _markdown_to_text(source)
    body = _clean(plain)
    body = _with_title(body, _title(meta.get("title")))
    published = meta.get("published", meta.get("date"))
    if isinstance(published, datetime):            # YAML reads "2024-05-02 10:00" as a datetime
        published = published.date()
    elif not isinstance(published, date):
        published = dates.parse_date(str(published)) if published else None
    return _Parsed(body, _title(meta.get("title")) or _title(heading) or _first_line_title(body),
                   published, meta.get("url") if isinstance(meta.get("url"), str) else None)


_HTML_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_HTML_ATTRIBUTE = re.compile(r"""\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?""")


def _tame_html(source: str) -> str:
    """The page with at most MAX_HTML_ATTRIBUTES_PER_TAG attributes in each tag; a page with
    more than MAX_HTML_ATTRIBUTES in all is rejected. lxml needs minutes for one tag with
    100,000 attributes (its duplicate check is quadratic); no article has a tag with 64."""
    if source.count("=") <= MAX_HTML_ATTRIBUTES_PER_TAG:
        return source
    total = 0

    def cut(m: re.Match) -> str:
        nonlocal total
        tag = m.group(0)
        if tag.count("=") <= MAX_HTML_ATTRIBUTES_PER_TAG:
            total += tag.count("=")
            return tag
        name = re.match(r"<[A-Za-z][^\s/>]*", tag).group(0)
        attributes = _HTML_ATTRIBUTE.findall(tag, len(name))[:MAX_HTML_ATTRIBUTES_PER_TAG]
        total += len(attributes)
        return name + "".join(attributes) + (" />" if tag.endswith("/>") else ">")

    tamed = _HTML_TAG.sub(cut, source)
    if total > MAX_HTML_ATTRIBUTES:
        raise _Reject(f"HTML page has too many attributes ({total}, limit {MAX_HTML_ATTRIBUTES})")
    return tamed


def _html_metadata(tree):
    """The title, canonical URL and date of a page: what trafilatura's `extract_metadata` finds
    for them, in its order (meta tags, then JSON-LD, then the page), without the fields it
    also looks for and we never read (author, site name, categories, tags, licence): on a page
    of 100,000 tags their XPath searches took twice as long as extracting the text."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url

    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # as in trafilatura: a bug in its JSON-LD reader leaves the meta tags' fields
        pass
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.url:
        metadata.url = extract_url(tree)
    # metadata dates only: htmldate's text search guesses
    metadata.date = find_date(tree, extensive_search=False, original_date=True, url=metadata.url)
    metadata.clean_and_trim()
    return metadata


def _read_html(data: bytes) -> _Parsed:
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(_tame_html(_decode(data)))
    try:
        # bare_extraction's own steps: metadata from the tree, then the text from (a copy of) it
        extracted = metadata = None if tree is None else _html_metadata(tree)
        if metadata is not None:
            extracted = trafilatura.bare_extraction(
                tree, favor_recall=True, with_metadata=False, include_comments=False,
                include_tables=True, include_images=False, include_links=False)
    except (TypeError, ValueError):  # what bare_extraction turns into "nothing extracted"
        extracted = None
    main = getattr(extracted, "text", None) if extracted is not None else None
    # On a page without an article trafilatura falls back to whatever text
    # there is (menu links, one per line): no line that reads like a sentence
    # means there is no main text.
    if not main or not any(len(line.split()) >= _SENTENCE_WORDS for line in main.splitlines()):
        raise _Reject("no main text found in the HTML")
    body = _with_title(_clean(main), _title(metadata.title))
    return _Parsed(body, _title(metadata.title), dates.parse_date(metadata.date), metadata.url or None)


_READERS = {".txt": _read_txt, ".md": _read_md, ".markdown": _read_md,
            ".html": _read_html, ".htm": _read_html}
SUFFIXES = frozenset({*_READERS, ".jsonl"})


def _jsonl_line(raw: bytes) -> _Parsed:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        # JSON Lines should be UTF-8; a file saved in a Western code page is read anyway.
        try:
            line, _ = textmod.decode(raw)
        except textmod.DecodeError:
            raise _Reject("line is not valid UTF-8 nor any known encoding") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Reject(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise _Reject("not valid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _Reject("line is not a JSON object")
    body = record.get("text")
    if not isinstance(body, str):
        raise _Reject('no "text" field' if body is None else '"text" is not a string')
    body = textmod.normalise(body).strip()
    if not body:
        raise _Reject('"text" is empty')
    url = record.get("url")
    body = _with_title(body, _title(record.get("title")))
    return _Parsed(body, _title(record.get("title")), dates.parse_date(record.get("published")),
                   url if isinstance(url, str) and url else None)


# ---------------------------------------------------------------- folder

def _check_encodable(parsed: _Parsed) -> None:
    """JSON text may hold a lone surrogate ("\\ud800"), which no UTF-8 file or database can store."""
    for what, value in (("text", parsed.text), ("title", parsed.title), ("url", parsed.url)):
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise _Reject(f"{what} holds a character that is not valid Unicode "
                              f"({value[exc.start]!a} at {exc.start})") from None


def _make(parsed: _Parsed, file_name: str, path: str) -> Document:
    _check_encodable(parsed)
    lang = language.detect(parsed.text)
    # a wire dateline without its year ("PARIS, Feb 17 (Reuters) - ... said on Tuesday"): the latest
    # year up to today that puts that day on the weekday the lead names (no article is from the future)
    published = (
        parsed.published
        or dates.dateline(parsed.text, lang)
        or dates.yearless_dateline(parsed.text, lang, date.today())
    )
    return Document(document_id(parsed.text), file_name, path, parsed.title, published, lang,
                    parsed.text, parsed.url)


def _walk(folder: Path, unlisted: list[tuple[Path, str]]):
    """Files under `folder` in a stable order, as (folder as os.walk names it, file name), hidden
    files and folders left out; folders
    that cannot be listed go to `unlisted` with the reason. Linked folders are not entered
    (os.walk's default): their files are read where they are, inside the folder."""

    def error(exc: OSError) -> None:
        unlisted.append((Path(exc.filename or folder), f"folder cannot be read: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=error):
        for d in dirs:
            if not d.startswith(".") and os.path.islink(os.path.join(root, d)):
                yield root, d          # read_file rejects it with its reason
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        for name in sorted(files):
            if not name.startswith("."):
                yield root, name


def _jsonl_lines(fh):
    """(line number, bytes) of a JSON Lines file, streamed; a line over the size
    limit comes back as None instead of being held in memory."""
    number = 0
    while True:
        raw = fh.readline(MAX_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_BYTES:
            while raw and not raw.endswith(b"\n"):      # skip the rest of the long line
                raw = fh.readline(MAX_BYTES)
            yield number, None
        else:
            yield number, raw


def _read_jsonl(path: Path, file_name: str, abspath: str, result: ReadResult, reject) -> None:
    with open(path, "rb") as fh:
        head = fh.read(65536)
        if not head.strip() and not fh.read(1):
            reject("empty file" if not head else "only whitespace")
            return
        if b"\0" in head:
            reject("binary file (contains NUL bytes)")
            return
        fh.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)
        for number, raw in _jsonl_lines(fh):
            if raw is None:
                reject(f"line is larger than the {MAX_BYTES // 2**20} MB limit", number)
                continue
            result.bytes_read += len(raw)
            if not raw.strip():
                continue          # blank lines separate nothing in JSON Lines; not an error
            try:
                result.documents.append(_make(_jsonl_line(raw), f"{file_name}#{number}", abspath))
            except _Reject as exc:
                reject(str(exc), number)
            except RecursionError:
                reject("cannot be read: nested too deeply", number)
            except Exception as exc:  # noqa: BLE001 - one bad line must not stop the others
                reject(f"cannot be read: {type(exc).__name__}: {exc}"[:500], number)


def printable(name: str) -> str:
    """A path as os.walk gives it, storable as UTF-8: undecodable bytes become \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _target(path: Path, root: Path | None) -> Path:
    """The file a path names, following links only to inside `root`; raises _Reject."""
    if not path.is_symlink():
        return path
    try:
        real = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        raise _Reject(f"broken symbolic link: {exc.strerror or exc}") from None
    except RuntimeError:                           # some Pythons report a loop this way
        raise _Reject("broken symbolic link: a loop") from None
    if root is not None and not real.is_relative_to(root):
        raise _Reject("symbolic link to outside the documents folder, not followed")
    if real.is_dir():
        raise _Reject("symbolic link to a folder, not followed (its files are read where they are)")
    return real


def read_file(path: Path, file_name: str, result: ReadResult, root: Path | None = None) -> None:
    """Append the documents and rejections of one file to `result`; never raises for
    anything the file holds. `root`: the documents folder, the only place links may lead."""
    suffix = path.suffix.lower()
    abspath = printable(os.path.abspath(path))
    bad_name = printable(file_name) != file_name
    file_name = printable(file_name)
    start = len(result.rejections)

    def reject(reason: str, line: int | None = None) -> None:
        result.rejections.append(Rejection(file_name, abspath, line, reason))

    try:
        if bad_name:
            raise _Reject("file name is not valid UTF-8")
        target = _target(path, root)
        if not stat.S_ISREG(target.stat().st_mode):
            raise _Reject("not a regular file")
        if suffix == ".jsonl":
            _read_jsonl(target, file_name, abspath, result, reject)
            return
        with open(target, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            size = target.stat().st_size
            raise _Reject(f"larger than the {MAX_BYTES // 2**20} MB limit ({size / 2**20:.1f} MB)")
        result.bytes_read += len(data)
        result.documents.append(_make(_READERS[suffix](data), file_name, abspath))
    except _Reject as exc:
        reject(str(exc))
    except OSError as exc:
        reject(f"cannot be read: {exc.strerror or exc}")
    except RecursionError:
        reject("cannot be read: nested too deeply")
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the others
        if len(result.rejections) == start:
            reject(f"cannot be read: {type(exc).__name__}: {exc}"[:500])


def file_stat(st: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file is unchanged: size, mtime, ctime (which nobody can set back) and inode."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


# the errors Path.is_symlink reads as "not a link" (pathlib's _IGNORED_ERRNOS)
_IGNORED_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _suffix(name: str) -> str:
    """`Path(name).suffix.lower()` for a file name: read by string for a known suffix."""
    low = name.lower()
    for suffix in SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return Path(name).suffix.lower()


def read_folder(folder: Path | str, reuse=None) -> ReadResult:
    """Every document under `folder`; unreadable inputs become rejections, never errors.

    `reuse(file_name, abspath, stat)`, when given, is asked for each plain file (a regular
    file, not a link, not `.jsonl`, its `file_stat` taken before any reading): a `Document`
    it returns is taken as what reading the file gives (the caller knows the file unchanged
    since it read it with the same code), None has the file read."""
    folder = Path(folder)
    root = Path(os.path.realpath(folder))
    result = ReadResult()
    unlisted: list[tuple[Path, str]] = []
    top = os.fspath(folder)   # the folder as os.walk names it: its files' names are their own
    absolute: dict[str, str] = {}
    # A folder of 10,000 unchanged files is walked at every build: each file costs one lstat and
    # string operations, the Path objects only for a file read or in a subfolder (same values).
    for folder_name, name in _walk(folder, unlisted):
        full = os.path.join(folder_name, name)
        file_name = name if folder_name == top else Path(full).relative_to(folder).as_posix()
        suffix = _suffix(name)
        try:
            st = os.lstat(full)
        except OSError as exc:
            if exc.errno not in _IGNORED_ERRNOS:   # what Path.is_symlink raises
                raise
            st = None
        # rejected by read_file, with why
        linked_folder = st is not None and stat.S_ISLNK(st.st_mode) and Path(full).is_dir()
        if suffix not in SUFFIXES and not linked_folder:
            result.other_files.append(printable(file_name))
            continue
        key = None
        if suffix != ".jsonl" and printable(file_name) == file_name:
            if st is not None and stat.S_ISREG(st.st_mode):
                key = file_stat(st)
                if reuse is not None:
                    if folder_name not in absolute:
                        absolute[folder_name] = os.path.abspath(folder_name)
                    doc = reuse(file_name, printable(os.path.join(absolute[folder_name], name)), key)
                    if doc is not None:
                        result.documents.append(doc)
                        result.file_stats[file_name] = key
                        result.reused += 1
                        continue
        documents, rejections = len(result.documents), len(result.rejections)
        read_file(Path(folder_name) / name, file_name, result, root)
        if (key is not None and len(result.documents) == documents + 1
                and len(result.rejections) == rejections):
            result.file_stats[file_name] = key
    for path, reason in unlisted:
        try:
            name = path.relative_to(folder).as_posix()
        except ValueError:
            name = str(path)
        result.rejections.append(Rejection(printable(name), printable(os.path.abspath(path)), None, reason))
    # The same text twice is one document: keep the first, reject the rest.
    seen: dict[str, str] = {}
    kept: list[Document] = []
    for doc in result.documents:
        if doc.document_id in seen:
            name, line = doc.file_name, None
            if ".jsonl#" in name:
                name, number = name.rsplit("#", 1)
                line = int(number)
            result.rejections.append(Rejection(name, doc.path, line, f"duplicate of {seen[doc.document_id]}"))
        else:
            seen[doc.document_id] = doc.file_name
            kept.append(doc)
    result.documents = kept
    return result
