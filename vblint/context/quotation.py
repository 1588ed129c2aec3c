"""Quotations in a note, and whether each is someone's attributed words or the writer's own scare quotes.

Recording the child's own words verbatim is good practice (the voice of the child), and so is recording what a
parent or suspect said, attributed. A short quote with no speaker ('she has an "older boyfriend"') is the
writer's own judgement in inverted commas and is treated as unquoted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vblint.context.view import DocView
from vblint.inflect import inflections

_SPEECH_LEMMAS = ("say", "state", "tell", "explain", "describe", "report", "disclose", "reply", "shout",
                  "scream", "write", "text", "message", "add", "comment", "claim", "ask", "insist", "call",
                  "refer", "mention", "admit", "allege", "answer", "respond", "post", "quote", "maintain",
                  "shout", "yell", "whisper", "sob", "cry", "declare", "assert", "reiterate", "repeat", "joke",
                  "boast", "brag", "tweet", "word", "account", "statement", "response", "words")
_FIRST_PERSON = {"i", "i'm", "im", "me", "my", "mine", "myself", "we", "us", "our", "'m", "ive", "i've", "u",
                 "you", "ur"}
# A quote this long is someone's recorded speech, not a scare-quoted label.
_VERBATIM_LENGTH = 7


@lru_cache(maxsize=1)
def speech_words() -> frozenset[str]:
    return frozenset().union(*(inflections(w) for w in _SPEECH_LEMMAS), {"quote", "unquote", "verbatim"})


@dataclass(frozen=True)
class Quote:
    open: int  # token index of the opening mark
    close: int  # token index of the closing mark
    attributed: bool

    def contains(self, start: int, end: int) -> bool:
        return self.open < start and end <= self.close


def find_quotes(view: DocView) -> list[Quote]:
    doc = view.doc
    quotes: list[Quote] = []
    double_open: int | None = None
    single_open: int | None = None
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            double_open = single_open = None
            continue
        if tok.text == '"':
            if double_open is None:
                double_open = i
            else:
                quotes.append(_quote(view, double_open, i))
                double_open = None
        elif tok.text == "'":
            attached_before = i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text not in "([{:-–—/"
            if single_open is None and not attached_before and tok.whitespace_ == "":
                single_open = i
            elif single_open is not None and attached_before:
                quotes.append(_quote(view, single_open, i))
                single_open = None
    return quotes


def _quote(view: DocView, open_: int, close: int) -> Quote:
    words = view.words
    inner = [w for w in words[open_ + 1:close] if w.strip()]
    speech = speech_words()
    before = [words[i] for i in view.before(open_, 12, clause=False)]
    after = [words[i] for i in view.after(close + 1, 4, clause=False)]
    attributed = (
        bool(before and before[0] in {":", "-", "–", "—"})
        or any(w in speech for w in before)
        or any(w in speech for w in after)
        or any(w in _FIRST_PERSON for w in inner)
        or len(inner) >= _VERBATIM_LENGTH
    )
    return Quote(open_, close, attributed)


def enclosing(quotes: list[Quote], start: int, end: int) -> Quote | None:
    return next((q for q in quotes if q.contains(start, end)), None)


# People outside the services whose accounts a note records: "Mum reported that she is ...". Their words, in
# indirect speech, are evidence of what was said, like a quotation; professionals' framing is not excused.
_LAY_SPEAKERS = {"mother", "mum", "mam", "mom", "father", "dad", "parent", "parents", "nan", "nana", "gran",
                 "grandmother", "grandfather", "grandad", "aunt", "auntie", "uncle", "sister", "brother", "friend",
                 "friends", "neighbour", "neighbours", "witness", "witnesses", "public", "caller", "informant",
                 "stepmum", "stepdad", "stepfather", "stepmother", "cousin", "boyfriend", "girlfriend", "suspect",
                 "defendant", "accused", "male", "female", "rp", "sibling", "siblings"}
_REPORTED_SPEECH = {"reported", "reports", "report", "said", "says", "say", "told", "tells", "disclosed", "stated",
                    "states", "alleged", "alleges", "claimed", "claims", "explained", "explains", "described",
                    "describes", "thinks", "believes", "feels", "felt", "thought", "believed", "suggested"}


def is_reported_speech(view: DocView, start: int) -> bool:
    """True when the match sits in a lay speaker's reported words: "A mother reported that her daughter was ..."."""
    words = view.words
    sentence = view.sentence(start)
    for i in range(start - 1, max(sentence.start, start - 14) - 1, -1):
        if words[i] in _REPORTED_SPEECH:
            subject = words[max(sentence.start, i - 3):i]
            return any(w in _LAY_SPEAKERS for w in subject)
    return False
