# trafilatura reads its settings.cfg (extraction thresholds) and data/ at run time; no upstream
# hook collects them, and without settings.cfg every HTML/URL article fails to load.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("trafilatura")
