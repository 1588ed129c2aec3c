"""The rule schema rejects each malformed rule in tests/bad_rules/ with the one-line error beside it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from vblint.errors import RuleFileError
from vblint.ruleset import load_rules

BAD = Path(__file__).parent / "bad_rules"
CASES = sorted(p for p in BAD.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_rule_is_reported_with_file_and_field(case: Path) -> None:
    expected_file = next(case.glob("*.expected"))
    rule_file = expected_file.with_suffix(".yaml")
    expected = expected_file.read_text(encoding="utf-8").strip()
    with pytest.raises(RuleFileError) as err:
        load_rules([case])
    problems = err.value.problems
    assert any(p.startswith(str(rule_file)) and expected in p for p in problems), problems


def test_every_bad_rule_case_has_an_expected_error() -> None:
    for case in CASES:
        assert len(list(case.glob("*.expected"))) == 1, case


def test_cli_exits_2_with_the_problem_and_no_traceback() -> None:
    case = BAD / "unknown_category"
    run = subprocess.run([sys.executable, "-m", "vblint", "check", "--rules", str(case), "-"],
                         input="text", capture_output=True, text=True)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip() == (f"vblint: error: {case}/VB901-sample-rule.yaml: category: 'blame-framing' "
                                  "is not one of the taxonomy's categories")


def test_a_good_copy_of_the_sample_rule_loads(tmp_path: Path) -> None:
    good = (BAD / "unknown_category" / "VB901-sample-rule.yaml").read_text().replace("blame-framing",
                                                                                     "choice-framing")
    (tmp_path / "VB901-sample-rule.yaml").write_text(good)
    rules = load_rules([tmp_path])
    assert [r.code for r in rules] == ["VB901"]


def test_a_word_fragment_spacy_splits_off_is_never_an_anchor() -> None:
    from vblint.schema import pattern_anchor

    # "MISPER DIDNT SAY NO": spaCy makes "did" + "nt"; a whole-word search of the raw note finds no "nt".
    pattern = [{"LOWER": {"IN": ["did", "does"]}}, {"LOWER": {"IN": ["n't", "nt", "not"]}}, {"LOWER": "say"}]
    assert pattern_anchor(pattern) == frozenset({"say"})
