"""Compile the NSIS installer. On Windows the payload is the frozen bundle; elsewhere a small
stand-in payload proves the script compiles (makensis runs on Linux too)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent


def compile_installer(bundle: Path | None, build: Path, dist: Path, version: str) -> Path:
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis)")
    if bundle is None:
        bundle = build / "nsis-standin"
        shutil.rmtree(bundle, ignore_errors=True)
        bundle.mkdir(parents=True)
        (bundle / "gistquiz.exe").write_bytes(b"MZ stand-in payload: proves the script compiles")
        (bundle / "README.txt").write_text("stand-in payload\n")
        out = build / f"gistquiz-{version}-setup-standin.exe"
    else:
        dist.mkdir(parents=True, exist_ok=True)
        out = dist / f"gistquiz-{version}-setup.exe"
    subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",
            f"-DVERSION={version}",
            f"-DPAYLOAD={bundle}",
            f"-DOUTFILE={out}",
            str(HERE / "gistquiz.nsi"),
        ],
        check=True,
    )
    print(f"{out.name}: {out.stat().st_size / 1e6:.1f} MB")
    return out
