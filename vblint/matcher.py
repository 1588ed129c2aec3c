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
    """The compiled form of a rule set for one pipeline's vocabulary."""

    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        self.rules = rules.rules
        self._codes = {rule.code: i for i, rule in enumerate(self.rules)}
        self._matcher = Matcher(nlp.vocab, validate=False)
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule in self.rules:
            if rule.patterns:
                self._matcher.add(rule.code, [list(p) for p in rule.patterns], greedy="LONGEST")
            if rule.phrases:
                self._phrases.add(rule.code, [nlp.make_doc(normalise(p).text) for p in rule.phrases])
            if rule.exception_patterns:
                self._matcher.add(rule.code + _EXCEPTION, [list(p) for p in rule.exception_patterns])
            if rule.exception_phrases:
                self._phrases.add(rule.code + _EXCEPTION,
                                  [nlp.make_doc(normalise(p).text) for p in rule.exception_phrases])
        anchors = sorted({a for rule in self.rules for a in rule.anchors}, key=len, reverse=True)
        # A note with none of these words cannot match any rule, so it skips tokenising altogether.
        self.prefilter = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, anchors)) + r")(?![^\W_])"
                                    if anchors else r"(?!x)x")

    def __call__(self, doc: Doc) -> list[Candidate]:
        strings = doc.vocab.strings
        found: dict[str, list[tuple[int, int]]] = {}
        matches = [*(self._matcher(doc) if len(self._matcher) else ()), *(self._phrases(doc) if len(self._phrases)
                                                                           else ())]
        for match_id, start, end in matches:
            found.setdefault(strings[match_id], []).append((start, end))
        out: list[Candidate] = []
        for key, spans in found.items():
            if key.endswith(_EXCEPTION):
                continue
            cancels = found.get(key + _EXCEPTION, [])
            kept = [s for s in spans if not any(s[0] < e and b < s[1] for b, e in cancels)]
            # Longest first, no overlaps within a rule: "capable and street wise" beats "street wise".
            for span in filter_spans([doc[s:e] for s, e in kept]):
                out.append(Candidate(self._codes[key], span.start, span.end))
        out.sort(key=lambda c: (c.start, c.rule))
        return out
