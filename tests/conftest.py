"""Test set-up shared by every test: Qt offscreen before Qt loads, no network by default."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
