"""Reproducible random samples drawn while streaming, in constant memory (reservoir sampling).

The dip sample gives a reviewer, per team, up to N flagged and N unflagged notes, so that both the rules'
precision (flagged notes) and their recall (unflagged notes) can be checked by hand. The same export, seed and
size always give the same sample.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Reservoir(Generic[T]):
    """A uniform sample of at most ``size`` of the items offered (Vitter's algorithm R)."""

    size: int
    rng: random.Random
    items: list[T] = field(default_factory=list)
    seen: int = 0

    def offer(self, item: T) -> None:
        self.seen += 1
        if len(self.items) < self.size:
            self.items.append(item)
        else:
            j = self.rng.randrange(self.seen)
            if j < self.size:
                self.items[j] = item


class StratifiedSample(Generic[T]):
    """One reservoir per stratum (e.g. (team, flagged)), all driven by one seeded generator."""

    def __init__(self, size: int, seed: int) -> None:
        self.size = size
        self.seed = seed
        self._rng = random.Random(seed)
        self.strata: dict[tuple[str, ...], Reservoir[T]] = {}

    def offer(self, stratum: tuple[str, ...], item: T) -> None:
        reservoir = self.strata.get(stratum)
        if reservoir is None:
            reservoir = self.strata[stratum] = Reservoir(self.size, self._rng)
        reservoir.offer(item)

    def drawn(self) -> list[tuple[tuple[str, ...], list[T], int]]:
        """(stratum, sampled items in the order they came, how many were offered), strata in sorted order."""
        return [(k, list(r.items), r.seen) for k, r in sorted(self.strata.items())]
