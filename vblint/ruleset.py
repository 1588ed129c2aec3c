"""Find, load, validate and select rules: the packaged core pack, or rule folders named by the user."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from vblint.errors import RuleFileError, VblintError
from vblint.model import CATEGORIES, Rule
from vblint.schema import build_rule

# libyaml's parser when PyYAML was built with it: the pure-Python one took 7 of the 9 seconds a CLI run spent
# before it read a note (335 rule files).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _RuleLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """YAML 1.2 booleans: only true/false. Rule files list English words, and YAML 1.1 would read the words
    on, off, yes and no as booleans."""


_RuleLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RuleLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def packaged_rules_dir() -> Path:
    """The core rule pack shipped in the wheel (``rules/`` in a source checkout)."""
    return Path(str(resources.files("vblint.rules")))


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.yaml") if p.is_file())


def load_rule_file(path: Path) -> tuple[Rule | None, list[str]]:
    """One rule file, or every ``file: field: problem`` found in it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_RuleLoader)
    except UnicodeDecodeError:
        return None, [f"{path}: (file): not UTF-8 text"]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "not valid YAML"
        return None, [f"{path}{where}: (file): {problem}"]
    rule, problems = build_rule(data, str(path))
    problems = [f"{path}: {p}" for p in problems]
    if rule is not None:
        expected = f"{rule.code}-{rule.name}.yaml"
        if path.name != expected:
            problems.append(f"{path}: code: file name must be {expected}")
        if path.parent.name in CATEGORIES and path.parent.name != rule.category:
            problems.append(f"{path}: category: {rule.category!r} but the file is in {path.parent.name}/")
    return (None if problems else rule), problems


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, key: str) -> Rule | None:
        """A rule by code or name, case-insensitively."""
        key = key.strip().lower()
        return next((r for r in self.rules if key in (r.code.lower(), r.name)), None)

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
        """Rules matched by ``select`` (all when empty) and not by ``ignore``, like ruff's selectors.

        A selector is a code (VB101), a code prefix (VB1), a rule name or a category; ALL selects everything.
        """
        chosen = [r for r in self.rules if not select or any(self._matches(s, r) for s in select)]
        chosen = [r for r in chosen if not any(self._matches(s, r) for s in ignore)]
        for selector in (*select, *ignore):
            known = selector.strip().lower() in CATEGORIES or selector.strip().upper() == "ALL"
            if not known and not any(self._matches(selector, r) for r in self.rules):
                raise VblintError(f"unknown rule selector {selector!r}: use a code, code prefix, name or category")
        return RuleSet(tuple(chosen))

    @staticmethod
    def _matches(selector: str, rule: Rule) -> bool:
        s = selector.strip()
        if s.upper() == "ALL":
            return True
        return rule.code.startswith(s.upper()) or s.lower() in (rule.name, rule.category)


def load_rules(directories: Iterable[Path] | None = None) -> RuleSet:
    """Load and validate every rule under ``directories`` (the core pack by default); fail with all problems."""
    dirs = list(directories) if directories is not None else [packaged_rules_dir()]
    rules: list[Rule] = []
    problems: list[str] = []
    for directory in dirs:
        if not directory.is_dir():
            raise VblintError("rule folder not found", file=str(directory))
        for path in rule_files(directory):
            rule, found = load_rule_file(path)
            problems += found
            if rule is not None:
                rules.append(rule)
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                problems.append(f"{rule.path}: code: {key} is also used by {seen[key]}")
            seen[key] = rule.path
    if problems:
        raise RuleFileError(problems)
    return RuleSet(tuple(sorted(rules, key=lambda r: r.code)))
