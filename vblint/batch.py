"""The quality team's check, start to finish: open the export, scan it, write each requested output under a
temporary name, and rename them all only once the scan has completed."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from vblint.engine import Engine
from vblint.exports import open_export
from vblint.files import atomic_text
from vblint.progress import Progress
from vblint.report import html, scanout
from vblint.scan import ScanResult, default_jobs, scan


@dataclass(frozen=True)
class ScanOutputs:
    findings: Path | None = None
    summary: Path | None = None
    report: Path | None = None
    sample: Path | None = None
    history: Path | None = None


def rules_fingerprint(engine: Engine) -> str:
    """Which rules (and versions of them) produced a run, so a trend across a rule change can be spotted."""
    digest = hashlib.sha256()
    for rule in engine.rules:
        digest.update(f"{rule.code}:{rule.severity}:{sorted(rule.anchors)}:{rule.patterns}:{rule.phrases}".encode())
    return f"{len(engine.rules)} rules {digest.hexdigest()[:12]}"


def sample_note(result: ScanResult, size: int, seed: int) -> str:
    if result.sample is None:
        return ""
    strata = result.sample.drawn()
    drawn = sum(len(items) for _, items, _ in strata)
    return (f"{drawn} notes drawn: for each team, a simple random sample without replacement of up to {size} "
            f"flagged and {size} unflagged notes (reservoir sampling over the export in file order, seed {seed}). "
            "The same export, size and seed always draw the same notes. Reviewers fill in the last two columns.")


def run_scan(engine: Engine, export_path: Path, columns: dict[str, str | None], outputs: ScanOutputs, *,
             jobs: int | None, sheet: str | None, encoding: str | None, excerpts: bool, sample_size: int, seed: int,
             label: str | None) -> ScanResult:
    export = open_export(export_path, columns, encoding, sheet)
    now = dt.datetime.now().replace(microsecond=0)
    err = sys.stderr
    progress = Progress(err, export.size(), export.bytes_read, enabled=err.isatty())
    with ExitStack() as stack:
        on_note = []
        if outputs.findings is not None:
            fmt = "csv" if outputs.findings.suffix.lower() == ".csv" else "jsonl"
            out = stack.enter_context(atomic_text(outputs.findings, newline="" if fmt == "csv" else None))
            on_note.append(scanout.findings_writer(out, fmt))
        result = scan(engine, export, jobs=jobs or default_jobs(), sample_size=sample_size if outputs.sample else 0,
                      seed=seed, keep_excerpts=excerpts and outputs.report is not None, on_note=on_note,
                      progress=progress)
        progress.finish(result.aggregate.overall.notes)
        # The scan finished: the findings file is renamed into place when this block closes.
    history_points, runs = None, None
    if outputs.history is not None:
        from vblint import history

        history.record_run(outputs.history, result.aggregate, started=now.isoformat(sep=" "),
                           label=label or now.date().isoformat(), source=export_path.name,
                           rules=rules_fingerprint(engine))
        history_points, runs = history.team_history(outputs.history), history.runs(outputs.history)
    if outputs.summary is not None:
        with atomic_text(outputs.summary, newline="") as fh:
            scanout.write_summary(result.aggregate, fh)
    if outputs.sample is not None and result.sample is not None:
        with atomic_text(outputs.sample, newline="") as fh:
            scanout.write_sample(result.sample, fh, with_text=excerpts)
    if outputs.report is not None:
        view = html.build_view(result, source=export_path.name, generated=now.isoformat(sep=" "),
                               rules=len(engine.rules), show_excerpts=excerpts,
                               sample_note=sample_note(result, sample_size, seed), history=history_points, runs=runs)
        with atomic_text(outputs.report) as fh:
            html.render(view, fh)
    out = sys.stdout
    scanout.write_table(result.aggregate, out)
    if result.malformed_count:
        rows = ", ".join(str(m.row) for m in result.malformed[:20])
        more = " …" if result.malformed_count > 20 else ""
        err.write(f"vblint: {result.malformed_count} malformed row(s) skipped in {export_path}: rows {rows}{more}\n")
        for m in result.malformed[:5]:
            err.write(f"  {export_path}:{m.row}: {m.problem}\n")
    if result.aggregate.overall.notes == 0:
        err.write(f"vblint: {export_path} holds no notes\n")
    return result
