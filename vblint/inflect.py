"""Every inflected form of a lemma, so that a rule written with ``LEMMA: put`` matches put/puts/putting.

Rules are compiled to surface forms at load time instead of lemmatising each note at run time: the blank
English pipeline has no tagger, and spaCy's lookup lemmatiser gets common forms wrong ("putting" -> "putt").
Matching on lower-cased surface forms also lets the engine skip every note with no anchor word in it.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas


@lru_cache(maxsize=4096)
def inflections(lemma: str) -> frozenset[str]:
    """The lower-cased lemma and all its verb, noun and adjective inflections."""
    word = lemma.lower().strip()
    forms = {word}
    found = getAllInflections(word)
    if not found:
        found = {**getAllInflectionsOOV(word, "VERB"), **getAllInflectionsOOV(word, "NOUN")}
    for variants in found.values():
        forms.update(v.lower() for v in variants)
    return frozenset(forms)


@lru_cache(maxsize=8192)
def is_finite_verb(word: str) -> bool:
    """True for an inflected verb form that cannot be a noun or an adjective ("gives", "went", "sells"): with no
    tagger, the words after "and" that surely open a new predicate. "plays" and "drugs" may be nouns, so they are
    not counted."""
    lemmas = getAllLemmas(word)
    verbs = lemmas.get("VERB", ())
    return bool(verbs) and set(lemmas) == {"VERB"} and word not in verbs and not word.endswith("ing")


@lru_cache(maxsize=8192)
def inflections_of_verb(word: str) -> bool:
    """True when the word has a reading as an inflected verb ("plays", "winds"), whatever else it may be."""
    verbs = getAllLemmas(word).get("VERB", ())
    return bool(verbs) and word not in verbs
