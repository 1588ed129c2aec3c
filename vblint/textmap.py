"""Normalise text for matching while keeping a map from every normalised offset back to the source.

Text is lower-cased, curly quotes become straight ones and every run of white space becomes one space (or one
newline where the run holds a blank line, which ends a paragraph), so that "put  herself" and "put herself"
tokenise alike. Findings are reported at source offsets, so ``finding.text == source[finding.start:finding.end]``
always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u00ab": '"', "\u00bb": '"', "\u00a0": " ", "\u2010": "-", "\u2011": "-"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class MappedText:
    """Normalised ``text`` and, for each of its offsets (and the end), the offset in the source."""

    text: str
    to_source: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised span; the end maps to just after its last character."""
        if end <= start:
            return self.to_source[start], self.to_source[start]
        return self.to_source[start], self.to_source[end - 1] + 1


def _lower(text: str) -> str:
    """Lower-case without changing length (a few characters, such as "İ", lower-case to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def normalise(source: str) -> MappedText:
    # Lower-cased because matching is case-insensitive and spaCy's tokeniser is not: it splits the full stop
    # off "situation." but not off "situatioN.", so mixed-case text would otherwise tokenise differently.
    translated = _lower(source.translate(_QUOTES))
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE.finditer(translated):
        parts.append(translated[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        parts.append("\n" if m.group().count("\n") >= 2 else " ")
        offsets.append(m.start())
        pos = m.end()
    parts.append(translated[pos:])
    offsets.extend(range(pos, len(translated)))
    offsets.append(len(translated))
    return MappedText("".join(parts), tuple(offsets))
