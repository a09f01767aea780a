"""Command line: `adcount run`, `adcount synth`, `adcount demo` (and the index commands of `cli_index`).

The commands call the same stages as the Python API. Bad input ends with one line on stderr
naming the problem (the key, column or path) and exit code 2, never a traceback; an unexpected
failure ends with one line and exit code 1 (set ADCOUNT_DEBUG=1 for the traceback). Warnings
(no pseudonymisation key, nothing to count, ...) are printed as one line each.

The library is imported inside the commands, not at the top of this module, so that
`adcount --help` and argument errors answer at once (the pipeline loads numba kernels).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from adcount.cli_index import register as register_index_commands
from adcount.cli_output import console, fail, guarded, line, output_folder
from adcount.config import Config

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Count the people behind online sex-work ads: deduplicate, estimate, report.")
@contextmanager
def _stage_bar(stages: tuple[str, ...]) -> Iterator:
    """A progress bar over the pipeline's steps, advanced by the callback it yields."""
    with Progress(TextColumn("{task.description:<12}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("loading", total=len(stages))
        done: list[str] = []

        def advance(stage: str) -> None:
            if done:
                bar.advance(task)
            done.append(stage)
            bar.update(task, description=stage)

        yield advance
        bar.update(task, completed=len(stages))


def run_job(input_path: Path, out: Path, image_root: Optional[Path], config_path: Optional[Path],
            raw_contacts: bool, encoding: Optional[str], title: str, lists: tuple[str, ...] = ("ads",),
            region: Optional[str] = None, lang: Optional[str] = None, country: Optional[str] = None) -> dict:
    """Load, deduplicate, estimate and write every output; returns the estimates as dicts.

    region: country of national phone formats, overriding the configuration's (see --region);
    country: the country persons are national of in the report (default: the phones' region)."""
    from adcount.load.schema import load_ads
    from adcount.pipeline import STAGE_NAMES, deduplicate

    config = Config.load(config_path) if config_path else Config()
    if region is not None:
        config = config.replace(contacts={"region": region.upper()})
    ads = load_ads(input_path, image_root=image_root, encoding=encoding)
    out.mkdir(parents=True, exist_ok=True)
    with _stage_bar(STAGE_NAMES) as advance:
        result = deduplicate(ads, config, raw_contacts=raw_contacts, out_dir=out, progress=advance)
    estimates = [result.estimate()]
    for design in lists:  # persons seen nowhere, one estimate per capture–recapture design asked for
        try:
            estimates.append(result.estimate(method="combined", lists=design))
        except ValueError as err:  # too few lists or persons: said in the output, not fatal
            line("note", f"capture–recapture over {design} not estimated: {err}")
    result.save(out, estimates=estimates, lang=lang, title=title, national=country)  # the report and its tables too
    console.print(result.summary(), highlight=False)
    return {e.method: e.to_dict() for e in estimates}


@app.command()
def run(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="Ads file: .csv, .tsv, .jsonl, .json or .parquet."),
    out: Path = typer.Option(..., "--out", help="Folder for the results (created if missing)."),
    image_root: Optional[Path] = typer.Option(None, "--image-root", help="Folder that image paths are relative to."),
    config: Optional[Path] = typer.Option(None, "--config", help="JSON configuration file (see docs/configuration.md)."),
    raw_contacts: bool = typer.Option(False, "--raw-contacts", help="Write raw phones/e-mails instead of pseudonyms."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the input text encoding."),
    lists: list[str] = typer.Option(["ads"], "--lists", help="Capture–recapture design(s) for persons seen "
                                    "nowhere: ads, site-group, site, week (repeat the option for several)."),
    region: Optional[str] = typer.Option(None, "--region", help="Country of national phone formats (ISO code: "
                                         "FR, US, CA, GB ...) for ads without a country column value; "
                                         "default: inferred from the ads."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of report.html: fr or en "
                                       "(default: the language of most ads, else the locale)."),
    country: Optional[str] = typer.Option(None, "--country", help="Country (ISO code) against which the report "
                                          "counts persons as national or foreign; default: the phones' region."),
) -> None:
    """Deduplicate INPUT into persons and networks, estimate the count, write results and report.html."""
    unknown = sorted(set(lists) - {"ads", "site-group", "site", "week"})
    if unknown:
        fail(f"unknown --lists {', '.join(unknown)}; use ads, site-group, site or week")
    output_folder(out)
    guarded(lambda: run_job(input_path, out, image_root, config, raw_contacts, encoding,
                             title=f"adcount: {input_path.name}", lists=tuple(lists), region=region, lang=lang,
                             country=country))
    console.print(f"results written to {out}/", highlight=False)


@app.command()
def synth(
    preset: str = typer.Option("pas-de-calais-2018", "--preset", help="Preset name (see adcount.synth.PRESETS), or heldout-K for a held-out variant."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed, same files)."),
    out: Path = typer.Option(..., "--out", help="Folder for ads.csv, images/, truth.csv, truth.json."),
    n_ads: Optional[int] = typer.Option(None, "--n-ads", help="Number of ads (scalable presets)."),
) -> None:
    """Generate a synthetic ad set with ground truth."""
    from adcount import synth as synth_module

    output_folder(out)
    frame = guarded(lambda: synth_module.generate(preset=preset, seed=seed, out_dir=out, n_ads=n_ads))
    truth = frame.attrs.get("truth", {})
    console.print(f"{len(frame)} ads, {truth.get('n_persons_observed', '?')} persons observed "
                  f"({truth.get('n_persons_total', '?')} in total) written to {out}/", highlight=False)


@app.command()
def demo(
    out: Path = typer.Option(Path("demo-out"), "--out", help="Folder for the synthetic set and the results."),
    seed: int = typer.Option(0, "--seed", help="Seed of the synthetic set."),
) -> None:
    """Synthetic Pas-de-Calais-like ad set -> deduplicate -> estimate -> report, in one command."""
    import pandas as pd

    from adcount import synth as synth_module
    from adcount.tools.evaluate import evaluate

    data = out / "data"
    output_folder(out)
    console.print(f"generating the synthetic set (pas-de-calais-2018, seed {seed}) in {data}/", highlight=False)
    frame = guarded(lambda: synth_module.generate(preset="pas-de-calais-2018", seed=seed, out_dir=data))
    estimates = guarded(lambda: run_job(data / "ads.csv", out, data, None, False, None,
                                         title="adcount demo: synthetic Pas-de-Calais 2018"))
    assignments = pd.read_csv(out / "assignments.csv", dtype=str)
    truth = pd.read_csv(data / "truth.csv", dtype=str)
    scores = evaluate(assignments, truth)
    truth_facts = frame.attrs.get("truth", {})
    (out / "evaluation.json").write_text(json.dumps({"scores": scores, "truth": truth_facts,
                                                     "estimates": estimates}, indent=2, default=str) + "\n")
    person = scores["person"]
    console.print(
        f"vs truth: person pairwise F1 {person['pairwise_f1']:.3f}, B-cubed F1 {person['bcubed_f1']:.3f}, "
        f"{person['n_found']} persons found vs {person['n_true']} true "
        f"({truth_facts.get('n_persons_total', '?')} in total incl. unseen); network F1 "
        f"{scores['network']['pairwise_f1']:.3f}", highlight=False)
    console.print(f"report: {out / 'report.html'}", highlight=False)


register_index_commands(app)

if __name__ == "__main__":
    app()
