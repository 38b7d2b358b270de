# sumy has no upstream hook: its stop-word lists are package data read with pkgutil, so the
# frozen app fails without them.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("sumy")
hiddenimports = collect_submodules("sumy.summarizers") + collect_submodules("sumy.nlp")
