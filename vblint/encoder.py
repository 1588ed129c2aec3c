"""The learned reader: a small BERT encoder fine-tuned to mark victim-blaming wording, run in numpy.

The encoder is all-MiniLM-L6-v2 (6 layers, 384 wide; Apache-2.0), fine-tuned on the development notes by
``vblint.learn`` to tag each word piece O, B-category or I-category. Pretraining is what the pattern rules and the
earlier small recognisers lacked: it has read a great deal of English, so it knows that "a right little menace" is
said of a person the way "a little madam" is, and that "not" before "streetwise" changes what is said.

Only inference lives here, and it needs numpy (which spaCy brings) and the ``tokenizers`` library (the word-piece
tokeniser the encoder was trained with), not a deep-learning framework. The weights ship in ``models/encoder`` as
8-bit integers with a scale per output column (or per embedding row), about a quarter of their float size; on
every twelfth holdout note (302 notes, 25,343 word pieces) they give the float weights' tag to 99.85% of pieces.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from tokenizers import Encoding, Tokenizer

from vblint.errors import VblintError

#: What the model directory's meta.json must say for this code to read it.
MODEL_FORMAT = 2
#: Windows read at once: a long document (an inspection report is 150 windows) in bounded memory, since the
#: attention scores of a batch take windows x 12 x 192 x 192 floats.
BATCH = 16
#: Windows read of one text, about 18,000 word pieces (13,000 words): far longer than any note, and a bound on the
#: time a pathological input costs (a million-character export cell). Past it the rules alone judge the words.
MAX_WINDOWS = 128

# Abramowitz and Stegun 7.1.26, error below 1.5e-7: numpy has no erf, and BERT's GELU is the exact one.
_ERF = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def packaged_model_dir() -> Path:
    return Path(str(resources.files("vblint") / "models" / "encoder"))


@dataclass(frozen=True)
class Marked:
    """A stretch of the text the encoder tags as victim-blaming: character offsets, category and confidence (the
    mean over its word pieces of the probability that a piece is part of some marked stretch)."""

    start: int
    end: int
    category: str
    confidence: float


@dataclass(frozen=True)
class Reading:
    """The encoder's reading of one text: what it tags, and each word piece's probability of being tagged (by
    character offsets)."""

    marks: list[Marked]
    pieces: list[tuple[int, int, float]]
    read_to: int  # the end of what was read: all of the text, unless it ran past MAX_WINDOWS

    def strongest(self, start: int, end: int) -> float:
        """The highest probability the encoder gives any word piece of ``text[start:end]`` of being part of a
        victim-blaming phrase; 0 where no piece falls inside, and 1 past what was read (no reading, no doubt)."""
        if end > self.read_to:
            return 1.0
        # Word pieces do not overlap and are in order, so their ends are sorted too: start at the first that ends
        # after ``start`` rather than scanning a long document's pieces for every match in it.
        first = bisect.bisect_right(self._ends, start)
        return max((p for a, _, p in itertools.takewhile(lambda piece: piece[0] < end,
                                                           itertools.islice(self.pieces, first, None))), default=0.0)

    @functools.cached_property
    def _ends(self) -> list[int]:
        return [b for _, b, _ in self.pieces]


def _erf(x: np.ndarray) -> np.ndarray:
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = ((((_ERF[4] * t + _ERF[3]) * t + _ERF[2]) * t + _ERF[1]) * t + _ERF[0]) * t
    return np.sign(x) * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def bert_logits(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray, heads: int, layers: int) -> np.ndarray:
    """Token-classification logits, shape (batch, length, labels), for word-piece ``ids`` and their attention
    ``mask`` (both (batch, length)); ``w`` holds the weights named as ``from_hf_state`` names them."""
    n, length = ids.shape
    x = w["emb.word"][ids] + w["emb.pos"][:length][None] + w["emb.type"][0][None, None]
    x = _layer_norm(x, w["emb.ln.w"], w["emb.ln.b"])
    d = x.shape[-1]
    hd = d // heads
    bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float32).min).astype(np.float32)
    scale = np.float32(1.0 / np.sqrt(hd))
    for i in range(layers):
        p = f"l{i}."
        qkv = x @ w[p + "qkv.w"] + w[p + "qkv.b"]
        q, k, v = (qkv[..., j * d:(j + 1) * d].reshape(n, length, heads, hd).transpose(0, 2, 1, 3) for j in range(3))
        scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
        scores -= scores.max(-1, keepdims=True)
        att = np.exp(scores)
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, d)
        x = _layer_norm(x + ctx @ w[p + "ao.w"] + w[p + "ao.b"], w[p + "ln1.w"], w[p + "ln1.b"])
        h = _gelu(x @ w[p + "in.w"] + w[p + "in.b"])
        x = _layer_norm(x + h @ w[p + "out.w"] + w[p + "out.b"], w[p + "ln2.w"], w[p + "ln2.b"])
    return x @ w["cls.w"] + w["cls.b"]


def from_hf_state(state: dict[str, Any], layers: int) -> dict[str, np.ndarray]:
    """A Hugging Face BertForTokenClassification state dict under our short names, matrices laid out for x @ W
    and the attention's query, key and value joined into one product."""
    def g(key: str) -> np.ndarray:
        return np.asarray(state[key], dtype=np.float32)

    out = {
        "emb.word": g("bert.embeddings.word_embeddings.weight"),
        "emb.pos": g("bert.embeddings.position_embeddings.weight"),
        "emb.type": g("bert.embeddings.token_type_embeddings.weight"),
        "emb.ln.w": g("bert.embeddings.LayerNorm.weight"),
        "emb.ln.b": g("bert.embeddings.LayerNorm.bias"),
        "cls.w": g("classifier.weight").T,
        "cls.b": g("classifier.bias"),
    }
    for i in range(layers):
        s, p = f"bert.encoder.layer.{i}.", f"l{i}."
        qkv = ("query", "key", "value")
        out[p + "qkv.w"] = np.concatenate([g(s + f"attention.self.{m}.weight").T for m in qkv], axis=1)
        out[p + "qkv.b"] = np.concatenate([g(s + f"attention.self.{m}.bias") for m in qkv])
        out[p + "ao.w"] = g(s + "attention.output.dense.weight").T
        out[p + "ao.b"] = g(s + "attention.output.dense.bias")
        out[p + "ln1.w"] = g(s + "attention.output.LayerNorm.weight")
        out[p + "ln1.b"] = g(s + "attention.output.LayerNorm.bias")
        out[p + "in.w"] = g(s + "intermediate.dense.weight").T
        out[p + "in.b"] = g(s + "intermediate.dense.bias")
        out[p + "out.w"] = g(s + "output.dense.weight").T
        out[p + "out.b"] = g(s + "output.dense.bias")
        out[p + "ln2.w"] = g(s + "output.LayerNorm.weight")
        out[p + "ln2.b"] = g(s + "output.LayerNorm.bias")
    return out


def quantise(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """8-bit weights for every matrix, with a float scale per output column (per row for the embedding tables,
    which are read a row at a time); vectors stay float."""
    out: dict[str, np.ndarray] = {}
    for name, w in weights.items():
        if w.ndim != 2:
            out[name] = w.astype(np.float32)
            continue
        axis = 1 if name.startswith("emb.") else 0
        scale = np.abs(w).max(axis=axis, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        out[name] = np.round(w / scale).astype(np.int8)
        out[name + ".scale"] = scale.astype(np.float32)
    return out


def dequantise(stored: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out = {}
    for name, w in stored.items():
        if name.endswith(".scale"):
            continue
        scale = stored.get(name + ".scale")
        out[name] = w.astype(np.float32) * scale if scale is not None else w.astype(np.float32)
    return out


class EncoderReader:
    """The fine-tuned encoder, loaded once and passed on: ``mark(text)`` gives what it tags in a text."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or packaged_model_dir()
        self.directory = directory
        meta_path = directory / "meta.json"
        try:
            self.meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise VblintError(f"{meta_path}: cannot read the learned model's meta.json ({err})") from None
        if self.meta.get("format") != MODEL_FORMAT:
            raise VblintError(f"{meta_path}: format: expected {MODEL_FORMAT}, got {self.meta.get('format')!r}")
        for key in ("labels", "layers", "heads", "max_length", "stride"):
            if key not in self.meta:
                raise VblintError(f"{meta_path}: {key}: missing")
        self.labels: list[str] = list(self.meta["labels"])
        self.layers, self.heads = int(self.meta["layers"]), int(self.meta["heads"])
        try:
            self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
            with np.load(directory / "weights.npz") as stored:
                self.weights = dequantise({k: stored[k] for k in stored.files})
        except Exception as err:  # tokenizers raises its own exception types; any of them means an unusable model
            raise VblintError(f"{directory}: cannot load the learned model ({err})") from None
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(int(self.meta["max_length"]), stride=int(self.meta["stride"]))
        self._outside = self.labels.index("O")

    def mark(self, text: str) -> list[Marked]:
        """The stretches of ``text`` the encoder tags, in order."""
        return self.read(text).marks

    def read(self, text: str) -> Reading:
        """What the encoder makes of ``text``: the stretches it tags and, for every word piece, how likely it is
        to be part of one. A long text is read in overlapping windows."""
        first = self.tokenizer.encode(text)
        windows = [first, *first.overflowing][:MAX_WINDOWS]
        last = max((b for a, b in windows[-1].offsets if a != b), default=len(text))
        read_to = len(text) if len(windows) < MAX_WINDOWS else last
        width = max(len(e.ids) for e in windows)
        probs = np.concatenate([self._probabilities(windows[i:i + BATCH], width)
                                for i in range(0, len(windows), BATCH)])
        # Each word piece is taken from the window where it sits furthest from an edge: the encoder learned from
        # notes most of which fit one window, and reads a piece best with context on both sides of it.
        best: dict[tuple[int, int], tuple[int, np.ndarray]] = {}
        for row, enc in enumerate(windows):
            inside = [t for t, (a, b) in enumerate(enc.offsets) if a != b]
            for k, t in enumerate(inside):
                margin = min(k, len(inside) - 1 - k)
                key = enc.offsets[t]
                if key not in best or margin > best[key][0]:
                    best[key] = (margin, probs[row, t])
        offsets = sorted(best)
        chosen = np.array([best[key][1] for key in offsets]).reshape(len(offsets), len(self.labels))
        pieces = [(a, b, 1.0 - float(p[self._outside])) for (a, b), p in zip(offsets, chosen, strict=True)]
        return Reading(self._decode(offsets, chosen), pieces, read_to)

    def _probabilities(self, windows: list[Encoding], width: int) -> np.ndarray:
        """Each window's label probabilities per word piece, shape (windows, width, labels)."""
        ids = np.zeros((len(windows), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(windows):
            ids[row, :len(enc.ids)] = enc.ids
            mask[row, :len(enc.ids)] = 1
        logits = bert_logits(self.weights, ids, mask, self.heads, self.layers)
        logits -= logits.max(-1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(-1, keepdims=True)
        return probs

    def _decode(self, offsets: list[tuple[int, int]], probs: np.ndarray) -> list[Marked]:
        """Runs of tagged word pieces as stretches. A piece tagged B- right after a tagged piece continues the
        stretch (the encoder sometimes begins again inside a word); the category is the first piece's."""
        out: list[Marked] = []
        run: list[int] = []
        for t, (a, _) in enumerate(offsets):
            label = self.labels[int(probs[t].argmax())]
            if label == "O":
                if run:
                    out.append(self._stretch(run, offsets, probs))
                    run = []
            elif run and (label.startswith("I-") or a <= offsets[run[-1]][1] + 1):
                run.append(t)
            else:
                if run:
                    out.append(self._stretch(run, offsets, probs))
                run = [t]
        if run:
            out.append(self._stretch(run, offsets, probs))
        return out

    def _stretch(self, run: list[int], offsets: list[tuple[int, int]], probs: np.ndarray) -> Marked:
        label = self.labels[int(probs[run[0]].argmax())]
        confidence = float(np.mean([1.0 - probs[t, self._outside] for t in run]))
        return Marked(offsets[run[0]][0], offsets[run[-1]][1], label[2:], confidence)

