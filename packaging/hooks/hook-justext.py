# jusText (trafilatura's fallback extractor) reads its stop lists from package data.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("justext")
