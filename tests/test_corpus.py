"""The labelled corpus is valid, large and balanced enough to measure the rules, and the quality targets hold
on its test split. The targets live here, once, and are never loosened to make a change pass.

The holdout split (independently written notes, never tuned on) is the realistic measure. Its target is the
issue's held-out target; until the rules reach it, the figures last measured are floors that a change may not go
below. Raise the floors when the rules improve. Lower one only on purpose, with the reason beside it, where the
aggregate it belongs to rose (twenty-three have been; see HOLDOUT_FLOORS)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from vblint.corpus import NOTE_TYPES, read_corpus
from vblint.engine import Engine
from vblint.evaluate import Evaluation, evaluate, score_note

NOTES = Path(__file__).resolve().parent.parent / "corpora" / "notes"
SPAN_PRECISION_TARGET = 0.95
SPAN_RECALL_TARGET = 0.90
HOLDOUT_SPAN_PRECISION_TARGET = 0.90
HOLDOUT_SPAN_RECALL_TARGET = 0.85
# (span precision, span recall) floors, each on the notes it was first set on, so that a new batch of harder notes
# adds what is measured without loosening what was promised. "batches 1-4" is the 820-note holdout the "all" floor
# was set on before batch 5. A new batch's floor starts at its figure before any rule was tuned on its dev half
# (batch 6: 0.891/0.695; batch 7: 0.868/0.682, when "all" became 0.877/0.715 and the 1-6 floor kept its name;
# batch 8: 0.885/0.715, when "all" was 0.884/0.726 and the 1-7 floor took the old "all" floor's place; batch 9:
# 0.879/0.760, when "all" was 0.887/0.742 and the 1-8 floor took the old "all" floor's place). Batch 11's precision
# floor was the first floor lowered, 0.91 to 0.90, on purpose (now 0.92): its untuned 0.913 was measured before the
# learned rules, which trade 0.003 of its precision for 0.013 of recall (0.910/0.828); README, "Learned rules".
# Two more were lowered in round 12, on purpose: batch 4's precision 0.92 to 0.91 (0.9152) and batch 9's recall
# 0.80 to 0.79 (0.7975). The readers retrained on 557 more dev notes no longer mark two of batch 9's labels the old
# ones found, and one batch 4 false alarm comes from reading "lads in their 20s" as adults (VB350); the aggregates
# they belong to rose ("batches 1-11", the holdout of round 11: 0.889/0.780 to 0.891/0.788). Batches 12 and 13 start
# from their untuned holdout halves (0.825/0.782 and 0.863/0.779) raised to what round 12 reached.
# Round 13 lowered three more, on purpose, mostly from retraining the readers on 598 more dev notes: batch 5's
# precision 0.83 to 0.82 (0.8289; rules alone 0.836/0.790 to 0.834/0.799, the rest new reader false alarms), batch
# 10's recall 0.79 to 0.77 (0.7774; rules alone 0.747 to 0.751, the new readers no longer mark labels the old ones
# found) and batch 12's precision 0.84 to 0.83 (0.8305; rules alone 0.840 to 0.850). The aggregate they belong to
# rose ("batches 1-13", the holdout of round 12: 0.885/0.789 to 0.885/0.796). Batches 14 and 15 start from their
# untuned holdout halves (0.860/0.785 and 0.879/0.812), at what round 13 reached (0.859/0.789 and 0.874/0.803).
# Round 14 (batch 16) lowered seven, on purpose, all from retraining the readers on batch 16's 310 dev notes: the
# rules and context of the round, with the old readers, raised or kept every part (the whole holdout 0.884/0.796 to
# 0.885/0.797); the retrained readers then moved labels and false alarms between batches (30 labels lost, 27 found,
# 13 false alarms new, 16 gone): the recall of batches 1-4 0.79 to 0.78 (0.7878), of batches 1-7 0.79 to 0.78
# (0.7898) and of batches 1-2 0.82 to 0.81 (0.8145), batch 6's precision 0.90 to 0.89 (0.8983), batch 9's recall
# 0.81 to 0.80 (0.8099), batch 13's precision 0.86 to 0.85 (0.8571) and batch 15's 0.87 to 0.86 (0.8693). The
# aggregate they belong to rose ("batches 1-15", the holdout of round 13: 0.883/0.796 to 0.884/0.797). Batch 16
# starts from its untuned holdout half (0.907/0.796), at what round 14 reached (0.917/0.791).
# Round 15 (batch 17) lowered five, on purpose, again all from retraining the readers, on batch 17's 284 dev notes:
# with the old readers the round's rules and context kept every floor; the retrained readers left the holdout's
# aggregates where they were (batches 1-16, the holdout of round 14: 0.8863/0.7985 with the old readers and the
# round's final rules, 0.8880/0.7982 with the new) but moved labels between batches: the recall of batch 4 0.81
# to 0.80 (0.8095), of batch 5 0.82 to 0.81 (0.8125), of batch 6 0.81 to 0.80 (0.8089) and of batch 8 0.78 to 0.77
# (0.7751), and batch 11's precision 0.92 to 0.91 (0.9163). Batch 17 starts from its untuned holdout half
# (0.905/0.770), at what round 15 reached (0.904/0.773).
# Round 17 raised every floor: the learned reader became a pretrained encoder fine-tuned on dev (README, "Learned
# rules"), which proposes wording no rule names and doubts rule matches it does not read as blaming. The whole
# holdout went from 0.888/0.801 to 0.917/0.867 and every part rose; each floor is now its part's figure less 0.003,
# rounded down (the figures are deterministic, but a floor exactly at a figure would fail on one changed note).
# Round 16 (batch 18) lowered five precision floors, on purpose, again all from retraining the readers, on batch 18's
# 277 dev notes: with the old readers the round's rules and context kept every floor and left the whole holdout at
# 0.890/0.795; the retrained readers mark more (130 holdout hits and 29 false alarms against 97 and 15), which took
# batches 1-17, the holdout of round 15, from 0.8893/0.7966 to 0.8867/0.8024 (span F1 0.840 to 0.843) and moved
# false alarms into five small parts: batch 4 0.92 to 0.91 (0.9167), batch 8 0.89 to 0.88 (0.8841), batch 12 0.85 to
# 0.84 (0.8472), batch 14 0.86 to 0.85 (0.8571) and batch 16 0.92 to 0.90 (0.9086). No floor was raised on the new
# readers' gains alone. Batch 18 starts from its untuned holdout half (0.902/0.773), at what round 16 reached
# (0.906/0.783; 0.902/0.776 with the old readers).
HOLDOUT_FLOORS = {
    "all": (0.91, 0.86),
    "batches 1-17": (0.91, 0.86),
    "batches 1-16": (0.91, 0.86),
    "batches 1-15": (0.91, 0.86),
    "batches 1-13": (0.91, 0.86),
    "batches 1-12": (0.91, 0.86),
    "batches 1-11": (0.91, 0.86),
    "batches 1-10": (0.91, 0.86),
    "batches 1-9": (0.91, 0.85),
    "batches 1-8": (0.91, 0.85),
    "batches 1-7": (0.91, 0.85),
    "batches 1-6": (0.92, 0.85),
    "batches 1-4": (0.92, 0.84),
    "batches 1-2": (0.93, 0.87),
    "batch 4": (0.92, 0.84),
    "batch 5": (0.91, 0.88),
    "batch 6": (0.90, 0.87),
    "batch 7": (0.87, 0.83),
    "batch 8": (0.93, 0.88),
    "batch 9": (0.88, 0.86),
    "batch 10": (0.90, 0.87),
    "batch 11": (0.93, 0.89),
    "batch 12": (0.88, 0.86),
    "batch 13": (0.89, 0.86),
    "batch 14": (0.89, 0.86),
    "batch 15": (0.92, 0.90),
    "batch 16": (0.92, 0.88),
    "batch 17": (0.92, 0.86),
    "batch 18": (0.92, 0.83),
}
# The first letter of a holdout note's id says which batch of writers wrote it (batch 3's notes carry "k"; batch 18,
# after "z", starts again at "a").
HOLDOUT_PARTS = {"all": "aijklmnoprstuvwxyz", "batches 1-17": "ijklmnoprstuvwxyz",
                 "batches 1-16": "ijklmnoprstuvwxy", "batches 1-15": "ijklmnoprstuvwx",
                 "batches 1-13": "ijklmnoprstuv", "batches 1-12": "ijklmnoprstu",
                 "batches 1-11": "ijklmnoprst",
                 "batches 1-10": "ijklmnoprs", "batches 1-9": "ijklmnopr",
                 "batches 1-8": "ijklmnop", "batches 1-7": "ijklmno", "batches 1-6": "ijklmn",
                 "batches 1-4": "ijkl", "batches 1-2": "ij", "batch 4": "l", "batch 5": "m", "batch 6": "n",
                 "batch 7": "o", "batch 8": "p", "batch 9": "r",
                 "batch 10": "s", "batch 11": "t", "batch 12": "u", "batch 13": "v",
                 "batch 14": "w", "batch 15": "x", "batch 16": "y", "batch 17": "z", "batch 18": "a"}


@pytest.fixture(scope="module")
def splits():
    return {name: list(read_corpus(NOTES / f"{name}.jsonl")) for name in ("dev", "test", "holdout")}


def test_corpus_is_large_varied_and_mostly_hard_negatives(splits) -> None:
    notes = splits["dev"] + splits["test"]
    assert len(notes) >= 1500
    assert sum(not n.spans for n in notes) >= len(notes) / 2
    assert set(Counter(n.note_type for n in notes)) == set(NOTE_TYPES)
    categories = Counter(s.category for n in notes for s in n.spans)
    assert len(categories) == 12, categories


def test_ids_are_unique_and_the_splits_are_disjoint(splits) -> None:
    ids = [n.id for n in splits["dev"] + splits["test"] + splits["holdout"]]
    assert len(ids) == len(set(ids))
    texts = [n.text for n in splits["dev"] + splits["test"] + splits["holdout"]]
    assert len(texts) == len(set(texts)), "the same note appears twice"


def test_spans_are_trimmed_phrases(splits) -> None:
    for n in splits["dev"] + splits["test"] + splits["holdout"]:
        for s in n.spans:
            assert s.text == s.text.strip() and s.text, (n.id, s)


def test_quality_targets_on_the_test_split(splits, engine: Engine) -> None:
    ev = evaluate(engine, splits["test"])
    report = f"span precision {ev.spans.precision:.3f}, recall {ev.spans.recall:.3f}"
    assert ev.spans.precision >= SPAN_PRECISION_TARGET, report
    assert ev.spans.recall >= SPAN_RECALL_TARGET, report


def test_the_holdout_is_independent_realistic_and_does_not_regress(splits, engine: Engine) -> None:
    holdout = splits["holdout"]
    assert len(holdout) >= 3600
    assert {n.id[:2] for n in holdout} >= {"ix", "is", "ic", "im", "ir", "ip", "iy", "ka", "la", "ma", "na", "oa", "pa",
                                           "ra", "sa", "sg", "ta", "tg", "ua", "ug", "va", "vg", "wa",
                                           "wg", "xa", "xg", "ya", "yg", "za", "zg", "aa", "ag"}
    assert not {n.id for n in holdout} & {n.id for n in splits["dev"]}
    assert {n.id[0] for n in holdout} == set(HOLDOUT_PARTS["all"])
    findings = {n.id: engine.lint(n.text) for n in holdout}  # each note linted once, scored in every part it is in
    for part, (precision_floor, recall_floor) in HOLDOUT_FLOORS.items():
        ev = Evaluation()
        for note in holdout:
            if note.id[0] in HOLDOUT_PARTS[part]:
                score_note(ev, note, findings[note.id])
        report = (f"holdout ({part}) span precision {ev.spans.precision:.3f}, recall {ev.spans.recall:.3f} "
                  f"(target {HOLDOUT_SPAN_PRECISION_TARGET}/{HOLDOUT_SPAN_RECALL_TARGET})")
        assert ev.spans.precision >= precision_floor, report
        assert ev.spans.recall >= recall_floor, report


def test_the_committed_corpus_is_what_the_builder_makes(tmp_path: Path) -> None:
    """The corpus is regenerated, never edited by hand: build_notes.py reproduces both splits byte for byte."""
    import subprocess
    import sys

    builder = NOTES / "build_notes.py"
    work = tmp_path / "notes"
    work.mkdir()
    for name in ("build_notes.py", "phrases.py", "handwritten.txt"):
        (work / name).write_bytes((NOTES / name).read_bytes())
    (work / "independent").mkdir()
    for path in (NOTES / "independent").glob("*.txt"):
        (work / "independent" / path.name).write_bytes(path.read_bytes())
    subprocess.run([sys.executable, str(work / builder.name)], check=True, capture_output=True, cwd=work)
    for split in ("dev", "test", "holdout"):
        assert (work / f"{split}.jsonl").read_bytes() == (NOTES / f"{split}.jsonl").read_bytes(), split


# False alarms on corpora/probes/clean.jsonl: 240 notes with no victim-blaming wording, each written to use words a
# keyword linter would wrongly flag (about adults, negated, quoted, corrected, factual). Lower it when the rules
# improve; never raise it to let a change pass.
CLEAN_PROBE_FALSE_ALARMS = 13


def test_hard_clean_notes_raise_few_false_alarms(engine: Engine) -> None:
    probes = list(read_corpus(NOTES.parent / "probes" / "clean.jsonl"))
    assert len(probes) >= 240 and not any(n.spans for n in probes)
    ev = evaluate(engine, probes)
    assert ev.spans.fp <= CLEAN_PROBE_FALSE_ALARMS, f"{ev.spans.fp} false alarms on {len(probes)} clean notes"
