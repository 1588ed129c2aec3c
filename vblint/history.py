"""Aggregates of each regular check, kept in SQLite so the next report can show the trend. No note text, no note
ids, no authors: only counts per team, which is what the comparison between checks needs."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from vblint import __version__
from vblint.aggregate import Aggregate
from vblint.errors import VblintError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    label TEXT NOT NULL,
    source TEXT NOT NULL,
    notes INTEGER NOT NULL,
    flagged INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    words INTEGER NOT NULL,
    vblint TEXT NOT NULL,
    rules TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS team_runs (
    run INTEGER NOT NULL REFERENCES runs(id),
    team TEXT NOT NULL,
    notes INTEGER NOT NULL,
    flagged INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    words INTEGER NOT NULL,
    PRIMARY KEY (run, team)
);
"""


@dataclass(frozen=True)
class Run:
    id: int
    started: str
    label: str
    source: str
    notes: int
    flagged: int
    findings: int
    rules: str

    @property
    def rate(self) -> float:
        return 100 * self.flagged / self.notes if self.notes else 0.0


@dataclass(frozen=True)
class TeamPoint:
    run: int
    label: str
    notes: int
    flagged: int

    @property
    def rate(self) -> float:
        return 100 * self.flagged / self.notes if self.notes else 0.0


def _connect(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(path)
        db.executescript(_SCHEMA)
        return db
    except sqlite3.DatabaseError as err:
        raise VblintError(f"not a vblint history database ({err})", file=str(path)) from None


def record_run(path: Path, agg: Aggregate, *, started: str, label: str, source: str, rules: str) -> int:
    """Store one check's aggregates in a single transaction; returns the new run's id."""
    with closing(_connect(path)) as db, db:
        o = agg.overall
        cur = db.execute(
            "INSERT INTO runs (started, label, source, notes, flagged, findings, words, vblint, rules) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (started, label, source, o.notes, o.flagged, o.findings, o.words, __version__, rules))
        run = int(cur.lastrowid or 0)
        db.executemany("INSERT INTO team_runs VALUES (?, ?, ?, ?, ?, ?)",
                       [(run, team, t.notes, t.flagged, t.findings, t.words) for team, t in agg.teams.items()])
        return run


def runs(path: Path) -> list[Run]:
    if not path.is_file():
        raise VblintError("no such history database", file=str(path))
    with closing(_connect(path)) as db:
        rows = db.execute("SELECT id, started, label, source, notes, flagged, findings, rules FROM runs "
                          "ORDER BY id").fetchall()
    return [Run(*row) for row in rows]


def team_history(path: Path) -> dict[str, list[TeamPoint]]:
    """Each team's rate at every recorded run, oldest first."""
    with closing(_connect(path)) as db:
        rows = db.execute("SELECT t.team, r.id, r.label, t.notes, t.flagged FROM team_runs t "
                          "JOIN runs r ON r.id = t.run ORDER BY r.id").fetchall()
    out: dict[str, list[TeamPoint]] = {}
    for team, run, label, notes, flagged in rows:
        out.setdefault(team, []).append(TeamPoint(run, label, notes, flagged))
    return out
