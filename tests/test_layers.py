"""The core is a library: it never imports Qt (CONVENTIONS.md, rule 1)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import gistquiz

CORE = Path(gistquiz.__file__).parent / "core"


def test_core_imports_no_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "shiboken6", "PyQt6", "PyQt5"} for n in names):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert not offenders, offenders


def test_core_never_downloads_or_unpickles():
    text = "\n".join(p.read_text(encoding="utf-8") for p in CORE.rglob("*.py"))
    assert "nltk.download(" not in text
    assert "import pickle" not in text


def test_importing_the_pipeline_stays_light():
    """NLTK (which drags in scipy.stats) and sumy load on first use, not on import: the GUI
    imports the pipeline before its window shows."""
    code = (
        "import sys, gistquiz.core.pipeline; "
        "heavy = [m for m in ('nltk', 'sumy', 'scipy.stats', 'PySide6') if m in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
