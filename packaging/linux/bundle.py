"""Linux artifacts from the frozen bundle: .deb, portable tar.gz, AppDir; deb verification."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "io.github.gistquiz.GistQuiz"
DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def _copy_bundle(bundle: Path, target: Path) -> None:
    if not bundle.exists():
        raise SystemExit(f"no frozen bundle at {bundle}: run the freeze step first")
    shutil.copytree(bundle, target, symlinks=True)


def _install_share(share: Path, icons: Path) -> None:
    """Desktop entry, metainfo and hicolor icons under a share/ directory."""
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)


def system_dependencies(bundle: Path) -> list[str]:
    """Debian packages providing the shared libraries the bundle loads from the system.

    PyInstaller leaves out libraries every desktop has (libc, libGL, fontconfig, X11/xcb...);
    ldd shows where each resolves on the build host, dpkg -S names the package, and the
    host's installed version becomes the floor (the glibc floor is the build host's anyway).
    """
    bundled = {p.name for p in bundle.rglob("*.so*")}
    system_libs: set[str] = set()
    for path in bundle.rglob("*"):
        if not path.is_file() or not (
            path.suffix == ".so" or ".so." in path.name or os.access(path, os.X_OK)
        ):
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        missing = [m.group(1) for m in re.finditer(r"(\S+) => not found", out)]
        missing = [name for name in missing if name not in bundled]
        if missing:
            # The build host lacks a library the bundle needs (e.g. libxcb-icccm4 for the
            # X11 plugin): the frozen app would fail on X11, so the build must fail here.
            needs = ", ".join(missing)
            raise SystemExit(f"{path.name} needs {needs}: install it on the build host")
        for match in re.finditer(r"=>\s+(/\S+)", out):
            lib = match.group(1)
            # A library the bundle carries itself resolves to the host's copy under ldd
            # (no RPATH) but the frozen app loads its own: not a dependency.
            if str(bundle) not in lib and Path(lib).name not in bundled:
                system_libs.add(os.path.realpath(lib))
    packages: dict[str, str] = {}
    for lib in sorted(system_libs):
        owner = subprocess.run(["dpkg", "-S", lib], capture_output=True, text=True).stdout
        if not owner:  # merged /usr: dpkg knows the /lib path
            alt = lib.replace("/usr/lib/", "/lib/", 1)
            owner = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True).stdout
        if owner:
            name = owner.split(":")[0].strip()
            if name not in packages:
                ver = subprocess.run(
                    ["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True
                ).stdout.strip()
                packages[name] = re.sub(r"[-+~].*$", "", ver.split(":")[-1])
    return [f"{name} (>= {ver})" if ver else name for name, ver in sorted(packages.items())]


def build_deb(bundle: Path, icons: Path, dist: Path, version: str, compression: str = "xz") -> Path:
    root = bundle.parent.parent / "deb" / f"gistquiz_{version}_{DEB_ARCH}"
    shutil.rmtree(root, ignore_errors=True)
    _copy_bundle(bundle, root / "opt" / "gistquiz")
    (root / "usr" / "bin").mkdir(parents=True)
    launcher = root / "usr" / "bin" / "gistquiz"
    launcher.write_text('#!/bin/sh\nexec /opt/gistquiz/gistquiz "$@"\n')
    launcher.chmod(0o755)
    _install_share(root / "usr" / "share", icons)
    depends = system_dependencies(bundle)
    size_kb = int(sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1024)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        f"""Package: gistquiz
Version: {version}
Architecture: {DEB_ARCH}
Maintainer: GistQuiz engineers <gistquiz@users.noreply.github.com>
Installed-Size: {size_kb}
Depends: {", ".join(depends)}
Section: education
Priority: optional
Homepage: https://github.com/gistquiz/gistquiz
Description: summarize an article and quiz yourself on its key facts
 GistQuiz highlights an article's key sentences beside an extractive summary and
 builds a comprehension quiz from its key facts, fully offline.
"""
    )
    dist.mkdir(parents=True, exist_ok=True)
    out = dist / f"gistquiz_{version}_{DEB_ARCH}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(out)],
        check=True,
    )
    print(
        f"{out.name}: {out.stat().st_size / 1e6:.1f} MB ({compression}); "
        f"Depends: {len(depends)} packages"
    )
    return out


def build_tarball(bundle: Path, icons: Path, dist: Path, version: str) -> Path:
    stage = bundle.parent.parent / "tarball" / f"gistquiz-{version}"
    shutil.rmtree(stage.parent, ignore_errors=True)
    _copy_bundle(bundle, stage)
    _install_share(stage / "share", icons)
    shutil.copy2(HERE / "install-desktop-entry.sh", stage)
    dist.mkdir(parents=True, exist_ok=True)
    out = dist / f"gistquiz-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=stage.name)
    print(f"{out.name}: {out.stat().st_size / 1e6:.1f} MB")
    return out


def build_appdir(bundle: Path, icons: Path, build: Path, version: str) -> Path:
    """An AppDir; the release workflow turns it into an .AppImage with appimagetool."""
    appdir = build / "GistQuiz.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    _copy_bundle(bundle, appdir / "usr" / "lib" / "gistquiz")
    _install_share(appdir / "usr" / "share", icons)
    apprun = appdir / "AppRun"
    apprun.write_text(
        '#!/bin/sh\nhere="$(dirname "$(readlink -f "$0")")"\n'
        'exec "$here/usr/lib/gistquiz/gistquiz" "$@"\n'
    )
    apprun.chmod(0o755)
    shutil.copy2(HERE / f"{APP_ID}.desktop", appdir / f"{APP_ID}.desktop")
    shutil.copy2(icons / "gistquiz.png", appdir / f"{APP_ID}.png")
    (appdir / ".DirIcon").symlink_to(f"{APP_ID}.png")
    print(f"AppDir: {appdir}")
    return appdir


def verify_deb(dist: Path, version: str, selftest: Callable[[Path], None]) -> None:
    """Install the .deb, run the installed app's self-test, purge, check nothing is left."""
    deb = dist / f"gistquiz_{version}_{DEB_ARCH}.deb"
    subprocess.run(["apt-get", "install", "-y", "-qq", str(deb)], check=True)
    try:
        subprocess.run(["/usr/bin/gistquiz", "--version"], check=True)
        selftest(Path("/usr/bin/gistquiz"))
    finally:
        subprocess.run(["dpkg", "--purge", "gistquiz"], check=True)
    leftovers = [p for p in ("/opt/gistquiz", "/usr/bin/gistquiz") if os.path.exists(p)]
    if leftovers:
        raise SystemExit(f"purge left files behind: {leftovers}")
    print("deb installs, passes its self-test and purges cleanly")
