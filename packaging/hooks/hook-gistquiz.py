# GistQuiz's own package: every submodule (the UI and the core import some lazily).
# resources/ is added by the spec as gistquiz/resources (package data read with
# importlib.resources in every setting).
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("gistquiz")
