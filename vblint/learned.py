"""Learned readers of the labelled notes: wording like what writers marked, where no rule's patterns reach.

Rules are precise but each names its own words, and unseen writers keep finding new ones ("a right little
menace", "probably grafting for the Marsh End boys"). The readers are small spaCy entity recognisers trained on the
development split of ``corpora/notes`` only, one label per taxonomy category (``vblint.learn``). What they propose
goes through the same context filters as a rule's match, is kept only where its confidence reaches the learned
rule's threshold, and is dropped where a rule already matched the words (the rule's own judgement of its context
stands).

Confidence is the share of several independently trained readers that mark the stretch (see ``PhraseModel``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from vblint.errors import VblintError

#: What the model directory's meta.json must say for this code to read it.
MODEL_FORMAT = 1
CHUNK = 1000


def packaged_model_dir() -> Path:
    return Path(str(resources.files("vblint") / "models" / "phrases"))


@dataclass(frozen=True)
class Proposal:
    """A stretch of tokens the learned reader would mark, with its category and confidence (0 to 1)."""

    start: int
    end: int
    category: str
    confidence: float


class PhraseModel:
    """The trained readers, bound to the engine's own pipeline so that they read the same tokens.

    The readers are entity recognisers of one design, each trained on the development notes less a different
    quarter of their writers. A proposal's confidence is the share of readers that mark an overlapping stretch:
    one recogniser's own scores say little (its beam gives nearly all its mass to what it already chose), while
    readers that learned from different writers agree on wording that generalises and disagree on what one
    writer's habits taught.
    """

    def __init__(self, nlp: Language, directory: Path | None = None) -> None:
        directory = directory or packaged_model_dir()
        self.directory = directory
        meta_path = directory / "meta.json"
        try:
            self.meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise VblintError(f"{meta_path}: cannot read the learned model's meta.json ({err})") from None
        if self.meta.get("format") != MODEL_FORMAT:
            raise VblintError(f"{meta_path}: format: expected {MODEL_FORMAT}, got {self.meta.get('format')!r}")
        readers = self.meta.get("readers")
        if not isinstance(readers, list) or not readers or not all(isinstance(r, str) for r in readers):
            raise VblintError(f"{meta_path}: readers: must list the readers' folder names")
        self._readers = []
        for name in readers:
            # create_pipe, not add_pipe: the engine's pipeline stays a tokeniser, shared with the rules' matchers.
            ner = nlp.create_pipe("ner")
            try:
                ner.from_disk(directory / name, exclude=["vocab"])
            except (OSError, ValueError) as err:
                raise VblintError(f"{directory / name}: cannot load a learned reader ({err})") from None
            self._readers.append(ner)

    def propose(self, doc: Doc, skip: Sequence[tuple[int, int]] = (),
                categories: Collection[str] | None = None) -> list[Proposal]:
        """What the first reader marks in ``doc`` outside the ``skip`` ranges (rules' matches), of the given
        ``categories`` (all when None), each with the share of all readers that mark it. The others read a note
        only when the first proposes something wanted, so most notes cost one reading."""
        out = []
        for begin, end in _chunks(doc):
            piece = doc[begin:end].as_doc() if (begin, end) != (0, len(doc)) else doc
            shifted = [(a - begin, b - begin) for a, b in skip if a < end and begin < b]
            out.extend(Proposal(p.start + begin, p.end + begin, p.category, p.confidence)
                       for p in self._propose(piece, shifted, categories))
        return out

    def _propose(self, doc: Doc, skip: Sequence[tuple[int, int]],
                 categories: Collection[str] | None) -> list[Proposal]:
        first, *others = self._readers
        fresh = [e for e in first(doc.copy()).ents if not _overlaps_any(e.start, e.end, skip)
                 and (categories is None or e.label_ in categories)]
        if not fresh:
            return []
        marked = [[(e.start, e.end) for e in reader(doc.copy()).ents] for reader in others]
        return [Proposal(e.start, e.end, e.label_,
                         (1 + sum(_overlaps_any(e.start, e.end, spans) for spans in marked)) / len(self._readers))
                for e in fresh]


def _chunks(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of at most about CHUNK tokens, cut after a full stop or line break where there is one: the
    recogniser's memory grows with the length of what it reads, and a note is read a sentence or two at a time
    anyway (its window is four tokens either side)."""
    if len(doc) <= CHUNK:
        return [(0, len(doc))]
    out, begin = [], 0
    while begin < len(doc):
        end = min(len(doc), begin + CHUNK)
        if end < len(doc):
            cut = next((i + 1 for i in range(end - 1, begin + CHUNK // 2, -1) if doc[i].text in (".", "\n")), end)
            end = cut
        out.append((begin, end))
        begin = end
    return out


def _overlaps_any(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in ranges)


def corpus_digest(path: Path) -> str:
    """The sha256 of a training corpus, recorded in the model's meta so that a stale model is caught by a test."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
