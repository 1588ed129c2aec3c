"""Score the engine against a labelled corpus: span- and note-level precision, recall and F1, overall, per
category and per rule, with every false alarm and miss kept for review.

A finding is correct when it overlaps a labelled span. Findings at info severity are reported apart and never
count as alarms: info is where context has said "this is someone's quoted words" or "this is a mention".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vblint.corpus import Note, Span
from vblint.engine import Engine
from vblint.model import Finding, Severity

EVAL_FORMAT_VERSION = 1


@dataclass
class Score:
    tp: int = 0  # alarms that overlap a label (precision side)
    fp: int = 0
    found: int = 0  # labels overlapped by an alarm (recall side)
    missed: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "found": self.found, "missed": self.missed,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class Error:
    """A false alarm or a miss, with enough context for a person to judge it."""

    kind: str  # "false-alarm" or "miss"
    note: str
    start: int
    end: int
    text: str
    category: str
    rule: str | None
    excerpt: str

    @property
    def key(self) -> tuple[str, str, int, int, str | None]:
        return (self.kind, self.note, self.start, self.end, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "note": self.note, "start": self.start, "end": self.end, "text": self.text,
                "category": self.category, "rule": self.rule, "excerpt": self.excerpt}


@dataclass
class Evaluation:
    spans: Score = field(default_factory=Score)
    notes: Score = field(default_factory=Score)
    by_category: dict[str, Score] = field(default_factory=dict)
    by_rule: dict[str, Score] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    info: Counter[str] = field(default_factory=Counter)  # info findings by rule
    note_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": EVAL_FORMAT_VERSION,
            "notes_evaluated": self.note_count,
            "span": self.spans.to_dict(),
            "note": self.notes.to_dict(),
            "by_category": {k: v.to_dict() for k, v in sorted(self.by_category.items())},
            "by_rule": {k: v.to_dict() for k, v in sorted(self.by_rule.items())},
            "info_findings": dict(sorted(self.info.items())),
            "errors": [e.to_dict() for e in self.errors],
        }


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    body = f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}"
    return ("…" if left else "") + " ".join(body.split()) + ("…" if right < len(text) else "")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_note(ev: Evaluation, note: Note, findings: list[Finding]) -> None:
    alarms = [f for f in findings if f.severity > Severity.INFO]
    ev.info.update(f.rule for f in findings if f.severity == Severity.INFO)
    ev.note_count += 1
    for f in alarms:
        correct = any(_overlaps(f.start, f.end, s.start, s.end) for s in note.spans)
        for score in (ev.spans, ev.by_rule.setdefault(f.rule, Score()), ev.by_category.setdefault(f.category,
                                                                                                  Score())):
            if correct:
                score.tp += 1
            else:
                score.fp += 1
        if not correct:
            ev.errors.append(Error("false-alarm", note.id, f.start, f.end, f.text, f.category, f.rule,
                                   excerpt(note.text, f.start, f.end)))
    for s in note.spans:
        hit = next((f for f in alarms if _overlaps(f.start, f.end, s.start, s.end)), None)
        category = ev.by_category.setdefault(s.category, Score())
        if hit is not None:
            ev.spans.found += 1
            category.found += 1
            ev.by_rule.setdefault(hit.rule, Score()).found += 1
        else:
            ev.spans.missed += 1
            category.missed += 1
            ev.errors.append(_miss(note, s))
    flagged, labelled = bool(alarms), bool(note.spans)
    ev.notes.tp += flagged and labelled
    ev.notes.fp += flagged and not labelled
    ev.notes.found += flagged and labelled
    ev.notes.missed += labelled and not flagged


def _miss(note: Note, s: Span) -> Error:
    return Error("miss", note.id, s.start, s.end, s.text, s.category, None, excerpt(note.text, s.start, s.end))


def evaluate(engine: Engine, notes: Iterable[Note]) -> Evaluation:
    ev = Evaluation()
    for note in notes:
        score_note(ev, note, engine.lint(note.text))
    return ev


@dataclass(frozen=True)
class Comparison:
    """What changed against a previous evaluation: reviewed like a diff when a rule changes."""

    new_misses: list[dict[str, Any]]
    new_false_alarms: list[dict[str, Any]]
    fixed: list[dict[str, Any]]
    deltas: dict[str, float]


def compare(current: dict[str, Any], baseline: dict[str, Any]) -> Comparison:
    def keyed(doc: dict[str, Any]) -> dict[tuple[Any, ...], dict[str, Any]]:
        return {(e["kind"], e["note"], e["start"], e["end"], e["rule"]): e for e in doc.get("errors", [])}

    now, before = keyed(current), keyed(baseline)
    new = [now[k] for k in now.keys() - before.keys()]
    fixed = sorted((before[k] for k in before.keys() - now.keys()), key=lambda e: (e["note"], e["start"]))
    deltas = {f"{level}.{metric}": round(current[level][metric] - baseline[level][metric], 4)
              for level in ("span", "note") for metric in ("precision", "recall", "f1")}
    by_pos = sorted(new, key=lambda e: (e["note"], e["start"]))
    return Comparison([e for e in by_pos if e["kind"] == "miss"],
                      [e for e in by_pos if e["kind"] == "false-alarm"], fixed, deltas)


def corpus_stats(notes: Iterable[Note]) -> dict[str, Counter[str]]:
    """Counts by note type, by label (clean or labelled), by category and by team."""
    stats: dict[str, Counter[str]] = {"note_type": Counter(), "label": Counter(), "category": Counter(),
                                      "team": Counter()}
    for note in notes:
        stats["note_type"][note.note_type] += 1
        stats["label"]["labelled" if note.spans else "clean"] += 1
        stats["team"][note.team] += 1
        stats["category"].update(s.category for s in note.spans)
    return stats
