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
# xz at its strongest (-9e) for release .debs: a few minutes of CPU once per release, ~5%
# smaller than xz -6. CI asks for zstd (DEB_COMPRESSION=zstd), ten times faster.
DEB_COMPRESSORS = {"xz": ["-Zxz", "-z9", "-Sextreme"], "zstd": ["-Zzstd"]}
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
        name = _dpkg_owner(lib)
        if name and name not in packages:
            packages[name] = _package_version(name)
    return [f"{name} (>= {ver})" if ver else name for name, ver in sorted(packages.items())]


def _package_version(name: str) -> str:
    ver = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True
    ).stdout.strip()
    return re.sub(r"[-+~].*$", "", ver.split(":")[-1])


def _dpkg_owner(path: str) -> str:
    for candidate in (path, path.replace("/usr/lib/", "/lib/", 1)):  # merged /usr
        out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True).stdout
        if out:
            return out.split(":")[0].strip()
    return ""


def debian_copies(app_dir: Path) -> dict[str, list[Path]]:
    """Bundled system libraries that are byte-identical to a file of an installed Debian
    package, by package name.

    PyInstaller copies libX11, libssl, libglib, libsystemd... from the build host into the
    bundle (7 MB compressed). The .deb leaves those out and depends on the very packages they
    came from instead, as Debian policy asks: the installed app loads the system's copy. Only
    files identical to the host's packaged copy qualify (so nothing the build patched or
    stripped), never libpython (the bootloader opens it by path inside the bundle).
    """
    internal = app_dir / "_internal"
    found: dict[str, list[Path]] = {}
    for path in sorted(internal.glob("*.so*")):
        if path.is_symlink() or not path.is_file() or path.name.startswith("libpython"):
            continue
        for libdir in (f"/usr/lib/{_multiarch()}", f"/lib/{_multiarch()}"):
            host = Path(libdir) / path.name
            if host.exists():
                break
        else:
            continue
        real = os.path.realpath(host)
        if path.read_bytes() != Path(real).read_bytes():
            continue
        owner = _dpkg_owner(real)
        if owner:
            found.setdefault(owner, []).append(path)
    return found


def _multiarch() -> str:
    return f"{platform.machine()}-linux-gnu"  # Debian's triplet for amd64 and arm64


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
    # Bundled copies of Debian's own libraries: depend on their packages instead.
    copies = debian_copies(root / "opt" / "gistquiz")
    for files in copies.values():
        for path in files:
            path.unlink()
    known = {d.split(" ")[0] for d in depends}
    versions = {name: _package_version(name) for name in copies if name not in known}
    extra = [f"{name} (>= {ver})" if ver else name for name, ver in versions.items()]
    depends = sorted(depends + extra)
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
    compressor = DEB_COMPRESSORS.get(compression, [f"-Z{compression}"])
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", *compressor, "--build", str(root), str(out)],
        check=True,
    )
    print(
        f"{out.name}: {out.stat().st_size / 1e6:.1f} MB ({compression}); "
        f"Depends: {len(depends)} packages ({sum(map(len, copies.values()))} bundled libraries "
        "left to their Debian packages)"
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
