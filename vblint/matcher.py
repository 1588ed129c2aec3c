"""Match every rule's patterns and phrases in a tokenised note, minus the matches its exceptions cancel."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from vblint.context.view import DocView
from vblint.model import Rule
from vblint.ruleset import RuleSet
from vblint.schema import COMMON_WORDS, pattern_anchor
from vblint.textmap import normalise

_EXCEPTION = "!"


@dataclass(frozen=True)
class Candidate:
    rule: int  # index into the rule set
    start: int  # token offsets
    end: int


class RuleMatcher:
    """The compiled form of a rule set for one pipeline's vocabulary.

    Each rule has its own matchers and is run only on notes that contain one of its anchor words, and there only
    on the sentences that hold one (with a token either side): a rule's patterns cost nothing on the many notes
    and sentences that cannot match them, which is what keeps a large pack fast. ``windowed=False`` runs every
    active rule over the whole note; the tests show both give the same candidates.
    """

    def __init__(self, nlp: Language, rules: RuleSet, *, windowed: bool = True) -> None:
        self.rules = rules.rules
        self.windowed = windowed
        self._compiled: list[tuple[Matcher | None, PhraseMatcher | None, Matcher | None, PhraseMatcher | None]] = []
        for rule in self.rules:
            self._compiled.append((
                _matcher(nlp, rule.code, rule.patterns, greedy="LONGEST"),
                _phrases(nlp, rule.code, rule.phrases),
                _matcher(nlp, rule.code + _EXCEPTION, rule.exception_patterns),
                _phrases(nlp, rule.code + _EXCEPTION, rule.exception_phrases),
            ))
        # For each rule, what one of its patterns or phrases needs all of: a word from each required token.
        self._needs = [_requirements(nlp, rule) for rule in self.rules]
        # Anchors are token words (every match of a pattern holds one of its anchor token's words, every match of
        # a phrase holds each of the phrase's tokens), so looking them up among a note's tokens is exact. A search
        # of the raw text is not: "didn't" holds the token "n't", "grown-up" the token "grown", and a regex of
        # alternatives finds only one of the anchors that overlap. It was also several times slower than tokenising
        # (3,750 notes/s against 12,000-40,000 on the sample export).
        self._by_anchor: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            anchors = {word for pattern in rule.patterns for word in (pattern_anchor(list(pattern)) or ())}
            anchors.update(_phrase_anchor(nlp.make_doc(normalise(p).text)) for p in rule.phrases)
            for anchor in anchors:
                self._by_anchor.setdefault(anchor, []).append(i)

    def active(self, words: set[str]) -> list[int]:
        """The rules that can match a note whose tokens' lower-case forms are ``words``: those with an anchor in it."""
        found: set[int] = set()
        by_anchor = self._by_anchor
        for word in words:
            rules = by_anchor.get(word)
            if rules:
                found.update(rules)
        return sorted(found)

    def exceptions(self, doc: Doc, rules: Iterable[int]) -> list[tuple[int, int]]:
        """Where the exceptions of ``rules`` match anywhere in the note: the benign uses those rules know."""
        found: list[tuple[int, int]] = []
        for i in rules:
            _, _, exception_patterns, exception_phrases = self._compiled[i]
            found.extend(_run(exception_patterns, exception_phrases, doc, [(0, len(doc))]))
        return found

    def __call__(self, doc: Doc, active: list[int] | None = None, view: DocView | None = None,
                 words: set[str] | None = None) -> list[Candidate]:
        """Candidates of the ``active`` rules (all when None); ``words``, the note's token set if already made."""
        out: list[Candidate] = []
        positions: dict[str, list[int]] = {}
        if view is not None and self.windowed:
            for at, word in enumerate(view.words):
                positions.setdefault(word, []).append(at)
        present = set() if active is None else words if words is not None else {t.lower_ for t in doc}
        for i in range(len(self.rules)) if active is None else active:
            needs = self._needs[i]
            if active is not None and not any(all(not present.isdisjoint(n) for n in need) for need in needs):
                continue  # an anchor word is here, but some other word every match needs is not
            patterns, phrases, exception_patterns, exception_phrases = self._compiled[i]
            windows = _windows(self.rules[i].anchors, positions, view) if positions and view else [(0, len(doc))]
            spans = _run(patterns, phrases, doc, windows)
            if not spans:
                continue
            cancels = _run(exception_patterns, exception_phrases, doc, windows)
            if view is not None:
                # An exception speaks of one sentence: "alcohol present. Girls there of their own accord" is not
                # "presented of her own accord". Dropping those that reach across a sentence start also keeps the
                # windowed and whole-note runs identical.
                cancels = [(b, e) for b, e in cancels if not any(view.sent_start[k] == k for k in range(b + 1, e))]
            kept = [sp for sp in spans if not any(sp[0] < e and b < sp[1] for b, e in cancels)]
            # Longest first, no overlaps within a rule: "capable and street wise" beats "street wise".
            for span in filter_spans([doc[s:e] for s, e in kept]):
                out.append(Candidate(i, span.start, span.end))
        out.sort(key=lambda c: (c.start, c.rule))
        return out


def _phrase_anchor(tokens: Doc) -> str:
    """The phrase token least likely to be in a note: uncommon and long."""
    return max((t.lower_ for t in tokens), key=lambda w: (w not in COMMON_WORDS, len(w)))


def _requirements(nlp: Language, rule: Rule) -> list[tuple[frozenset[str], ...]]:
    """For each pattern, the word sets of its required tokens (a match holds a word of each); for each phrase, its
    tokens. Open tokens and those matched on other attributes require nothing, so the check stays exact."""
    needs: list[tuple[frozenset[str], ...]] = []
    for pattern in rule.patterns:
        sets = []
        for token in pattern:
            if token.get("OP") not in (None, "+") or any(k not in _EXACT_KEYS for k in token):
                continue
            value = token.get("LOWER", token.get("ORTH", token.get("TEXT")))
            if isinstance(value, str):
                sets.append(frozenset({value.lower()}))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                sets.append(frozenset(str(v).lower() for v in value["IN"]))
        needs.append(tuple(sets))
    for phrase in rule.phrases:
        needs.append(tuple(frozenset({t.lower_}) for t in nlp.make_doc(normalise(phrase).text)))
    return needs


_EXACT_KEYS = {"LOWER", "ORTH", "TEXT", "OP"}


def _windows(anchors: frozenset[str], positions: dict[str, list[int]], view: DocView) -> list[tuple[int, int]]:
    """Token ranges to match a rule in: each sentence holding one of its anchor words, a token wider either side
    (patterns may take in the punctuation that ends a sentence). The whole note if no anchor token is found."""
    hits = sorted({at for word in anchors for at in positions.get(word, ())})
    size = len(view.words)
    if not hits:
        return [(0, size)]
    windows: list[tuple[int, int]] = []
    for at in hits:
        start, end = max(0, view.sent_start[at] - 1), min(size, view.sent_end[at] + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _run(patterns: Matcher | None, phrases: PhraseMatcher | None, doc: Doc,
         windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Matches of a rule's token patterns inside the windows and of its phrases anywhere (a phrase lookup is a
    hash per token, cheap over the whole note). A Matcher reports offsets within the span it is given."""
    found: list[tuple[int, int]] = []
    if patterns is not None:
        for start, end in windows:
            found.extend((start + s, start + e) for _, s, e in patterns(doc[start:end]))
    if phrases is not None:
        found.extend((s, e) for _, s, e in phrases(doc))
    return found


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
