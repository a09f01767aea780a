"""Test-wide settings, and the guard that keeps the suite inside the repository.

On CI (the CI runner sets CI=true) Hypothesis runs derandomized: the same examples on every run,
so a landing never depends on which random inputs one run happened to draw. Locally it keeps
exploring new examples (and remembers failures in .hypothesis/).

A fresh clone has nothing beside it, so no test may read a file next to the repository (such as
the project's `../shared` folder): an audit hook (PEP 578) refuses every open or directory listing
of a path under the repository's parent folder that is neither inside the repository, nor in the
temporary folder, nor a hidden per-user folder (caches). A test that tries gets a `PermissionError`
naming the path, and fails.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
_NEIGHBOURHOOD = str(REPO.parent)
_ALLOWED = tuple(os.path.realpath(p) for p in (REPO, tempfile.gettempdir()))
_WATCHED_EVENTS = {"open", "os.listdir", "os.scandir"}


def outside_repository(path: object) -> str | None:
    """The resolved path if it lies beside the repository (not inside it), else None."""
    if isinstance(path, int) or path is None:
        return None
    try:
        resolved = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return None
    if not resolved.startswith(_NEIGHBOURHOOD + os.sep):
        return None  # system files, site-packages, /proc ...: not beside the repository
    if any(resolved == root or resolved.startswith(root + os.sep) for root in _ALLOWED):
        return None
    first = resolved[len(_NEIGHBOURHOOD) + 1:].split(os.sep, 1)[0]
    return None if first.startswith(".") else resolved


def _guard(event: str, args: tuple) -> None:
    if event in _WATCHED_EVENTS and args:
        escaped = outside_repository(args[0])
        if escaped is not None:
            raise PermissionError(f"a test read {escaped}, outside the repository: a fresh clone has "
                                  "no such file (copy what the test needs under tests/data/)")


sys.addaudithook(_guard)
