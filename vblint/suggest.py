"""Child-centred rewordings that agree with the sentence they replace a span of.

A rule's suggestion is a template such as ``{be_pass} placed at risk by adults``. The fields are worked out
from the words around the match: who the child is (she / he / they, from a reflexive or a nearby pronoun) and
how the matched verb is used (``places`` -> "is being placed", ``has placed`` -> "has been placed",
``is placing`` -> "is being placed", ``placed`` -> "was placed"). Case follows the matched text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: The placeholders a suggestion template may use; the rule schema rejects any other.
TEMPLATE_FIELDS = frozenset({"subj", "obj", "poss", "be", "be_pass", "has"})

_REFLEXIVES = {"herself": "she", "himself": "he", "themselves": "they", "themself": "they"}
_PRONOUNS = {"she": "she", "her": "she", "he": "he", "him": "he", "his": "he", "they": "they",
             "them": "they", "their": "they", "girl": "she", "daughter": "she", "boy": "he", "son": "he"}
_PERFECT_AUX = {"has", "have", "had", "'s", "'ve", "'d", "having"}
_PROGRESSIVE_AUX = {"is", "are", "was", "were", "am", "'s", "'re", "'m", "been", "keeps", "keep", "kept",
                    "keeping", "continues", "continue", "continued", "be", "being", "started", "starts", "start"}
_BARE_AUX = {"to", "will", "would", "could", "can", "may", "might", "should", "must", "'ll", "did", "does",
             "do", "n't", "not", "never", "shall"}
_IRREGULAR_PAST = {"put", "got", "left", "made", "chose", "went", "kept", "ran", "knew", "gave", "let", "took",
                   "slept", "sent", "met", "brought", "sold", "sought", "hung", "felt", "had"}
_FORMS = {
    # (person is plural, tense/aspect) -> (be, be_pass, has)
    (False, "present"): ("is", "is being", "has"),
    (True, "present"): ("are", "are being", "have"),
    (False, "past"): ("was", "was", "had"),
    (True, "past"): ("were", "were", "had"),
}


@dataclass(frozen=True)
class Agreement:
    """What a suggestion must agree with: the child's pronoun and how the replaced verb was used."""

    person: str = "they"  # she / he / they
    aspect: str = "present"  # present, past, perfect, progressive, bare

    def fields(self) -> dict[str, str]:
        plural = self.person == "they"
        tense = "past" if self.aspect == "past" else "present"
        be, be_pass, has = _FORMS[(plural, tense)]
        if self.aspect == "perfect":
            be_pass = "been"
        elif self.aspect == "progressive":
            be_pass = "being"
        elif self.aspect == "bare":
            be_pass = be = "be"
        obj = {"she": "her", "he": "him"}.get(self.person, "them")
        poss = {"she": "her", "he": "his"}.get(self.person, "their")
        return {"subj": self.person, "obj": obj, "poss": poss, "be": be, "be_pass": be_pass, "has": has}


def agreement(words: Sequence[str], start: int, end: int) -> Agreement:
    """Read the agreement for the match ``words[start:end]`` (lower-cased tokens of its sentence)."""
    person = next((_REFLEXIVES[w] for w in words[start:end] if w in _REFLEXIVES), None)
    if person is None:
        person = next((_PRONOUNS[w] for w in reversed(words[max(0, start - 8):start]) if w in _PRONOUNS), "they")
    first = words[start]
    before = [w for w in words[max(0, start - 3):start] if w not in ("also", "again", "once", "repeatedly",
                                                                      "continually", "often", "always", "just")]
    prev = before[-1] if before else ""
    if prev in _PERFECT_AUX and not first.endswith("ing"):
        aspect = "perfect"
    elif first.endswith("ing"):
        aspect = "progressive"
    elif prev in _BARE_AUX:
        aspect = "bare"
    elif first.endswith("ed") or (first in _IRREGULAR_PAST and (person != "they" or first != "put")):
        aspect = "past" if not (first == "put" and person == "they") else "present"
    else:
        aspect = "present"
    return Agreement(person, aspect)


def match_case(suggestion: str, original: str) -> str:
    """Give ``suggestion`` the case pattern of ``original``: ALL CAPS, Capitalised or as written."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return suggestion.upper()
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def render(templates: Sequence[str], agree: Agreement, original: str) -> tuple[str, ...]:
    fields = agree.fields()
    # A match that opens with its subject ("She uses cannabis") keeps it: the suggestion replaces the whole span.
    first, _, rest = original.partition(" ")
    lead = first if rest and first.lower() in _SUBJECTS else ""
    out: list[str] = []
    for template in templates:
        text = template.format_map(fields)
        if lead and text.split(" ", 1)[0].lower() != lead.lower():
            text = f"{lead} {text}"
        text = match_case(text, original)
        if text not in out:
            out.append(text)
    return tuple(out)


_SUBJECTS = {"she", "he", "they"}
