"""Shared fixtures: the core rule pack and its engine, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from vblint.engine import Engine
from vblint.ruleset import RuleSet, load_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "reference"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--every-note", action="store_true",
                     help="check the prefilter on every corpus note, not the fixed sample the suite checks by default")


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


@pytest.fixture(scope="session")
def every_match(core_rules: RuleSet) -> Engine:
    """An engine that reports every rule's match, even nested inside a stronger finding: for tests of one rule."""
    return Engine(core_rules, collapse_overlaps=False)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run ``vblint ARGS`` in-process; returns (exit code, stdout, stderr)."""
    import io
    import sys

    from vblint.cli import main

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
        out, err = capsys.readouterr()
        return code, out, err

    return run
