import sys
from pathlib import Path

# packaging/build.py is a script, not part of the package: make it importable for the tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
