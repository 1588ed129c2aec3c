"""The labelled corpus format: JSON Lines, one note per line, each victim-blaming span labelled.

    {"id": "mpr-0001", "note_type": "missing-person-risk-assessment", "team": "Force Control Room",
     "role": "call-handler", "text": "...", "spans": [{"start": 10, "end": 20, "text": "...",
     "category": "capability-streetwise"}]}

``start``/``end`` are 0-based character offsets into ``text`` (``text[start:end] == span.text``); spans do not
overlap; ``category`` is one of the taxonomy's twelve.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from vblint.errors import VblintError
from vblint.model import CATEGORIES

NOTE_TYPES = ("investigation-update", "missing-person-risk-assessment", "vist-supervisor-review",
              "control-room-log", "mash-update", "child-exploitation-team-update")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    category: str


@dataclass(frozen=True)
class Note:
    id: str
    note_type: str
    team: str
    role: str
    text: str
    spans: tuple[Span, ...]


def _note(data: object, path: str, row: int) -> Note:
    if not isinstance(data, dict):
        raise VblintError("each line must be a JSON object", file=path, row=row)
    for key in ("id", "text", "spans"):
        if key not in data:
            raise VblintError(f"missing field {key!r}", file=path, row=row)
    text = data["text"]
    if not isinstance(text, str):
        raise VblintError("text must be a string", file=path, row=row, field="text")
    spans = []
    for i, s in enumerate(data["spans"]):
        where = f"spans[{i}]"
        try:
            span = Span(int(s["start"]), int(s["end"]), str(s["text"]), str(s["category"]))
        except (KeyError, TypeError, ValueError):
            raise VblintError("needs start, end, text and category", file=path, row=row, field=where) from None
        if text[span.start:span.end] != span.text:
            raise VblintError(f"offsets {span.start}:{span.end} do not slice to its text", file=path, row=row,
                              field=where)
        if span.category not in CATEGORIES:
            raise VblintError(f"unknown category {span.category!r}", file=path, row=row, field=where)
        spans.append(span)
    spans.sort(key=lambda s: s.start)
    for a, b in pairwise(spans):
        if b.start < a.end:
            raise VblintError(f"spans {a.start}:{a.end} and {b.start}:{b.end} overlap", file=path, row=row)
    return Note(str(data["id"]), str(data.get("note_type", "")), str(data.get("team", "")),
                str(data.get("role", "")), text, tuple(spans))


def read_corpus(path: Path) -> Iterator[Note]:
    """Notes from a corpus file, or from every ``*.jsonl`` in a folder; a bad line is an error naming its row."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise VblintError("no corpus file (.jsonl) found", file=str(path))
    for file in files:
        with file.open(encoding="utf-8") as fh:
            for row, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as err:
                    raise VblintError(f"not valid JSON ({err.msg})", file=str(file), row=row) from None
                yield _note(data, str(file), row)
