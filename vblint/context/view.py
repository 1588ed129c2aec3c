"""A read-only view of one tokenised note that the context filters share: words, sentences and clauses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

_SENTENCE_END = {".", "!", "?", "...", "…", "\n"}
# Words that end a clause for scope purposes: a negation or subject before them does not reach past them.
# A hyphen inside a word ("strong-willed", "15-year-old") is part of the word, not a dash between clauses; the view
# spells it differently so that only a spaced dash ends a clause.
HYPHEN = "\u2010"
CLAUSE_BREAKS = {";", ":", "but", "however", "although", "though", "whereas", "while", "whilst", "yet",
                 "because", "-", "–", "—", "(", ")", "[", "]", "\n", "despite", "nevertheless", "unless"}


@dataclass(frozen=True)
class DocView:
    doc: Doc
    words: tuple[str, ...]  # lower-cased token texts
    sent_start: tuple[int, ...]  # for each token, the index of the first token of its sentence
    sent_end: tuple[int, ...]  # for each token, the index just past the last token of its sentence
    # What a context filter reads once per note and reuses for every match in it (e.g. the note's named people).
    cache: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        words = tuple(_word(doc, t.i) for t in doc)
        starts: list[int] = []
        begin = 0
        for i, w in enumerate(words):
            starts.append(begin)
            if w in _SENTENCE_END and not (i + 1 < len(words) and words[i + 1] in _SENTENCE_END):
                begin = i + 1
        ends = [0] * len(words)
        end = len(words)
        for i in range(len(words) - 1, -1, -1):
            ends[i] = end
            if starts[i] == i:
                end = i
        return cls(doc, words, tuple(starts), tuple(ends))

    def before(self, start: int, limit: int, *, clause: bool = True) -> list[int]:
        """Token indices before ``start`` in its sentence, nearest first, at most ``limit``, within the clause."""
        if not self.words:
            return []
        out: list[int] = []
        floor = self.sent_start[min(start, len(self.words) - 1)]
        i = start - 1
        while i >= floor and len(out) < limit:
            if clause and self.words[i] in CLAUSE_BREAKS:
                break
            out.append(i)
            i -= 1
        return out

    def after(self, end: int, limit: int, *, clause: bool = True) -> list[int]:
        """Token indices from ``end`` on in the same sentence, nearest first, at most ``limit``."""
        if not self.words or end >= len(self.words):
            return []
        out: list[int] = []
        ceiling = self.sent_end[end - 1] if end > 0 else self.sent_end[0]
        i = end
        while i < ceiling and len(out) < limit:
            if clause and self.words[i] in CLAUSE_BREAKS:
                break
            out.append(i)
            i += 1
        return out

    def sentence(self, start: int) -> range:
        return range(self.sent_start[start], self.sent_end[start])


def _word(doc: Doc, i: int) -> str:
    tok = doc[i]
    if tok.is_space:
        return "\n" if "\n" in tok.text else " "
    if tok.text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not tok.whitespace_ \
            and doc[i - 1].text[-1:].isalnum() and doc[i + 1].text[:1].isalnum():
        return HYPHEN
    return tok.lower_
