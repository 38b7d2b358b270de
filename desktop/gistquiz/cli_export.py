"""`gistquiz-cli export`: a quiz (built from SOURCE or opened with --quiz) or a summary
(--summary) written in any registered format, atomically, never over an existing file
without --force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core import export, pipeline
from .core.errors import InvalidOption


def add_export_command(sub: argparse._SubParsersAction) -> None:
    from .cli import add_quiz_options, add_source_arguments, add_summary_options

    p = sub.add_parser(
        "export",
        help="write a quiz or a summary as Anki, Moodle, GIFT, PDF...",
        description="Write a quiz (built from SOURCE, or a saved --quiz FILE.json) or, with "
        "--summary, the summary, in one of the export formats.",
    )
    add_source_arguments(p, optional=True)
    p.add_argument("--to", metavar="FORMAT", help="format (default: from the -o file name)")
    p.add_argument("-o", "--output", required=True, help="file to write, or - for stdout")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument("--quiz", metavar="FILE.json", help="export a saved quiz instead of SOURCE")
    p.add_argument("--no-answer-key", action="store_true", help="printable formats: no key")
    p.add_argument("--summary", action="store_true", help="export the summary, not a quiz")
    add_quiz_options(p)
    add_summary_options(p)
    p.epilog = "formats: " + ", ".join(export.names()) + ", pdf"
    p.set_defaults(func=cmd_export)


def _format(args: argparse.Namespace) -> str:
    wanted = args.to or ""
    if wanted.lower() == "pdf" or (not wanted and Path(args.output).suffix.lower() == ".pdf"):
        from . import render  # noqa: F401  (Qt: registers the "pdf" exporter)
    if wanted:
        return export.get(wanted).name
    guessed = (
        None if args.output == "-" else export.format_for_path(args.output, summary=args.summary)
    )
    if guessed is None:
        kind = "summary" if args.summary else "quiz"
        known = export.names(summary=True) if args.summary else export.names(quiz=True)
        formats = ", ".join(dict.fromkeys([*known, "pdf"]))
        raise InvalidOption(f"Give the {kind} format with --to: one of {formats}.")
    return guessed


def cmd_export(args: argparse.Namespace) -> int:
    from .cli import open_document, quiz_options

    if bool(args.quiz) == bool(args.source):
        raise InvalidOption("Give either SOURCE or --quiz FILE.json (one of them).")
    if args.quiz and args.summary:
        raise InvalidOption("--summary needs the document: give SOURCE instead of --quiz.")
    fmt = _format(args)
    options = export.ExportOptions(answer_key=not args.no_answer_key)
    if args.quiz:
        doc, quiz = None, pipeline.load_quiz(args.quiz)
    else:
        doc = open_document(args.source, args.language, args.max_mb, args.timeout)
        options = export.ExportOptions(answer_key=not args.no_answer_key, document=doc)
    if args.summary:
        ranking = pipeline.summarize(doc, args.algorithm, args.length, engine=args.engine)
        summary = export.Summary.of(doc, ranking)
        if args.output == "-":
            return _to_stdout(export.render_summary(summary, fmt, options))
        result = _write(
            lambda: export.export_summary(summary, fmt, args.output, overwrite=args.force)
        )
    else:
        if not args.quiz:
            quiz = pipeline.build_quiz(doc, quiz_options(args))
            for note in quiz.notes:
                print(f"gistquiz-cli: {note}", file=sys.stderr)
        if args.output == "-":
            return _to_stdout(export.render_quiz(quiz, fmt, options)[0])
        result = _write(
            lambda: export.export_quiz(
                quiz, fmt, args.output, options=options, overwrite=args.force
            )
        )
    print(result.message, file=sys.stderr)
    return 0


def _write(action):
    try:
        return action()
    except export.OutputExists as error:
        raise export.OutputExists(f"{error} Use --force to replace it.") from None


def _to_stdout(data: bytes) -> int:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0
