"""Reading a folder of articles: formats, titles, dates, rejections (files written by the tests)."""

import hashlib
import json
from datetime import date

import pytest
from warehouse.staging import documents
from warehouse.staging.documents import read_folder
from warehouse.staging.text import normalise

FR = ("La coopérative bretonne Breizh Calcul a levé 3 millions d'euros auprès de deux fonds régionaux. "
      "Les fonds serviront à acheter des serveurs pour les laboratoires de la région.")
EN = ("The Leeds start-up Pennine Compute said on Monday that it had raised $12 million from two funds. "
      "The money will pay for servers and for the hiring of engineers.")


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(result):
    return {(r.file_name, r.line_number): r.reason for r in result.rejections}


def test_txt_document(tmp_path):
    write(tmp_path / "breves" / "a.txt", f"Breizh Calcul lève 3 millions\n\nRENNES, 5 mars 2024 — {FR}\n")
    (doc,) = read_folder(tmp_path).documents
    assert doc.file_name == "breves/a.txt"
    assert doc.path == str((tmp_path / "breves" / "a.txt").resolve())
    assert doc.title == "Breizh Calcul lève 3 millions"
    assert doc.published_on == date(2024, 3, 5)
    assert doc.language == "fr"
    assert doc.text.endswith("de la région.")          # stripped of the final newline
    assert doc.document_id == hashlib.sha256(doc.text.encode()).hexdigest()[:16]


def test_txt_without_headline_has_no_title(tmp_path):
    write(tmp_path / "a.txt", FR)
    (doc,) = read_folder(tmp_path).documents
    assert doc.title is None and doc.published_on is None


def test_markdown_is_rendered_to_plain_text(tmp_path):
    md = ("---\ntitle: Pennine Compute raises $12m\ndate: 2024-05-02\n---\n"
          "# A heading that is not the title\n\n"
          f"The **Leeds** start-up [Pennine Compute](https://example.org/p) said on Monday "
          f"that it had raised $12 million from two funds.\n\n- first point\n- second point\n\n{EN}\n")
    write(tmp_path / "p.md", md)
    (doc,) = read_folder(tmp_path).documents
    assert doc.title == "Pennine Compute raises $12m"
    assert doc.published_on == date(2024, 5, 2)
    assert doc.language == "en"
    assert "**" not in doc.text and "https://" not in doc.text and "](" not in doc.text
    assert "The Leeds start-up Pennine Compute said on Monday" in doc.text
    assert "first point\nsecond point" in doc.text


@pytest.mark.parametrize("value", ["2024-05-02 10:30:00", "2024-05-02", "'2 mai 2024'"])
def test_markdown_front_matter_dates(tmp_path, value):
    write(tmp_path / "p.md", f"---\ndate: {value}\n---\n{FR}\n")
    (doc,) = read_folder(tmp_path).documents
    assert doc.published_on == date(2024, 5, 2) and type(doc.published_on) is date


def test_markdown_title_from_first_level_one_heading(tmp_path):
    write(tmp_path / "p.md", f"## Rubrique\n\n# Breizh Calcul lève des fonds\n\n{FR}\n")
    (doc,) = read_folder(tmp_path).documents
    assert doc.title == "Breizh Calcul lève des fonds"
    assert doc.text.startswith("Rubrique\n\nBreizh Calcul lève des fonds\n\nLa coopérative")


HTML = """<html><head><title>Breizh Calcul lève 3 millions | Le Journal de l'Ouest</title>
<meta property="article:published_time" content="2024-03-05T08:00:00+01:00">
<link rel="canonical" href="https://example.org/breizh"></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/eco">Économie</a></li></ul></nav>
<div class="menu">Se connecter · S'abonner · Newsletter</div>
<article><h1>Breizh Calcul lève 3 millions</h1>
<p>La coopérative bretonne Breizh Calcul a levé 3&nbsp;millions d’euros auprès de deux fonds régionaux,
a-t-elle annoncé mardi.</p>
<p>Les fonds serviront à acheter des serveurs pour les laboratoires de la région, selon sa directrice.</p>
<aside class="related"><h3>Lire aussi</h3><ul><li><a href="/x">Le port de Lorient se modernise</a></li>
<li><a href="/y">Une usine de batteries à Vannes</a></li></ul></aside>
<p>La coopérative compte doubler ses effectifs d'ici deux ans et ouvrir un second site à Brest.</p>
</article>
<div class="share"><a>Partager sur LinkedIn</a><a>Copier le lien</a></div>
<section class="comments"><h2>Commentaires</h2><div class="comment"><p>Bravo à toute l'équipe, enfin une
bonne nouvelle pour la Bretagne !</p></div></section>
<aside class="sidebar"><h2>Les plus lus</h2><ol><li><a>Dix marchés de Noël à visiter</a></li></ol></aside>
<footer>Mentions légales · Politique de cookies · Nous contacter</footer></body></html>"""


def test_html_main_text_only(tmp_path):
    write(tmp_path / "page.html", HTML)
    (doc,) = read_folder(tmp_path).documents
    assert "a levé 3 millions d’euros" in doc.text            # &nbsp; became a plain space
    assert "second site à Brest" in doc.text
    for boilerplate in ("Accueil", "S'abonner", "Mentions légales", "cookies", "Lire aussi", "Lorient",
                        "Partager", "Bravo", "plus lus", "Noël"):
        assert boilerplate not in doc.text
    assert doc.title.startswith("Breizh Calcul lève 3 millions")
    assert doc.published_on == date(2024, 3, 5)
    assert doc.url == "https://example.org/breizh"
    assert doc.language == "fr"


def test_html_without_main_text_is_rejected(tmp_path):
    write(tmp_path / "empty.htm", "<html><head><title>x</title></head><body><nav><a href='/'>Accueil</a>"
                                  "<a href='/eco'>Économie</a></nav></body></html>")
    result = read_folder(tmp_path)
    assert result.documents == []
    assert reasons(result) == {("empty.htm", None): "no main text found in the HTML"}


def test_jsonl_lines_are_documents(tmp_path):
    lines = [
        json.dumps({"text": FR, "title": "Breizh Calcul", "url": "https://example.org/1",
                    "published": "2024-03-05"}),
        "",
        json.dumps({"text": EN, "published": "Tue, 07 May 2024 09:00:00 +0000"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "   \n "}),
        json.dumps({"text": 42}),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = read_folder(tmp_path)
    first, second = result.documents
    assert (first.file_name, first.title, first.url, first.published_on, first.language) == (
        "feed.jsonl#1", "Breizh Calcul", "https://example.org/1", date(2024, 3, 5), "fr")
    assert (second.file_name, second.title, second.published_on, second.language) == (
        "feed.jsonl#3", None, date(2024, 5, 7), "en")
    got = reasons(result)
    assert got[("feed.jsonl", 4)].startswith("not valid JSON")
    assert got[("feed.jsonl", 5)] == 'no "text" field'
    assert got[("feed.jsonl", 6)] == "line is not a JSON object"
    assert got[("feed.jsonl", 7)] == '"text" is empty'
    assert got[("feed.jsonl", 8)] == '"text" is not a string'
    assert len(got) == 5


def test_jsonl_unparseable_published_is_null_not_rejected(tmp_path):
    write(tmp_path / "f.jsonl", json.dumps({"text": EN, "published": "soon"}) + "\n")
    (doc,) = read_folder(tmp_path).documents
    assert doc.published_on is None


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\r\n", "only whitespace"),
    ("nbsp.txt", "\u00a0\u202f\n".encode(), "only whitespace"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
    ("noise.txt", bytes((i * 37 + 11) % 254 + 1 for i in range(600)),
     "cannot be decoded: not text in any known encoding"),
    ("empty.jsonl", b"", "empty file"),
])
def test_unreadable_files_are_rejected(tmp_path, name, content, reason):
    write(tmp_path / name, content)
    write(tmp_path / "ok.txt", FR)
    result = read_folder(tmp_path)
    assert [d.file_name for d in result.documents] == ["ok.txt"]
    assert reasons(result) == {(name, None): reason}


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    write(tmp_path / "big.txt", FR * 10)
    write(tmp_path / "feed.jsonl", json.dumps({"text": FR * 10}) + "\n" + json.dumps({"text": EN}) + "\n")
    result = read_folder(tmp_path)
    assert [d.file_name for d in result.documents] == ["feed.jsonl#2"]
    got = reasons(result)
    assert got[("big.txt", None)].startswith("larger than the")
    assert got[("feed.jsonl", 1)].startswith("line is larger than the")


def test_duplicate_text_is_kept_once(tmp_path):
    write(tmp_path / "a.txt", FR)
    write(tmp_path / "b" / "copy.txt", FR + "\n\n")           # same text once normalised
    write(tmp_path / "c.jsonl", json.dumps({"text": FR}) + "\n")
    result = read_folder(tmp_path)
    assert [d.file_name for d in result.documents] == ["a.txt"]
    assert reasons(result) == {("b/copy.txt", None): "duplicate of a.txt",
                               ("c.jsonl", 1): "duplicate of a.txt"}


def test_other_extensions_and_hidden_files_are_skipped(tmp_path):
    write(tmp_path / "a.TXT", FR)
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "README", "hello")
    write(tmp_path / ".hidden.txt", EN)
    write(tmp_path / ".git" / "x.txt", EN)
    result = read_folder(tmp_path)
    assert [d.file_name for d in result.documents] == ["a.TXT"]
    assert sorted(result.other_files) == ["README", "notes.pdf"]
    assert result.rejections == []


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_decoding_fallbacks(tmp_path, encoding):
    text = "Société générale : l'État prête 5 millions à Besançon.\nLes élus ont voté pour."
    write(tmp_path / "a.txt", text.encode(encoding))
    (doc,) = read_folder(tmp_path).documents
    assert doc.text == text


def test_normalised_text_is_stored_and_offsets_index_it(tmp_path):
    raw = ("Titre\r\n\r\nL'État de\u0301bloque 10\u202f372 crores\u00a0; soit 1\u2009200 GPU, "
           "le 12 juin 2024 à Nantes 🇫🇷.\r\n")
    write(tmp_path / "a.txt", raw)
    (doc,) = read_folder(tmp_path).documents
    assert doc.text == normalise(raw).strip()
    assert "\r" not in doc.text and "\u202f" not in doc.text and "\u00a0" not in doc.text
    assert "débloque 10 372 crores ; soit 1 200 GPU" in doc.text
    start = doc.text.index("12 juin 2024")
    assert doc.text[start:start + 12] == "12 juin 2024"


def test_language_detection_on_each_document(tmp_path):
    write(tmp_path / "fr.txt", FR)
    write(tmp_path / "en.txt", EN)
    found = {d.file_name: d.language for d in read_folder(tmp_path).documents}
    assert found == {"fr.txt": "fr", "en.txt": "en"}


def test_jsonl_bom_crlf_and_code_page_lines(tmp_path):
    first = json.dumps({"text": FR}, ensure_ascii=False).encode("utf-8")
    second = json.dumps({"text": "Société générale : l'État prête 5 millions à Besançon, dit la mairie."},
                        ensure_ascii=False).encode("cp1252")
    write(tmp_path / "f.jsonl", b"\xef\xbb\xbf" + first + b"\r\n" + second + b"\r\n")
    result = read_folder(tmp_path)
    assert result.rejections == []
    assert [d.file_name for d in result.documents] == ["f.jsonl#1", "f.jsonl#2"]
    assert result.documents[1].text.startswith("Société générale : l'État prête")


def test_html_title_becomes_the_first_line_when_the_body_lacks_it(tmp_path):
    page = ("<html><head><title>Kestrel Grid orders 512 GPUs | The Daily Wire</title></head><body><article>"
            "<p>The Norwich operator said the machines would arrive in spring, and that a second site was "
            "planned for the north of the county.</p><p>It gave no price for the order, citing its "
            "suppliers' terms.</p></article></body></html>")
    write(tmp_path / "p.html", page)
    (doc,) = read_folder(tmp_path).documents
    assert doc.text.startswith("Kestrel Grid orders 512 GPUs\n\n")     # the site name is left out
    assert "The Daily Wire" not in doc.text


def test_title_is_not_repeated_when_the_body_opens_with_it(tmp_path):
    write(tmp_path / "page.html", HTML)
    (doc,) = read_folder(tmp_path).documents
    assert doc.text.count("Breizh Calcul lève 3 millions") <= 1


def test_jsonl_title_is_prepended_to_the_text(tmp_path):
    write(tmp_path / "f.jsonl", json.dumps({"text": EN, "title": "Pennine Compute banks $12m"}) + "\n")
    (doc,) = read_folder(tmp_path).documents
    assert doc.text == "Pennine Compute banks $12m\n\n" + EN
    assert doc.title == "Pennine Compute banks $12m"
    write(tmp_path / "g.jsonl", json.dumps({"text": "Pennine Compute banks $12m\n\n" + FR,
                                            "title": "Pennine Compute banks $12m"}) + "\n")
    docs = {d.file_name: d for d in read_folder(tmp_path).documents}
    assert docs["g.jsonl#1"].text.count("Pennine Compute banks") == 1


# ---------------------------------------------------------------- budgets and isolation


def test_a_few_control_characters_are_text_many_are_binary(tmp_path):
    write(tmp_path / "form-feed.txt", FR + "\x0c\x1a\n" + EN)
    write(tmp_path / "controls.txt", "\x01\x02\x03\x07" * 50 + FR)
    result = read_folder(tmp_path)
    assert [d.file_name for d in result.documents] == ["form-feed.txt"]
    assert reasons(result)[("controls.txt", None)].startswith("binary content (200 control characters")


def test_an_html_tag_keeps_its_first_attributes_only(tmp_path):
    attrs = " ".join(f'data-x{i}="{i}"' for i in range(5000))
    write(tmp_path / "page.html",
          f'<html><body><article class="main" {attrs}><p>{FR}</p></article></body></html>')
    (doc,) = read_folder(tmp_path).documents
    assert "Breizh Calcul a levé 3 millions" in doc.text
    tamed = documents._tame_html(f"<div {attrs}>x</div>")
    assert tamed.count("=") == documents.MAX_HTML_ATTRIBUTES_PER_TAG and tamed.endswith(">x</div>")


def test_front_matter_budget_and_impossible_dates(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_FRONT_MATTER_CHARS", 100)
    write(tmp_path / "big.md", "---\n" + "k: v\n" * 30 + "---\n\n" + FR)
    write(tmp_path / "date.md", "---\ntitle: Breizh\ndate: 2024-02-30\n---\n\n" + EN)
    result = read_folder(tmp_path)
    assert reasons(result) == {("big.md", None): "front matter is larger than the 0 KB limit"}
    (doc,) = result.documents
    assert (doc.title, doc.published_on) == ("Breizh", None)


def test_a_reader_exception_rejects_that_file_only(tmp_path, monkeypatch):
    def broken(data):
        raise KeyError("surprise")

    monkeypatch.setitem(documents._READERS, ".md", broken)
    write(tmp_path / "a.md", FR)
    write(tmp_path / "b.txt", EN)
    result = read_folder(tmp_path)
    assert [d.file_name for d in result.documents] == ["b.txt"]
    assert reasons(result) == {("a.md", None): "cannot be read: KeyError: 'surprise'"}


def test_links_inside_the_folder_are_followed_and_others_are_not(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "sub" / "a.txt", FR)
    write(tmp_path / "outside.txt", EN)
    (docs / "link.txt").symlink_to("sub/a.txt")
    (docs / "out.txt").symlink_to(tmp_path / "outside.txt")
    (docs / "linked-sub").symlink_to(docs / "sub")
    (docs / "dangling.md").symlink_to(tmp_path / "missing.md")
    result = read_folder(docs)
    assert [d.file_name for d in result.documents] == ["link.txt"]
    assert reasons(result) == {
        ("dangling.md", None): "broken symbolic link: No such file or directory",
        ("linked-sub", None): "symbolic link to a folder, not followed (its files are read where they are)",
        ("out.txt", None): "symbolic link to outside the documents folder, not followed",
        ("sub/a.txt", None): "duplicate of link.txt",
    }
