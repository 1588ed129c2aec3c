"""One finding per stretch of words: when one rule's span lies inside another's, report only one of them.

Several rules can cover the same words from different angles ("won't help herself" is both responsibility-shifting
and engagement-blame). Two findings on the same words read as noise to a supervisor and count twice in a quality
team's rates, so the stronger one stands for both: higher severity first, then the longer span (it carries more of
the sentence), then the rule listed first. Findings that only partly overlap cover different words and both stay.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from vblint.model import Finding


def collapse(findings: Sequence[Finding]) -> list[Finding]:
    """The findings without any whose span nests inside (or around) a stronger one's, in their original order."""
    if len(findings) < 2:
        return list(findings)
    def strength(i: int) -> tuple[int, int, int]:
        f = findings[i]
        return -f.severity, f.start - f.end, i

    ranked = sorted(range(len(findings)), key=strength)
    # A finding that holds f or lies inside it starts between f.start - longest and f.end: only those kept so far
    # are compared, so a very long note with many findings costs n log n, not n squared.
    longest = max(f.end - f.start for f in findings)
    kept: list[tuple[int, int]] = []  # (start, index), sorted
    for i in ranked:
        f = findings[i]
        lo = bisect.bisect_left(kept, (f.start - longest, -1))
        hi = bisect.bisect_right(kept, (f.end, len(findings)))
        if not any(_nested(f, findings[k]) for _, k in kept[lo:hi]):
            bisect.insort(kept, (f.start, i))
    return [findings[i] for i in sorted(k for _, k in kept)]


def _nested(a: Finding, b: Finding) -> bool:
    return (b.start <= a.start and a.end <= b.end) or (a.start <= b.start and b.end <= a.end)
