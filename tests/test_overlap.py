"""One finding per stretch of words: nested findings collapse to the strongest, partial overlaps both stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vblint.engine import Engine
from vblint.model import Finding, Severity
from vblint.overlap import collapse


def finding(code: str, start: int, end: int, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(rule=code, name=code.lower(), category="c", severity=severity, message="m", text="x" * (end - start),
                   start=start, end=end, line=1, column=start + 1)


def nested(a: Finding, b: Finding) -> bool:
    return (b.start <= a.start and a.end <= b.end) or (a.start <= b.start and b.end <= a.end)


def test_the_higher_severity_stands_for_words_both_cover() -> None:
    kept = collapse([finding("VB1", 0, 10, Severity.WARNING), finding("VB2", 2, 8, Severity.ERROR)])
    assert [f.rule for f in kept] == ["VB2"]


def test_at_equal_severity_the_longer_span_stands() -> None:
    kept = collapse([finding("VB1", 2, 8), finding("VB2", 0, 10)])
    assert [f.rule for f in kept] == ["VB2"]


def test_the_same_span_keeps_the_rule_listed_first() -> None:
    assert [f.rule for f in collapse([finding("VB1", 0, 5), finding("VB2", 0, 5)])] == ["VB1"]


def test_partly_overlapping_findings_both_stay() -> None:
    assert [f.rule for f in collapse([finding("VB1", 0, 6), finding("VB2", 4, 12)])] == ["VB1", "VB2"]


spans = st.tuples(st.integers(0, 40), st.integers(1, 15), st.sampled_from(list(Severity))).map(
    lambda t: (t[0], t[0] + t[1], t[2]))


@given(st.lists(spans, max_size=12))
def test_every_dropped_finding_sits_in_or_around_a_kept_one_at_least_as_severe(items) -> None:
    findings = [finding(f"VB{i}", s, e, sev) for i, (s, e, sev) in enumerate(items)]
    kept = collapse(findings)
    assert [f for f in findings if f in kept] == kept  # a subset, in the original order
    assert not any(nested(a, b) for i, a in enumerate(kept) for b in kept[i + 1:])
    for dropped in (f for f in findings if f not in kept):
        assert any(nested(dropped, k) and k.severity >= dropped.severity for k in kept)


def test_the_engine_reports_won_t_help_herself_once(engine: Engine) -> None:
    found = engine.lint("Chloe (15) won't help herself and keeps going back to the flat.")
    assert len([f for f in found if "help herself" in f.text]) == 1
