"""Suggestions replace the matched span and must read as part of the sentence: the child's pronoun, the verb's
tense and aspect, the letter case, and a subject the match opens with all carry over."""

from __future__ import annotations

import pytest

from vblint.engine import Engine
from vblint.suggest import Agreement, agreement, render


def first_suggestion(engine: Engine, text: str, rule: str) -> str:
    found = [f for f in engine.lint(text) if f.rule == rule]
    assert found, text
    return found[0].suggestions[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("She places herself in risky situations.", "is being placed at risk by adults"),
    ("He has placed himself in danger again.", "been placed at risk by adults"),
    ("She is putting herself at risk.", "being placed at risk by adults"),
    ("He put himself in danger.", "was placed at risk by adults"),
    ("They keep putting themselves at risk.", "being placed at risk by adults"),
    ("She continues to put herself at risk.", "be placed at risk by adults"),
])
def test_the_verb_agrees_with_the_sentence(engine: Engine, text: str, expected: str) -> None:
    assert first_suggestion(engine, text, "VB101") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("She puts herself at risk.", "her"),
    ("He puts himself at risk.", "him"),
    ("They put themselves at risk.", "them"),
])
def test_the_pronoun_agrees_with_the_child(engine: Engine, text: str, expected: str) -> None:
    found = next(f for f in engine.lint(text) if f.rule == "VB101")
    assert found.suggestions[1].endswith(f"the adults harming {expected}")


def test_case_follows_the_matched_text(engine: Engine) -> None:
    assert first_suggestion(engine, "SHE IS PUTTING HERSELF AT RISK.", "VB101") == "BEING PLACED AT RISK BY ADULTS"


def test_a_match_that_opens_with_its_subject_keeps_it(engine: Engine) -> None:
    assert first_suggestion(engine, "She uses cannabis daily.", "VB623").startswith("She is being")
    assert render(["{be_pass} supplied with drugs by adults"], Agreement("she", "present"), "she uses") == (
        "she is being supplied with drugs by adults",)


def test_agreement_reads_the_reflexive_before_nearby_pronouns() -> None:
    words = ("he", "said", "she", "puts", "herself", "at", "risk")
    assert agreement(words, 3, 7) == Agreement("she", "present")


def test_text_output_offers_every_suggestion(run_cli) -> None:
    code, out, _ = run_cli("check", "-", stdin="She places herself in risky situations.")
    assert code == 1
    assert '-> try "is being placed at risk by adults" or "is being exposed to risk by the adults harming her"' in out
