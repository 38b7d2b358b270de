"""gistquiz-cli: the command-line face. Every action goes through ``core.pipeline``.

Exit codes (documented in docs/cli.md): 0 ok; 1 other expected error; 2 bad option;
3 unsupported format; 4 empty document; 5 extraction failed; 6 too large;
7 unsupported language; 8 fetch failed; 9 not enough text; 70 internal error; 130 cancelled.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .core import pipeline
from .core.document import Document
from .core.errors import GistQuizError, InvalidOption
from .core.quiz.model import QuizOptions
from .core.summarize import Ranking, all_summarizers

INTERNAL_ERROR = 70
SUMMARY_SCHEMA = "gistquiz.summary/1"

log = logging.getLogger("gistquiz.cli")


def open_document(
    source: str, language: str | None, max_mb: float | None = None, timeout: float | None = None
) -> Document:
    """SOURCE is a path, an http(s) URL, '-' for standard input, or ':sample'."""
    if max_mb is not None and not max_mb > 0:
        raise InvalidOption(f"--max-mb must be a positive number of megabytes, not {max_mb:g}.")
    kwargs: dict = {"max_bytes": int(max_mb * 1024 * 1024)} if max_mb else {}
    if source == "-":
        return pipeline.read_stdin(sys.stdin.buffer, language=language, **kwargs)
    if source == ":sample":
        return pipeline.open_sample(language=language or "en")
    if timeout is not None:
        if not timeout > 0:
            raise InvalidOption(f"--timeout must be a positive number of seconds, not {timeout:g}.")
        kwargs["timeout"] = timeout
    return pipeline.open_source(source, language=language, **kwargs)


def summary_json(doc: Document, ranking: Ranking, engine: str) -> dict:
    chosen = set(ranking.selected)
    order = ranking.order
    rank = {index: position + 1 for position, index in enumerate(order)}
    return {
        "schema": SUMMARY_SCHEMA,
        "document": document_json(doc),
        "algorithm": ranking.algorithm,
        "engine": engine,
        "length": str(ranking.length),
        "selected": list(ranking.selected),
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "heading": s.heading,
                "text": doc.sentence_text(s.index),
                "score": ranking.scores[s.index],
                "rank": rank[s.index],
                "selected": s.index in chosen,
            }
            for s in doc.sentences
        ],
    }


def document_json(doc: Document) -> dict:
    return {
        "id": doc.id,
        "title": doc.title,
        "language": doc.language,
        "source": doc.source,
        "sentences": len(doc.sentences),
        "words": doc.word_count,
    }


def cmd_summarize(args: argparse.Namespace) -> int:
    doc = open_document(args.source, args.language, args.max_mb, args.timeout)
    ranking = pipeline.summarize(doc, args.algorithm, args.length, engine=args.engine)
    if args.format == "json":
        print(json.dumps(summary_json(doc, ranking, args.engine), ensure_ascii=False, indent=2))
        return 0
    lines = [doc.clean_sentence(i) for i in ranking.selected]
    if args.format == "markdown":
        print(f"# {doc.title}\n")
        print(f"*Summary by {ranking.algorithm}, {len(lines)} of {len(doc.sentences)} sentences*\n")
        print("\n".join(f"- {line}" for line in lines))
    else:
        print("\n".join(lines))
    return 0


def cmd_algorithms(args: argparse.Namespace) -> int:
    width = max(len(s.name) for s in all_summarizers())
    for s in all_summarizers():
        print(f"{s.name:<{width}}  {s.description}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """What `make run` prints without a display: the sample's summary (and quiz)."""
    doc = pipeline.open_sample()
    ranking = pipeline.summarize(doc, pipeline.DEFAULT_ALGORITHM, 5)
    print(f"{doc.title}\n")
    print(
        f"Summary ({ranking.algorithm}, {len(ranking.selected)} of {len(doc.sentences)} sentences):"
    )
    for i in ranking.selected:
        print(f"  • {doc.clean_sentence(i)}")
    for section in DEMO_SECTIONS:
        print()
        section(doc, ranking)
    return 0


# Further sections of the demo (the quiz), each printing itself for the sample document.
DEMO_SECTIONS: list[Callable[[Document, Ranking], None]] = []


def cmd_quiz(args: argparse.Namespace) -> int:
    from .core.quiz.render import quiz_text

    options = quiz_options(args)
    doc = open_document(args.source, args.language, args.max_mb, args.timeout)
    quiz = pipeline.build_quiz(doc, options)
    for note in quiz.notes:
        print(f"gistquiz-cli: {note}", file=sys.stderr)
    if args.format == "json":
        from .core.export.json_format import quiz_to_json
        from .core.export.registry import ExportOptions

        data = quiz_to_json(quiz, ExportOptions(document=doc))
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        from .core.export.markdown import write_quiz_markdown
        from .core.export.registry import ExportOptions

        print(write_quiz_markdown(quiz, ExportOptions(document=doc)).decode("utf-8"), end="")
    else:
        print(quiz_text(quiz), end="")
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from .core.facts.report import facts_json, facts_text

    doc = open_document(args.source, args.language, args.max_mb, args.timeout)
    found = pipeline.facts(doc, algorithm=args.algorithm)
    if args.limit:
        found = found[: args.limit]
    if args.format == "json":
        data = facts_json(doc, found, args.algorithm)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(facts_text(doc, found))
    return 0


def _demo_quiz(doc: Document, ranking: Ranking) -> None:
    from .core.quiz.render import quiz_text

    print(quiz_text(pipeline.build_quiz(doc, ranking=ranking)), end="")


DEMO_SECTIONS.append(_demo_quiz)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gistquiz-cli",
        description="Summarize articles and build comprehension quizzes, offline.",
    )
    parser.add_argument("--version", action="version", version=f"gistquiz {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("summarize", help="extractive summary of a document")
    add_source_arguments(p)
    add_summary_options(p)
    p.add_argument("-f", "--format", choices=("text", "markdown", "json"), default="text")
    p.set_defaults(func=cmd_summarize)

    p = sub.add_parser("algorithms", help="list the summary algorithms")
    p.set_defaults(func=cmd_algorithms)

    p = sub.add_parser("demo", help="summary and quiz of the bundled sample article")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("quiz", help="comprehension quiz on a document's key facts")
    add_source_arguments(p)
    add_quiz_options(p)
    p.add_argument("-f", "--format", choices=("text", "json", "markdown"), default="text")
    p.set_defaults(func=cmd_quiz)

    p = sub.add_parser("facts", help="the ranked key facts (answer candidates) of a document")
    add_source_arguments(p)
    p.add_argument("-a", "--algorithm", default=pipeline.DEFAULT_ALGORITHM, help="ranks sentences")
    p.add_argument("-n", "--limit", type=int, default=0, help="show only the top N (default all)")
    p.add_argument("-f", "--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_facts)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


def add_source_arguments(p: argparse.ArgumentParser, *, optional: bool = False) -> None:
    p.add_argument(
        "source",
        metavar="SOURCE",
        nargs="?" if optional else None,
        help="file, http(s) URL, '-' (stdin) or :sample",
    )
    p.add_argument("--language", default=None, help="ISO code such as en (default: detect)")
    p.add_argument("--max-mb", type=float, default=None, help="size limit in MB (default 50)")
    p.add_argument("--timeout", type=float, default=None, help="URL timeout, s (default 20)")


def add_summary_options(p: argparse.ArgumentParser) -> None:
    """The summary's options, shared by `summarize` and `export --summary`."""
    p.add_argument("-a", "--algorithm", default=pipeline.DEFAULT_ALGORITHM)
    p.add_argument("-l", "--length", default="5", help="5 (sentences), 20%% or 150w (words)")
    p.add_argument("--engine", choices=("fast", "sumy"), default="fast")


def add_quiz_options(p: argparse.ArgumentParser) -> None:
    """The quiz's options, shared by `quiz` and `export`; read them with ``quiz_options``."""
    p.add_argument("-n", "--count", type=int, default=10, help="number of questions (default 10)")
    p.add_argument("--kinds", default="mcq,cloze,tf,wh", help="comma list of mcq,cloze,tf,wh")
    p.add_argument("--difficulty", choices=("easy", "medium", "hard"), default=None)
    p.add_argument("--seed", type=int, default=0, help="same seed, same quiz")


def quiz_options(args: argparse.Namespace) -> QuizOptions:
    from .core.quiz.model import Difficulty, Kind

    try:
        kinds = tuple(Kind(k.strip().lower()) for k in args.kinds.split(",") if k.strip())
    except ValueError:
        raise InvalidOption(f"--kinds takes a list of {', '.join(k.value for k in Kind)}") from None
    difficulty = Difficulty(args.difficulty) if args.difficulty else None
    return QuizOptions(count=args.count, kinds=kinds, difficulty=difficulty, seed=args.seed)


def _add_export_command(sub: argparse._SubParsersAction) -> None:
    from .cli_export import add_export_command

    add_export_command(sub)


# Other modules' subcommands: functions that add a parser to the subparsers object.
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_export_command]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    try:
        return int(args.func(args) or 0)
    except GistQuizError as error:
        print(f"gistquiz-cli: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("gistquiz-cli: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line for the user, the traceback in the log
        log.debug("internal error", exc_info=True)
        print(
            f"gistquiz-cli: internal error: {type(error).__name__}: {error} "
            "(run with --verbose for details)",
            file=sys.stderr,
        )
        if args.verbose:
            log.exception("internal error")
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
