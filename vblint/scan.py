"""Scan an export: stream its records through the engine (on every core), and feed each note's findings to the
aggregate, the samples and any findings writer. Memory stays flat: nothing per note is kept beyond the samples.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.pool import AsyncResult

from vblint.aggregate import Aggregate
from vblint.engine import Engine
from vblint.exports import Export, Malformed, Record
from vblint.model import Finding, Severity
from vblint.ruleset import RuleSet
from vblint.sample import StratifiedSample

BATCH = 200
EXCERPTS_PER_TEAM = 12
MALFORMED_KEPT = 1000  # row numbers listed; beyond this only the count grows
_PARALLEL_FROM = 2000  # below this many notes, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Excerpt:
    """A flagged phrase in its sentence, for the report: the only note text a report holds."""

    record: str
    team: str
    note_type: str
    rule: str
    name: str
    severity: str
    before: str
    match: str
    after: str
    suggestion: str


@dataclass(frozen=True)
class Reviewed:
    """One note in the dip sample."""

    record: Record
    findings: tuple[Finding, ...]


@dataclass
class ScanResult:
    aggregate: Aggregate = field(default_factory=Aggregate)
    malformed: list[Malformed] = field(default_factory=list)
    malformed_count: int = 0
    sample: StratifiedSample[Reviewed] | None = None
    excerpts: StratifiedSample[Excerpt] | None = None


def excerpt(record: Record, f: Finding, width: int = 90) -> Excerpt:
    text = record.text
    before = " ".join(text[max(0, f.start - width):f.start].split())
    after = " ".join(text[f.end:f.end + width].split())
    if f.start > width:
        before = "…" + before
    if f.end + width < len(text):
        after += "…"
    return Excerpt(record.id, record.team or "(no team)", record.type, f.rule, f.name, str(f.severity), before,
                   " ".join(f.text.split()), after, f.suggestions[0] if f.suggestions else "")


# Worker processes build their own engine once, from the same rule set, and keep it for every batch.
_worker_engine: Engine | None = None


def _init_worker(rules: RuleSet) -> None:
    global _worker_engine
    _worker_engine = Engine(rules)


def _lint_batch(texts: list[str]) -> list[list[Finding]]:
    assert _worker_engine is not None
    return [_worker_engine.lint(t) for t in texts]


def _batches(rows: Iterator[Record | Malformed], size: int) -> Iterator[list[Record | Malformed]]:
    while batch := list(islice(rows, size)):
        yield batch


def lint_stream(engine: Engine, rows: Iterator[Record | Malformed], jobs: int
                ) -> Iterator[tuple[Record | Malformed, list[Finding]]]:
    """Each row with its findings, in file order, linted on ``jobs`` processes."""
    batches = _batches(rows, BATCH)
    first = list(islice(batches, _PARALLEL_FROM // BATCH))
    if jobs <= 1 or len(first) < _PARALLEL_FROM // BATCH:
        for batch in chain(first, batches):
            for row in batch:
                yield row, (engine.lint(row.text) if isinstance(row, Record) else [])
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(engine.rules,)) as pool:
        # A bounded window of batches in flight keeps memory flat: Pool.imap would read the whole export ahead.
        inflight: deque[tuple[list[Record | Malformed], AsyncResult[list[list[Finding]]]]] = deque()
        for batch in chain(first, batches):
            texts = [r.text if isinstance(r, Record) else "" for r in batch]
            inflight.append((batch, pool.apply_async(_lint_batch, (texts,))))
            if len(inflight) >= 4 * jobs:
                done, pending = inflight.popleft()
                yield from zip(done, pending.get(), strict=True)
        while inflight:
            done, pending = inflight.popleft()
            yield from zip(done, pending.get(), strict=True)


def scan(engine: Engine, export: Export, *, jobs: int = 1, sample_size: int = 0, seed: int = 0,
         keep_excerpts: bool = True, on_note: Sequence[Callable[[Record, list[Finding]], None]] = (),
         progress: Callable[[int], None] | None = None) -> ScanResult:
    result = ScanResult()
    if sample_size > 0:
        result.sample = StratifiedSample(sample_size, seed)
    if keep_excerpts:
        result.excerpts = StratifiedSample(EXCERPTS_PER_TEAM, seed)
    for n, (row, findings) in enumerate(lint_stream(engine, export.rows(), jobs), start=1):
        if isinstance(row, Malformed):
            result.malformed_count += 1
            if len(result.malformed) < MALFORMED_KEPT:
                result.malformed.append(row)
            continue
        result.aggregate.add(row.team, row.type, row.role, row.date, len(row.text.split()), findings)
        alarms = [f for f in findings if f.severity > Severity.INFO]
        team = row.team or "(no team)"
        if result.sample is not None:
            result.sample.offer((team, "flagged" if alarms else "unflagged"), Reviewed(row, tuple(findings)))
        if result.excerpts is not None:
            for f in alarms:
                result.excerpts.offer((team,), excerpt(row, f))
        for callback in on_note:
            callback(row, findings)
        if progress is not None and n % BATCH == 0:
            progress(n)
    return result


def default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
                      8))

