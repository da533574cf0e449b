"""The extractor reads its CLDR and ISO data from the generated lexicons, never from babel or
pycountry at run time: with both libraries unimportable it still places regions and time-zone
cities, reads currency names no hand lexicon lists, and knows a language name is no party."""

import subprocess
import sys
import textwrap


def test_extraction_needs_neither_babel_nor_pycountry(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "country_names.csv").write_text(
        "country_code,language,name,kind\nUS,en,United States,name\n", encoding="utf-8"
    )
    script = textwrap.dedent(f"""
        import sys
        sys.modules["babel"] = None  # any import of them now raises ImportError
        sys.modules["pycountry"] = None
        from warehouse.staging.countries import CountryFinder
        from warehouse.staging.extract import _currency_homes, _language_names
        from warehouse.staging.money import find_money

        f = CountryFinder.from_project({str(tmp_path)!r})
        print(sorted((m.surface, m.code) for m in f.find("a campus in Bavaria, near Sao Paulo and Pune")))
        money = find_money("une aide de 320 millions de livres égyptiennes", "fr")
        print([(m.amount, m.currency) for m in money])
        print("Japanese" in _language_names(), _currency_homes().get("JPY"), "EUR" in _currency_homes())
        print("babel" in sys.modules and sys.modules["babel"] is not None)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    places, money, names, leaked = out.splitlines()
    assert places == "[('Bavaria', 'DE'), ('Pune', 'IN'), ('Sao Paulo', 'BR')]"
    assert money == "[(320000000.0, 'EGP')]"
    assert names == "True JP False"
    assert leaked == "False"
