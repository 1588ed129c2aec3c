"""Findings as JSON (one versioned document) or JSON Lines (one finding per line), for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from vblint import __version__
from vblint.model import FINDING_SCHEMA_VERSION, Finding


def write_json(findings: Sequence[Finding], out: TextIO) -> None:
    doc = {"schema_version": FINDING_SCHEMA_VERSION, "vblint": __version__,
           "findings": [f.to_dict() for f in findings]}
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_jsonl(findings: Sequence[Finding], out: TextIO) -> None:
    for f in findings:
        out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
