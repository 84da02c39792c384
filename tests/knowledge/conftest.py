"""A small valid knowledge directory in tmp_path that each test breaks in one place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.knowledge.loader import check_knowledge

SOURCES = """\
- id: citymayors-2017-04
  kind: article
  outlet: City Mayors
  title: Sanctuary cities pledge to continue to protect undocumented immigrants
  author: null
  date: 2017-04-24
  url: http://citymayors.com/society/sanctuary-cities.html
  text_file: citymayors.txt

- id: marshall-2017-06
  kind: article
  outlet: The Marshall Project
  title: How 'Sanctuary Cities' Are Helping Immigrants Outwit ICE
  author: John Carlos Frey
  date: "2017-06-19"
  date_inferred: true
  text_file: marshall.txt
"""

TOPICS = """\
- id: what-is-sanctuary-city
  question:
    en: What is a sanctuary city?
    es: ¿Qué es una ciudad santuario?
  answer:
    en: There is no standard legal definition.
    es: No existe una definición legal estándar.
  keywords:
    en: [what is a sanctuary city]
    es: [qué es una ciudad santuario]
  sources: [citymayors-2017-04]
  quotes:
    - text: "Failure to deport aliens puts whole communities at risk"
      speaker: Jeff Sessions
      role: US Attorney General
      date: 2017-04
      source: citymayors-2017-04
      aspects: [said]
"""

DENVER = """\
name: Denver
type: city
aliases: [Mile High City]
stance: sanctuary
as_of: 2017-06
summary:
  en: Denver's mayor said in April 2017 that the city would protect its residents.
  es: El alcalde de Denver dijo en abril de 2017 que la ciudad protegería a sus residentes.
officials:
  - name: Michael Hancock
    role: Mayor of Denver
    role_es: alcalde de Denver
    aliases: [Hancock, Mayor Hancock]
quotes:
  - text: "We will value residents in this city."
    speaker: Michael Hancock
    date: 2017-04-24
    source: citymayors-2017-04
    aspects: [said]
facts:
  - text:
      en: In May 2017 the city passed a sentencing reform.
      es: En mayo de 2017 la ciudad aprobó una reforma penal.
    date: 2017-05
    source: marshall-2017-06
    aspects: [laws, when]
stance_basis:
  en: Denver's 2017 law bars jailers from holding people for ICE without a warrant.
  es: La ley de Denver de 2017 prohíbe retener a personas para ICE sin orden judicial.
"""

NEW_YORK_CITY = """\
name: New York
type: city
aliases: [NYC, New York City]
stance: sanctuary
as_of: 2017-04
summary:
  en: New York City said it would stay a sanctuary city.
  es: La ciudad de Nueva York dijo que seguiría siendo una ciudad santuario.
stance_basis:
  en: New York City's mayor said in April 2017 that it would stay a sanctuary city.
  es: El alcalde de Nueva York dijo en abril de 2017 que seguiría siendo ciudad santuario.
"""

NEW_YORK_STATE = """\
name: New York
type: state
aliases: [Empire State]
stance: limits_cooperation
as_of: 2017
summary:
  en: New York State limits cooperation with federal immigration enforcement.
  es: El estado de Nueva York limita la cooperación con las autoridades federales.
stance_basis:
  en: New York State's law limits what its police share with federal immigration agents.
  es: La ley del estado de Nueva York limita lo que su policía comparte con ICE.
"""

FEDERAL = """\
- id: doj-2025-08-05-list
  kind: government
  outlet: MIL-OSI
  publisher: US Department of Justice
  title: Justice Department Publishes List of Sanctuary Jurisdictions
  date: "2025-08-05"
  url: https://security.mil-osi.com/page/304
"""

# Appended to DENVER (whose last line is 29) by the kb26 fixture: the 2026 fields.
DENVER_2026 = """\
federal_list: listed
coordinates: [39.74, -104.99]
events:
  - date: "2025-01"
    kind: lawsuit
    text:
      en: The US Justice Department sued Denver.
      es: El Departamento de Justicia de EE. UU. demandó a Denver.
    source: marshall-2017-06
    also: [doj-2025-08-05-list]
    aspects: [courts]
  - date: "2025-08-05"
    kind: federal_listing
    text:
      en: The US Justice Department named Denver on its list of sanctuary jurisdictions.
      es: El Departamento de Justicia de EE. UU. incluyó a Denver en su lista.
    source: doj-2025-08-05-list
    aspects: [federal_list]
"""
# The articles' text, with the typographic quotes and line breaks that real pages have.
TEXTS = {
    "citymayors.txt": "Mayor Michael Hancock: “We will value\nresidents in this city.”\n"
    "Jeff Sessions: “Failure to deport aliens puts whole  communities at risk”\n",
    "marshall.txt": "In May, the city passed municipal sentencing reform.\n",
}

DENVER_FILE = "jurisdictions/co/denver.yaml"


class KnowledgeDir:
    """Writes the valid files above; tests then replace or edit one to break it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.texts = root.parent / "texts"
        files = {
            "sources.yaml": SOURCES,
            "topics.yaml": TOPICS,
            DENVER_FILE: DENVER,
            "jurisdictions/ny/new-york-city.yaml": NEW_YORK_CITY,
            "jurisdictions/ny/new-york-state.yaml": NEW_YORK_STATE,
        }
        for rel, text in files.items():
            self.write(rel, text)
        self.texts.mkdir()
        for name, text in TEXTS.items():
            (self.texts / name).write_text(text, encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace `old` (which must be there exactly once) in one file."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def problems(self) -> list[str]:
        """Every problem the loader reports, as 'file:line: message'."""
        return [str(problem) for problem in check_knowledge(self.root).problems]


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeDir:
    """The small knowledge base, valid as written."""
    return KnowledgeDir(tmp_path / "knowledge")


@pytest.fixture
def kb26(kb):
    """The fixture plus a sources/ file and a Denver with the 2026 fields."""
    kb.write("sources/federal.yaml", FEDERAL)
    path = kb.root / DENVER_FILE
    path.write_text(path.read_text(encoding="utf-8") + DENVER_2026, encoding="utf-8")
    return kb
