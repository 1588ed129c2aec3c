"""Correct the misspellings of rule words before tokenising, keeping the map back to the source.

Notes are typed in a hurry: "dosent help herself", "promiscous", "sexualy active", "a willing partcipant",
"her self". A rule that names "promiscuous" misses "promiscous", and no pack can list every slip. So a word that
is not English (not in lemminflect's word lists) and is one slip (two neighbouring letters swapped, or a letter
left out of or added to a long word) from exactly one word the rules use is read as that word. What is corrected:
- never by changing a letter: a name or a word missing from the lists would too often become a rule's word
  ("Blake" and "blame", "natter" and "nutter");
- only words of five letters or more, where one slip rarely makes another word;
- only into the rules' own words, so a correction can do nothing but let a rule see what was meant.
The finding still reports the source's words: ``finding.text == source[start:end]`` holds as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lemminflect import getAllLemmas

from vblint.model import Rule
from vblint.schema import token_words
from vblint.textmap import MappedText, normalise

_MIN_LENGTH = 5
_MIN_DROPPED = 7  # a word shorter than this loses a letter into another word too often ("lamped", "lapped")
_MIN_INSERTED = 6  # "engage" typed "engauge"; a shorter word gains a letter into a name too often
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Reflexives typed as two words: "put her self at risk".
_SPLIT = re.compile(r"\b(her|him|them|your|my) (self|selves)\b")
# An apostrophe put one letter late: "does'nt", "was'nt".
_MISPLACED = re.compile(r"\b(does|did|is|was|were|would|could|should|has|have|had)'nt\b")

# Dialect forms, read as the English words the rules name: Scots ("hanging about wi' the boys", "disnae want to make a
# complaint", "no' a victim", "a lifestyle away fae the unit"), Black Country ("wo' say who done it") and Cumbrian
# ("she allus comes yam"). "wi'", "no'" and "wo'" only before a word, and never after a quote mark: "she said 'no'"
# is a quotation.
_DIALECT = {"wi'": "with", "no'": "not", "fae": "from", "frae": "from", "hame": "home", "disnae": "doesn't",
            "doesnae": "doesn't", "didnae": "didn't", "dinnae": "don't", "dinna": "don't", "cannae": "can't",
            "canna": "can't", "wouldnae": "wouldn't", "couldnae": "couldn't", "shouldnae": "shouldn't",
            "isnae": "isn't", "wisnae": "wasn't", "wasnae": "wasn't", "willnae": "won't", "hasnae": "hasn't",
            "havenae": "haven't", "hadnae": "hadn't", "werenae": "weren't", "arenae": "aren't",
            # Black Country: "he dow want helping", "we cor do owt"
            "wo'": "won't", "dow": "doesn't", "cor": "can't",
            # Cumbrian: "she allus comes yam by dinner", "gone off wi her marras"
            "allus": "always", "yam": "home", "marras": "mates", "marra": "mate"}
_DIALECT_WORD = re.compile(r"(?<![\w'])(wi'|no'|wo')(?= [a-z])|(?<![\w'])(" + "|".join(
    w for w in _DIALECT if not w.endswith("'")) + r")(?![\w'])")

# Shorthand of the trade that the word lists lack and that sits one slip from a rule's word.
_SHORTHAND = frozenset({"strat", "strats"})


def _is_english(word: str) -> bool:
    """In the word lists, or one with an "s" added: "theres", "childrens", "comms" are no slips."""
    return word in _SHORTHAND or bool(getAllLemmas(word)) \
        or (word.endswith("s") and bool(getAllLemmas(word[:-1])))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _slip(word: str, meant: str) -> bool:
    """True when ``word`` is ``meant`` typed with two neighbouring letters swapped ("cehck", "dosent") or, for a
    long word, one letter left out ("promiscous", "partcipant") or one added ("engauge"). A changed letter is not
    read as a slip: it turns too many real words into others ("natter" and "nutter", "leaver" and "leaner")."""
    if len(word) == len(meant):
        diff = [i for i in range(len(word)) if word[i] != meant[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == meant[diff[1]] \
            and word[diff[1]] == meant[diff[0]]
    if len(word) == len(meant) + 1:
        # one letter too many ("engauge", "streetwisse"), never the first: the word must still start as meant
        return len(meant) >= _MIN_INSERTED and any(word[:i] + word[i + 1:] == meant
                                                   for i in range(1, len(word)))
    return len(meant) >= _MIN_DROPPED and len(meant) == len(word) + 1 \
        and any(meant[:i] + meant[i + 1:] == word for i in range(1, len(meant)))  # not the first: "camming"


class Speller:
    """Corrections into a fixed vocabulary (the words a rule set's patterns and phrases name)."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.vocabulary = frozenset(w for w in vocabulary if len(w) >= _MIN_LENGTH and w.isalpha())
        # Every word and every one-letter deletion of it, pointing back to the words: a slip shares a key with its
        # word whichever edit made it (the deletions of both meet for a change or a swap).
        self._index: dict[str, set[str]] = {}
        for word in self.vocabulary:
            for key in _deletions(word) | {word}:
                self._index.setdefault(key, set()).add(word)

    def correction(self, word: str) -> str | None:
        """The vocabulary word ``word`` is a slip for, if there is exactly one and ``word`` is not English."""
        # No cache: the engine keeps no note's words between calls, and a cache of them would.
        found: str | None = None
        if len(word) >= _MIN_LENGTH and word.isalpha() and word not in self.vocabulary and not _is_english(word):
            candidates = {c for key in _deletions(word) | {word} for c in self._index.get(key, ())
                          if _slip(word, c)}
            if len(candidates) > 1:
                # "sexualy": "sexually" keeps the slip's last letter, "sexual" does not
                candidates = {c for c in candidates if c[0] == word[0] and c[-1] == word[-1]}
            found = candidates.pop() if len(candidates) == 1 else None
        return found

    def apply(self, mapped: MappedText) -> MappedText:
        """``mapped`` with its misspelt lower-case words replaced; each new character maps into the word it
        replaces (the first to its start, the last to its end), so spans still slice the source."""
        text = mapped.text
        edits: list[tuple[int, int, str]] = []
        for m in _SPLIT.finditer(text):
            edits.append((m.start(), m.end(), m.group(1) + m.group(2)))
        for m in _MISPLACED.finditer(text):
            edits.append((m.start(), m.end(), m.group(1) + "n't"))
        for m in _DIALECT_WORD.finditer(text):
            edits.append((m.start(), m.end(), _DIALECT[m.group()]))
        taken = [(s, e) for s, e, _ in edits]
        for m in _WORD.finditer(text):
            word = m.group()
            if len(word) < _MIN_LENGTH or "'" in word or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            fixed = self.correction(word)
            if fixed is not None:
                edits.append((m.start(), m.end(), fixed))
        if not edits:
            return mapped
        edits.sort()
        parts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for start, end, new in edits:
            parts.append(text[pos:start])
            offsets.extend(mapped.to_source[pos:start])
            parts.append(new)
            offsets.extend(mapped.to_source[start + min(k, end - start - 1)] if k < len(new) - 1
                           else mapped.to_source[end - 1] for k in range(len(new)))
            pos = end
        parts.append(text[pos:])
        offsets.extend(mapped.to_source[pos:])
        return MappedText("".join(parts), tuple(offsets))


def rule_words(rules: Iterable[Rule]) -> set[str]:
    """Every word the rules' patterns, phrases and exceptions name (not the words a token must not be)."""
    words: set[str] = set()
    for rule in rules:
        for pattern in (*rule.patterns, *rule.exception_patterns):
            for token in pattern:
                if token.get("OP") != "!":
                    words.update(token_words(token) or ())
        for phrase in (*rule.phrases, *rule.exception_phrases):
            words.update(_WORD.findall(normalise(phrase).text))
    return words
