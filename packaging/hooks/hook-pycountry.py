# Project hook for pycountry: the contrib hook collects its ~22 MB of locale translations; we
# only read English names, so keep the JSON databases and drop the locales.
from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("pycountry", excludes=["locales/**"]) + copy_metadata("pycountry")
