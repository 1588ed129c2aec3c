"""Match every rule's patterns and phrases in a tokenised note, minus the matches its exceptions cancel."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from vblint.ruleset import RuleSet
from vblint.textmap import normalise

_EXCEPTION = "!"


@dataclass(frozen=True)
class Candidate:
    rule: int  # index into the rule set
    start: int  # token offsets
    end: int


class RuleMatcher:
    """The compiled form of a rule set for one pipeline's vocabulary.

    Each rule has its own matchers and is run only on notes that contain one of its anchor words: a rule's
    patterns cost nothing on the many notes that cannot match them, which is what keeps a large pack fast.
    """

    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        self.rules = rules.rules
        self._compiled: list[tuple[Matcher | None, PhraseMatcher | None, Matcher | None, PhraseMatcher | None]] = []
        for rule in self.rules:
            self._compiled.append((
                _matcher(nlp, rule.code, rule.patterns, greedy="LONGEST"),
                _phrases(nlp, rule.code, rule.phrases),
                _matcher(nlp, rule.code + _EXCEPTION, rule.exception_patterns),
                _phrases(nlp, rule.code + _EXCEPTION, rule.exception_phrases),
            ))
        self._by_anchor: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for anchor in rule.anchors:
                self._by_anchor.setdefault(anchor, []).append(i)
        anchors = sorted(self._by_anchor, key=len, reverse=True)
        # A note with none of these words cannot match any rule, so it skips tokenising altogether.
        self.prefilter = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, anchors)) + r")(?![^\W_])"
                                    if anchors else r"(?!x)x")

    def active(self, text: str) -> list[int]:
        """The rules that can match a normalised (lower-cased) note: those with an anchor word in it."""
        found: set[int] = set()
        for word in set(self.prefilter.findall(text)):
            found.update(self._by_anchor.get(word, ()))
        return sorted(found)

    def __call__(self, doc: Doc, active: list[int] | None = None) -> list[Candidate]:
        out: list[Candidate] = []
        for i in range(len(self.rules)) if active is None else active:
            patterns, phrases, exception_patterns, exception_phrases = self._compiled[i]
            spans = [(s, e) for m in (patterns, phrases) if m is not None for _, s, e in m(doc)]
            if not spans:
                continue
            cancels = [(s, e) for m in (exception_patterns, exception_phrases) if m is not None
                       for _, s, e in m(doc)]
            kept = [sp for sp in spans if not any(sp[0] < e and b < sp[1] for b, e in cancels)]
            # Longest first, no overlaps within a rule: "capable and street wise" beats "street wise".
            for span in filter_spans([doc[s:e] for s, e in kept]):
                out.append(Candidate(i, span.start, span.end))
        out.sort(key=lambda c: (c.start, c.rule))
        return out


def _matcher(nlp: Language, key: str, patterns: tuple, greedy: str | None = None) -> Matcher | None:  # type: ignore[type-arg]
    if not patterns:
        return None
    matcher = Matcher(nlp.vocab, validate=False)
    matcher.add(key, [list(p) for p in patterns], greedy=greedy)
    return matcher


def _phrases(nlp: Language, key: str, phrases: tuple) -> PhraseMatcher | None:  # type: ignore[type-arg]
    if not phrases:
        return None
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add(key, [nlp.make_doc(normalise(p).text) for p in phrases])
    return matcher
