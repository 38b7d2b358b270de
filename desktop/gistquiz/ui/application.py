"""Creates the QApplication and the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

from ..core import pipeline


def run(args: argparse.Namespace, qt_args: list[str]) -> int:
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("GistQuiz")
    doc = pipeline.open_source(args.source) if args.source else pipeline.open_sample()
    window = QMainWindow()
    view = QTextBrowser()
    view.setPlainText(doc.text)
    window.setCentralWidget(view)
    window.setWindowTitle(f"{doc.title} — GistQuiz")
    window.resize(1000, 700)
    window.show()
    return app.exec()
