"""From a file on disk to the text of a release, whatever its format and encoding.

Each format has one reader: `.txt` and `.md` are text. A file that is empty,
binary, too large or undecodable is refused with a `ReleaseError` naming it.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from charset_normalizer import from_bytes

from tracker.errors import ReleaseError

#: A press release is a few pages; anything far larger is not one.
MAX_BYTES = 5 * 1024 * 1024


def decode(path: Path, data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, else the detected encoding."""
    if b"\x00" in data[:8192]:
        raise ReleaseError(path, "binary file, not a text release")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReleaseError(path, "cannot decode the text (unknown encoding)")
    return str(best)


def _plain_text(path: Path, data: bytes) -> str:
    return decode(path, data)


READERS: dict[str, Callable[[Path, bytes], str]] = {
    ".txt": _plain_text,
    ".md": _plain_text,
    ".markdown": _plain_text,
}


def is_release_file(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_text(path: Path) -> str:
    """The text of the release at `path`, refusing what is not a readable release."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReleaseError(path, f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(READERS))}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReleaseError(path, f"file too large for a press release ({size / 1_048_576:.0f} MB; limit {MAX_BYTES // 1_048_576} MB)")
        data = path.read_bytes()
    except PermissionError:
        raise ReleaseError(path, "permission denied") from None
    except IsADirectoryError:
        raise ReleaseError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise ReleaseError(path, "no such file") from None
    except OSError as error:
        raise ReleaseError(path, f"cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise ReleaseError(path, "empty file")
    text = reader(path, data)
    if not text.strip():
        raise ReleaseError(path, "no text in the file")
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:8192])
    if printable < 0.9 * min(len(text), 8192):
        raise ReleaseError(path, "binary file, not a text release")
    return text
