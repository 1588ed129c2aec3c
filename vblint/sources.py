"""Read the texts to lint: files, folders of files, or standard input, with clear errors for bad input."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from vblint.errors import VblintError

#: File endings `vblint check` lints when given a folder.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".text", ".note")
#: A single text larger than this is almost certainly an export or a mistake: `vblint scan` streams exports.
MAX_TEXT_BYTES = 20 * 1024 * 1024
STDIN = "-"


@dataclass(frozen=True)
class Source:
    path: str  # "-" for standard input
    text: str


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes to text; binary or undecodable input is a one-line error naming the file."""
    if b"\x00" in data[:8192]:
        raise VblintError("looks like a binary file, not text", file=path)
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as err:
            raise VblintError(f"cannot be read as {encoding}: {err.__class__.__name__}", file=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise VblintError(f"not UTF-8 text (byte {err.start}); try --encoding cp1252", file=path) from None


def _read(path: str, raw: bytes, encoding: str | None) -> Source:
    if len(raw) > MAX_TEXT_BYTES:
        raise VblintError(f"too large to lint as one text ({len(raw) // 1_048_576} MB); use `vblint scan` for "
                          "exports", file=path)
    return Source(path, decode(raw, path, encoding))


def expand(paths: Sequence[str]) -> list[str]:
    """Files named, and the text files under folders named, in a stable order."""
    out: list[str] = []
    for p in paths:
        if p == STDIN:
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            out += [str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES]
        elif path.is_file():
            out.append(p)
        else:
            raise VblintError("no such file or folder", file=p)
    return out


def read_sources(paths: Sequence[str], encoding: str | None = None) -> Iterator[Source]:
    for p in expand(paths):
        if p == STDIN:
            yield _read("<stdin>", sys.stdin.buffer.read(), encoding)
        else:
            try:
                raw = Path(p).read_bytes()
            except OSError as err:
                raise VblintError(f"cannot be read: {err.strerror}", file=p) from None
            yield _read(p, raw, encoding)
