"""Shared fixtures: the core rule pack and its engine, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from vblint.engine import Engine
from vblint.ruleset import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "reference"


def shared_file(name: str) -> Path:
    """A file of the shared reference material, or a skip that says why (a clone outside the workspace)."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared reference material sits beside the repo only in the workspace")
    return path


@pytest.fixture(scope="session")
def core_rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def engine(core_rules: RuleSet) -> Engine:
    return Engine(core_rules)
