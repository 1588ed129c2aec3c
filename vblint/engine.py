"""Text in, findings out: normalise -> correct slips -> tokenise -> prefilter -> match -> context -> findings.

An ``Engine`` is built once from a rule set (tokeniser, matchers and, when the set holds learned rules, the
learned reader) and then passed to whatever needs to lint: the CLI, a batch scan, a test. It holds no note text
between calls.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from vblint.context.mention import is_mention
from vblint.context.negation import is_negated
from vblint.context.other_party import leads_to_adult
from vblint.context.people import Referent
from vblint.context.quotation import enclosing, find_quotes, is_reported_allegation
from vblint.context.referent import referent
from vblint.context.view import DocView
from vblint.learned import CORROBORATION, PhraseModel, Reading
from vblint.matcher import Candidate, RuleMatcher
from vblint.model import Action, Context, Finding, Rule, Severity
from vblint.overlap import collapse
from vblint.ruleset import RuleSet
from vblint.spelling import Speller, rule_words
from vblint.suggest import agreement, render
from vblint.textmap import MappedText, normalise

# When several contexts apply, the first one in this order names the finding's context.
_PRECEDENCE = (Context.MENTION, Context.QUOTED, Context.NEGATED, Context.ADULT, Context.DOUBTED)


_WORDS_NOT_CONTRACTIONS = {"id", "wed"}


def build_pipeline() -> Language:
    """The tokeniser every rule is compiled against: spaCy's blank English, no model to download."""
    nlp = spacy.blank("en")
    # spaCy's limit guards the parser's memory; the tokeniser alone handles a very long note in linear memory.
    nlp.max_length = 100_000_000
    # Text is lower-cased before it is tokenised, and spaCy reads a lower-case "id" as "I'd" and "wed" as "we'd":
    # in notes they are "ID" ("got in on a mate's ID") and "Wed" (Wednesday), and the split leaves an "I" or a "we"
    # that reads as the writer.
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k.lower() not in _WORDS_NOT_CONTRACTIONS}
    return nlp


@dataclass(frozen=True)
class Judgement:
    """What context made of one candidate match: dropped, or reported at a severity with a context."""

    severity: Severity | None
    context: Context | None


def judge(rule: Rule, contexts: set[Context], referent_: Referent) -> Judgement:
    if rule.requires_child and referent_ is not Referent.CHILD:
        return Judgement(None, None)
    ordered = [c for c in _PRECEDENCE if c in contexts]
    if any(rule.action_for(c) is Action.SUPPRESS for c in ordered):
        return Judgement(None, next(c for c in ordered if rule.action_for(c) is Action.SUPPRESS))
    downgraded = [c for c in ordered if rule.action_for(c) is Action.DOWNGRADE]
    if downgraded:
        return Judgement(Severity.INFO, downgraded[0])
    return Judgement(rule.severity, None)


class Engine:
    def __init__(self, rules: RuleSet, nlp: Language | None = None, *, windowed: bool = True,
                 collapse_overlaps: bool = True, model_dir: Path | None = None) -> None:
        # collapse_overlaps=False reports every rule's match, even on words a stronger finding already covers:
        # what a rule's own examples are tested with.
        self.rules = rules
        self.nlp = nlp or build_pipeline()
        self.collapse_overlaps = collapse_overlaps
        self.matcher = RuleMatcher(self.nlp, rules, windowed=windowed)
        self.speller = Speller(rule_words(rules.rules))
        # The learned rules, by the category whose proposals each reports; the reader is loaded only when one is
        # selected, so `--ignore` of them (or a pack without them) costs nothing.
        self._learned = {r.category: i for i, r in enumerate(rules.rules) if r.learned}
        # The pattern rules of each learned category: their exceptions are benign uses of the category's words
        # ("happy to talk to the worker"), which the reader, having seen few of them, may not know.
        self._benign = {c: [i for i, r in enumerate(rules.rules) if r.category == c and not r.learned
                            and (r.exception_patterns or r.exception_phrases)] for c in self._learned}
        self.reader = PhraseModel(model_dir) if self._learned else None

    def lint(self, text: str, *, path: str | None = None, record: str | None = None) -> list[Finding]:
        mapped = self.speller.apply(normalise(text))
        doc = self.nlp.make_doc(mapped.text)
        words = {t.lower_ for t in doc}
        active = self.matcher.active(words)
        if not active and self.reader is None:
            return []
        return self._findings(text, mapped, doc, active, path, record, words)

    def lint_many(self, texts: Iterable[str]) -> Iterator[list[Finding]]:
        """Findings for each text in order; a text with no rule's anchor word goes no further than the tokeniser,
        unless learned rules are selected (the reader reads every note)."""
        for text in texts:
            yield self.lint(text)

    def _findings(self, source: str, mapped: MappedText, doc: Doc, active: list[int], path: str | None,
                  record: str | None, words: set[str] | None = None) -> list[Finding]:
        view = DocView.of(doc)
        candidates = self.matcher(doc, active, view, words) if active else []
        reading = None
        if self.reader is not None:
            reading = self.reader.read(doc)
            candidates = candidates + self._proposals(doc, candidates, reading)
        if not candidates:
            return []
        quotes = find_quotes(view)
        line_starts = _line_starts(source)
        findings = []
        for cand in candidates:
            finding = self._finding(cand, view, quotes, source, mapped, line_starts, path, record, reading)
            if finding is not None:
                findings.append(finding)
        return collapse(findings) if self.collapse_overlaps else findings

    def _proposals(self, doc: Doc, matched: list[Candidate], reading: Reading) -> list[Candidate]:
        """The learned reader's proposals as candidates of the learned rules, where no rule's match (even one its
        context will drop) covers the words, nor an exception of a rule of the same category: a rule's reading of
        its own words is the more exact one."""
        assert self.reader is not None
        out = []
        benign: dict[str, list[tuple[int, int]]] = {}
        for p in self.reader.propose(doc, [(c.start, c.end) for c in matched], self._learned, reading):
            i = self._learned[p.category]
            if p.confidence < self.rules.rules[i].threshold:
                continue
            if p.category not in benign:
                benign[p.category] = self.matcher.exceptions(doc, self._benign[p.category])
            if not any(p.start < e and b < p.end for b, e in benign[p.category]):
                out.append(Candidate(i, p.start, p.end))
        return out

    def _finding(self, cand: Candidate, view: DocView, quotes: list, source: str,  # type: ignore[type-arg]
                 mapped: MappedText, line_starts: list[int], path: str | None,
                 record: str | None, reading: Reading | None = None) -> Finding | None:
        rule = self.rules.rules[cand.rule]
        if rule.adult_object and not leads_to_adult(view, cand.end):
            return None  # "spending time with him" is a concern only when "him" is an adult the note has named
        contexts: set[Context] = set()
        if is_negated(view, cand.start, cand.end, rule.scope):
            contexts.add(Context.NEGATED)
        quote = enclosing(quotes, cand.start, cand.end)
        if (quote is not None and quote.attributed) or is_reported_allegation(view, cand.start):
            contexts.add(Context.QUOTED)
        if is_mention(view, cand.start, cand.end, quote, quotes):
            contexts.add(Context.MENTION)
        who = referent(view, cand.start, cand.end, object_follows=rule.adult_object)
        if who is Referent.ADULT:
            contexts.add(Context.ADULT)
        if reading is not None and not rule.learned and rule.severity > Severity.INFO:
            first, last = view.doc[cand.start], view.doc[cand.end - 1]
            if reading.strongest(first.idx, last.idx + len(last)) < CORROBORATION:
                contexts.add(Context.DOUBTED)
        judgement = judge(rule, contexts, who)
        if judgement.severity is None:
            return None
        doc = view.doc
        start, end = mapped.source_span(doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1]))
        text = source[start:end]
        line = bisect.bisect_right(line_starts, start)
        suggestions = render(rule.suggestions, agreement(view.words, cand.start, cand.end), text)
        return Finding(
            rule=rule.code, name=rule.name, category=rule.category, severity=judgement.severity,
            message=rule.message, text=text, start=start, end=end, line=line,
            column=start - line_starts[line - 1] + 1, suggestions=suggestions, context=judgement.context,
            path=path, record=record,
        )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts
