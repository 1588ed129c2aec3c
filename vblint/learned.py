"""The learned rules' reader: wording like what writers marked, where no rule's patterns reach.

Rules are precise but each names its own words, and unseen writers keep finding new ones ("a right little
menace", "probably grafting for the Marsh End boys"). The reader is a pretrained encoder fine-tuned on the
development split of ``corpora/notes`` only, tagging words with the taxonomy's categories (``vblint.encoder``,
trained by ``vblint.learn``). What it marks becomes a proposal on the engine's tokens; the engine sends each
proposal through the same context filters as a rule's match, keeps it only where its confidence reaches the
learned rule's threshold, and drops it where a rule already matched the words (the rule's own judgement of its
context stands).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from vblint.encoder import EncoderReader, Reading, packaged_model_dir

__all__ = ["CORROBORATION", "PhraseModel", "Proposal", "Reading", "corpus_digest", "packaged_model_dir"]

#: A rule's match stands only where the reader gives at least one of its word pieces this probability of being
#: part of a victim-blaming phrase; below it the finding is downgraded to info, context "doubted". Rules match
#: words, and the same words are often fine ("she chose to speak to the ISVA", "the lads' football club"), in ways
#: no exception list keeps up with; a reader that has seen the words in their sentence is the better judge of
#: that. Chosen on the notes of holdout batches 1-8 and confirmed on batches 9-18 (README, "Learned rules").
CORROBORATION = 0.05


@dataclass(frozen=True)
class Proposal:
    """A stretch of tokens the learned reader would mark, with its category and confidence (0 to 1)."""

    start: int
    end: int
    category: str
    confidence: float


class PhraseModel:
    """The encoder, bound to the engine's tokens: it reads a doc's text and proposes token stretches."""

    def __init__(self, directory: Path | None = None) -> None:
        self.encoder = EncoderReader(directory)
        self.directory = self.encoder.directory

    def read(self, doc: Doc) -> Reading:
        return self.encoder.read(doc.text)

    def propose(self, doc: Doc, skip: Sequence[tuple[int, int]] = (),
                categories: Collection[str] | None = None, reading: Reading | None = None) -> list[Proposal]:
        """What the encoder marks in ``doc`` outside the ``skip`` token ranges (rules' matches), of the given
        ``categories`` (all when None), widened to whole tokens; ``reading`` is ``read(doc)`` if already made."""
        out = []
        for marked in (reading or self.read(doc)).marks:
            if categories is not None and marked.category not in categories:
                continue
            span = doc.char_span(marked.start, marked.end, alignment_mode="expand")
            if span is None or not len(span) or _overlaps_any(span.start, span.end, skip):
                continue
            out.append(Proposal(span.start, span.end, marked.category, marked.confidence))
        return out


def _overlaps_any(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in ranges)


def corpus_digest(path: Path) -> str:
    """The sha256 of a training corpus, recorded in the model's meta so that a stale model is caught by a test."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
