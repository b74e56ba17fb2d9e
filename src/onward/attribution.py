"""Attribution for every data set Onward ships as package data (shown on the About page)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataSource:
    name: str
    publisher: str
    licence: str
    url: str
    attribution: str


# Each domain that ships reference data appends its source here when it lands.
DATA_SOURCES: list[DataSource] = []

# fit: occupations, task statements, alternate titles, job zones, related occupations (src/onward/data/onet/).
ONET = DataSource(
    name="O*NET 30.1 Database",
    publisher="U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
    licence="CC BY 4.0",
    url="https://www.onetcenter.org/database.html",
    attribution=(
        "This product incorporates information from the O*NET 30.1 Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a "
        "trademark of USDOL/ETA. Onward has modified all or some of this information. USDOL/ETA has not "
        "approved, endorsed, or tested these modifications."
    ),
)
DATA_SOURCES.append(ONET)

# wellbeing: the two questionnaires' item wording and scoring (src/onward/wellbeing/instruments.py).
CBI_SOURCE = DataSource(
    name="Copenhagen Burnout Inventory (CBI), English version used in the PUMA study",
    publisher="National Research Centre for the Working Environment (NFA), Copenhagen",
    licence="free to use with this citation",
    url="https://nfa.dk/vaerktoejer/spoergeskemaer/spoergeskema-til-maaling-af-udbraendthed-cbi",
    attribution=(
        "Kristensen, T. S., Borritz, M., Villadsen, E. & Christensen, K. B. (2005). The Copenhagen Burnout "
        "Inventory: A new tool for the assessment of burnout. Work & Stress, 19(3), 192-207. The 'high' range "
        "(50 or more) follows Borritz, M. & Kristensen, T. S. (2004), Copenhagen Burnout Inventory: normative "
        "data from a representative Danish population and results from the PUMA study."
    ),
)
WHO5_SOURCE = DataSource(
    name="WHO-5 Well-Being Index (1998 version)",
    publisher="WHO Regional Office for Europe; Psychiatric Research Unit, Mental Health Centre North Zealand",
    licence="free to use without permission, with this citation",
    url="https://www.psykiatri-regionh.dk/who-5/",
    attribution=(
        "World Health Organization (1998). Wellbeing Measures in Primary Health Care: The DepCare Project. WHO "
        "Regional Office for Europe. Scoring and cut-offs as reviewed in Topp, C. W., Østergaard, S. D., "
        "Søndergaard, S. & Bech, P. (2015). The WHO-5 Well-Being Index: a systematic review of the literature. "
        "Psychotherapy and Psychosomatics, 84(3), 167-176."
    ),
)
DATA_SOURCES.extend((CBI_SOURCE, WHO5_SOURCE))
