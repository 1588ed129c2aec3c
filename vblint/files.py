"""Output files that appear only when complete: written under a temporary name beside the target, then renamed.

An interrupted or failed run leaves any earlier file of the same name as it was, never a truncated one that looks
complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from vblint.errors import VblintError


@contextlib.contextmanager
def atomic_text(path: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise VblintError(f"cannot write here: {err.strerror}", file=str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        # mkstemp creates the file private (0600); give it the permissions any other new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
