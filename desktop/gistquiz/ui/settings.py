"""Settings, declared once with their types and defaults, stored through QSettings (INI).

User choices live under their own keys and only non-default values are written, so a later
change of a default reaches every user who never touched it. Window state (geometry,
splitters, recent files) is kept apart under ``window/`` and ``recent/``: resetting
preferences never loses the window layout, and vice versa.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..core import pipeline
from ..core.quiz.model import Kind

APP_NAME = "GistQuiz"
MAX_RECENT = 10


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    type: type

    def coerce(self, raw: Any) -> Any:
        """QSettings' INI backend hands back strings; turn them into ``type`` (or the default)."""
        try:
            if self.type is bool:
                return raw if isinstance(raw, bool) else str(raw).lower() in {"true", "1", "yes"}
            if self.type is tuple:
                items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
                return tuple(str(x).strip() for x in items if str(x).strip())
            return self.type(raw)
        except (TypeError, ValueError):
            return self.default


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("summary/algorithm", pipeline.DEFAULT_ALGORITHM, str),
        Option("summary/length", "5", str),  # a Length spec: "5", "20%", "150w"
        Option("summary/heatmap", False, bool),
        Option("summary/bullets", True, bool),
        Option("compare/algorithms", ("lexrank", "textrank", "luhn"), tuple),
        Option("quiz/count", 10, int),
        Option("quiz/kinds", tuple(str(k) for k in Kind), tuple),
        Option("quiz/difficulty", "", str),  # "" = a mix
        Option("appearance/theme", "system", str),  # system | light | dark
        Option("appearance/font_size", 12, int),
    )
}


def default_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "gistquiz.ini"


class Settings:
    """Typed access to the declared options plus the window state."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        raw = self._qs.value(key)
        return option.default if raw is None else option.coerce(raw)

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        value = option.coerce(value)
        if value == option.default:
            self._qs.remove(key)
        elif option.type is tuple:
            self._qs.setValue(key, ",".join(value))
        else:
            self._qs.setValue(key, value)

    def reset(self) -> None:
        """Back to every default; the window state stays."""
        for key in OPTIONS:
            self._qs.remove(key)

    def sync(self) -> None:
        self._qs.sync()

    def stored_keys(self) -> list[str]:
        return list(self._qs.allKeys())

    # -- window state -------------------------------------------------------------------------
    def window_state(self, name: str) -> QByteArray | None:
        raw = self._qs.value(f"window/{name}")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_window_state(self, name: str, data: QByteArray) -> None:
        self._qs.setValue(f"window/{name}", data)

    def recent_files(self) -> list[str]:
        raw = self._qs.value("recent/files")
        if raw is None:
            return []
        items = raw if isinstance(raw, list) else [raw]
        return [str(x) for x in items if str(x)]

    def add_recent(self, source: str) -> list[str]:
        files = [source, *[f for f in self.recent_files() if f != source]][:MAX_RECENT]
        self._qs.setValue("recent/files", files)
        return files

    def clear_recent(self) -> None:
        self._qs.remove("recent/files")
