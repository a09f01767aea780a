"""Compare two folders of `adcount run` outputs file by file, byte for byte.

Used to show that a refactor changes no result: run `adcount run` with the same input, the same
pseudonymisation key (ADCOUNT_KEY) and the same configuration on the old code and on the new one,
then

    python benchmarks/compare_outputs.py OLD_DIR NEW_DIR

walks OLD_DIR (nested run folders allowed), compares each file with its twin in NEW_DIR and prints
one line per differing or missing file, then a summary. `config.json` is compared as JSON: fields
that only the new side has (new configuration fields) are listed, not counted as differences,
while any shared field with another value is a difference. Exit code 1 when anything differs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    """A JSON tree as {"a.b.c": leaf}."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flat(item, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): value}


def compare_config(old: Path, new: Path) -> tuple[list[str], list[str]]:
    """(shared fields whose values differ, fields only the new configuration has)."""
    before, after = _flat(json.loads(old.read_text())), _flat(json.loads(new.read_text()))
    changed = sorted(k for k in before if k not in after or before[k] != after[k])
    added = sorted(set(after) - set(before))
    return changed, added


def compare_folders(old_root: Path, new_root: Path) -> tuple[int, int, list[str]]:
    """(files compared, files that differ, report lines)."""
    lines: list[str] = []
    compared = differing = 0
    added_fields: set[str] = set()
    for old in sorted(p for p in old_root.rglob("*") if p.is_file()):
        relative = old.relative_to(old_root)
        new = new_root / relative
        compared += 1
        if not new.is_file():
            differing += 1
            lines.append(f"missing in new: {relative}")
            continue
        if old.name == "config.json":
            changed, added = compare_config(old, new)
            added_fields.update(added)
            if changed:
                differing += 1
                lines.append(f"differs: {relative} (fields {', '.join(changed)})")
        elif old.read_bytes() != new.read_bytes():
            differing += 1
            lines.append(f"differs: {relative}")
    extra = sorted(p.relative_to(new_root) for p in new_root.rglob("*")
                   if p.is_file() and not (old_root / p.relative_to(new_root)).is_file())
    lines += [f"only in new: {p}" for p in extra]
    if added_fields:
        lines.append(f"config.json: {len(added_fields)} new fields ({', '.join(sorted(added_fields))})")
    return compared, differing, lines


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    compared, differing, lines = compare_folders(Path(argv[0]), Path(argv[1]))
    print("\n".join(lines))
    print(f"{compared} files compared, {compared - differing} identical, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
