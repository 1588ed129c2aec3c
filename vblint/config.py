"""Project settings from ``[tool.vblint]`` in pyproject.toml or from .vblint.toml, fed to the CLI as defaults.

Command-line options always win. An unknown key is an error, so a misspelt setting is never silently ignored.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from vblint.errors import VblintError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Settings a config file may hold, and the commands each feeds.
KEYS: dict[str, tuple[str, ...]] = {
    "select": ("check", "scan", "eval"),
    "ignore": ("check", "scan", "eval"),
    "min-severity": ("check",),
    "format": ("check",),
    "rules": ("check", "scan", "eval", "rules", "explain"),
    "encoding": ("check", "scan"),
    "text-column": ("scan",),
    "id-column": ("scan",),
    "team-column": ("scan",),
    "type-column": ("scan",),
    "author-column": ("scan",),
    "role-column": ("scan",),
    "date-column": ("scan",),
}
_LISTS = {"select", "ignore", "rules"}


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest .vblint.toml, or pyproject.toml with a [tool.vblint] table, from ``start`` upwards."""
    for folder in [start, *start.parents]:
        dedicated = folder / ".vblint.toml"
        if dedicated.is_file():
            return dedicated, _load(dedicated)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _load(pyproject).get("tool", {}).get("vblint")
            if table is not None:
                return pyproject, table
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise VblintError(f"not valid TOML: {err}", file=str(path)) from None


def default_map(path: Path, table: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """click's ``default_map`` for each command, from a [tool.vblint] table."""
    out: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise VblintError(f"unknown setting (known: {', '.join(sorted(KEYS))})", file=str(path), field=key)
        if key in _LISTS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise VblintError("must be a list of strings", file=str(path), field=key)
            if key == "rules":
                value = [str((path.parent / v).resolve()) for v in value]
        elif not isinstance(value, str):
            raise VblintError("must be a string", file=str(path), field=key)
        for command in KEYS[key]:
            out.setdefault(command, {})[key.replace("-", "_")] = value
    return out
