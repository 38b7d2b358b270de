# GistQuiz's own package: resources (sample article, models, icons) are package data of
# gistquiz.resources, read with importlib.resources in every setting.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("gistquiz.resources", include_py_files=True)
hiddenimports = collect_submodules("gistquiz")
