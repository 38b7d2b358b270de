"""Packaging files are consistent with the app and parse for the tools that read them."""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import yaml

from gistquiz.core.loaders import loaders

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.gistquiz.GistQuiz"


def test_release_workflow_parses_and_covers_every_os():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
    assert {m["os"] for m in matrix} >= {"ubuntu-22.04", "windows-2022", "macos-14", "macos-13"}
    steps = " ".join(s.get("run", "") for s in workflow["jobs"]["build"]["steps"])
    from build import STEPS

    for used in ("freeze", "selftest", "deb", "nsis", "verify-deb"):
        assert used in steps and used in STEPS
    assert "release" in workflow["jobs"]


def test_desktop_entry_opens_every_supported_article_type():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / f"{APP_ID}.desktop")
    section = entry["Desktop Entry"]
    assert section["Exec"].startswith("gistquiz ") and section["Icon"] == APP_ID
    mime = set(filter(None, section["MimeType"].split(";")))
    for loader in loaders():
        assert set(loader.media_types) & mime or loader.format == "url", loader.format


def test_metainfo_names_the_desktop_file():
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"


def test_version_answers_without_importing_qt():
    code = (
        "import sys; from gistquiz.app import main; rc = main(['--version']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gistquiz ")


def test_wheel_carries_the_resources(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("gistquiz-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "gistquiz/resources/sample/seed-article.txt" in names
    assert "gistquiz/resources/icons/gistquiz.svg" in names
    assert "gistquiz/core/pipeline.py" in names
