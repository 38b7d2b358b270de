"""``gistquiz --self-test``: proves an installed or frozen app works end to end.

Loads the language data from inside the install, summarizes the sample with every algorithm,
builds a quiz, writes every export format to a temp dir, opens the sample as every file type
(md, html, docx, epub, pdf), renders the main window offscreen and
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


def _require(ok: bool, message: str) -> None:
    """A failed check (not ``assert``: the frozen app runs optimized, without asserts)."""
    if not ok:
        raise AssertionError(message)


def _check_language() -> str:
    import nltk

    from .core import pipeline
    from .core.language import detect_language, install_nltk_punkt

    install_nltk_punkt()
    split = nltk.sent_tokenize("Mr. Xi went home. He slept.")
    _require(split == ["Mr. Xi went home.", "He slept."], f"Punkt split: {split}")
    doc = pipeline.open_sample()
    detail = f"sample: {len(doc.sentences)} sentences"
    dutch = "De stad heeft meer dan achthonderdduizend inwoners en ligt aan het water."
    found = detect_language(dutch)  # langdetect's profiles are bundled data files
    _require(found == "nl", f"language of a Dutch sentence: {found}")
    detail += f"; Dutch detected as {found}"
    try:
        from .core.nlp.tagger import tag
    except ImportError:
        return detail
    tags = tag(["Mr.", "Xi", "traveled", "to", "Moscow", "."])
    _require(tags[2].startswith("VB"), f"tagger: {tags}")
    return detail + f"; tagger: {' '.join(tags)}"


def _check_summaries() -> str:
    from .core import pipeline
    from .core.summarize import names

    doc = pipeline.open_sample()
    for name in names():
        ranking = pipeline.summarize(doc, name, 3)
        _require(len(ranking.selected) == 3, name)
    return f"{len(names())} algorithms"


def _check_quiz() -> str:
    from .core import pipeline

    quiz = pipeline.build_quiz(pipeline.open_sample())
    _require(len(quiz.questions) >= 5, f"only {len(quiz.questions)} questions")
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
            _require(path.stat().st_size > 0, f"{exporter.name}: empty {path.name}")
        written.append(exporter.name)
    return ", ".join(written)


def _check_loaders(workdir: Path) -> str:
    """Open the sample as every file type: each loader's libraries are in the bundle."""
    import io
    import zipfile

    from .core import pipeline

    paragraphs = [p for p in pipeline.sample_bytes().decode("utf-8").splitlines() if p.strip()]
    body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    files = {
        "sample.md": ("# " + "\n\n".join(paragraphs)).encode(),
        "sample.html": f"<html><head><title>{paragraphs[0]}</title></head><body><article>"
        f"<h1>{paragraphs[0]}</h1>{body}</article></body></html>".encode(),
    }
    import docx
    from ebooklib import epub

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    files["sample.docx"] = out.getvalue()
    book = epub.EpubBook()
    book.set_identifier("gistquiz-self-test")
    book.set_title(paragraphs[0])
    book.set_language("en")
    chapter = epub.EpubHtml(title="1", file_name="c1.xhtml", lang="en")
    chapter.content = f"<html><head><title>1</title></head><body>{body}</body></html>"
    book.add_item(chapter)
    book.toc = (chapter,)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    out = io.BytesIO()
    epub.write_epub(out, book)
    files["sample.epub"] = out.getvalue()
    _require(zipfile.is_zipfile(io.BytesIO(files["sample.epub"])), "epub writer")
    for pdf in sorted(workdir.glob("*.pdf"))[:1]:  # written by the exports check
        files["sample.pdf"] = pdf.read_bytes()
    counts = []
    for name, data in files.items():
        path = workdir / name
        path.write_bytes(data)
        doc = pipeline.open_source(path)
        _require(len(doc.sentences) >= 3, f"{name}: {len(doc.sentences)} sentences")
        counts.append(f"{name.rsplit('.', 1)[1]} {len(doc.sentences)}")
    return ", ".join(counts)


def _check_window(workdir: Path) -> str:
    from .app import main as app_main

    png = workdir / "window.png"
    code = app_main(["--screenshot", str(png)])
    _require(code == 0 and png.exists(), f"screenshot exit {code}")
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    _require(not image.isNull() and image.width() > 200, "unreadable screenshot")
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    _require(len(colours) > 20, f"blank window ({len(colours)} colours)")
    return f"{image.width()}x{image.height()}, {len(colours)} colours"


def run_self_test(report_path: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report: dict = {
        "version": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "optimize": sys.flags.optimize,
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
            ("loaders", lambda: _check_loaders(workdir)),
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
