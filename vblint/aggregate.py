"""Per-team rates for the quality team's regular checks, with intervals and funnel limits so that small teams
are not singled out by noise. Memory is constant in the number of notes: only counts are kept."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from vblint.model import Finding, Severity

Z95 = 1.959964  # two-sided 95%
Z998 = 3.090232  # two-sided 99.8%, the outer funnel limit
_ISO = re.compile(r"^(\d{4})-(\d{2})")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion; (0, 0) for no trials."""
    if n == 0:
        return 0.0, 0.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def funnel_limits(p: float, n: int, z: float) -> tuple[float, float]:
    """Control limits around a force-wide proportion ``p`` for a team of ``n`` notes (normal approximation)."""
    if n == 0:
        return 0.0, 1.0
    half = z * math.sqrt(p * (1 - p) / n)
    return max(0.0, p - half), min(1.0, p + half)


def month_of(date: str) -> str:
    """"2026-03-14T10:00" or "14/03/2026 10:00" -> "2026-03"; "" when the date cannot be read."""
    date = date.strip()
    if m := _ISO.match(date):
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else ""
    if m := _DMY.match(date):
        return f"{m[3]}-{int(m[2]):02d}" if 1 <= int(m[2]) <= 12 else ""
    return ""


@dataclass
class Tally:
    """Counts for one group of notes (a team, a note type, a role, a month)."""

    notes: int = 0
    flagged: int = 0
    findings: int = 0
    words: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)

    def add(self, words: int, alarms: list[Finding]) -> None:
        self.notes += 1
        self.words += words
        self.findings += len(alarms)
        if alarms:
            self.flagged += 1
        self.categories.update(f.category for f in alarms)
        self.rules.update(f.rule for f in alarms)

    @property
    def rate(self) -> float:
        """Notes with at least one finding, per 100 notes."""
        return 100 * self.flagged / self.notes if self.notes else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        low, high = wilson(self.flagged, self.notes)
        return 100 * low, 100 * high

    @property
    def per_10k_words(self) -> float:
        return 10_000 * self.findings / self.words if self.words else 0.0


@dataclass
class Aggregate:
    """Everything the report and summary need from a scan, and nothing that identifies a note."""

    overall: Tally = field(default_factory=Tally)
    teams: dict[str, Tally] = field(default_factory=dict)
    note_types: dict[str, Tally] = field(default_factory=dict)
    roles: dict[str, Tally] = field(default_factory=dict)
    months: dict[str, Tally] = field(default_factory=dict)
    team_months: dict[tuple[str, str], Tally] = field(default_factory=dict)
    info_findings: int = 0

    def add(self, team: str, note_type: str, role: str, date: str, words: int, findings: list[Finding]) -> None:
        alarms = [f for f in findings if f.severity > Severity.INFO]
        self.info_findings += len(findings) - len(alarms)
        team = team or "(no team)"
        month = month_of(date)
        groups = [self.overall, self.teams.setdefault(team, Tally()),
                  self.note_types.setdefault(note_type or "(no type)", Tally()),
                  self.roles.setdefault(role or "(no role)", Tally())]
        if month:
            groups += [self.months.setdefault(month, Tally()), self.team_months.setdefault((team, month), Tally())]
        for tally in groups:
            tally.add(words, alarms)

    def funnel_status(self, team: str) -> str:
        """"above 99.8%", "above 95%", "below 95%", "below 99.8%" or "within" the force-wide funnel."""
        tally = self.teams[team]
        p = self.overall.flagged / self.overall.notes if self.overall.notes else 0.0
        rate = tally.flagged / tally.notes if tally.notes else 0.0
        for z, name in ((Z998, "99.8%"), (Z95, "95%")):
            low, high = funnel_limits(p, tally.notes, z)
            if rate > high:
                return f"above {name}"
            if rate < low:
                return f"below {name}"
        return "within"
