"""How every `adcount` command talks to the user: one console on stderr, one line per error or
warning whatever the terminal width, exit code 2 for bad input and 1 for an unexpected failure.

Shared by the main commands (`cli`) and the index commands (`cli_index`), so neither imports the other's
internals.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import Callable

import typer
from rich.console import Console

from adcount.config import ConfigError
from adcount.load.io import InputError

console = Console(stderr=True, markup=False, highlight=False, soft_wrap=True)

USER_ERRORS = (InputError, ConfigError, OSError, ValueError)


def line(prefix: str, message: object) -> None:
    """One line on stderr, whatever the terminal width: no markup, no wrapping."""
    text = " ".join(str(message).split())
    sys.stderr.write(f"{prefix}: {text}\n")
    sys.stderr.flush()


def fail(message: object, code: int = 2) -> None:
    """Print `message` as one error line and end the command with `code`."""
    line("error", message)
    raise typer.Exit(code=code)


def _os_message(err: OSError) -> str:
    """An OS error as one sentence naming its path."""
    where = f": {err.filename}" if err.filename else ""
    return f"{err.strerror or type(err).__name__}{where}"


def guarded(job: Callable[[], object]) -> object:
    """Run a command's job: warnings printed as lines, user errors as one line (exit 2), anything
    else as one line (exit 1) unless ADCOUNT_DEBUG is set."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return job()
        except typer.Exit:
            raise
        except OSError as err:
            fail(_os_message(err))
        except USER_ERRORS as err:
            fail(err)
        except Exception as err:  # noqa: BLE001 - the CLI's promise: one line, no traceback
            if os.environ.get("ADCOUNT_DEBUG"):
                raise
            fail(f"unexpected {type(err).__name__}: {err} (set ADCOUNT_DEBUG=1 for details)", code=1)
        finally:
            for warning in dict.fromkeys(str(w.message) for w in caught):
                line("warning", warning)
    return None


def output_folder(out: Path, option: str = "--out") -> None:
    """Refuse a folder option that names an existing file, before any work is done."""
    if out.exists() and not out.is_dir():
        fail(f"{option} {out} exists and is not a folder")
