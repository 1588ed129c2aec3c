"""Stream notes out of record-system exports (CSV, XLSX, JSON Lines), one ``Record`` at a time.

Real exports are messy: UTF-8 with or without a byte-order mark or Windows-1252, ``;`` or ``,`` delimiters,
newlines inside quoted notes, very long notes, the odd broken row. A broken row is skipped and reported by its
row number (``Malformed``), never silently dropped; a missing column stops the run with the columns the file has.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vblint.errors import VblintError

FIELDS = ("text", "id", "team", "type", "author", "role", "date")
# Header names recognised for each field when no --*-column flag names it (compared lower-case, no separators).
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "note", "notes", "notetext", "narrative", "body", "content", "entry", "entrytext", "details",
             "update", "comment", "comments", "logentry", "description"),
    "id": ("id", "noteid", "recordid", "entryid", "reference", "ref", "urn", "logid", "occurrenceid"),
    "team": ("team", "teamname", "unit", "department", "dept", "owningteam", "section", "squad"),
    "type": ("notetype", "type", "recordtype", "entrytype", "category", "form"),
    "author": ("author", "authorid", "officer", "officerid", "createdby", "writtenby", "user", "userid", "collar"),
    "role": ("role", "authorrole", "rank", "position", "jobrole"),
    "date": ("date", "created", "createdat", "createdon", "timestamp", "datetime", "entrydate", "datecreated",
             "notedate", "recorded"),
}
# csv's default limit (128 KiB) is smaller than the longest real notes.
csv.field_size_limit(64 * 1024 * 1024)


@dataclass(frozen=True)
class Record:
    row: int  # row number in the file (the header is row 1; a JSONL file's first line is row 1)
    id: str
    text: str
    team: str = ""
    type: str = ""
    author: str = ""
    role: str = ""
    date: str = ""


@dataclass(frozen=True)
class Malformed:
    row: int
    problem: str


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def map_columns(header: list[str], chosen: dict[str, str | None], path: str) -> dict[str, int]:
    """Field -> column index; named columns must exist, others are found by their common names."""
    keys = [_key(h) for h in header]
    listing = ", ".join(h for h in header) or "(none)"
    mapping: dict[str, int] = {}
    for field in FIELDS:
        name = chosen.get(field)
        if name:
            if name in header:
                mapping[field] = header.index(name)
            elif _key(name) in keys:
                mapping[field] = keys.index(_key(name))
            else:
                raise VblintError(f"no column {name!r} (--{field}-column); the file has columns: {listing}",
                                  file=path)
        else:
            found = next((keys.index(n) for n in COMMON_NAMES[field] if n in keys), None)
            if found is not None and found not in mapping.values():
                mapping[field] = found
    if "text" not in mapping:
        raise VblintError(f"no note text column found (use --text-column); the file has columns: {listing}",
                          file=path)
    return mapping


def _record(row: int, values: list[str], mapping: dict[str, int]) -> Record:
    def get(field: str) -> str:
        i = mapping.get(field)
        return "" if i is None or i >= len(values) or values[i] is None else str(values[i])

    return Record(row=row, id=get("id") or f"row-{row}", text=get("text"), team=get("team"), type=get("type"),
                  author=get("author"), role=get("role"), date=get("date"))


def detect_encoding(path: Path) -> str:
    """utf-8-sig when the whole file decodes as UTF-8, else Windows-1252 (what Excel on Windows writes)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return "cp1252"
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


class _Counting(io.RawIOBase):
    """A raw file that counts the bytes read through it, for progress through a streamed text file."""

    def __init__(self, path: Path) -> None:
        self._fh = path.open("rb", buffering=0)
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = self._fh.readinto(buffer) or 0
        self.count += n
        return n

    def close(self) -> None:
        self._fh.close()
        super().close()


class Export:
    """An export file opened for streaming: ``header``, then ``rows()`` yields Records and Malformed rows."""

    def __init__(self, path: Path, columns: dict[str, str | None], encoding: str | None = None,
                 sheet: str | None = None) -> None:
        self.path = path
        self.columns = columns
        self.encoding = encoding
        self.sheet = sheet
        self._raw: _Counting | None = None
        if not path.is_file():
            raise VblintError("no such file", file=str(path))
        if path.stat().st_size == 0:
            raise VblintError("the file is empty (not even a header row)", file=str(path))
        suffix = path.suffix.lower()
        self.kind = {".xlsx": "xlsx", ".xlsm": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(suffix, "csv")
        if self.kind == "csv":
            with path.open("rb") as fh:
                if b"\x00" in fh.read(8192):
                    raise VblintError("looks like a binary file, not a CSV export", file=str(path))

    def size(self) -> int:
        return self.path.stat().st_size

    def bytes_read(self) -> int | None:
        """How far through the file a CSV scan is; None where that is not known (XLSX, JSONL)."""
        return self._raw.count if self._raw is not None else None

    def rows(self) -> Iterator[Record | Malformed]:
        return {"csv": self._csv, "xlsx": self._xlsx, "jsonl": self._jsonl}[self.kind]()

    def _csv(self) -> Iterator[Record | Malformed]:
        encoding = self.encoding or detect_encoding(self.path)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise VblintError(f"unknown encoding {encoding!r}", file=str(self.path)) from None
        with self.path.open("r", encoding=encoding, newline="") as peek:
            try:
                first = peek.readline()
            except UnicodeDecodeError:
                first = ""
        self._raw = _Counting(self.path)
        with io.TextIOWrapper(io.BufferedReader(self._raw), encoding=encoding, newline="") as fh:
            try:
                reader = csv.reader(fh, delimiter=_sniff_delimiter(first))
                header = next(reader, None)
                if not header:
                    raise VblintError("the file has no header row", file=str(self.path))
                mapping = map_columns(header, self.columns, str(self.path))
                width = len(header)
                start = reader.line_num + 1
                while True:
                    try:
                        values = next(reader)
                    except StopIteration:
                        break
                    except csv.Error as err:
                        yield Malformed(start, f"unreadable CSV ({err})")
                        start = reader.line_num + 1
                        continue
                    if not values:
                        start = reader.line_num + 1
                        continue
                    if len(values) != width:
                        yield Malformed(start, f"{len(values)} fields where the header has {width}")
                    else:
                        yield _record(start, values, mapping)
                    start = reader.line_num + 1
            except UnicodeDecodeError as err:
                raise VblintError(f"not valid {encoding} text ({err.reason}); try --encoding",
                                  file=str(self.path)) from None

    def _xlsx(self) -> Iterator[Record | Malformed]:
        from openpyxl import load_workbook

        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as err:  # openpyxl raises many types for a file that is not a workbook
            raise VblintError(f"not a readable XLSX workbook ({err.__class__.__name__})", file=str(self.path)) \
                from None
        try:
            if self.sheet and self.sheet not in book.sheetnames:
                raise VblintError(f"no sheet {self.sheet!r}; the workbook has: {', '.join(book.sheetnames)}",
                                  file=str(self.path))
            sheet = book[self.sheet] if self.sheet else book.worksheets[0]
            rows = sheet.iter_rows(values_only=True)
            header_row = next(rows, None)
            if not header_row:
                raise VblintError("the first sheet has no header row", file=str(self.path))
            header = ["" if v is None else str(v) for v in header_row]
            mapping = map_columns(header, self.columns, str(self.path))
            for n, values in enumerate(rows, start=2):
                if values is None or all(v is None for v in values):
                    continue
                yield _record(n, ["" if v is None else str(v) for v in values], mapping)
        finally:
            book.close()

    def _jsonl(self) -> Iterator[Record | Malformed]:
        mapping: dict[str, int] | None = None
        header: list[str] = []
        with self.path.open("rb") as fh:
            for n, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    data = json.loads(raw.decode(self.encoding or "utf-8-sig"))
                except (UnicodeDecodeError, json.JSONDecodeError) as err:
                    yield Malformed(n, f"not a JSON object ({err.__class__.__name__})")
                    continue
                if not isinstance(data, dict):
                    yield Malformed(n, "not a JSON object")
                    continue
                if mapping is None:
                    header = list(data)
                    mapping = map_columns(header, self.columns, str(self.path))
                values = [data.get(h) for h in header]
                if not isinstance(values[mapping["text"]], str):
                    yield Malformed(n, f"the {header[mapping['text']]!r} field is missing or not text")
                    continue
                yield _record(n, ["" if v is None else str(v) for v in values], mapping)


def open_export(path: Path, columns: dict[str, str | None], encoding: str | None = None,
                sheet: str | None = None) -> Export:
    return Export(path, columns, encoding, sheet)


def read_all(path: Path, columns: dict[str, str | None] | None = None) -> list[Record | Malformed]:
    """Every row of a (small) export: for tests and tools, not for scanning."""
    return list(open_export(path, columns or {}).rows())

