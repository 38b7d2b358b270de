"""Build the installers: `python packaging/build.py [STEP ...]` (what `make package` runs).

Steps: icons, freeze, selftest, deb, tarball, appdir, nsis, verify-deb, all (the default: every
step this OS can run). Outputs go to build/ (work) and dist/ (artifacts). Each step is a
function so the release workflow runs the same code on every OS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE = BUILD / "dist" / "gistquiz"  # PyInstaller's one-folder output
ICONS = BUILD / "icons"
APP_ID = "io.github.gistquiz.GistQuiz"

sys.path.insert(0, str(PACKAGING))


def version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, check=True, **kwargs)


def step_icons() -> None:
    run([sys.executable, str(PACKAGING / "icons" / "make_icons.py"), str(ICONS)])
    # The spec reads the .ico/.icns from packaging/icons at freeze time.
    for name in ("gistquiz.ico", "gistquiz.icns"):
        shutil.copy2(ICONS / name, PACKAGING / "icons" / name)


def step_freeze() -> None:
    if not (PACKAGING / "icons" / "gistquiz.ico").exists():
        step_icons()
    started = time.monotonic()
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(PACKAGING / "gistquiz.spec"),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(BUILD / "dist"),
            "--workpath",
            str(BUILD / "pyinstaller"),
        ]
    )
    if sys.platform.startswith("linux"):
        strip_debug_info(BUNDLE)
        slim_icu(BUNDLE)
    print(f"frozen in {time.monotonic() - started:.1f} s: {BUNDLE} ({tree_mb(BUNDLE):.0f} MB)")


def strip_debug_info(bundle: Path) -> None:
    """Strip debug sections (only those) from the bundle's libraries, never from numpy's and
    scipy's own OpenBLAS copies (*.libs): PyInstaller's strip=True strips everything and
    breaks OpenBLAS; on macOS stripping would invalidate code signatures, so it is Linux only.
    """
    if not shutil.which("strip"):
        return
    for path in bundle.rglob("*.so*"):
        if not path.is_file() or path.is_symlink() or any(p.endswith(".libs") for p in path.parts):
            continue
        subprocess.run(["strip", "--strip-debug", str(path)], check=False, capture_output=True)


def slim_icu(bundle: Path) -> None:
    """Linux: drop the ICU data Qt never reads (packaging/linux/icu_data.py)."""
    from linux import icu_data

    for library in bundle.rglob("libicudata.so.*"):
        if library.is_symlink():
            continue
        sizes = icu_data.slim(library)
        if sizes is None:
            print(f"ICU data kept whole (no {', '.join(icu_data.tools_missing())} on this host)")
        else:
            print(f"ICU data {sizes[0] / 1e6:.1f} -> {sizes[1] / 1e6:.1f} MB: {library.name}")


def tree_mb(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def frozen_executable() -> Path:
    name = "gistquiz.exe" if sys.platform == "win32" else "gistquiz"
    return BUNDLE / name


def step_selftest(executable: Path | None = None) -> None:
    """Run the frozen app's self-test offscreen; fail the build unless every check passed."""
    executable = executable or frozen_executable()
    report = BUILD / "selftest-report.json"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # A clean HOME proves nothing from the build machine (nltk_data, settings) is needed.
    home = BUILD / "selftest-home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "cfg"))
    env.pop("NLTK_DATA", None)
    result = subprocess.run(
        [str(executable), "--self-test", "--report", str(report)], env=env, timeout=300
    )
    data = json.loads(report.read_text()) if report.exists() else {}
    for check in data.get("checks", []):
        mark = "ok  " if check["ok"] else "FAIL"
        print(f"  {mark} {check['name']:<14} {check['seconds']:6.2f} s  {check.get('detail', '')}")
    if result.returncode != 0:
        raise SystemExit(f"self-test failed (exit {result.returncode}); report: {report}")


def step_deb() -> None:
    from linux.bundle import build_deb

    build_deb(BUNDLE, ICONS, DIST, version(), compression=os.environ.get("DEB_COMPRESSION", "xz"))


def step_tarball() -> None:
    from linux.bundle import build_tarball

    build_tarball(BUNDLE, ICONS, DIST, version())


def step_appdir() -> None:
    from linux.bundle import build_appdir

    build_appdir(BUNDLE, ICONS, BUILD, version())


def step_verify_deb() -> None:
    from linux.bundle import verify_deb

    verify_deb(DIST, version(), step_selftest)


def step_nsis() -> None:
    from windows.nsis import compile_installer

    compile_installer(BUNDLE if sys.platform == "win32" else None, BUILD, DIST, version())


STEPS = {
    "icons": step_icons,
    "freeze": step_freeze,
    "selftest": step_selftest,
    "deb": step_deb,
    "tarball": step_tarball,
    "appdir": step_appdir,
    "verify-deb": step_verify_deb,
    "nsis": step_nsis,
}


def default_steps() -> list[str]:
    if sys.platform.startswith("linux"):
        steps = ["icons", "freeze", "selftest", "deb", "tarball", "appdir"]
        return steps + (["nsis"] if shutil.which("makensis") else [])
    if sys.platform == "win32":
        return ["icons", "freeze", "selftest", "nsis"]
    return ["icons", "freeze", "selftest"]  # macOS: the .app; dmg by packaging/macos/build_dmg.sh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steps", nargs="*", metavar="STEP", help=f"{', '.join(STEPS)} or all")
    args = parser.parse_args()
    unknown = [s for s in args.steps if s not in STEPS and s != "all"]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}: choose from {', '.join(STEPS)}, all")
    steps = default_steps() if args.steps in ([], ["all"]) else args.steps
    print(f"GistQuiz {version()} on {platform.system()} {platform.machine()}: {' '.join(steps)}")
    for name in steps:
        started = time.monotonic()
        STEPS[name]()
        print(f"== {name}: {time.monotonic() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
