"""The learned rules: what the reader is trained on, how it reads, and how its proposals meet the rules."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from vblint import encoder as encoder_module
from vblint.corpus import read_corpus
from vblint.encoder import _erf, dequantise, quantise
from vblint.engine import Engine
from vblint.errors import VblintError
from vblint.learned import PhraseModel, corpus_digest, packaged_model_dir
from vblint.model import CATEGORIES, Context, Severity
from vblint.ruleset import RuleSet

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "notes" / "dev.jsonl"


def test_the_reader_was_trained_on_the_current_dev_split_only() -> None:
    # The test split and the holdout measure the reader; a reader that saw them would make both figures lies.
    meta = json.loads((packaged_model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert meta["trained_on"] == "dev.jsonl"
    assert meta["corpus_sha256"] == corpus_digest(DEV), "dev.jsonl changed: run `make model` and commit the reader"


def test_ignoring_the_learned_rules_loads_no_reader(core_rules: RuleSet) -> None:
    rules = core_rules.select(ignore=["VB9"])
    engine = Engine(rules)
    assert engine.reader is None
    assert not any(r.learned for r in rules)


def test_learned_findings_never_overlap_a_rule_match(engine: Engine) -> None:
    # Where a rule matched, its own reading of context stands, even when it dropped the match.
    notes = [n for i, n in enumerate(read_corpus(DEV)) if i % 25 == 0]
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


FILLER = ("Address checked at 1420hrs, no answer, card left. Duty social worker informed by phone. PNC checks "
          "negative for the address. School confirmed he attended period one. Mum says he left after tea without "
          "his charger. Cell site request submitted to the intel desk. Strategy meeting set for Thursday at 1000hrs. "
          "Taxi firm contacted, no bookings found. Friend (14) spoken to with her mum present. Bus CCTV requested "
          "for the 17 route. Return home interview to be offered by the RHI worker. Missing coordinator updated. ")


def test_a_long_note_is_read_in_windows_with_offsets_back_into_the_source(engine: Engine) -> None:
    assert engine.reader is not None
    sentence = "Brandon (13) is a right little menace. "
    one = [f.text for f in engine.lint(sentence) if engine.rules.get(f.rule).learned]
    assert one == ["a right little menace"], "the example sentence must give a learned finding on its own"
    text = FILLER + sentence + FILLER
    first = engine.reader.encoder.tokenizer.encode(text)
    assert first.overflowing, "the note must be longer than one window"
    found = [f for f in engine.lint(text) if engine.rules.get(f.rule).learned]
    assert [(f.text, f.start) for f in found] == [(one[0], text.index(one[0]))]


def test_a_missing_or_foreign_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VblintError, match=r"meta\.json"):
        PhraseModel(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"format": 1, "readers": ["r"]}), encoding="utf-8")
    with pytest.raises(VblintError, match="format"):
        PhraseModel(tmp_path)
    meta = json.loads((packaged_model_dir() / "meta.json").read_text(encoding="utf-8"))
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")  # a valid meta, but no weights
    with pytest.raises(VblintError, match="cannot load the learned model"):
        PhraseModel(tmp_path)
    del meta["labels"]
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(VblintError, match="labels: missing"):
        PhraseModel(tmp_path)


def test_the_shipped_model_tags_with_every_category(engine: Engine) -> None:
    assert engine.reader is not None
    labels = engine.reader.encoder.labels
    assert labels[0] == "O" and {label[2:] for label in labels[1:]} == set(CATEGORIES)


def test_erf_is_exact_enough_for_gelu() -> None:
    xs = np.linspace(-6, 6, 2001)
    assert max(abs(a - math.erf(x)) for a, x in zip(_erf(xs), xs, strict=True)) < 2e-7


def test_eight_bit_weights_keep_each_column_within_half_a_step() -> None:
    rng = np.random.default_rng(0)
    weights = {"l0.in.w": rng.normal(size=(64, 32)).astype(np.float32), "emb.word": rng.normal(size=(50, 16)),
               "l0.in.b": rng.normal(size=32).astype(np.float32)}
    back = dequantise(quantise(weights))
    for name, w in weights.items():
        axis = 1 if name.startswith("emb.") else 0
        step = np.abs(w).max(axis=axis, keepdims=True) / 127 if w.ndim == 2 else 0
        assert np.all(np.abs(back[name] - w) <= step / 2 + 1e-6), name


def test_a_rule_match_the_reader_does_not_take_as_blaming_is_downgraded_to_info(engine: Engine,
                                                                                core_rules: RuleSet) -> None:
    # VB243 is right about "his associates" when it stands for adults around a child in a relationship frame; here
    # they are the abusers, which the rule's own context filters do not see and the reader does.
    text = "Keira is being sexually exploited by Greer and at least two of his associates."
    alone = [f for f in Engine(core_rules.select(ignore=["VB9"])).lint(text) if f.rule == "VB243"]
    assert [(f.text, f.severity, f.context) for f in alone] == [("his associates", Severity.WARNING, None)]
    read = [f for f in engine.lint(text) if f.rule == "VB243"]
    assert [(f.text, f.severity, f.context) for f in read] == [("his associates", Severity.INFO, Context.DOUBTED)]


def test_the_reader_does_not_doubt_the_inspectorates_three_phrases(engine: Engine) -> None:
    for text in ("Misper is capable and street wise, she clearly knows how to survive.",
                 "Risk as a result of misadventure.", "She places herself in risky situations."):
        findings = engine.lint(text)
        assert any(f.severity is Severity.ERROR for f in findings), text
        assert not any(f.context is Context.DOUBTED for f in findings), text


def test_past_the_reading_limit_the_rules_alone_judge(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # A pathological input (a million-character export cell) costs a bounded reading, and words past it are not
    # doubted for want of one.
    monkeypatch.setattr(encoder_module, "MAX_WINDOWS", 2)
    text = FILLER * 4 + "Misper places herself in risky situations."
    assert engine.reader is not None
    assert engine.reader.encoder.read(text).read_to < len(text) - 50
    found = [(f.rule, f.severity, f.context) for f in engine.lint(text) if f.rule == "VB101"]
    assert found == [("VB101", Severity.ERROR, None)]
