"""Quotations in a note, and whether each is someone's attributed words or the writer's own scare quotes.

Recording the child's own words verbatim is good practice (the voice of the child), and so is recording what a
parent or suspect said, attributed. A short quote with no speaker ('she has an "older boyfriend"') is the
writer's own judgement in inverted commas and is treated as unquoted. Indirect speech ("Mum says she is beyond
control", "Misper states it was consensual") is the writer's paraphrase, their choice of words, and is not excused;
the one exception is a member of the public's allegation made to police ("A mother reported that her daughter was
..."), which records what was reported, as a quotation would.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vblint.context.people import ADULT_AGE, cast
from vblint.context.view import DocView
from vblint.inflect import inflections

_SPEECH_LEMMAS = ("say", "state", "tell", "explain", "describe", "report", "disclose", "reply", "shout",
                  "scream", "write", "text", "message", "add", "comment", "claim", "ask", "insist", "call",
                  "refer", "mention", "admit", "confirm", "allege", "answer", "respond", "post", "quote", "maintain",
                  "shout", "yell", "whisper", "sob", "cry", "declare", "assert", "reiterate", "repeat", "joke",
                  "boast", "brag", "tweet", "word", "account", "statement", "response", "words", "view", "opinion",
                  "description", "belief")
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


# Members of the public whose allegations a record reports: "A mother reported that her daughter (14) was ...".
_LAY_SPEAKERS = {"mother", "mum", "mam", "mom", "father", "dad", "parent", "parents", "nan", "nana", "gran",
                 "grandmother", "grandfather", "grandad", "aunt", "auntie", "uncle", "sister", "brother", "neighbour",
                 "neighbours", "witness", "witnesses", "public", "caller", "informant", "stepmum", "stepdad",
                 "stepfather", "stepmother", "cousin", "rp", "sibling", "siblings", "friend", "friends"}
_ALLEGING = {"reported", "reports", "alleged", "alleges", "disclosed", "discloses", "complained", "complains"}
# A suspect's account, reported, is his version and is recorded as his: "The suspect (40) said she was happy to go".
_SUSPECT_SPEAKERS = {"suspect", "suspects", "susp", "suspect's", "defendant", "defendant's", "accused", "offender",
                     "dp", "perpetrator", "nominal"}
_ACCOUNTING = {"said", "says", "claimed", "claims", "claim", "stated", "states", "maintains", "maintained",
               "insists", "insisted", "alleges", "alleged", "account", "version", "told", "tells", "argues",
               "argued", "asserts", "asserted", "suggests", "suggested"}


def is_reported_allegation(view: DocView, start: int) -> bool:
    """True when the match sits in a member of the public's allegation, reported with "that" ("A mother reported
    that her 14-year-old daughter was sexually active with an adult man"), or in a suspect's reported account ("the
    suspect (40) said she was up for it"). Views ("Mum says she is out of control") are not excused."""
    words = view.words
    sentence = view.sentence(start)
    # "Suspect Liam (21) interviewed under caution, states it was consensual": the suspect opens the sentence and
    # no other subject comes before the verb of saying.
    suspect_opens = any(w in _SUSPECT_SPEAKERS for w in words[sentence.start:sentence.start + 2])
    for i in range(start - 1, max(sentence.start, start - 14) - 1, -1):
        speaker = words[max(sentence.start, i - 4):i]
        if words[i] in _ALLEGING and i + 1 < start and words[i + 1] == "that" and any(
                w in _LAY_SPEAKERS for w in speaker[-3:]):
            return True
        if words[i] in _ACCOUNTING and any(w in _SUSPECT_SPEAKERS for w in speaker):
            return True  # "Suspect (45) claimed Mia wanted it", "the suspect's account is that it was mutual"
        if words[i] in _ACCOUNTING and suspect_opens \
                and not any(w in {"she", "he", "they", "i", "we"} for w in words[sentence.start:i]):
            return True
        if words[i] in _ACCOUNTING and start - i <= 9 and any(_named_adult(view, w) for w in speaker[-3:]):
            return True  # "Suspect Nathan (19) ... Nathan states it was consensual", "Nathan's claim that ..."
    return False


def _named_adult(view: DocView, name: str) -> bool:
    """True for a name the note gives an adult age and introduces with no family or carer role beside it: a
    suspect or another adult, whose account is his own, not a parent's view."""
    age = cast(view).get(name)
    if age is None or age < ADULT_AGE:
        return False
    words = view.words
    first = words.index(name)
    return not any(w in _LAY_SPEAKERS or w in {"carer", "carers", "foster", "partner", "stepdad", "stepmum"}
                   for w in words[max(0, first - 6):first + 8])
