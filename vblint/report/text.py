"""Findings as lines a person reads in a terminal or an editor: ``path:line:col: VB101 [error] message``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from vblint.model import Finding


def write_findings(findings: Sequence[Finding], out: TextIO, *, show_suggestions: bool = True) -> None:
    for f in findings:
        where = f"{f.path or '<text>'}:{f.line}:{f.column}"
        context = f" ({f.context})" if f.context else ""
        out.write(f"{where}: {f.rule} [{f.severity}] {f.message}{context}\n")
        if show_suggestions:
            out.write(f'    "{_one_line(f.text)}"')
            if f.suggestions:
                out.write(" -> try " + " or ".join(f'"{s}"' for s in f.suggestions))
            out.write("\n")


def write_summary(findings: Sequence[Finding], files: int, out: TextIO) -> None:
    if not findings:
        out.write(f"No victim-blaming language found ({files} file{'s' if files != 1 else ''} checked).\n")
        return
    counts = Counter(str(f.severity) for f in findings)
    detail = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev in ("error", "warning", "info")
                       if (n := counts.get(sev)))
    out.write(f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''} ({detail}) "
              f"in {files} file{'s' if files != 1 else ''}.\n")


def _one_line(text: str) -> str:
    return " ".join(text.split())
