"""Command line of the persistent index: `adcount add`, `persons`, `refit`, `report --index`.

Registered on the main `adcount` app by `register`; errors are reported as the other commands
report them (one line, exit code 2 for bad input).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from adcount.cli_output import console, fail, guarded, output_folder

ADD_STAGES = ("signals", "candidates", "persons", "networks")


@contextmanager
def _add_bar() -> Iterator:

    with Progress(TextColumn("{task.description:<12}"), BarColumn(), TimeElapsedColumn(), console=console,
                  transient=True) as bar:
        task = bar.add_task("loading", total=len(ADD_STAGES))
        yield lambda stage: bar.update(task, description=stage, completed=ADD_STAGES.index(stage))


def _index_folder(folder: Path, must_exist: bool) -> Path:
    from adcount.index.schema import DB_FILE

    output_folder(folder, "--index")
    if must_exist and not (folder / DB_FILE).is_file():
        fail(f"--index {folder} holds no index (add ads to it first: adcount add INPUT --index {folder})")
    return folder


def add(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="Ads file: .csv, .tsv, .jsonl, .json or .parquet."),
    index: Path = typer.Option(..., "--index", help="Index folder (created on the first addition)."),
    image_root: Optional[Path] = typer.Option(None, "--image-root", help="Folder image paths are relative to."),
) -> None:
    """Link a new scrape to the persons already in the index; prints the changelog summary."""
    from adcount.index import Index

    folder = _index_folder(index, must_exist=False)

    def job() -> str:
        with Index(folder) as opened, _add_bar() as advance:
            return opened.add(input_path, image_root=image_root, progress=advance).summary()

    console.print(guarded(job), highlight=False)


def persons(
    index: Path = typer.Option(..., "--index", help="Index folder."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Date (YYYY-MM-DD): persons with an ad posted by then."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write the persons as CSV here (else to stdout)."),
) -> None:
    """The persons of the index as of a date, one row each."""
    from adcount.index import Index

    folder = _index_folder(index, must_exist=True)

    def job():
        with Index(folder) as opened:
            return opened.persons(as_of=as_of)

    table = guarded(job)
    if out is not None:
        table.to_csv(out, index=False)
        console.print(f"{len(table)} persons written to {out}", highlight=False)
    else:
        typer.echo(table.to_csv(index=False), nl=False)


def refit(index: Path = typer.Option(..., "--index", help="Index folder.")) -> None:
    """Refit the link model on every ad and say how many ads would change person (ids unchanged)."""
    from adcount.index import Index

    folder = _index_folder(index, must_exist=True)

    def job():
        with Index(folder) as opened:
            return opened.refit()

    found = guarded(job)
    console.print(f"refit on {found.n_ads} ads: {found.n_ads_changing} ads would change person "
                  f"({found.n_persons_now} persons now, {found.n_persons_refit} with the refitted model); "
                  "the index and its ids are unchanged" + (f"; {found.model_note}" if found.model_note else ""),
                  highlight=False)


def report(
    index: Path = typer.Option(..., "--index", help="Index folder."),
    out: Path = typer.Option(Path("report.html"), "--out", help="HTML file to write."),
) -> None:
    """Write the HTML report of everything in the index (stable person ids)."""
    from adcount.index import Index

    folder = _index_folder(index, must_exist=True)

    def job() -> None:
        with Index(folder) as opened:
            result = opened.result()
        result.report(out, title=f"adcount: index {folder.name}")

    guarded(job)
    console.print(f"report: {out}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the index commands to the `adcount` app."""
    for command in (add, persons, refit, report):
        app.command()(command)
