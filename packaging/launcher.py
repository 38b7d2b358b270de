"""Entry script for the frozen app: the same `main` as the `gistquiz` command."""

import sys

from gistquiz.app import main

if __name__ == "__main__":
    sys.exit(main())
