"""`vblint scan`: every export format, the encodings real exports come in, bad input, and every output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from vblint import scan as scan_module

BLAMING = "VIST review: she places herself in risky situations and was seen at the flat."
CLEAN = "VIST review: risk reviewed, return interview booked with CSC."
HEADER = ["Note ID", "Team", "Note Type", "Author Role", "Created At", "Note Text"]


def rows(n: int = 40) -> list[list[str]]:
    out = []
    for i in range(n):
        team = ("North", "South")[i % 2]
        text = BLAMING if i % 4 == 0 else CLEAN
        out.append([f"N{i:03d}", team, "vist-supervisor-review", ("supervisor", "officer")[i % 3 == 0],
                    f"2026-0{1 + i % 3}-15", text])
    return out


def write_csv(path: Path, data: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(data)
    return path


def summary(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return {r["team"]: r for r in csv.DictReader(fh)}


def test_csv_scan_writes_summary_findings_and_table(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", rows())
    code, out, err = run_cli("scan", str(export), "--summary", str(tmp_path / "s.csv"),
                             "--findings", str(tmp_path / "f.jsonl"))
    assert code == 0, err
    teams = summary(tmp_path / "s.csv")
    assert teams["North"]["notes"] == "20" and teams["North"]["flagged_notes"] == "10"
    assert teams["South"]["flagged_notes"] == "0"
    findings = [json.loads(line) for line in (tmp_path / "f.jsonl").read_text().splitlines()]
    assert {f["note_id"] for f in findings} == {f"N{i:03d}" for i in range(0, 40, 4)}
    assert all(f["text"] == BLAMING[f["start"]:f["end"]] for f in findings)
    assert {"team", "note_type", "role", "date", "rule", "severity", "suggestions"} <= set(findings[0])
    assert "North" in out and "per 100" in out


def test_findings_as_csv(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", rows(8))
    code, _, _ = run_cli("scan", str(export), "--findings", str(tmp_path / "f.csv"))
    assert code == 0
    with (tmp_path / "f.csv").open(newline="") as fh:
        found = list(csv.DictReader(fh))
    assert [r["note_id"] for r in found] == ["N000", "N004"] and found[0]["rule"] == "VB101"


def test_xlsx_export(tmp_path: Path, run_cli) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for r in rows(12):
        sheet.append(r)
    book.save(tmp_path / "export.xlsx")
    code, _, err = run_cli("scan", str(tmp_path / "export.xlsx"), "--summary", str(tmp_path / "s.csv"))
    assert code == 0, err
    assert summary(tmp_path / "s.csv")["North"]["flagged_notes"] == "3"


def test_jsonl_export_with_a_broken_line(tmp_path: Path, run_cli) -> None:
    lines = [json.dumps(dict(zip(HEADER, r, strict=True))) for r in rows(8)]
    lines.insert(3, "{not json")
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run_cli("scan", str(tmp_path / "export.jsonl"), "--summary", str(tmp_path / "s.csv"))
    assert code == 0
    assert "1 malformed row(s)" in err and "rows 4" in err
    assert sum(int(t["notes"]) for t in summary(tmp_path / "s.csv").values()) == 8


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", ";")])
def test_encodings_and_delimiters_of_real_exports(tmp_path: Path, run_cli, encoding: str, delimiter: str) -> None:
    data = rows(8)
    data[1][5] = "Café visit – “routine” – £20 found; she was upset"  # Windows-1252 punctuation
    export = write_csv(tmp_path / "export.csv", data, delimiter=delimiter, encoding=encoding)
    code, _, err = run_cli("scan", str(export), "--findings", str(tmp_path / "f.jsonl"))
    assert code == 0, err
    assert len((tmp_path / "f.jsonl").read_text().splitlines()) == 2


def test_quoted_newlines_and_very_long_notes(tmp_path: Path, run_cli) -> None:
    data = rows(4)
    data[0][5] = "Line one of the note.\nLine two: she places herself\nin risky situations."
    data[2][5] = "routine " * 130_000 + BLAMING  # over a million characters: past spaCy's default max_length
    export = write_csv(tmp_path / "export.csv", data)
    # The rules alone: the learned reader's own limit on a long text has a test of its own (test_learned.py).
    code, _, err = run_cli("scan", str(export), "--findings", str(tmp_path / "f.jsonl"), "--ignore", "VB9")
    assert code == 0, err
    found = [json.loads(x) for x in (tmp_path / "f.jsonl").read_text().splitlines()]
    assert [(f["note_id"], f["line"]) for f in found] == [("N000", 2), ("N002", 1)]


def test_missing_column_lists_the_columns_the_file_has(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", rows(4))
    code, _out, err = run_cli("scan", str(export), "--team-column", "Unit")
    assert code == 2
    assert err.strip() == (f"vblint: error: {export}: no column 'Unit' (--team-column); the file has columns: "
                           "Note ID, Team, Note Type, Author Role, Created At, Note Text")


def test_no_text_column_is_an_error(tmp_path: Path, run_cli) -> None:
    (tmp_path / "export.csv").write_text("id,team\n1,North\n", encoding="utf-8")
    code, _, err = run_cli("scan", str(tmp_path / "export.csv"))
    assert code == 2 and "no note text column found" in err and "id, team" in err


def test_malformed_rows_are_counted_with_row_numbers(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", rows(6))
    with export.open("a", encoding="utf-8") as fh:
        fh.write("N900,North,too,few\n")
        fh.write('N901,North,vist,officer,2026-01-01,"ok note",extra\n')
    code, _, err = run_cli("scan", str(export), "--summary", str(tmp_path / "s.csv"))
    assert code == 0
    assert "2 malformed row(s)" in err and "rows 8, 9" in err
    assert f"{export}:8: 4 fields where the header has 6" in err


def test_an_export_of_zero_notes(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", [])
    code, _out, err = run_cli("scan", str(export), "--report", str(tmp_path / "r.html"),
                             "--summary", str(tmp_path / "s.csv"))
    assert code == 0
    assert "holds no notes" in err
    assert "No notes were scanned" in (tmp_path / "r.html").read_text()
    assert (tmp_path / "s.csv").read_text().splitlines() == [",".join(__import__("vblint.report.scanout",
                                                                                  fromlist=["x"]).SUMMARY_FIELDS)]


@pytest.mark.parametrize(("content", "problem"), [(b"", "the file is empty"),
                                                  (b"\x00\x01\x02binary", "looks like a binary file")])
def test_empty_and_binary_files(tmp_path: Path, run_cli, content: bytes, problem: str) -> None:
    (tmp_path / "export.csv").write_bytes(content)
    code, _, err = run_cli("scan", str(tmp_path / "export.csv"))
    assert code == 2 and problem in err and "Traceback" not in err


def test_a_failed_scan_leaves_earlier_outputs_untouched(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", rows(8))
    earlier = tmp_path / "f.jsonl"
    earlier.write_text("earlier results\n")
    with export.open("ab") as fh:
        fh.write(b"N999,North,vist,officer,2026-01-01,bad byte \xff here\n")
    code, _, err = run_cli("scan", str(export), "--encoding", "utf-8", "--findings", str(earlier))
    assert code == 2 and "not valid utf-8 text" in err
    assert earlier.read_text() == "earlier results\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_report_escapes_hostile_note_text(tmp_path: Path, run_cli) -> None:
    data = rows(4)
    data[0][5] = "<script>alert('x')</script> misper places herself in risky situations <b>bold</b>"
    data[0][1] = "<img src=x onerror=alert(1)>"
    export = write_csv(tmp_path / "export.csv", data)
    code, _, _ = run_cli("scan", str(export), "--report", str(tmp_path / "r.html"))
    assert code == 0
    html = (tmp_path / "r.html").read_text()
    assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<mark>places herself in risky situations</mark>" in html


def test_no_excerpts_keeps_note_text_out(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", rows(8))
    code, _, _ = run_cli("scan", str(export), "--report", str(tmp_path / "r.html"), "--no-excerpts",
                         "--sample", str(tmp_path / "d.csv"))
    assert code == 0
    html = (tmp_path / "r.html").read_text()
    assert "was seen at the flat" not in html and "safe to circulate" in html
    assert "was seen at the flat" not in (tmp_path / "d.csv").read_text()


def test_history_across_two_runs(tmp_path: Path, run_cli) -> None:
    db = tmp_path / "history.sqlite"
    first = write_csv(tmp_path / "march.csv", rows(40))
    better = [[*r[:5], CLEAN] for r in rows(40)]
    second = write_csv(tmp_path / "april.csv", better)
    assert run_cli("scan", str(first), "--history", str(db), "--label", "March")[0] == 0
    code, _, _ = run_cli("scan", str(second), "--history", str(db), "--label", "April",
                         "--report", str(tmp_path / "r.html"))
    assert code == 0
    code, out, _ = run_cli("history", str(db))
    lines = out.splitlines()
    assert code == 0 and "March" in lines[1] and "April" in lines[2]
    assert "march.csv" in lines[1] and "25.0" in lines[1] and "0.0" in lines[2]
    html = (tmp_path / "r.html").read_text()
    assert "Checks so far" in html and "-50.0" in html  # North fell from 50 to 0 per 100
    import sqlite3

    with sqlite3.connect(db) as con:
        stored = " ".join(str(v) for row in con.execute("SELECT * FROM team_runs") for v in row)
    assert "flat" not in stored and "N000" not in stored  # counts only


def test_dip_sample_is_reproducible(tmp_path: Path, run_cli) -> None:
    export = write_csv(tmp_path / "export.csv", rows(200))
    drawn = []
    for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
        out = tmp_path / f"{name}.csv"
        # The rules alone (--ignore VB9): what is drawn depends on which notes are flagged, not on who flagged them.
        assert run_cli("scan", str(export), "--sample", str(out), "--sample-size", "5", "--seed", seed,
                       "--ignore", "VB9")[0] == 0
        drawn.append(out.read_text())
    assert drawn[0] == drawn[1]
    assert drawn[0] != drawn[2]
    with (tmp_path / "a.csv").open(newline="") as fh:
        sample = list(csv.DictReader(fh))
    strata = {(r["team"], r["stratum"]) for r in sample}
    assert strata == {("North", "flagged"), ("North", "unflagged"), ("South", "unflagged")}
    assert sum(r["stratum"] == "flagged" for r in sample) == 5


def test_parallel_and_serial_scans_agree(tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small batches, so that a small export still goes parallel and fills the window of batches in flight.
    monkeypatch.setattr(scan_module, "BATCH", 10)
    monkeypatch.setattr(scan_module, "_PARALLEL_FROM", 100)
    export = write_csv(tmp_path / "export.csv", rows(200))
    for jobs in ("1", "2"):
        assert run_cli("scan", str(export), "--jobs", jobs, "--findings", str(tmp_path / f"f{jobs}.jsonl"))[0] == 0
    assert (tmp_path / "f1.jsonl").read_text() == (tmp_path / "f2.jsonl").read_text()
