"""The learned rules: what the readers are trained on, how their proposals meet the rules, and what they cost."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from vblint.corpus import read_corpus
from vblint.engine import Engine
from vblint.errors import VblintError
from vblint.learn import fold
from vblint.learned import CHUNK, PhraseModel, _chunks, corpus_digest, packaged_model_dir
from vblint.model import Severity
from vblint.ruleset import RuleSet

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "notes" / "dev.jsonl"


def test_the_readers_were_trained_on_the_current_dev_split_only() -> None:
    # The test split and the holdout measure the readers; a reader that saw them would make both figures lies.
    meta = json.loads((packaged_model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert meta["trained_on"] == "dev.jsonl"
    assert meta["corpus_sha256"] == corpus_digest(DEV), "dev.jsonl changed: run `make model` and commit the readers"


def test_no_writer_teaches_every_reader() -> None:
    # Each independent writer's notes sit in one fold, so at least one reader never saw them: agreement of all
    # readers means more than one writer's wording taught it.
    folds: dict[str, set[int]] = {}
    for note in read_corpus(DEV):
        group = note.id.rsplit("-", 1)[0]
        if group not in ("syn", "hw"):
            folds.setdefault(group, set()).add(fold(note.id, 4))
    assert folds and all(len(f) == 1 for f in folds.values())


def test_ignoring_the_learned_rules_loads_no_reader(core_rules: RuleSet) -> None:
    rules = core_rules.select(ignore=["VB9"])
    engine = Engine(rules)
    assert engine.reader is None
    assert not any(r.learned for r in rules)


def test_learned_findings_never_overlap_a_rule_match(engine: Engine) -> None:
    # Where a rule matched, its own reading of context stands, even when it dropped the match.
    notes = [n for i, n in enumerate(read_corpus(DEV)) if i % 10 == 0]
    learned_seen = 0
    for note in notes:
        findings = engine.lint(note.text)
        matched = [(f.start, f.end) for f in findings if not engine.rules.get(f.rule).learned]
        for f in findings:
            if engine.rules.get(f.rule).learned:
                learned_seen += 1
                assert not any(a < f.end and f.start < b for a, b in matched), (note.id, f.text)
                assert f.text == note.text[f.start:f.end]
    assert learned_seen > 0


def test_a_long_note_is_read_in_pieces_with_offsets_back_into_the_source(engine: Engine) -> None:
    sentence = "Brandon (13) is a right little menace. "
    one = [(f.rule, f.text) for f in engine.lint(sentence) if engine.rules.get(f.rule).learned]
    assert one, "the example sentence must give a learned finding on its own"
    text = sentence * 200  # about 3,400 tokens: several pieces
    found = [f for f in engine.lint(text) if engine.rules.get(f.rule).learned]
    assert all(f.text == text[f.start:f.end] for f in found)
    assert len(found) >= 190 * len(one)  # a copy cut across two pieces may read differently


def test_pieces_cover_the_note_and_end_at_a_full_stop(engine: Engine) -> None:
    doc = engine.nlp.make_doc("She went out. " * 1000)
    pieces = _chunks(doc)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= CHUNK for start, end in pieces)
    assert all(doc[end - 1].text == "." for _, end in pieces[:-1])


def test_a_missing_or_foreign_model_is_a_clear_error(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(VblintError, match=r"meta\.json"):
        PhraseModel(engine.nlp, tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"format": 99, "readers": ["r"]}), encoding="utf-8")
    with pytest.raises(VblintError, match="format"):
        PhraseModel(engine.nlp, tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"format": 1, "readers": ["r"]}), encoding="utf-8")
    with pytest.raises(VblintError, match="cannot load a learned reader"):
        PhraseModel(engine.nlp, tmp_path)


def test_learned_rules_are_warnings_at_most_one_per_category(engine: Engine) -> None:
    # A reader is less sure than a rule: its findings ask for a look, never block as an error would.
    learned = [r for r in engine.rules if r.learned]
    assert learned and all(r.severity is Severity.WARNING for r in learned)
    assert len({r.category for r in learned}) == len(learned)
