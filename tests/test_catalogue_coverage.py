"""Every row of the shared phrase catalogue is covered by at least one rule, and rules cite only real rows."""

from __future__ import annotations

import csv

from tests.conftest import shared_file
from vblint.ruleset import RuleSet


def catalogue_rows() -> dict[str, dict[str, str]]:
    with shared_file("phrase_catalogue.tsv").open(encoding="utf-8") as fh:
        return {row["row"]: row for row in csv.DictReader(fh, delimiter="\t")}


def test_every_catalogue_row_has_a_rule(core_rules: RuleSet) -> None:
    covered = {row for rule in core_rules for row in rule.catalogue}
    missing = sorted(set(catalogue_rows()) - covered)
    assert missing == [], f"catalogue rows with no rule: {missing}"


def test_rules_cite_only_catalogue_rows(core_rules: RuleSet) -> None:
    rows = catalogue_rows()
    unknown = {rule.code: [r for r in rule.catalogue if r not in rows] for rule in core_rules}
    assert {k: v for k, v in unknown.items() if v} == {}


def test_rules_take_the_catalogue_category_of_their_rows(core_rules: RuleSet) -> None:
    rows = catalogue_rows()
    # A rule may span rows of different categories, but its own category must be one of theirs.
    wrong = [rule.code for rule in core_rules
             if rule.catalogue and rule.category not in {rows[r]["category"] for r in rule.catalogue if r in rows}]
    assert wrong == []
