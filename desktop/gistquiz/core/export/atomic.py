"""Atomic, no-clobber file writes: a temp file beside the target, then one rename.

A reader (Anki, Moodle, a file manager) never sees a half-written export, and a crash or a
full disk leaves the previous file intact. Without ``overwrite`` an existing file is never
replaced, even if it appears between our check and the rename (the final step is a hard
link, which fails on an existing name).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from ..errors import GistQuizError


class OutputExists(GistQuizError):
    """The target file exists and the caller did not allow replacing it."""

    exit_code = 1


class WriteFailed(GistQuizError):
    exit_code = 1


def atomic_write(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; raise ``OutputExists`` unless ``overwrite``."""
    path = Path(path)
    if path.is_dir():
        raise WriteFailed(f"{path} is a folder: choose a file name to export to.")
    if not overwrite and path.exists():
        raise OutputExists(f"{path} already exists.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise WriteFailed(f"Cannot write {path}: the folder {parent} does not exist.")
    temp = parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        # os.open with 0o666 lets the umask decide the final permissions, like a plain open()
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temp, path)
        else:
            _link_no_clobber(temp, path)
    except FileExistsError as error:
        raise OutputExists(f"{path} already exists.") from error
    except OSError as error:
        raise WriteFailed(f"Cannot write {path}: {error.strerror or error}.") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path


def _link_no_clobber(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)  # fails with FileExistsError if the name appeared meanwhile
    except FileExistsError:
        raise
    except (OSError, NotImplementedError):
        # Filesystems without hard links (FAT, some network shares): check, then rename.
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temp, path)
