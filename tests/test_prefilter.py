"""The prefilter (a rule runs only on notes holding one of its anchor words) never hides a match.

Anchors are looked up among a note's tokens. Looking them up in the raw text missed anchors inside a word that
the tokeniser splits ("didn't" holds the token "n't") and, when two anchors overlapped ("boyfriend's" and
"boyfriend"), found only the longer one, so one rule's word list could switch another rule off.
"""

from __future__ import annotations

from pathlib import Path

from vblint.engine import Engine
from vblint.ruleset import load_rules

TEMPLATE = """\
code: {code}
name: {name}
category: choice-framing
severity: warning
message: A message.
rationale: A rationale.
suggestions: ["was taken there by adults"]
patterns:
  - {pattern}
examples:
  must_match: ["{example}"]
  must_not_match: ["She is being exploited."]
"""


def pack(tmp_path: Path, *rules: tuple[str, str, str, str]) -> Engine:
    folder = tmp_path / "choice-framing"
    folder.mkdir()
    for code, name, pattern, example in rules:
        text = TEMPLATE.format(code=code, name=name, pattern=pattern, example=example)
        (folder / f"{code}-{name}.yaml").write_text(text, encoding="utf-8")
    return Engine(load_rules([tmp_path]))


def found(engine: Engine, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in engine.lint(text)]


def test_an_anchor_split_off_inside_a_word_is_found(tmp_path: Path) -> None:
    engine = pack(tmp_path, ("VB901", "would-not-bother", '[{LOWER: "n\'t"}, {LOWER: {IN: [bother, bothered]}}]',
                             "She did[[n't bother]]."))
    assert found(engine, "She didn't bother to ring.") == [("VB901", "n't bother")]


def test_one_rules_longer_anchor_does_not_hide_another_rules_anchor(tmp_path: Path) -> None:
    engine = pack(
        tmp_path,
        ("VB901", "strangers-house", '[{LOWER: {IN: ["stranger\'s"]}}, {LOWER: house}]', "A [[stranger's house]]."),
        ("VB902", "strangers-car", '[{LOWER: stranger}, {LOWER: "\'s"}, {LOWER: car}]', "A [[stranger's car]]."),
    )
    assert found(engine, "She got into a stranger's car.") == [("VB902", "stranger's car")]


def test_a_word_inside_a_hyphenated_word_is_an_anchor(tmp_path: Path) -> None:
    engine = pack(
        tmp_path,
        ("VB901", "grown-up-ways", '[{LOWER: grown}, {LOWER: "-"}, {LOWER: up}, {LOWER: ways}]',
         "She has [[grown-up ways]]."),
        ("VB902", "grown-up-word", '[{LOWER: {IN: [grown-up]}}]', "A [[grown-up]]."),
    )
    assert found(engine, "She has grown-up ways.") == [("VB901", "grown-up ways")]
