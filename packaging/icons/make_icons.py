"""Render the one SVG icon to every size the installers need: hicolor PNGs, .ico, .icns.

Uses Qt's SVG renderer (already a dependency), so no image tool is needed on the build host.
Run: python packaging/icons/make_icons.py OUTDIR
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

# The one source icon, also shown by the app itself (resources/icons).
SVG = Path(__file__).resolve().parents[2] / "resources" / "icons" / "gistquiz.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types for PNG payloads, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(pngs: dict[int, bytes], path: Path) -> None:
    """A Windows .ico holding PNG images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, payload = b"", b""
    offset = 6 + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    path.write_bytes(header + entries + payload)


def write_icns(pngs: dict[int, bytes], path: Path) -> None:
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
        if size in ICNS_TYPES
    )
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main(out: Path) -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {SVG}")
    pngs = {size: render_png(renderer, size) for size in HICOLOR_SIZES}
    for size, png in pngs.items():
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "io.github.gistquiz.GistQuiz.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
    scalable = out / "hicolor" / "scalable" / "apps" / "io.github.gistquiz.GistQuiz.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    write_ico({s: pngs[s] for s in ICO_SIZES}, out / "gistquiz.ico")
    write_icns(pngs, out / "gistquiz.icns")
    (out / "gistquiz.png").write_bytes(pngs[256])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "build")
