"""The acceptance cases from the 2025 inspection: its three quoted phrases are errors when written in a note, and
the inspection reports themselves, real professional prose about child protection, raise nothing above info."""

from __future__ import annotations

import pytest

from tests.conftest import shared_file
from vblint.engine import Engine
from vblint.model import Severity

REPORTS = ["hmicfrs-2025-gloucestershire-child-protection.txt", "hmic-2017-gloucestershire-child-protection.txt"]


@pytest.mark.parametrize("note", [
    "VIST review: risk as a result of misadventure. No further action.",
    "Misper is capable and street wise, she clearly knows how to survive.",
    "She places herself in risky situations and goes missing overnight.",
])
def test_the_inspections_quoted_phrases_are_errors_in_a_note(engine: Engine, note: str) -> None:
    found = [(f.rule, f.text, f.severity.name) for f in engine.lint(note)]
    # "Misper" itself may be reported at info (a label for the child); the phrase must be an error.
    assert any(sev == "ERROR" for *_, sev in found), found
    assert not any(sev == "WARNING" for *_, sev in found), found


def test_each_phrase_of_the_2025_quote_is_caught(engine: Engine) -> None:
    note = "Misper is capable and street wise, she clearly knows how to survive."
    texts = {f.text for f in engine.lint(note) if f.severity == Severity.ERROR}
    assert any("street wise" in t for t in texts) and any("knows how to survive" in t for t in texts)


@pytest.mark.parametrize("name", REPORTS)
def test_inspection_reports_raise_nothing_above_info(engine: Engine, name: str) -> None:
    text = shared_file(f"inspection-reports/{name}").read_text(encoding="utf-8")
    alarms = [f for f in engine.lint(text) if f.severity > Severity.INFO]
    assert alarms == [], "\n".join(f"{f.line}: {f.rule} {f.text!r}" for f in alarms)


def test_the_2025_report_quotes_are_found_as_mentions(engine: Engine) -> None:
    text = shared_file(f"inspection-reports/{REPORTS[0]}").read_text(encoding="utf-8")
    mentions = [f for f in engine.lint(text) if f.severity == Severity.INFO and f.context is not None]
    assert any("misadventure" in f.text for f in mentions)
