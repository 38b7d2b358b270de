"""Menus, toolbar and shortcuts of the main window (standard keys where a standard exists)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QToolBar

if TYPE_CHECKING:
    from .main_window import MainWindow


def _action(window: MainWindow, text: str, slot, shortcut=None, *, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work while the menu bar is hidden too
    return action


def build(w: MainWindow) -> None:
    tr = w.tr
    c = w.controller
    style = w.style()
    std = QKeySequence.StandardKey
    acts = w.actions_by_name = {}

    acts["open"] = _action(w, tr("&Open…"), w.open_file_dialog, std.Open, tip=tr("Open a document"))
    acts["open"].setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
    acts["url"] = _action(
        w, tr("Open &URL…"), w.open_url_dialog, "Ctrl+L", tip=tr("Open a web article")
    )
    acts["url"].setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon))
    acts["paste"] = _action(
        w,
        tr("&Paste as new"),
        w.paste_document,
        "Ctrl+Shift+V",
        tip=tr("Open the clipboard's text as a new document"),
    )
    acts["paste"].setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
    acts["sample"] = _action(
        w, tr("&Sample article"), c.open_sample, tip=tr("Open the sample article")
    )
    acts["sample"].setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView))
    acts["open_quiz"] = _action(
        w, tr("Open &quiz…"), w.open_quiz, tip=tr("Take a quiz saved as JSON again")
    )
    acts["export"] = _action(
        w, tr("&Export…"), w.export, "Ctrl+E", tip=tr("Export the summary or the quiz")
    )
    acts["quit"] = _action(w, tr("&Quit"), w.close, _standard(std.Quit, "Ctrl+Q"))

    acts["copy_summary"] = _action(w, tr("&Copy summary"), w.summary.copy, "Ctrl+Shift+C")
    acts["find"] = _action(w, tr("&Find in article…"), _find(w), std.Find)
    acts["find_next"] = _action(w, tr("Find &next"), w.find_bar.find_next, std.FindNext)
    acts["find_previous"] = _action(
        w, tr("Find pre&vious"), w.find_bar.find_previous, std.FindPrevious
    )
    acts["preferences"] = _action(
        w, tr("&Preferences…"), w.show_preferences, _standard(std.Preferences, "Ctrl+,")
    )

    acts["heatmap"] = _action(w, tr("Score &heat map"), w.set_heatmap, "Ctrl+H")
    acts["heatmap"].setCheckable(True)
    acts["heatmap"].setChecked(w.settings.get("summary/heatmap"))
    acts["bigger"] = _action(w, tr("&Larger text"), lambda: _zoom(w, +1), std.ZoomIn)
    acts["smaller"] = _action(w, tr("&Smaller text"), lambda: _zoom(w, -1), std.ZoomOut)
    pages = []
    for n, (name, label) in enumerate(
        (
            ("article", tr("&Read")),
            ("compare", tr("&Compare")),
            ("quiz", tr("&Quiz")),
            ("history", tr("&History")),
        )
    ):
        pages.append(
            _action(w, label, lambda _=False, name=name: w.show_page(name), f"Alt+{n + 1}")
        )
    themes = QActionGroup(w)
    acts["themes"] = {}
    for name, label in (("system", tr("&System")), ("light", tr("&Light")), ("dark", tr("&Dark"))):
        action = _action(w, label, lambda _=False, name=name: w.apply_theme(name))
        action.setCheckable(True)
        themes.addAction(action)
        acts["themes"][name] = action
    acts["themes"].get(w.settings.get("appearance/theme"), acts["themes"]["system"]).setChecked(
        True
    )

    acts["help"] = _action(w, tr("GistQuiz &help"), w.show_help, std.HelpContents)
    acts["log"] = _action(w, tr("View &log"), w.show_log)
    acts["about"] = _action(w, tr("&About GistQuiz"), w.show_help)
    acts["about_qt"] = _action(w, tr("About &Qt"), QApplication.aboutQt)

    bar = w.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    for key in ("open", "url", "paste", "sample"):
        file_menu.addAction(acts[key])
    w.recent_menu = file_menu.addMenu(tr("Open &recent"))
    file_menu.addAction(acts["open_quiz"])
    file_menu.addSeparator()
    file_menu.addAction(acts["export"])
    file_menu.addSeparator()
    file_menu.addAction(acts["quit"])
    edit_menu = bar.addMenu(tr("&Edit"))
    for key in ("copy_summary", "find", "find_next", "find_previous"):
        edit_menu.addAction(acts[key])
    edit_menu.addSeparator()
    edit_menu.addAction(acts["preferences"])
    view_menu = bar.addMenu(tr("&View"))
    for action in pages:
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(acts["heatmap"])
    view_menu.addAction(acts["bigger"])
    view_menu.addAction(acts["smaller"])
    theme_menu = view_menu.addMenu(tr("&Theme"))
    for action in acts["themes"].values():
        theme_menu.addAction(action)
    help_menu = bar.addMenu(tr("&Help"))
    for key in ("help", "log", "about", "about_qt"):
        help_menu.addAction(acts[key])

    tools = QToolBar(tr("Main toolbar"), w, objectName="main_toolbar")
    tools.setAccessibleName(tr("Main toolbar"))
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for key in ("open", "paste", "url", "sample"):
        tools.addAction(acts[key])
    w.addToolBar(tools)


def _standard(key: QKeySequence.StandardKey, fallback: str):
    """The platform's key for ``key``, or ``fallback`` where it has none (Quit on Windows)."""
    return key if QKeySequence.keyBindings(key) else fallback


def _find(w: MainWindow):
    def run() -> None:
        w.show_page("article")
        w.find_bar.open_bar()

    return run


def _zoom(w: MainWindow, step: int) -> None:
    size = max(8, min(32, w.settings.get("appearance/font_size") + step))
    w.settings.set("appearance/font_size", size)
    w.apply_font_size(size)


def refresh_recent(w: MainWindow) -> None:
    menu = w.recent_menu
    menu.clear()
    files = w.settings.recent_files()
    for source in files:
        action = menu.addAction(source)
        action.triggered.connect(lambda _=False, s=source: w.open_recent(s))
    if files:
        menu.addSeparator()
        menu.addAction(
            w.tr("Clear the list"), lambda: (w.settings.clear_recent(), refresh_recent(w))
        )
    menu.setEnabled(bool(files))


def sync_heatmap(w: MainWindow, on: bool) -> None:
    action = w.actions_by_name["heatmap"]
    if action.isChecked() != on:
        action.setChecked(on)


def sync_theme(w: MainWindow, name: str) -> None:
    w.actions_by_name["themes"].get(name, w.actions_by_name["themes"]["system"]).setChecked(True)
