"""A one-line progress display for long scans: notes, notes/s, and (for CSV) percent done and ETA.

Shown only on a terminal; silent when stderr is piped or redirected, so logs and CI output stay clean.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, total_bytes: int | None, bytes_read: Callable[[], int | None],
                 *, enabled: bool) -> None:
        self.stream = stream
        self.total = total_bytes
        self.bytes_read = bytes_read
        self.enabled = enabled
        self.started = time.monotonic()
        self._last = 0.0

    def __call__(self, notes: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self._last < 0.25:
            return
        self._last = now
        elapsed = max(now - self.started, 1e-6)
        line = f"\r  {notes:,} notes · {notes / elapsed:,.0f} notes/s"
        done = self.bytes_read()
        if self.total and done:
            fraction = min(done / self.total, 1.0)
            eta = elapsed * (1 - fraction) / fraction if fraction > 0 else 0
            line += f" · {fraction:5.1%} · ETA {int(eta // 60)}:{int(eta % 60):02d}"
        self.stream.write(line.ljust(70))
        self.stream.flush()

    def finish(self, notes: int) -> None:
        if self.enabled:
            elapsed = max(time.monotonic() - self.started, 1e-6)
            self.stream.write(f"\r  {notes:,} notes in {elapsed:.1f} s ({notes / elapsed:,.0f} notes/s)".ljust(70)
                              + "\n")
