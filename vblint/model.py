"""The typed values that flow through vblint: severities, contexts, compiled rules and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Any

#: Version of the finding JSON schema; bump on any incompatible change to ``Finding.to_dict``.
FINDING_SCHEMA_VERSION = 1

CATEGORIES: tuple[str, ...] = (
    "responsibility-shifting",
    "choice-framing",
    "implied-consent",
    "relationship-framing",
    "sexualising",
    "exchange-framing",
    "criminalising",
    "capability-streetwise",
    "minimising-risk",
    "character-judgement",
    "engagement-blame",
    "circumstantial-blame",
)


class Severity(IntEnum):
    """Ordered so that ``finding.severity >= Severity.WARNING`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Context(str, Enum):
    """Why a match may not be the writer's own blaming use of the words."""

    NEGATED = "negated"  # "she is not streetwise", "a 13yo cannot consent"
    QUOTED = "quoted"  # the words are someone's attributed speech, e.g. the voice of the child
    MENTION = "mention"  # training, audit or a supervisor's correction talks about the phrase
    ADULT = "adult"  # the words describe an adult suspect, a parent, an officer or an organisation
    DOUBTED = "doubted"  # the learned reader, reading the whole sentence, does not take the words as blaming

    def __str__(self) -> str:
        return self.value


class Action(str, Enum):
    """What a context does to a rule's match, declared per rule."""

    SUPPRESS = "suppress"
    DOWNGRADE = "downgrade"  # reported at info severity, with the context named
    KEEP = "keep"

    def __str__(self) -> str:
        return self.value


DEFAULT_POLICY: dict[Context, Action] = {
    Context.NEGATED: Action.SUPPRESS,
    Context.QUOTED: Action.DOWNGRADE,
    Context.MENTION: Action.DOWNGRADE,
    Context.ADULT: Action.SUPPRESS,
    Context.DOUBTED: Action.DOWNGRADE,
}


@dataclass(frozen=True)
class Example:
    """A rule example; ``spans`` holds the (start, end) offsets the rule must report in ``text``."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Rule:
    """A validated rule, as loaded from one YAML file."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    rationale: str
    suggestions: tuple[str, ...]
    alternatives: tuple[str, ...]
    references: tuple[str, ...]
    catalogue: tuple[str, ...]
    patterns: tuple[tuple[dict[str, Any], ...], ...]
    phrases: tuple[str, ...]
    exception_patterns: tuple[tuple[dict[str, Any], ...], ...]
    exception_phrases: tuple[str, ...]
    policy: dict[Context, Action]
    anchors: frozenset[str]
    must_match: tuple[Example, ...]
    must_not_match: tuple[str, ...]
    path: str = ""
    scope: int = 0  # tokens of context the context filters look at, 0 for the default
    requires_child: bool = False  # only report when a child is positively named as the referent
    adult_object: bool = False  # only report when the person the match leads to is an adult other party
    learned: bool = False  # candidates come from the learned reader, not from patterns (vblint.learned)
    threshold: float = 0.0  # for a learned rule, the least confidence it reports

    def action_for(self, context: Context) -> Action:
        return self.policy.get(context, DEFAULT_POLICY[context])


@dataclass(frozen=True)
class Finding:
    """One reported use of a rule's wording, with offsets into the text that was linted."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    text: str
    start: int
    end: int
    line: int
    column: int
    suggestions: tuple[str, ...] = ()
    context: Context | None = None
    path: str | None = None
    record: str | None = None  # the record id, when linting an export
    meta: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "suggestions": list(self.suggestions),
            "context": None if self.context is None else str(self.context),
        }
        if self.path is not None:
            data["path"] = self.path
        if self.record is not None:
            data["record"] = self.record
        return data
