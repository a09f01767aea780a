"""Keyed pseudonyms for contacts (phones, e-mails, handles).

Phone numbers and e-mail addresses of the people in ads are personal data of vulnerable people.
Outside the library they appear only as keyed HMAC-SHA256 tokens such as ``ph_1a2b3c4d5e6f7a8b``:
equal contacts give equal tokens under one key (so outputs stay linkable across files and runs),
and without the key a token cannot be reversed by enumerating the ~10^9 French mobile numbers,
which a plain hash could.

Where the key comes from (:func:`resolve_key`), first match wins:

1. the ``key`` argument;
2. the environment variable ``ADCOUNT_KEY``;
3. the file ``<out_dir>/.adcount-key``, created once with 32 random bytes (mode 0600) and reused
   by every later run writing to that directory;
4. with neither a key nor an output directory: a fresh random key for this process only, with an
   :class:`EphemeralKeyWarning` (pseudonyms then link nothing across runs).

Nothing here ever puts a contact or a key in a message.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

KEY_ENV = "ADCOUNT_KEY"
KEY_FILE = ".adcount-key"
_KEY_BYTES = 32
_MIN_KEY_BYTES = 16
_TOKEN_HEX = 16  # 64-bit tokens: collisions stay negligible below ~10^8 distinct contacts
_PREFIXES = {
    "ph": "ph", "phone": "ph", "phones": "ph",
    "em": "em", "email": "em", "emails": "em",
    "hd": "hd", "handle": "hd", "handles": "hd",
}


class EphemeralKeyWarning(UserWarning):
    """Pseudonyms were made with a one-off key: they cannot be linked to another run's."""


def _as_key_bytes(key: bytes | str, source: str) -> bytes:
    raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if len(raw) < _MIN_KEY_BYTES:
        raise ValueError(f"pseudonymisation key from {source} is too short: at least {_MIN_KEY_BYTES} bytes needed")
    return raw


def _key_from_file(path: Path) -> bytes:
    """Read the key file, or create it atomically (O_EXCL, mode 0600) when it does not exist."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        text = path.read_text(encoding="ascii").strip()
        try:
            return _as_key_bytes(bytes.fromhex(text), f"key file {path}")
        except ValueError:
            raise ValueError(f"key file {path} is not a hex-encoded key of at least {_MIN_KEY_BYTES} bytes") from None
    key = secrets.token_bytes(_KEY_BYTES)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key


def resolve_key(key: bytes | str | None = None, out_dir: str | Path | None = None) -> bytes:
    """The pseudonymisation key: argument, then ``ADCOUNT_KEY``, then ``out_dir/.adcount-key``.

    A ``str`` key (argument or environment) is used as its UTF-8 bytes. With no key anywhere and
    no ``out_dir``, returns a random key for this process and warns with
    :class:`EphemeralKeyWarning`.
    """
    if key is not None:
        return _as_key_bytes(key, "the key argument")
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return _as_key_bytes(from_env, f"${KEY_ENV}")
    if out_dir is not None:
        directory = Path(out_dir)
        directory.mkdir(parents=True, exist_ok=True)
        return _key_from_file(directory / KEY_FILE)
    warnings.warn(
        f"no pseudonymisation key given (argument, ${KEY_ENV} or output directory): using a one-off "
        "key, so pseudonyms will not match those of any other run",
        EphemeralKeyWarning,
        stacklevel=2,
    )
    return secrets.token_bytes(_KEY_BYTES)


def pseudonymize(values: Iterable[str], key: bytes, kind: str) -> list[str]:
    """Keyed tokens ``"<prefix>_<16 hex>"`` for ``values``, aligned with them.

    ``kind`` is ``"ph"``/``"phone"``, ``"em"``/``"email"`` or ``"hd"``/``"handle"``; it is also
    mixed into the HMAC so that a phone and a handle with the same text get unrelated tokens.
    Values should be the normalised outputs of the extractors (E.164, lower-case address, key).
    """
    prefix = _PREFIXES.get(kind)
    if prefix is None:
        raise ValueError(f"unknown contact kind {kind!r}: expected one of {sorted(set(_PREFIXES))}")
    if not isinstance(key, (bytes, bytearray)) or len(key) < _MIN_KEY_BYTES:
        raise ValueError(f"key must be bytes of length >= {_MIN_KEY_BYTES} (see resolve_key)")
    tokens = []
    for position, value in enumerate(values):
        if not isinstance(value, str):
            raise TypeError(f"contact at position {position} is {type(value).__name__}, expected str")
        digest = hmac.digest(key, f"{prefix}:{value}".encode(), hashlib.sha256)
        tokens.append(f"{prefix}_{digest.hex()[:_TOKEN_HEX]}")
    return tokens


def pseudonymize_lists(rows: Sequence[Sequence[str]], key: bytes, kind: str) -> list[list[str]]:
    """Pseudonymise a column of per-ad contact lists (the shape the extractors produce).

    Each distinct contact is hashed once, however many ads show it, and every list keeps its
    order and length.
    """
    distinct = list(dict.fromkeys(value for row in rows for value in row))
    token_of = dict(zip(distinct, pseudonymize(distinct, key, kind)))
    return [[token_of[value] for value in row] for row in rows]
