"""``gistquiz --self-test``: proves an installed or frozen app works end to end.

Loads the language data from inside the install, summarizes the sample with every algorithm,
builds a quiz, writes every export format to a temp dir, renders the main window offscreen and
checks the PNG is not blank. Prints a JSON report (``--report FILE`` also writes it: a windowed
Windows exe has no stdout). Exit 0 only if every check passed; a watchdog ends a hung run.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import __version__

WATCHDOG_SECONDS = 240
HUNG_EXIT = 3


def _check_language() -> str:
    import nltk

    from .core import pipeline
    from .core.language import install_nltk_punkt

    install_nltk_punkt()
    assert nltk.sent_tokenize("Mr. Xi went home. He slept.") == ["Mr. Xi went home.", "He slept."]
    doc = pipeline.open_sample()
    detail = f"sample: {len(doc.sentences)} sentences"
    try:
        from .core.nlp.tagger import tag
    except ImportError:
        return detail
    tags = tag(["Mr.", "Xi", "traveled", "to", "Moscow", "."])
    assert tags[2].startswith("VB"), tags
    return detail + f"; tagger: {' '.join(tags)}"


def _check_summaries() -> str:
    from .core import pipeline
    from .core.summarize import names

    doc = pipeline.open_sample()
    for name in names():
        ranking = pipeline.summarize(doc, name, 3)
        assert len(ranking.selected) == 3, name
    return f"{len(names())} algorithms"


def _check_quiz() -> str:
    from .core import pipeline

    quiz = pipeline.build_quiz(pipeline.open_sample())
    assert len(quiz.questions) >= 5, f"only {len(quiz.questions)} questions"
    return f"{len(quiz.questions)} questions"


def _check_exports(workdir: Path) -> str:
    from .core import export, pipeline

    # The PDF exporter lives outside the core (it uses Qt) and registers itself on import.
    with contextlib.suppress(ImportError):
        from . import render  # noqa: F401
    doc = pipeline.open_sample()
    quiz = pipeline.build_quiz(doc)
    ranking = pipeline.summarize(doc, pipeline.DEFAULT_ALGORITHM, 5)
    written = []
    for exporter in export.exporters():
        targets = []
        if exporter.quiz:
            path = workdir / f"quiz-{exporter.name}{exporter.suffix}"
            pipeline.export_quiz(quiz, exporter.name, path, document=doc)
            targets.append(path)
        if exporter.summary:
            path = workdir / f"summary-{exporter.name}{exporter.suffix}"
            pipeline.export_summary(doc, ranking, exporter.name, path)
            targets.append(path)
        for path in targets:
            assert path.stat().st_size > 0, f"{exporter.name}: empty {path.name}"
        written.append(exporter.name)
    return ", ".join(written)


def _check_window(workdir: Path) -> str:
    from .app import main as app_main

    png = workdir / "window.png"
    code = app_main(["--screenshot", str(png)])
    assert code == 0 and png.exists(), f"screenshot exit {code}"
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull() and image.width() > 200, "unreadable screenshot"
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20, f"blank window ({len(colours)} colours)"
    return f"{image.width()}x{image.height()}, {len(colours)} colours"


def run_self_test(report_path: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report: dict = {
        "version": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "checks": [],
    }

    def write_report() -> None:
        text = json.dumps(report, indent=2)
        if report_path:
            Path(report_path).write_text(text, encoding="utf-8")
        if sys.stdout is not None:
            print(text, flush=True)

    def watchdog() -> None:
        report["checks"].append(
            {
                "name": "watchdog",
                "ok": False,
                "seconds": WATCHDOG_SECONDS,
                "detail": "self-test hung",
            }
        )
        write_report()
        os._exit(HUNG_EXIT)

    timer = threading.Timer(WATCHDOG_SECONDS, watchdog)
    timer.daemon = True
    timer.start()
    # One QApplication for every Qt user below (the PDF renderer would otherwise make a
    # QGuiApplication, and Qt allows one application object per process).
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841
    with tempfile.TemporaryDirectory(prefix="gistquiz-selftest-") as tmp:
        workdir = Path(tmp)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("language data", _check_language),
            ("summaries", _check_summaries),
            ("quiz", _check_quiz),
            ("exports", lambda: _check_exports(workdir)),
            ("main window", lambda: _check_window(workdir)),
        ]
        for name, check in checks:
            started = time.perf_counter()
            entry: dict = {"name": name}
            try:
                entry["detail"] = check()
                entry["ok"] = True
            except Exception as error:  # every failure is reported, none stops the others
                entry["ok"] = False
                entry["detail"] = f"{type(error).__name__}: {error}"
                entry["traceback"] = traceback.format_exc()
            entry["seconds"] = round(time.perf_counter() - started, 3)
            report["checks"].append(entry)
    timer.cancel()
    report["ok"] = all(c["ok"] for c in report["checks"])
    write_report()
    return 0 if report["ok"] else 1
