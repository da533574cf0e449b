"""Decoding and normalisation of document text."""

import sys
import unicodedata

import pytest
from warehouse.staging.text import SPACES, DecodeError, decode, normalise


def test_space_list_is_every_unicode_space_separator():
    expected = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"} - {" "}
    assert set(SPACES) == expected


def test_spaces_become_plain_spaces_and_apostrophes_stay():
    raw = "10\u202f372 crores\u00a0; 1\u2009200\u2007GPU d’euros"
    assert normalise(raw) == "10 372 crores ; 1 200 GPU d’euros"


def test_nfc_and_line_breaks():
    decomposed = "e\u0301te\u0301\r\nligne\rsuite\u2028fin"
    out = normalise(decomposed)
    assert out == "été\nligne\nsuite\nfin"
    assert unicodedata.is_normalized("NFC", out)


def test_invisible_characters_removed():
    assert normalise("\ufeffin\u00adtelli\u200bgence") == "intelligence"


def test_normalise_is_idempotent():
    raw = "Ca\u0301fe\u0301\u00a0: 3\u202f000\r\n"
    assert normalise(normalise(raw)) == normalise(raw)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_decode_unicode_encodings(encoding):
    text, _ = decode("Les coopératives lèvent 3 millions d’euros".encode(encoding))
    assert text == "Les coopératives lèvent 3 millions d’euros"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_decode_falls_back_to_western_code_page(encoding):
    text, used = decode("Société générale, été à Besançon".encode(encoding))
    assert text == "Société générale, été à Besançon"
    assert used == "cp1252"


def test_decode_cp1252_specials():
    text, _ = decode("Un prêt de 5 M€ « garanti » – d’accord".encode("cp1252"))
    assert text == "Un prêt de 5 M€ « garanti » – d’accord"


def test_decode_rejects_noise():
    noise = bytes((i * 37 + 11) % 254 + 1 for i in range(600))
    with pytest.raises(DecodeError):
        decode(noise)
