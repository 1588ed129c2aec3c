"""Train the learned readers (see ``vblint.learned``) on a labelled corpus: ``python -m vblint.learn CORPUS OUTDIR``.

The shipped readers are trained on ``corpora/notes/dev.jsonl`` only (``make model``): the test split and the
held-out notes measure them and must never teach them. Reader i leaves out fold i (see ``fold``), so that the
readers agree only on what more than one writer's notes taught. meta.json records the corpus's sha256,
and a test fails when the development split changes and the readers were not retrained.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
import zlib
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import filter_spans, fix_random_seed, minibatch

from vblint.corpus import Note, read_corpus
from vblint.engine import build_pipeline
from vblint.learned import MODEL_FORMAT, corpus_digest
from vblint.textmap import normalise

EPOCHS = 12
READERS = 4
_OURS = ("syn", "hw")
SEED = 0
BATCH = 16
DROPOUT = 0.2


def _example(nlp: spacy.Language, note: Note) -> Example:
    mapped = normalise(note.text)
    doc = nlp.make_doc(mapped.text)
    spans = []
    for span in note.spans:
        # Source offsets to normalised ones: the first normalised character at or after the source offset.
        start = bisect.bisect_left(mapped.to_source, span.start)
        end = bisect.bisect_left(mapped.to_source, span.end - 1) + 1
        found = doc.char_span(start, end, label=span.category, alignment_mode="expand")
        if found is not None:
            spans.append(found)
    reference = doc.copy()
    reference.ents = filter_spans(spans)
    return Example(nlp.make_doc(mapped.text), reference)


def fold(note_id: str, folds: int) -> int:
    """The fold of a note: an independent writer's notes (``ta-0001``) go together, so that a reader never learns
    one writer's habits from half their notes and is scored on the other half; the notes the rules' authors
    generated or wrote (``syn-``, ``hw-``) are spread one by one. crc32, not Python's salted hash: stable."""
    group = note_id.rsplit("-", 1)[0]
    return zlib.crc32((note_id if group in _OURS else group).encode()) % folds


def reader_name(i: int) -> str:
    return f"reader-{i + 1}"


def train_reader(corpus: Path, out: Path, i: int, *, readers: int = READERS, epochs: int = EPOCHS,
                 seed: int = SEED, log: bool = True) -> int:
    """Train reader ``i`` on the corpus less fold ``i``; returns how many notes it learned from."""
    fix_random_seed(seed + i)
    nlp = build_pipeline()
    ner = nlp.add_pipe("ner")
    examples = [_example(nlp, note) for note in read_corpus(corpus) if fold(note.id, readers) != i]
    rng = random.Random(seed + i)
    optimizer = nlp.initialize(lambda: examples)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        if log:
            print(f"{reader_name(i)} epoch {epoch + 1}/{epochs}: loss {losses['ner']:.1f}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    ner.to_disk(out / reader_name(i), exclude=["vocab"])
    return len(examples)


def write_meta(corpus: Path, out: Path, *, readers: int = READERS, epochs: int = EPOCHS, seed: int = SEED) -> None:
    meta = {
        "format": MODEL_FORMAT,
        "readers": [reader_name(i) for i in range(readers)],
        "trained_on": corpus.name,
        "corpus_sha256": corpus_digest(corpus),
        "epochs": epochs,
        "seed": seed,
        "spacy": spacy.__version__,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def train(corpus: Path, out: Path, *, readers: int = READERS, epochs: int = EPOCHS, seed: int = SEED,
          only: int | None = None) -> None:
    for i in range(readers) if only is None else [only]:
        train_reader(corpus, out, i, readers=readers, epochs=epochs, seed=seed)
    write_meta(corpus, out, readers=readers, epochs=epochs, seed=seed)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m vblint.learn", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--readers", type=int, default=READERS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--only", type=int, default=None, metavar="I",
                        help="train reader I (from 0) alone, e.g. to train readers in parallel processes")
    args = parser.parse_args(argv)
    train(args.corpus, args.out, readers=args.readers, epochs=args.epochs, seed=args.seed, only=args.only)


if __name__ == "__main__":
    main()
