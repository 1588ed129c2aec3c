"""vblint: find victim-blaming language in police records about children, and suggest child-centred wording."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from vblint.engine import Engine
    from vblint.model import Finding

__all__ = ["__version__", "default_engine", "lint"]


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The engine for the core rule pack, built on first use and then reused (building it takes about a second)."""
    from vblint.engine import Engine
    from vblint.ruleset import load_rules

    return Engine(load_rules())


def lint(text: str) -> list[Finding]:
    """Findings for ``text`` with the core rules, including ones downgraded to info by context."""
    return default_engine().lint(text)
