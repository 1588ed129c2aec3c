"""The batch scan's plain outputs: findings (JSONL or CSV), the per-team summary CSV, the dip sample CSV and the
terminal table. Each writer only writes to the stream it is given."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import TextIO

from vblint.aggregate import Aggregate
from vblint.exports import Record
from vblint.model import Finding, Severity
from vblint.sample import StratifiedSample
from vblint.scan import Reviewed

RECORD_FIELDS = ("note_id", "team", "note_type", "role", "date")
FINDING_FIELDS = ("rule", "name", "category", "severity", "message", "text", "start", "end", "line", "column",
                  "suggestions", "context")


def _record_fields(record: Record) -> dict[str, str]:
    return {"note_id": record.id, "team": record.team, "note_type": record.type, "role": record.role,
            "date": record.date}


def findings_writer(out: TextIO, fmt: str) -> Callable[[Record, list[Finding]], None]:
    """A callback that writes each note's findings as it is scanned: ``jsonl`` or ``csv``."""
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=[*RECORD_FIELDS, *FINDING_FIELDS])
        writer.writeheader()

        def write_csv(record: Record, findings: list[Finding]) -> None:
            for f in findings:
                row = {**_record_fields(record), **f.to_dict()}
                row["suggestions"] = " | ".join(f.suggestions)
                writer.writerow({k: row.get(k) for k in writer.fieldnames})

        return write_csv

    def write_jsonl(record: Record, findings: list[Finding]) -> None:
        for f in findings:
            out.write(json.dumps({**_record_fields(record), **f.to_dict()}, ensure_ascii=False) + "\n")

    return write_jsonl


SUMMARY_FIELDS = ("team", "notes", "flagged_notes", "rate_per_100", "ci95_low", "ci95_high", "findings", "words",
                  "findings_per_10k_words", "funnel", "top_category", "top_rule")


def write_summary(agg: Aggregate, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(SUMMARY_FIELDS)
    for team, t in sorted(agg.teams.items()):
        low, high = t.interval
        writer.writerow([team, t.notes, t.flagged, f"{t.rate:.2f}", f"{low:.2f}", f"{high:.2f}", t.findings,
                         t.words, f"{t.per_10k_words:.2f}", agg.funnel_status(team),
                         t.categories.most_common(1)[0][0] if t.categories else "",
                         t.rules.most_common(1)[0][0] if t.rules else ""])


SAMPLE_FIELDS = ("team", "stratum", "note_id", "row", "note_type", "role", "date", "findings", "rules", "phrases",
                 "text", "reviewer_agrees", "reviewer_notes")


def write_sample(sample: StratifiedSample[Reviewed], out: TextIO, *, with_text: bool) -> None:
    """The dip sample, with empty columns for the reviewer's verdict."""
    writer = csv.writer(out)
    writer.writerow(SAMPLE_FIELDS)
    for (team, stratum), items, _seen in sample.drawn():
        for item in items:
            r = item.record
            alarms = [f for f in item.findings if f.severity > Severity.INFO]
            writer.writerow([team, stratum, r.id, r.row, r.type, r.role, r.date, len(alarms),
                             " ".join(sorted({f.rule for f in alarms})), " | ".join(f.text for f in alarms),
                             r.text if with_text else "", "", ""])


def write_table(agg: Aggregate, out: TextIO) -> None:
    """The per-team table printed at the end of a scan."""
    width = max([len(t) for t in agg.teams] + [4])
    out.write(f"{'team':<{width}} {'notes':>7} {'flagged':>7} {'per 100':>7} {'95% CI':>13} {'/10k words':>10}  "
              "funnel\n")
    for team, t in sorted(agg.teams.items(), key=lambda kv: -kv[1].rate):
        low, high = t.interval
        out.write(f"{team:<{width}} {t.notes:>7} {t.flagged:>7} {t.rate:>7.1f} {f'{low:.1f}-{high:.1f}':>13} "
                  f"{t.per_10k_words:>10.1f}  {agg.funnel_status(team)}\n")
    o = agg.overall
    low, high = o.interval
    out.write(f"{'all teams':<{width}} {o.notes:>7} {o.flagged:>7} {o.rate:>7.1f} {f'{low:.1f}-{high:.1f}':>13} "
              f"{o.per_10k_words:>10.1f}\n")
