"""Invariants of the engine, checked on generated input: offsets slice to the finding's text, and findings do not
depend on letter case, extra spaces or curly quotes; arbitrary Unicode never crashes it."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vblint.engine import Engine
from vblint.ruleset import load_rules

RULES = load_rules()
ENGINE = Engine(RULES)
EXAMPLES = [e.text for r in RULES for e in r.must_match] + [t for r in RULES for t in r.must_not_match]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def signature(text: str) -> list[tuple[str, str, str, str | None]]:
    """What a finding says, independent of where it sits: rule, squeezed lower-case text with straight quotes,
    severity, context."""
    return sorted((f.rule, " ".join(f.text.lower().translate(STRAIGHT).split()), str(f.severity),
                   f.context and str(f.context)) for f in ENGINE.lint(text))


def note_texts() -> st.SearchStrategy[str]:
    """Notes stitched together from rule examples, so that most contain something to find."""
    return st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=4).map(" ".join)


@SETTINGS
@given(note_texts(), st.text(max_size=40))
def test_offsets_slice_to_the_reported_text(note: str, noise: str) -> None:
    for text in (note, noise + note + noise):
        for f in ENGINE.lint(text):
            assert text[f.start:f.end] == f.text
            assert f.line == text.count("\n", 0, f.start) + 1
            assert f.column == f.start - (text.rfind("\n", 0, f.start) + 1) + 1


@SETTINGS
@given(note_texts(), st.randoms(use_true_random=False))
def test_letter_case_does_not_change_findings(note: str, rnd) -> None:
    flipped = "".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in note)
    assert signature(flipped) == signature(note)
    assert signature(note.upper()) == signature(note)


@SETTINGS
@given(note_texts(), st.randoms(use_true_random=False))
def test_extra_spaces_do_not_change_findings(note: str, rnd) -> None:
    spaced = re.sub(r" ", lambda _m: " " * rnd.randint(1, 4) + ("\t" if rnd.random() < 0.1 else ""), note)
    assert signature(spaced) == signature(note)


@SETTINGS
@given(note_texts())
def test_curly_and_straight_quotes_give_the_same_findings(note: str) -> None:
    curly = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", note)
    curly = re.sub(r"(?<![A-Za-z])'([^']*)'(?![A-Za-z])", "\u2018\\1\u2019", curly).replace("'", "\u2019")
    assert signature(curly) == signature(note)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for f in ENGINE.lint(text):
        assert text[f.start:f.end] == f.text


@SETTINGS
@given(note_texts())
def test_prefilter_never_hides_a_finding(note: str) -> None:
    from vblint.textmap import normalise

    mapped = normalise(note)
    # Every rule run on every note, with no prefilter and no anchor index: the same findings.
    every_rule = list(range(len(ENGINE.rules.rules)))
    direct = ENGINE._findings(note, mapped, ENGINE.nlp.make_doc(mapped.text), every_rule, None, None)
    assert ENGINE.lint(note) == direct


# The prefilter: a rule runs only on sentences holding its anchor words, and only when every word one of its
# patterns needs is in the note. It must never change what is found.
# Both without the learned rules: the prefilter decides which rules' patterns run, and a reader's proposals depend
# on the rules only through their candidates, which these tests compare.
PATTERN_RULES = RULES.select(ignore=[r.code for r in RULES if r.learned])
PREFILTERED = Engine(PATTERN_RULES)
NAIVE = Engine(PATTERN_RULES, windowed=False)
NAIVE.matcher._needs = [[()] for _ in NAIVE.matcher._needs]  # every active rule, over the whole note


@SETTINGS
@given(note_texts(), st.text(max_size=60), st.sampled_from([" ", "\n", ". ", "\n\n", " - "]))
def test_the_prefilter_never_changes_findings(note: str, noise: str, glue: str) -> None:
    for text in (note, glue.join([noise, note, noise]), note.replace(". ", glue)):
        assert PREFILTERED.lint(text) == NAIVE.lint(text)


# The corpus notes in interleaved parts, so that pytest-xdist's workers share the longest test of the suite. The
# unprefiltered matcher runs every rule over the whole note (about 40 ms a note), so by default the suite checks a
# fixed sample: all of the test split, half of the holdout and a quarter of dev (each note the same on every run).
# `pytest --every-note` checks every note of every split, in the same parts.
SAMPLED_ONE_IN = {"dev": 4, "test": 1, "holdout": 2}


@pytest.mark.parametrize(("split", "part", "parts"), [("dev", 0, 4), ("dev", 1, 4), ("dev", 2, 4), ("dev", 3, 4),
                                                      ("test", 0, 1), ("holdout", 0, 2), ("holdout", 1, 2)])
def test_the_prefilter_gives_the_same_findings_on_corpus_notes(split: str, part: int, parts: int,
                                                               request: pytest.FixtureRequest) -> None:
    import json
    from pathlib import Path

    from vblint.context.view import DocView
    from vblint.textmap import normalise

    notes = Path(__file__).resolve().parent.parent / "corpora" / "notes"
    texts = [json.loads(line)["text"] for line in (notes / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(texts) > 700
    texts = texts[part::parts]
    if not request.config.getoption("--every-note"):
        texts = texts[:: SAMPLED_ONE_IN[split]]
    # Findings are made from the candidates alone, so equal candidates on every note mean equal findings; comparing
    # them skips the context reading, which would be the same work done twice.
    for text in texts:
        doc = PREFILTERED.nlp.make_doc(PREFILTERED.speller.apply(normalise(text)).text)
        words = {t.lower_ for t in doc}
        active = PREFILTERED.matcher.active(words)
        view = DocView.of(doc)
        assert PREFILTERED.matcher(doc, active, view, words) == NAIVE.matcher(doc, active, view, words), text[:60]
    # and a sample through the whole engine, to keep that reasoning honest
    assert [PREFILTERED.lint(t) for t in texts[::25]] == [NAIVE.lint(t) for t in texts[::25]]


def test_an_exception_does_not_reach_across_a_sentence_start() -> None:
    # VB124's exception "presented / returned ... of her own accord" must not join "alcohol present." to the next
    # sentence; before, the whole-note run cancelled the finding and the windowed run kept it.
    text = "Two girls (14, 15) in room 6 with males in their 20s, alcohol present. Girls there of their own accord."
    found = [f.rule for f in PREFILTERED.lint(text)]
    assert "VB124" in found
    assert PREFILTERED.lint(text) == NAIVE.lint(text)
