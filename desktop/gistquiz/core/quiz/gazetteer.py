"""Offline lists of same-type names for distractors when the article has too few of its own.

Countries come from pycountry (ISO 3166, well kept); the short lists below cover the fine
types news articles ask about most (a court for a court, a head of state for a head of state).
They only ever supply wrong options, so they need to be plausible, not complete.
"""

from __future__ import annotations

import functools

CITIES = (
    "Moscow",
    "Beijing",
    "Tokyo",
    "Kyiv",
    "London",
    "Paris",
    "Berlin",
    "Rome",
    "Madrid",
    "Warsaw",
    "Vienna",
    "Geneva",
    "Brussels",
    "Istanbul",
    "Cairo",
    "Tehran",
    "New Delhi",
    "Seoul",
    "Washington",
    "New York",
    "Ottawa",
    "Canberra",
    "Brasília",
    "Mexico City",
    "Nairobi",
    "Stockholm",
    "Helsinki",
    "Oslo",
    "Prague",
    "Budapest",
)

ORGS_BY_HEAD: dict[str, tuple[str, ...]] = {
    "court": (
        "International Court of Justice",
        "European Court of Human Rights",
        "European Court of Justice",
        "Permanent Court of Arbitration",
        "Supreme Court",
        "International Criminal Court",
    ),
    "council": (
        "National Security Council",
        "United Nations Security Council",
        "European Council",
        "Human Rights Council",
        "Council of Europe",
    ),
    "union": ("European Union", "African Union", "Eurasian Economic Union"),
    "organization": (
        "World Health Organization",
        "World Trade Organization",
        "North Atlantic Treaty Organization",
        "International Labour Organization",
    ),
    "bank": (
        "World Bank",
        "European Central Bank",
        "Asian Development Bank",
        "Federal Reserve Bank",
    ),
    "fund": ("International Monetary Fund", "World Wildlife Fund", "Global Fund"),
    "agency": (
        "International Atomic Energy Agency",
        "European Space Agency",
        "Central Intelligence Agency",
        "International Energy Agency",
    ),
    "university": (
        "Harvard University",
        "Stanford University",
        "Oxford University",
        "Yale University",
    ),
    "party": ("Labour Party", "Conservative Party", "Democratic Party", "Republican Party"),
    "ministry": ("Foreign Ministry", "Defence Ministry", "Finance Ministry", "Interior Ministry"),
    "committee": (
        "International Olympic Committee",
        "International Committee of the Red Cross",
        "Central Committee",
    ),
}

PEOPLE_BY_ROLE: dict[str, tuple[str, ...]] = {
    "president": (
        "Emmanuel Macron",
        "Joe Biden",
        "Recep Tayyip Erdoğan",
        "Luiz Inácio Lula da Silva",
        "Cyril Ramaphosa",
        "Andrzej Duda",
    ),
    "prime minister": (
        "Narendra Modi",
        "Justin Trudeau",
        "Rishi Sunak",
        "Giorgia Meloni",
        "Anthony Albanese",
        "Pedro Sánchez",
    ),
    "chancellor": ("Olaf Scholz", "Angela Merkel", "Karl Nehammer"),
}
PEOPLE_BY_ROLE["leader"] = PEOPLE_BY_ROLE["president"] + PEOPLE_BY_ROLE["prime minister"]

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@functools.cache
def countries() -> tuple[str, ...]:
    """Country names as people write them ("Russia", not "Russian Federation")."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency; degrade, do not fail
        return ()
    names = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," not in name and "(" not in name and len(name.split()) <= 3:
            names.append(name)
    return tuple(sorted(names))


# Well-known countries by region: a country's options come from its own region first
# ("UK" had "Moldova", "Burundi" and "Venezuela" beside it, drawn from all of ISO 3166).
REGIONS: dict[str, tuple[str, ...]] = {
    "europe": (
        "United Kingdom", "France", "Germany", "Italy", "Spain", "Portugal", "Netherlands",
        "Belgium", "Ireland", "Poland", "Sweden", "Norway", "Denmark", "Finland", "Austria",
        "Switzerland", "Greece", "Ukraine", "Russia", "Hungary", "Czech Republic",
    ),
    "asia": (
        "China", "Japan", "India", "South Korea", "North Korea", "Pakistan", "Indonesia",
        "Vietnam", "Thailand", "Philippines", "Malaysia", "Bangladesh", "Afghanistan",
    ),
    "middle east": (
        "Iran", "Iraq", "Israel", "Saudi Arabia", "Turkey", "Syria", "Egypt", "Jordan",
        "Lebanon", "United Arab Emirates",
    ),
    "africa": (
        "Nigeria", "South Africa", "Kenya", "Ethiopia", "Ghana", "Morocco", "Algeria",
        "Tanzania", "Uganda", "Senegal",
    ),
    "americas": (
        "United States", "Canada", "Mexico", "Brazil", "Argentina", "Chile", "Colombia",
        "Peru", "Venezuela", "Cuba",
    ),
    "oceania": ("Australia", "New Zealand", "Papua New Guinea", "Fiji"),
}  # fmt: skip
_SHORT_NAMES = {
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "england": "United Kingdom", "scotland": "United Kingdom",
    "wales": "United Kingdom", "us": "United States", "u.s.": "United States",
    "usa": "United States", "america": "United States", "united states of america":
    "United States", "holland": "Netherlands", "persia": "Iran",
}  # fmt: skip


def country_tiers(name: str) -> list[tuple[str, ...]]:
    """Countries for a country's options, best first: its region's well-known ones, the other
    regions' well-known ones, then the rest of ISO 3166 (an unknown name starts at the second)."""
    key = name.lower().strip().removeprefix("the ")
    key = _SHORT_NAMES.get(key, key).lower()
    own = next((names for names in REGIONS.values() if key in {n.lower() for n in names}), ())
    known = tuple(c for names in REGIONS.values() for c in names if c not in own)
    rest = tuple(c for c in countries() if c not in own and c not in known)
    # never the answer under its full name ("United Kingdom" beside "UK")
    return [tuple(c for c in tier if c.lower() != key) for tier in (own, known, rest)]


CONTINENTS = (
    "Africa",
    "Antarctica",
    "Asia",
    "Australia",
    "Europe",
    "North America",
    "South America",
    "Oceania",
)


def names_for(kind: str, subtype: str) -> tuple[str, ...]:
    """Gazetteer names of one fine type: kind is a FactType value, subtype the fine type."""
    sub = subtype.lower().strip()
    if kind == "PLACE":
        if sub == "city":
            return CITIES
        if sub == "continent":  # "North America" among countries read as a wrong kind
            return CONTINENTS
        if sub == "region":
            return ()  # no list of regions: the article's own names, or no options
        return countries()
    if kind == "ORG":
        for head, names in ORGS_BY_HEAD.items():
            if head in sub:
                return names
        return ()
    if kind == "PERSON":
        for role, names in PEOPLE_BY_ROLE.items():
            if role in sub:
                return names
        return ()
    return ()
