"""Test-wide settings, and the guard that keeps the suite inside the repository.

On CI (the CI runner sets CI=true) Hypothesis runs derandomized: the same examples on every run,
so a landing never depends on which random inputs one run happened to draw. Locally it keeps
exploring new examples (and remembers failures in .hypothesis/).

A fresh clone has nothing beside it, so no test may read a file next to the repository (such as
the project's `../shared` folder): an audit hook (PEP 578) refuses every open or directory listing
of a path inside an entry that stood beside the repository when the session started (`BesideGuard`).
A test that tries gets a `PermissionError` naming the path, and fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
_WATCHED_EVENTS = {"open", "os.listdir", "os.scandir"}


class BesideGuard:
    """Paths beside a repository: the entries of its parent folder when the session starts, except
    the repository itself, hidden per-user folders (caches) and pytest's temporary folders. Entries
    created later (temporary files of the tests) are not beside it."""

    def __init__(self, repo: Path, siblings: Iterable[str]):
        parent = repo.parent
        self.forbidden = tuple(
            os.path.realpath(parent / name) for name in sorted(siblings)
            if name != repo.name and not name.startswith((".", "pytest-of-")))

    def escaped(self, path: object) -> str | None:
        """The resolved path if it lies in one of the forbidden entries, else None."""
        if isinstance(path, int) or path is None:
            return None
        try:
            resolved = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return None
        hit = any(resolved == root or resolved.startswith(root + os.sep) for root in self.forbidden)
        return resolved if hit else None


GUARD = BesideGuard(REPO, os.listdir(REPO.parent))


def _guard(event: str, args: tuple) -> None:
    if event in _WATCHED_EVENTS and args:
        escaped = GUARD.escaped(args[0])
        if escaped is not None:
            raise PermissionError(f"a test read {escaped}, outside the repository: a fresh clone has "
                                  "no such file (copy what the test needs under tests/data/)")


sys.addaudithook(_guard)
