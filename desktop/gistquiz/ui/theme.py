"""System light/dark scheme with a Light/Dark override, and the highlight palette.

``system`` follows the platform (Qt >= 6.5 reports its colour scheme); ``light`` and ``dark``
use the Fusion style with an explicit palette, so the override looks the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
_original: dict[str, object] = {}


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = (
        QColor(0x1E, 0x1F, 0x22),
        QColor(0x2B, 0x2D, 0x31),
        QColor(0xE6, 0xE6, 0xE6),
    )
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, QColor(0x3C, 0x3F, 0x44)),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor(0x3D, 0x7E, 0xD6)),
        (QPalette.ColorRole.HighlightedText, QColor(Qt.GlobalColor.white)),
        (QPalette.ColorRole.Link, QColor(0x7A, 0xB7, 0xFF)),
        (QPalette.ColorRole.PlaceholderText, QColor(0x9A, 0x9A, 0x9A)),
    ):
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(0x80, 0x80, 0x80))
    return p


def apply(app: QApplication, theme: str) -> None:
    """Switch the whole app to ``theme`` (system | light | dark) at run time."""
    if "style" not in _original:
        _original["style"] = app.style().name()
        _original["palette"] = QPalette(app.palette())
    hints = QGuiApplication.styleHints()
    if theme == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(_dark_palette())
    elif theme == "light":
        app.setStyle(QStyleFactory.create("Fusion"))
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        hints.unsetColorScheme()
        app.setStyle(QStyleFactory.create(str(_original["style"])))
        app.setPalette(_original["palette"])  # type: ignore[arg-type]


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


@dataclass(frozen=True)
class Highlights:
    """Colours for the article's marks; each mark also changes weight or underline."""

    summary: QColor
    heat: QColor  # blended with the base by the sentence's score
    evidence: QColor
    answer: QColor
    flash: QColor
    wrong: QColor
    right: QColor


def highlights(palette: QPalette | None = None) -> Highlights:
    if is_dark(palette):
        return Highlights(
            summary=QColor(0x5C, 0x4B, 0x12),
            heat=QColor(0xB0, 0x5A, 0x10),
            evidence=QColor(0x1D, 0x4E, 0x6E),
            answer=QColor(0x2F, 0x6F, 0x3A),
            flash=QColor(0x8A, 0x5A, 0x00),
            wrong=QColor(0xFF, 0x8A, 0x80),
            right=QColor(0x8C, 0xE0, 0x9A),
        )
    return Highlights(
        summary=QColor(0xFF, 0xEB, 0x99),
        heat=QColor(0xFF, 0x9E, 0x40),
        evidence=QColor(0xD6, 0xEA, 0xFF),
        answer=QColor(0xB8, 0xF0, 0xC0),
        flash=QColor(0xFF, 0xC8, 0x57),
        wrong=QColor(0xB0, 0x1E, 0x1E),
        right=QColor(0x1B, 0x7A, 0x2E),
    )


def reading_font(size: int) -> QFont:
    """A serif face for the article (falls back to the default family where none exists)."""
    font = QFont()
    font.setFamilies(["Noto Serif", "Source Serif Pro", "Georgia", "DejaVu Serif", "serif"])
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSize(size)
    return font
