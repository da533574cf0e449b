"""A tiny project folder with seeds of our own, and a helper that extracts facts from one text."""

from datetime import date
from pathlib import Path

import pytest
from warehouse.staging.documents import Document as Doc
from warehouse.staging.extract import Extractor, _DocContext, find_money, split_sentences

FIRMS = """firm_id,firm_name,country_code,firm_kind
nvidia,Nvidia,US,chip_vendor
amd,AMD,US,chip_vendor
orbis-capital,Orbis Capital,GB,investor
quanta-labs,Quanta Labs,SE,startup
sk-group,SK Group,KR,company
nordic-compute-office,Nordic Compute Office,DK,public_body
horizon-sud,Horizon Sud,FR,project
sgpi,Secrétariat général pour l'investissement,FR,public_body
norvege-2032,Norvège 2032,NO,project
"""
ALIASES = """alias,firm_id
Quanta,quanta-labs
SK,sk-group
"""
COUNTRIES = """country_code,language,name,kind
JP,fr,Japon,name
JP,fr,japonaise,demonym
JP,fr,japonais,demonym
JP,en,Japan,name
JP,en,Japanese,demonym
FR,fr,France,name
FR,fr,française,demonym
FR,en,France,name
FR,en,French,demonym
DE,fr,Allemagne,name
DE,fr,allemand,demonym
DE,en,Germany,name
DE,en,German,demonym
BR,fr,Brésil,name
BR,fr,brésilien,demonym
BR,fr,brésilienne,demonym
BR,en,Brazil,name
BR,en,Brazilian,demonym
MA,fr,Maroc,name
MA,fr,marocaine,demonym
MA,en,Morocco,name
MA,en,Moroccan,demonym
AE,fr,Émirats arabes unis,name
AE,fr,émiratie,demonym
AE,fr,émiratis,demonym
AE,en,United Arab Emirates,name
AE,en,Emirati,demonym
ID,fr,Indonésie,name
ID,fr,indonésienne,demonym
ID,en,Indonesia,name
ID,en,Indonesian,demonym
NO,fr,Norvège,name
NO,fr,norvégien,demonym
NO,fr,norvégienne,demonym
NO,en,Norway,name
NO,en,Norwegian,demonym
US,en,United States,name
US,en,American,demonym
US,fr,États-Unis,name
US,fr,américain,demonym
KR,en,Korea,name
KR,en,South Korea,name
KR,en,South Korean,demonym
DK,en,Denmark,name
AU,en,Australia,name
AU,en,Australian,demonym
AU,fr,Australie,name
AU,fr,australienne,demonym
CM,fr,Cameroun,name
CM,fr,camerounaise,demonym
SN,fr,Sénégal,name
SN,fr,sénégalaise,demonym
"""


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "seeds").mkdir()
    (root / "seeds" / "firms.csv").write_text(FIRMS, encoding="utf-8")
    (root / "seeds" / "firm_aliases.csv").write_text(ALIASES, encoding="utf-8")
    (root / "seeds" / "country_names.csv").write_text(COUNTRIES, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def extract(project):
    ex = Extractor(project)

    def run(text: str, language: str, published: date | None = date(2025, 5, 6)):
        doc = Doc("d1", "d1.txt", "/tmp/d1.txt", None, published, language, text)
        return ex.extract(doc)

    return run


@pytest.fixture(scope="session")
def doc_context(project):
    """The extractor's reading of one text (its entities, who is a person or a public body), with
    nothing extracted yet."""
    ex = Extractor(project)

    def read(text: str, language: str):
        doc = Doc("d1", "d1.txt", "/tmp/d1.txt", None, date(2025, 5, 6), language, text)
        money, places = find_money(text, language), ex.countries.find(text)
        return _DocContext(ex, doc, text, language, split_sentences(text), money, places)

    return read
