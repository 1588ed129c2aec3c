"""`vblint eval` counts correctly: a tiny hand-made corpus whose answers were worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vblint.corpus import Note, Span, read_corpus
from vblint.engine import Engine
from vblint.errors import VblintError
from vblint.evaluate import compare, evaluate
from vblint.ruleset import load_rules

FIXTURE_RULES = Path(__file__).parent / "fixtures" / "rules"


def note(id_: str, text: str, *labelled: tuple[str, str]) -> Note:
    spans = tuple(Span(text.index(s), text.index(s) + len(s), s, c) for s, c in labelled)
    return Note(id_, "vist-supervisor-review", "A", "supervisor", text, spans)


CORPUS = [
    # a hit: the finding overlaps the label
    note("n1", "She made a lifestyle choice to stay out.", ("lifestyle choice", "choice-framing")),
    # a false alarm (lifestyle choice is not labelled) and a miss (streetwise is not a rule here)
    note("n2", "Lifestyle choice noted. She is streetwise.", ("streetwise", "capability-streetwise")),
    # clean and quiet
    note("n3", "Nothing of concern recorded."),
    # the child's quoted words: an info finding, never an alarm
    note("n4", 'Jade said "it was my lifestyle choice and I am happy".'),
]


@pytest.fixture(scope="module")
def small_engine() -> Engine:
    return Engine(load_rules([FIXTURE_RULES]))


def test_span_and_note_level_counts(small_engine: Engine) -> None:
    ev = evaluate(small_engine, CORPUS)
    assert (ev.spans.tp, ev.spans.fp, ev.spans.found, ev.spans.missed) == (1, 1, 1, 1)
    assert ev.spans.precision == 0.5 and ev.spans.recall == 0.5 and ev.spans.f1 == 0.5
    # notes: n1 and n2 flagged and labelled; n3 and n4 neither flagged nor labelled
    assert (ev.notes.tp, ev.notes.fp, ev.notes.missed) == (2, 0, 0)
    assert ev.info == {"VB901": 1}
    assert ev.by_category["choice-framing"].tp == 1 and ev.by_category["choice-framing"].fp == 1
    assert ev.by_category["capability-streetwise"].missed == 1
    assert ev.by_rule["VB901"].precision == 0.5
    assert [(e.kind, e.note, e.text) for e in ev.errors] == [("false-alarm", "n2", "Lifestyle choice"),
                                                            ("miss", "n2", "streetwise")]


def test_a_labelled_note_with_no_alarm_is_a_note_level_miss(small_engine: Engine) -> None:
    ev = evaluate(small_engine, [note("n5", "She is streetwise.", ("streetwise", "capability-streetwise"))])
    assert (ev.notes.tp, ev.notes.missed, ev.notes.recall) == (0, 1, 0.0)
    assert ev.notes.precision == 1.0  # no alarms raised: nothing wrong was said


def test_baseline_comparison_lists_new_misses_new_false_alarms_and_fixes(small_engine: Engine) -> None:
    before = evaluate(small_engine, CORPUS[:2]).to_dict()
    changed = [CORPUS[0], note("n2", "Lifestyle choice noted. She is streetwise.", ("Lifestyle choice",
                                                                                 "choice-framing"))]
    after = evaluate(small_engine, changed).to_dict()
    diff = compare(after, before)
    assert diff.new_false_alarms == [] and diff.new_misses == []
    assert [(e["kind"], e["text"]) for e in diff.fixed] == [("false-alarm", "Lifestyle choice"),
                                                           ("miss", "streetwise")]
    assert diff.deltas["span.precision"] == 0.5 and diff.deltas["span.recall"] == 0.5


def test_eval_cli_json_baseline_and_stats(tmp_path: Path, run_cli) -> None:
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("".join(json.dumps({"id": n.id, "note_type": n.note_type, "team": n.team, "role": n.role,
                                          "text": n.text, "spans": [s.__dict__ for s in n.spans]}) + "\n"
                              for n in CORPUS))
    code, out, _ = run_cli("eval", str(corpus), "--format", "json")
    assert code == 0 and json.loads(out)["notes_evaluated"] == 4
    (tmp_path / "base.json").write_text(out)
    code, out, _ = run_cli("eval", str(corpus), "--baseline", str(tmp_path / "base.json"), "--no-errors")
    assert code == 0 and "New misses (0)" in out and "span level" in out
    code, out, _ = run_cli("eval", str(corpus), "--stats")
    assert code == 0 and "clean" in out and "labelled" in out and "capability-streetwise" in out
    code, out, _ = run_cli("eval", str(corpus), "--format", "markdown")
    assert code == 0 and out.startswith("# vblint scorecard")


@pytest.mark.parametrize(("line", "problem"), [
    ("{not json", "not valid JSON"),
    ('{"id": "x", "text": "abc", "spans": [{"start": 0, "end": 2, "text": "bc", "category": "choice-framing"}]}',
     "do not slice to its text"),
    ('{"id": "x", "text": "abc", "spans": [{"start": 0, "end": 2, "text": "ab", "category": "nonsense"}]}',
     "unknown category"),
    ('{"id": "x", "spans": []}', "missing field 'text'"),
])
def test_bad_corpus_lines_name_the_file_and_row(tmp_path: Path, line: str, problem: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "fine", "spans": []}\n' + line + "\n")
    with pytest.raises(VblintError) as err:
        list(read_corpus(bad))
    assert err.value.line().startswith(f"{bad}:2: ") and problem in err.value.line()
