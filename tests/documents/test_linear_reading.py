"""Reading time grows linearly with the input, even on markup made to be slow (issue 10). No wall
clock here: the tests count the steps the readers take as the input grows, and check that each
faster path gives what the library's own code gives."""

import random

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination
from warehouse.staging import documents


def test_link_destinations_are_parsed_as_markdown_it_parses_them():
    fast = documents._markdown().helpers.parseLinkDestination
    rnd = random.Random(1)
    pieces = ["a", "(", ")", "\\", " ", "\n", "\t", "<", ">", "\x7f", "\x01", "é", "&amp;", "\\(", "((",
              "[a]("]
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        if rnd.random() < 0.2:
            text = "(" * rnd.randint(28, 36) + text + ")" * rnd.randint(0, 35)
        if rnd.random() < 0.1:  # more than 32 open at once, closed again later
            a, b, c = rnd.randint(5, 25), rnd.randint(0, 4), rnd.randint(5, 25)
            closing = ")" * max(0, a - b + c + rnd.randint(-1, 1))
            text = "x" + "(" * a + ")" * b + "(" * c + "y" + closing + text
        pos = rnd.randint(0, len(text))
        maximum = rnd.randint(pos, len(text)) if rnd.random() < 0.8 else len(text)
        want, got = parseLinkDestination(text, pos, maximum), fast(text, pos, maximum)
        assert (got.ok, got.pos, got.str) == (want.ok, want.pos, want.str), (text, pos, maximum)


def test_markdown_reads_as_with_markdown_its_own_parser(monkeypatch):
    sources = [
        "# T\n\nSee [the report](http://ex.com/a(b)c \"t\") and ![img](/i.png), <http://ex.com/x y> <http://ex.com/é>.",
        "[a](javascript:alert(1)) [b](JavaScript:x) [c](data:image/png;base64,x) [d](data:text/html,x)",
        "[e](<a b>) [f](<a\\>b>) [g](a\\ b) [h](a\\",
        "[r1] and [r2][] and [text][r1]\n\n[r1]: http://ex.com/ü \"T\"\n[r2]: <javascript:x>\n",
        "*a **a " * 50 + "[a](" * 50 + "`code` x\\\n y  \nz &amp; &copy;",
        "| a | [b](u) |\n|---|---|\n| 1 | *2* |\n",
    ]
    rnd = random.Random(3)
    pieces = ["a", "b ", "[", "]", "(", ")", "<", ">", "\\", " ", "\n", "*", "_", "`", "!", "http://x.y/z",
              "javascript:x", "data:image/png;x", "&amp;", '"t"', ":", "# ", "- ", "> ", "|", "é", "%20",
              "[r]: /u\n"]
    sources += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))) for _ in range(2000)]
    ours = [documents._markdown_to_text(source) for source in sources]
    monkeypatch.setattr(documents, "_markdown", lambda: MarkdownIt("commonmark").enable("table"))
    assert ours == [documents._markdown_to_text(source) for source in sources]


def test_a_link_bomb_takes_a_bounded_number_of_steps_per_bracket(monkeypatch):
    # "[a](" repeated: every "[" starts a link whose destination opens a parenthesis every 4
    # characters; markdown-it read 130 characters one Python step at a time before giving up
    steps = []

    class Counting:
        def __init__(self, real):
            self.real = real

        def match(self, *args):
            steps.append(1)
            return self.real.match(*args)

    monkeypatch.setattr(documents, "_DESTINATION_RUN", Counting(documents._DESTINATION_RUN))
    monkeypatch.setattr(documents, "_TOO_DEEP", Counting(documents._TOO_DEEP))
    for n in (100, 2000):
        steps.clear()
        documents._markdown_to_text("[a](" * n + "text")
        # one match a bracket, but for the last 32, which see fewer parentheses ahead and walk them
        assert len(steps) <= 2 * n + 33 * 33, (n, len(steps))


PAGES = [
    "<html><head><title>{t} | Le Journal</title><meta name='date' content='2025-05-20'></head>"
    "<body><nav><a href='/'>Accueil</a></nav><article><h1>{t}</h1><p>{b}</p></article></body></html>",
    "<html><head><meta property='og:title' content='{t}'><meta property='og:url' content='https://ex.com/x'>"
    "<meta property='article:published_time' content='2024-03-02T10:00:00Z'></head><body><p>{b}</p>"
    "<a href='/category/tech/'>Tech</a><a href='/tag/ai/'>AI</a></body></html>",
    "<html><head><script type='application/ld+json'>{{\"@type\": \"NewsArticle\", \"headline\": \"{t}\", "
    "\"datePublished\": \"2023-11-05\", \"author\": {{\"name\": \"Ana Brun\"}}}}</script>"
    "<link rel='canonical' href='https://ex.com/a/b'></head><body><div class='post'>"
    "<h2 class='entry-title'>{t}</h2><span class='byline'>By Ana Brun</span><p>{b}</p></div></body></html>",
    "<html><body><h1>{t}</h1><h1>Autre</h1><p>{b}</p>"
    "<footer><a rel='license' href='/cc'>CC</a></footer></body></html>",
    "<html><body><nav>" + "<a href='/'>Home</a>" * 20 + "</nav></body></html>",
]


def test_html_title_date_and_url_are_what_trafilatura_finds():
    import trafilatura
    from warehouse.staging import dates

    title = "Zorbel Labs lève 5 millions d'euros"
    body = "Zorbel Labs a levé 5 millions d'euros auprès de Orbis Capital."
    for page in (p.format(t=title, b=body) for p in PAGES):
        full = trafilatura.bare_extraction(
            page, favor_recall=True, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
        try:
            parsed = documents._read_html(page.encode())
        except documents._Reject:
            assert full is None or not any(len(line.split()) >= 5 for line in full.text.splitlines())
            continue
        assert parsed.text == documents._with_title(documents._clean(full.text), documents._title(full.title))
        assert (parsed.title, parsed.published, parsed.url) == (
            documents._title(full.title), dates.parse_date(full.date), full.url or None)


def test_html_metadata_we_never_read_is_not_searched(monkeypatch):
    # a page of 100,000 tags: trafilatura's author and category XPaths took longer than its text
    from trafilatura import metadata

    def unused(*args, **kwargs):
        raise AssertionError("searched")

    for name in ("extract_author", "extract_catstags", "extract_sitename", "extract_license"):
        monkeypatch.setattr(metadata, name, unused)
    page = "<html><body><p>" + "<b>x</b>" * 1000 + "</p><p>Zorbel Labs a levé 5 millions d'euros, dit-il.</p>"
    assert "Zorbel Labs" in documents._read_html(page.encode()).text


def test_markdown_made_of_markup_is_rejected_before_it_is_parsed(monkeypatch, tmp_path):
    # markdown-it takes a Python step for each markup character and several for each line: a text
    # made of them costs 3 to 5 s per MB, so it is rejected after one count, never parsed
    def parse(source):
        raise AssertionError("parsed")

    monkeypatch.setattr(documents, "_markdown_to_text", parse)
    body = "Zorbel Labs a levé 5 millions d'euros auprès de Orbis Capital.\n"
    for name, text in [("emphasis.md", "*a **a " * 5000 + body), ("links.md", "[a](" * 5000 + body),
                       ("lines.md", "# Titre\n\n" + "a b\n" * 5000 + body)]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    read = documents.read_folder(tmp_path)
    assert not read.documents
    assert {r.file_name: r.reason.split(":")[0] for r in read.rejections} == dict.fromkeys(
        ["emphasis.md", "links.md", "lines.md"], "Markdown too dense")


def test_markdown_articles_and_docs_are_not_too_dense(tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    article = "Zorbel Labs a levé [5 millions d'euros](https://ex.com/a) auprès de **Orbis Capital**.\n\n"
    sources = [article * 400, "| Firme | Montant |\n|---|---|\n| Zorbel | 5 M€ |\n" * 400]
    sources += [p.read_text(encoding="utf-8") for p in [root / "README.md", *root.glob("docs/*.md")]]
    for source in sources:
        documents._check_markup(source)  # no rejection
    assert len(sources[0]) >= documents.MARKDOWN_DENSE_CHARS
