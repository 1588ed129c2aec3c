"""Who a relationship word leads to: the person after "associating with", "spending time with", "seeing".

Between children "spending time with Dean" is ordinary; when the note has made Dean an adult ("Dean PRICE (29)"
two sentences earlier) the same words describe an adult's access to a child as a friendship. A rule with
``adult_object: true`` reports only when the person its match leads to is, by what the note says, an adult who is
not family or a professional: a name the note gives an adult age, an adult word ("a man", "the bouncers"), an age
after the name, or "him" / "them" standing for such a person earlier in the note.
"""

from __future__ import annotations

import re

from vblint.context.people import (
    ADULT_AGE,
    DECADE,
    FUNCTION_WORDS,
    Referent,
    age_after,
    age_at,
    age_in_brackets,
    by_age,
    cast,
    could_be_name,
    roles,
)
from vblint.context.view import HYPHEN, DocView

# Adults who may be the other party: not parents, relatives or professionals, whose company is no concern.
OTHER_ADULTS = {"male", "males", "man", "men", "bloke", "blokes", "adult", "adults", "suspect", "suspects", "susp",
                "nominal", "nominals", "offender", "offenders", "olders", "elders", "bouncer", "bouncers", "doorman",
                "doormen", "driver", "drivers", "landlord", "lodger", "coach", "manager", "owner", "worker", "workers",
                "guy", "guys", "gent", "gentleman", "punter", "punters", "groomer", "abuser", "perpetrator",
                "fella", "fellas", "soldier", "soldiers", "squaddie", "squaddies", "rso", "rsos"}
_LEAD_IN = {"a", "an", "the", "this", "that", "these", "those", "one", "of", "two", "three", "several", "some",
            "older", "old", "local", "known", "unknown", "adult", "grown", "white", "black", "asian", "new", "same",
            "various", "number", "group", "bunch", "crowd", "lot", "couple", "pair", "few", "handful"}
_ADULT_DECADES = {"twenties", "thirties", "forties", "fifties", "20s", "30s", "40s", "50s", "60s"}
_FAMILY = {"mum", "mam", "mother", "dad", "father", "nan", "nana", "gran", "grandad", "grandmother", "grandfather",
           "aunt", "auntie", "uncle", "cousin", "cousins", "sister", "sisters", "brother", "brothers", "family",
           "parents", "carer", "carers", "foster", "friends", "mates", "peers", "classmates", "girls", "boys"}
_LOOKBACK_SENTENCES = 3
# The child's own relation, which the relationship rules read: "with her 27-year-old boyfriend", "her fella".
_OWN_RELATIONS = {"boyfriend", "girlfriend", "partner", "fella", "bf", "gf", "ex", "man", "husband", "fiance",
                  "lover"} | _FAMILY
_AGE_PAIR = re.compile(r"^(1[89]|[2-6][0-9])/([2-6][0-9])$")  # "some of them 19/20"
_GROUP_ADULTS = {"nominals", "olders", "elders", "offenders", "suspects"}
_YOUNG_GROUPS = {"lads", "boys", "lot", "crowd", "group", "gang"}
_PLAIN_ADULTS = {"male", "males", "man", "men", "bloke", "blokes", "guy", "guys", "adult", "adults"}
# "seeing this lad", "with the same fella": a person named before, whom the note now points back to.
_FEMALE_DEMONSTRATED = {"woman", "lady", "female"}
_DEMONSTRATED = {"lad", "fella", "fellow", "bloke", "guy", "person", "individual", "one"} | _FEMALE_DEMONSTRATED


def leads_to_adult(view: DocView, end: int) -> bool:
    """True when the person right after a match ending at ``end`` is an adult other party."""
    words = view.words
    if end < len(words) and words[end] in {"his", "her", "their"}:
        if end + 2 < len(words) and words[end + 1] not in _OWN_RELATIONS and words[end + 1].isalpha() \
                and could_be_name(words[end + 2]):
            # "spending time with her link Marcus ALDRIDGE (22)": the word before the name is only a label
            return _named_adult(view, end + 2)
        return False  # "with her 27-year-old boyfriend": the child's own relation, which the relationship rules read
    if words[end:end + 2] == ("each", "other"):
        return _adult_in_clause(view, end)  # "Amelia and the male (31) have been seeing each other"
    stop = min(len(words), end + 6)
    i = end
    while i < stop and words[i] in _LEAD_IN:
        if words[i] in OTHER_ADULTS:
            return True  # "with adult males", "with an older man": the lead-in already says so
        i += 1
    if i >= stop:
        return False
    w = words[i]
    if w in _FAMILY:
        return False
    if _decade_follows(words, i):
        return True  # "a couple of the REME lads in their early twenties"
    if w in OTHER_ADULTS:
        return True  # "seeing one of the bouncers", "associating with males"
    if i > end and words[i - 1] in {"older", "adult", "grown"} and w.isalpha() and i + 1 < len(words) \
            and words[i + 1] in _PLAIN_ADULTS:
        return True  # "with older Kurdish males": one more word between the adult's marks
    if w.isalpha() and w not in FUNCTION_WORDS and w != "vulnerable" and i + 1 < len(words) \
            and words[i + 1] in _PLAIN_ADULTS | _GROUP_ADULTS:
        return True  # "associating with Southside nominals", "with Polish men": a word before the adult noun
    if w in _YOUNG_GROUPS and _adult_ages_follow(view, i):
        return True  # "knocking about with lads off the Ropewalk, some of them 19/20"
    if DECADE.match(w) or (age_at(words, i) or 0) >= ADULT_AGE:
        return True  # "with a 24-year-old", "with men in their 20s"
    if w.isdigit() and i + 2 < len(words) and words[i + 1] in {"-", HYPHEN, "to"} \
            and (age_at(words, i + 2) or 0) >= ADULT_AGE:
        return True  # "a group of 18-20yo's"
    if (w in _DEMONSTRATED or w in _YOUNG_GROUPS or w in _PLAIN_ADULTS or w == "boyfriend") \
            and words[i + 1:i + 2] == ("of",) and i + 2 < len(words) and words[i + 2].isdigit() \
            and ADULT_AGE <= int(words[i + 2]) < 100:
        return True  # "seeing a lad of 20", "with a man of 28"
    if w in _DEMONSTRATED and i > end and words[i - 1] in {"this", "that", "the", "same"}:
        return _antecedent_is_adult(view, end, "him" if w not in _FEMALE_DEMONSTRATED else "her")
    if w in {"him", "them"}:
        return _antecedent_is_adult(view, end, w)
    if could_be_name(w):
        return _named_adult(view, i)
    return False


def _named_adult(view: DocView, i: int) -> bool:
    """True when the name at ``i`` is given an adult age, there or elsewhere in the note."""
    words = view.words
    age = age_after(words, i)
    if age is None:  # "Marcus ALDRIDGE (22)": the cast holds the first name too
        age = cast(view).get(words[i], roles(view).get(words[i]))
    return age is not None and by_age(age) is Referent.ADULT


def _adult_in_clause(view: DocView, end: int) -> bool:
    """True when the sentence before ``end`` names an adult other party: one of a pair said to be "seeing each
    other"."""
    words = view.words
    for i in range(view.sent_start[end], end):
        w = words[i]
        age = age_in_brackets(words, i) if w == ")" else None
        if age is None and could_be_name(w) and w not in _FAMILY:
            age = cast(view).get(w)
        if (w in OTHER_ADULTS or (age is not None and age >= ADULT_AGE)) and not _family_before(words, i):
            return True
    return False


def _adult_ages_follow(view: DocView, i: int) -> bool:
    """True when, later in the same sentence and within a dozen words, the group at ``i`` is given adult ages."""
    words = view.words
    stop = min(len(words), i + 12, view.sentence(i).stop)
    return any((age_at(words, j) or 0) >= ADULT_AGE or DECADE.match(words[j]) or _AGE_PAIR.match(words[j])
               for j in range(i + 1, stop))


def _decade_follows(words: tuple[str, ...], i: int) -> bool:
    """True when the word at ``i`` or the one after it is followed by "in their (early) twenties"."""
    for j in (i + 1, i + 2):
        if words[j:j + 2] in (("in", "their"), ("in", "his"), ("in", "her")):
            k = j + 2 + (words[j + 2:j + 3] in (("early",), ("mid",), ("late",)))
            return words[k:k + 1] != () and words[k] in _ADULT_DECADES
    return False


def _antecedent_is_adult(view: DocView, end: int, pronoun: str) -> bool:
    """ "spending time with him": some person named before, in this sentence or the few before it, is an adult
    other party ("Dean PRICE (29)", "a male in his 20s"). Children, relatives and professionals are passed over:
    "him" is not the child the note is about, nor her dad."""
    words = view.words
    begin = view.sent_start[min(end, len(words) - 1)]
    for _ in range(_LOOKBACK_SENTENCES):
        if begin > 0:
            begin = view.sent_start[begin - 1]
    for i in range(end - 1, begin - 1, -1):
        w = words[i]
        if w in OTHER_ADULTS and (pronoun == "them") == w.endswith(("s", "men")):
            return True
        age = age_in_brackets(words, i) if w == ")" else None
        if age is None and could_be_name(w) and w not in _FAMILY:
            age = cast(view).get(w)
        if age is not None and age >= ADULT_AGE and not _family_before(words, i):
            return True
    return False


def _family_before(words: tuple[str, ...], i: int) -> bool:
    """True when the person at ``i`` (a name or the bracket of an age) is a relative: "dad (45)", "Uncle Dean"."""
    j = i
    if words[j] == ")":
        while j > 0 and words[j] != "(":
            j -= 1
    return any(w in _FAMILY for w in words[max(0, j - 2):j])
