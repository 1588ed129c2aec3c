"""Every rule's examples are tests: a must_match example reports exactly the marked spans, at the rule's own
severity; a must_not_match example reports nothing from that rule above info (nothing at all from an info rule).

The examples run with every match reported: the collapse of nested findings (vblint.overlap) decides which rule
speaks for shared words, which is not what a rule's own examples test. A pattern rule's examples run without the
learned readers: its findings never depend on them (a reader's proposal is dropped where a rule matched), and
reading every example with them would double the time of this file."""

from __future__ import annotations

import pytest

from vblint.engine import Engine
from vblint.model import Severity
from vblint.ruleset import load_rules

RULES = load_rules()
MUST = [pytest.param(r, ex, id=f"{r.code}-must_match-{i}") for r in RULES for i, ex in enumerate(r.must_match)]
MUST_NOT = [pytest.param(r, t, id=f"{r.code}-must_not_match-{i}") for r in RULES
            for i, t in enumerate(r.must_not_match)]


@pytest.fixture(scope="module")
def pattern_match(core_rules) -> Engine:
    return Engine(core_rules.select(ignore=[r.code for r in core_rules if r.learned]), collapse_overlaps=False)


def _engine(rule, every_match: Engine, pattern_match: Engine) -> Engine:
    return every_match if rule.learned else pattern_match


@pytest.mark.parametrize(("rule", "example"), MUST)
def test_must_match(every_match: Engine, pattern_match: Engine, rule, example) -> None:
    engine = _engine(rule, every_match, pattern_match)
    found = [f for f in engine.lint(example.text) if f.rule == rule.code and f.severity == rule.severity]
    assert [(f.start, f.end) for f in found] == list(example.spans), (
        f"{rule.path}: expected {[example.text[s:e] for s, e in example.spans]}, got {[f.text for f in found]}")


@pytest.mark.parametrize(("rule", "text"), MUST_NOT)
def test_must_not_match(every_match: Engine, pattern_match: Engine, rule, text) -> None:
    floor = Severity.INFO if rule.severity == Severity.INFO else Severity.WARNING
    found = [f for f in _engine(rule, every_match, pattern_match).lint(text)
             if f.rule == rule.code and f.severity >= floor]
    assert found == [], f"{rule.path}: should not flag {[f.text for f in found]} in {text!r}"


def test_every_rule_has_both_kinds_of_example() -> None:
    # The schema enforces this; the meta-test guards against the schema being loosened.
    assert all(r.must_match and r.must_not_match for r in RULES)


def test_every_suggestion_renders_for_every_example(engine: Engine, pattern_match: Engine) -> None:
    # The reader's proposals carry their learned rule's fixed suggestions, so the pattern rules' examples are read
    # without it (a second of work instead of minutes); the learned rules' own examples with it.
    for rule in RULES:
        for example in rule.must_match:
            for f in _engine(rule, engine, pattern_match).lint(example.text):
                assert all(s and "{" not in s for s in f.suggestions), rule.code
