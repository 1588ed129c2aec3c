"""Benchmark `vblint scan`: notes per second and peak memory on a large synthetic export.

Builds an export with the sample-export generator, runs `vblint scan` on it in a child process while sampling the
memory of that process and its workers (proportional set size, so pages shared by forked workers count once), and
prints the figures together with ratios against baselines run in this same process on the same notes:

- read: reading the CSV with the csv module (the floor for any scanner of this file);
- tokenise: spaCy's blank English tokeniser over every note (what a linter without a prefilter pays at least);
- rules only: the same scan with the learned rules ignored (``--ignore VB9``), so that what the learned reader
  cost is a ratio of two runs on the same notes.

Usage: python bench/bench_scan.py [--notes 200000] [--jobs 2] [--keep FILE]
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "corpora" / "exports"))

from make_sample_export import build  # noqa: E402


def write_export(path: Path, notes: int) -> None:
    chunk = 50_000
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = None
        for i in range(0, notes, chunk):
            rows = build(min(chunk, notes - i), seed=1000 + i)
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
                writer.writeheader()
            writer.writerows(rows)


def tree_pss_kib(pid: int) -> int:
    """Proportional set size of a process and all its descendants, in KiB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack += [int(c) for c in fh.read().split()]
        except (OSError, StopIteration):
            continue
    return total


def run_scan(export: Path, jobs: int, extra: tuple[str, ...] = ()) -> tuple[float, int]:
    vblint = Path(sys.executable).with_name("vblint")
    with tempfile.TemporaryDirectory() as out:
        args = [str(vblint), "scan", str(export), "--jobs", str(jobs), "--summary", f"{out}/s.csv",
                "--findings", f"{out}/f.jsonl", "--report", f"{out}/r.html", *extra]
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak = 0

        def sample() -> None:
            nonlocal peak
            while proc.poll() is None:
                peak = max(peak, tree_pss_kib(proc.pid))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = proc.communicate()
        elapsed = time.perf_counter() - start
        sampler.join()
        if proc.returncode != 0:
            sys.exit(f"vblint scan failed: {err}")
    return elapsed, peak


def baseline_read(export: Path) -> tuple[float, list[str]]:
    start = time.perf_counter()
    with export.open(newline="", encoding="utf-8") as fh:
        texts = [row["note_text"] for row in csv.DictReader(fh)]
    return time.perf_counter() - start, texts


def baseline_tokenise(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("en")
    start = time.perf_counter()
    for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
        len(doc)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark vblint scan")
    parser.add_argument("--notes", type=int, default=200_000)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--keep", type=Path, help="Write the export here and keep it (reused if it exists).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = args.keep or Path(tmp) / "bench-export.csv"
        if not export.exists():
            print(f"building a {args.notes:,}-note export ...", flush=True)
            write_export(export, args.notes)
        size_mb = export.stat().st_size / 1e6
        read_s, texts = baseline_read(export)
        n = len(texts)
        tok_s = baseline_tokenise(texts)
        del texts
        scan_s, peak_kib = run_scan(export, args.jobs)
        rules_s, rules_kib = run_scan(export, args.jobs, ("--ignore", "VB9"))
    scan_rate, tok_rate, read_rate, rules_rate = n / scan_s, n / tok_s, n / read_s, n / rules_s
    print(f"export: {n:,} notes, {size_mb:,.0f} MB, {args.jobs} job(s), {os.cpu_count()} cores")
    print(f"vblint scan       {scan_s:8.1f} s  {scan_rate:10,.0f} notes/s  peak memory {peak_kib / 1024:,.0f} MB "
          "(all processes, PSS; includes start-up)")
    print(f"rules only        {rules_s:8.1f} s  {rules_rate:10,.0f} notes/s  peak memory {rules_kib / 1024:,.0f} MB "
          "(--ignore VB9: without the learned reader)")
    print(f"baseline read     {read_s:8.1f} s  {read_rate:10,.0f} notes/s  (csv module, this process)")
    print(f"baseline tokenise {tok_s:8.1f} s  {tok_rate:10,.0f} notes/s  (spaCy blank English, one core)")
    print(f"ratio scan/tokenise {scan_rate / tok_rate:.2f}x   ratio scan/read {scan_rate / read_rate:.2f}x   "
          f"ratio scan/rules only {scan_rate / rules_rate:.2f}x")


if __name__ == "__main__":
    main()
