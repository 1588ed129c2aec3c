"""Mentions: training text, audit findings and supervisors' corrections that name a phrase to warn against it
("avoid terms such as 'streetwise'", "do not describe her as having put herself at risk"). A mention is not a use.
"""

from __future__ import annotations

from vblint.context.view import DocView

_META_NOUNS = {"term", "terms", "phrase", "phrases", "phrasing", "wording", "language", "terminology", "expression",
               "expressions", "label", "labels", "labelling", "labeling", "vocabulary"}
_NOT_META_BEFORE = {"bad", "foul", "abusive", "body", "sign", "first", "strong", "threatening", "offensive",
                    "derogatory", "racist", "homophobic", "sexual", "explicit", "obscene",
                    # the school term: "disruptive in class all term"
                    "all", "next", "last", "school", "summer", "autumn", "spring", "previous", "half", "whole",
                    "second", "third", "current"}
_AVOID = {"avoid", "avoids", "avoiding", "challenge", "challenged", "challenging", "amend", "amended", "reword",
          "reworded", "rephrase", "rephrased", "replace", "replaced", "correct", "corrected", "remove", "removed",
          "against", "warn", "warns", "warned", "warning"}
_AVOID_OBJECTS = {"using", "use", "describing", "saying", "calling", "referring", "labelling", "labeling", "writing",
                  "recording", "the", "such", "phrases", "terms", "words", "language", "wording", "phrase", "term",
                  "'", '"', ":", "-", "this", "that", "references", "reference", "any", "to"}
_SPEECH_ACTS = {"use", "using", "describe", "describing", "described", "say", "saying", "write", "writing",
                "record", "recording", "recorded", "refer", "referring", "referred", "call", "calling", "called",
                "label", "labelling", "labelled", "suggest", "imply", "implying", "frame", "framing", "framed",
                "portray", "characterise", "characterize", "present", "word", "phrase"}
_NEGATORS = {"not", "n't", "never", "avoid"}
# A quoted phrase given as an example is being talked about: 'examples include "places herself in ..."'.
_LISTING = {"example", "examples", "include", "includes", "including", "included", "instance", "instances", "e.g",
            "eg", "like"}
_BLAMING = {"blaming", "blame", "victim-blaming"}


def _is_meta(words: tuple[str, ...], i: int) -> bool:
    w = words[i]
    return w in _BLAMING or (w in _META_NOUNS and (i == 0 or words[i - 1] not in _NOT_META_BEFORE))


def is_mention(view: DocView, start: int, end: int, *, quoted: bool) -> bool:
    """True when the sentence around ``[start, end)`` talks about the words rather than using them."""
    words = view.words
    sentence = view.sentence(start)
    outside = [i for i in sentence if not start <= i < end]
    if any(_is_meta(words, i) for i in outside):
        return True
    if quoted:
        if any(words[i] in _LISTING for i in outside):
            return True
        # Audit prose names the problem in one sentence and quotes the examples in the next.
        if sentence.start > 0 and any(_is_meta(words, i) for i in view.sentence(sentence.start - 1)):
            return True
    for i in (j for j in outside if j < start):
        w = words[i]
        nxt = words[i + 1:i + 3]
        if w in _AVOID and nxt and nxt[0] in _AVOID_OBJECTS | {words[start]}:
            return True
        # "Avoid closing on 'returned safe and well' alone": the quoted words are the thing to avoid.
        if w in _AVOID and quoted and start - i <= 6:
            return True
        if w in _NEGATORS and start - i <= 8 and any(x in _SPEECH_ACTS for x in words[i + 1:min(i + 5, start)]):
            return True
        if (w, *nxt[:1]) in {("instead", "of"), ("rather", "than"), ("such", "as"), ("e.g",), ("eg",)} and quoted:
            return True
    return False
