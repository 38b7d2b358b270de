"""The self-test the frozen app runs in CI also passes from a source checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_self_test_passes_and_reports_every_check(tmp_path):
    report = tmp_path / "report.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "gistquiz", "--self-test", "--report", str(report)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    data = json.loads(report.read_text())
    failed = [c for c in data["checks"] if not c["ok"]]
    assert result.returncode == 0 and not failed, failed
    names = [c["name"] for c in data["checks"]]
    assert names == ["language data", "summaries", "quiz", "exports", "loaders", "main window"]
    assert "pdf" in data["checks"][3]["detail"] and "apkg" in data["checks"][3]["detail"]
    assert all(
        kind in data["checks"][4]["detail"] for kind in ("md", "html", "docx", "epub", "pdf")
    )
    assert json.loads(result.stdout)["ok"] is True
