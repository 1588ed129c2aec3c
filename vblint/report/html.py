"""The self-contained HTML report of a batch scan: build the view data first, then render one template.

One file, CSS and SVG inline, no script and no network fetch, so it opens on an air-gapped force network and can
be mailed. Jinja2 escapes every value (note text included); nothing is escaped by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined

from vblint import __version__
from vblint.aggregate import Z95, Z998, Aggregate, Tally, funnel_limits
from vblint.history import Run, TeamPoint
from vblint.scan import Excerpt, ScanResult

PLOT_W, PLOT_H, PAD = 900, 340, 48
# Room on the right of the funnel plot for the last team's label.
LABEL_ROOM = 170
PALETTE = ("#1f5f8b", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#2c3e50", "#b7950b", "#7f8c8d",
           "#e84393")


@dataclass(frozen=True)
class Row:
    name: str
    notes: int
    flagged: int
    rate: float
    low: float
    high: float
    per_10k: float
    funnel: str = ""
    top_categories: tuple[tuple[str, int], ...] = ()
    top_rules: tuple[tuple[str, int], ...] = ()
    previous_rate: float | None = None
    trend: str = ""  # SVG polyline points of the team's rate at each recorded check

    @property
    def change(self) -> float | None:
        return None if self.previous_rate is None else self.rate - self.previous_rate


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    status: str
    label_y: float = 0.0  # labels are spread apart vertically so that clustered teams stay readable


@dataclass(frozen=True)
class Funnel:
    points: tuple[Point, ...]
    curves: tuple[tuple[str, str], ...]  # (css class, polyline points)
    centre_y: float
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class MonthChart:
    months: tuple[str, ...]
    series: tuple[tuple[str, str, str], ...]  # (team, colour, polyline points)
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    table: tuple[tuple[str, tuple[str, ...]], ...]  # team, rate per month ("" when no notes)


@dataclass(frozen=True)
class View:
    title: str
    source: str
    generated: str
    version: str
    rules: int
    overall: Row
    teams: tuple[Row, ...]
    note_types: tuple[Row, ...]
    roles: tuple[Row, ...]
    funnel: Funnel | None
    months: MonthChart | None
    runs: tuple[Run, ...]
    excerpts: tuple[tuple[str, tuple[Excerpt, ...], int], ...] | None
    malformed_count: int
    malformed_rows: tuple[int, ...]
    sample_note: str
    info_findings: int
    palette: tuple[str, ...] = field(default=PALETTE)


def _row(name: str, t: Tally, **extra: object) -> Row:
    low, high = t.interval
    return Row(name, t.notes, t.flagged, t.rate, low, high, t.per_10k_words, **extra)  # type: ignore[arg-type]


def _ticks(maximum: float, count: int = 5) -> list[float]:
    if maximum <= 0:
        return [0.0]
    raw = maximum / count
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 0.1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(int(maximum / step) + 1) if i * step <= maximum * 1.0001]


def _scale(v: float, top: float, length: float) -> float:
    return 0.0 if top <= 0 else v / top * length


def build_funnel(agg: Aggregate) -> Funnel | None:
    if not agg.teams or agg.overall.notes == 0:
        return None
    p = agg.overall.flagged / agg.overall.notes
    max_n = max(t.notes for t in agg.teams.values()) * 1.1
    max_rate = max([t.rate for t in agg.teams.values()] + [100 * funnel_limits(p, max(1, int(max_n / 40)), Z998)[1]])
    max_rate = min(100.0, max_rate * 1.1) or 1.0
    x = lambda n: PAD + _scale(n, max_n, PLOT_W - 2 * PAD - LABEL_ROOM)  # noqa: E731
    y = lambda r: PLOT_H - PAD - _scale(min(r, max_rate), max_rate, PLOT_H - 2 * PAD)  # noqa: E731
    curves = []
    for z, css in ((Z95, "limit95"), (Z998, "limit998")):
        for side in (0, 1):
            pts = []
            for i in range(1, 81):
                n = max_n * i / 80
                pts.append(f"{x(n):.1f},{y(100 * funnel_limits(p, max(1, round(n)), z)[side]):.1f}")
            curves.append((css, " ".join(pts)))
    points = _spread_labels([Point(x(t.notes), y(t.rate), team, agg.funnel_status(team))
                             for team, t in agg.teams.items()])
    x_ticks = tuple((x(v), f"{v:,.0f}") for v in _ticks(max_n))
    y_ticks = tuple((y(v), f"{v:g}") for v in _ticks(max_rate))
    return Funnel(points, tuple(curves), y(100 * p), x_ticks, y_ticks)


def _spread_labels(points: list[Point], gap: float = 13.0) -> tuple[Point, ...]:
    ordered = sorted(points, key=lambda p: p.y)
    placed: list[Point] = []
    last = -1e9
    for p in ordered:
        label_y = max(p.y + 4, last + gap)
        placed.append(Point(p.x, p.y, p.label, p.status, label_y))
        last = label_y
    return tuple(placed)


def build_months(agg: Aggregate) -> MonthChart | None:
    months = sorted(agg.months)
    if len(months) < 2:
        return None
    teams = sorted(agg.teams)
    rates = {k: t.rate for k, t in agg.team_months.items() if t.notes}
    top = max([*list(rates.values()), 1.0]) * 1.1
    x = lambda i: PAD + _scale(i, len(months) - 1, PLOT_W - 2 * PAD)  # noqa: E731
    y = lambda r: PLOT_H - PAD - _scale(r, top, PLOT_H - 2 * PAD)  # noqa: E731
    series = []
    for n, team in enumerate(teams):
        pts = [f"{x(i):.1f},{y(rates[(team, m)]):.1f}" for i, m in enumerate(months) if (team, m) in rates]
        series.append((team, PALETTE[n % len(PALETTE)], " ".join(pts)))
    table = tuple((team, tuple(f"{rates[(team, m)]:.1f}" if (team, m) in rates else "" for m in months))
                  for team in teams)
    return MonthChart(tuple(months), tuple(series), tuple((x(i), m) for i, m in enumerate(months)),
                      tuple((y(v), f"{v:g}") for v in _ticks(top)), table)


def _trend(points: list[TeamPoint]) -> str:
    if len(points) < 2:
        return ""
    top = max(p.rate for p in points) or 1.0
    return " ".join(f"{4 + i * 112 / (len(points) - 1):.1f},{26 - p.rate / top * 22:.1f}"
                    for i, p in enumerate(points))


def build_view(result: ScanResult, *, source: str, generated: str, rules: int, show_excerpts: bool,
               sample_note: str, history: dict[str, list[TeamPoint]] | None = None,
               runs: list[Run] | None = None) -> View:
    agg = result.aggregate
    history = history or {}
    teams = []
    for name, t in sorted(agg.teams.items(), key=lambda kv: (-kv[1].rate, kv[0])):
        points = history.get(name, [])
        previous = points[-2].rate if len(points) >= 2 else None
        teams.append(_row(name, t, funnel=agg.funnel_status(name),
                          top_categories=tuple(t.categories.most_common(3)), top_rules=tuple(t.rules.most_common(3)),
                          previous_rate=previous, trend=_trend(points)))
    excerpts = None
    if show_excerpts and result.excerpts is not None:
        excerpts = tuple((key[0], tuple(items), seen) for key, items, seen in result.excerpts.drawn())
    return View(
        title="vblint: victim-blaming language check", source=source, generated=generated, version=__version__,
        rules=rules, overall=_row("All teams", agg.overall), teams=tuple(teams),
        note_types=tuple(_row(k, v) for k, v in sorted(agg.note_types.items())),
        roles=tuple(_row(k, v) for k, v in sorted(agg.roles.items())), funnel=build_funnel(agg),
        months=build_months(agg), runs=tuple(runs or ()), excerpts=excerpts,
        malformed_count=result.malformed_count, malformed_rows=tuple(m.row for m in result.malformed[:50]),
        sample_note=sample_note, info_findings=agg.info_findings,
    )


def render(view: View, out: TextIO) -> None:
    env = Environment(loader=PackageLoader("vblint.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    out.write(env.get_template("report.html.j2").render(v=view, W=PLOT_W, H=PLOT_H, PAD=PAD, LR=LABEL_ROOM))
