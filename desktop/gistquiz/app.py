"""GUI entry point: ``gistquiz [FILE|URL]``. ``--version`` answers without importing Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gistquiz", description="GistQuiz desktop app")
    parser.add_argument("source", nargs="?", help="file or URL to open (default: the sample)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation end to end and exit"
    )
    parser.add_argument("--report", metavar="FILE", help="with --self-test: write the JSON here")
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit"
    )
    parser.add_argument(
        "--page",
        choices=["article", "compare", "quiz", "results", "history"],
        help="with --screenshot: the page to show (default: article)",
    )
    parser.add_argument(
        "--theme", choices=["system", "light", "dark"], help="with --screenshot: the theme"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = build_parser().parse_known_args(argv)
    if args.version:
        print(f"gistquiz {__version__}")
        return 0
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test(args.report)
    if args.screenshot:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .ui.application import run  # Qt is imported only past this point

    return run(args, qt_args)


if __name__ == "__main__":
    sys.exit(main())
