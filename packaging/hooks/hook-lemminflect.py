# lemminflect reads its lemma/inflection tables (package data) at run time.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("lemminflect")
