"""The ``vblint`` command line. The only place that decides exit codes: 0 clean, 1 findings, 2 usage or input error."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from vblint import __version__
from vblint.errors import VblintError
from vblint.model import Finding, Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: Sequence[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _severity(_ctx: click.Context, _param: click.Parameter, value: str) -> Severity:
    return Severity.parse(value)


# Options shared by several commands are defined once here.
select_option = click.option("--select", multiple=True, metavar="RULES",
                             help="Only these rules: codes, code prefixes, names or categories (comma-separated).")
ignore_option = click.option("--ignore", multiple=True, metavar="RULES",
                             help="Skip these rules: codes, code prefixes, names or categories (comma-separated).")
rules_option = click.option("--rules", "rules", multiple=True, type=click.Path(file_okay=False, path_type=Path),
                            help="Add a folder of rule files to the core pack (repeatable).")


def load_engine(rules: Sequence[Path] = (), select: Sequence[str] = (), ignore: Sequence[str] = ()):
    """Build the engine once for a command; everything after this is passed it."""
    from vblint.engine import Engine
    from vblint.ruleset import load_rules, packaged_rules_dir

    ruleset = load_rules([packaged_rules_dir(), *rules]).select(_split(select), _split(ignore))
    return Engine(ruleset)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="vblint")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Find victim-blaming language about children in police records, and suggest child-centred wording."""
    from vblint.config import default_map, find_config

    found = find_config(Path.cwd())
    if found is not None:
        ctx.default_map = default_map(*found)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text", show_default=True)
@select_option
@ignore_option
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default="warning",
              show_default=True, callback=_severity, help="Report findings at this severity and above.")
@rules_option
@click.option("--encoding", default=None, help="Text encoding of the files (default UTF-8).")
@click.option("--no-suggestions", is_flag=True, help="Text format: do not print suggested rewordings.")
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          min_severity: Severity, rules: tuple[Path, ...], encoding: str | None, no_suggestions: bool) -> None:
    """Check text files, folders of them, or - for standard input.

    Exits 0 when nothing is found at --min-severity or above, 1 when something is, 2 on an error.
    """
    from vblint.report.jsonout import write_json, write_jsonl
    from vblint.report.text import write_findings, write_summary
    from vblint.sources import read_sources

    engine = load_engine(rules, select, ignore)
    findings: list[Finding] = []
    files = 0
    for source in read_sources(paths, encoding):
        files += 1
        findings += [f for f in engine.lint(source.text, path=source.path) if f.severity >= min_severity]
    out = sys.stdout
    if fmt == "json":
        write_json(findings, out)
    elif fmt == "jsonl":
        write_jsonl(findings, out)
    else:
        write_findings(findings, out, show_suggestions=not no_suggestions)
        write_summary(findings, files, out)
    sys.exit(EXIT_FINDINGS if findings else EXIT_CLEAN)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@rules_option
def rules_command(fmt: str, rules: tuple[Path, ...]) -> None:
    """List every rule: code, name, category and severity."""
    from vblint.report.ruledocs import write_rules_json, write_rules_markdown, write_rules_table

    ruleset = load_engine(rules).rules
    out = sys.stdout
    {"text": write_rules_table, "json": write_rules_json, "markdown": write_rules_markdown}[fmt](ruleset, out)


@cli.command()
@click.argument("rule")
@rules_option
def explain(rule: str, rules: tuple[Path, ...]) -> None:
    """Explain a rule by code or name: why it harms, what to write instead, examples and sources."""
    from vblint.report.ruledocs import write_explanation

    found = load_engine(rules).rules.get(rule)
    if found is None:
        raise VblintError(f"no rule called {rule!r}; `vblint rules` lists them")
    write_explanation(found, sys.stdout)


@cli.command("eval")
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A previous `--format json` result: print new misses, new false alarms and what was fixed.")
@click.option("--stats", is_flag=True, help="Print the corpus's counts by note type, label, category and team.")
@click.option("--no-errors", is_flag=True, help="Text format: leave out the lists of false alarms and misses.")
@select_option
@ignore_option
@rules_option
def eval_command(corpus: Path, fmt: str, baseline: Path | None, stats: bool, no_errors: bool,
                 select: tuple[str, ...], ignore: tuple[str, ...], rules: tuple[Path, ...]) -> None:
    """Precision and recall of the rules on a labelled corpus (a .jsonl file or a folder of them)."""
    import json

    from vblint.corpus import read_corpus
    from vblint.evaluate import compare, corpus_stats, evaluate
    from vblint.report import evalreport

    out = sys.stdout
    notes = list(read_corpus(corpus))
    if stats:
        evalreport.write_stats(corpus_stats(notes), out)
        return
    engine = load_engine(rules, select, ignore)
    ev = evaluate(engine, notes)
    if fmt == "json":
        json.dump(ev.to_dict(), out, indent=2)
        out.write("\n")
    elif fmt == "markdown":
        evalreport.write_markdown(ev, engine.rules, corpus.as_posix(), out)
    else:
        evalreport.write_text(ev, out, errors=not no_errors)
    if baseline is not None:
        try:
            previous = json.loads(baseline.read_text(encoding="utf-8"))
            comparison = compare(ev.to_dict(), previous)
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise VblintError(f"not a `vblint eval --format json` result ({err.__class__.__name__})",
                              file=str(baseline)) from None
        evalreport.write_comparison(comparison, sys.stderr if fmt == "json" else sys.stdout)


def _column_options(f):
    for field, example in (("date", "created_at"), ("role", "author_role"), ("author", "author_id"),
                           ("type", "note_type"), ("team", "team"), ("id", "note_id"), ("text", "note_text")):
        help_text = f"Column holding the note {field} (e.g. {example}); found by its usual names if not set."
        f = click.option(f"--{field}-column", default=None, metavar="NAME", help=help_text)(f)
    return f


@cli.command()
@click.argument("export", type=click.Path(path_type=Path))
@_column_options
@click.option("--sheet", default=None, help="XLSX: the worksheet to read (default: the first).")
@click.option("--encoding", default=None, help="CSV: the text encoding (default: UTF-8, else Windows-1252).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Processes to use (default: all cores).")
@click.option("--findings", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every finding, one row per finding: .csv for CSV, anything else for JSON Lines.")
@click.option("--summary", type=click.Path(dir_okay=False, path_type=Path), help="Write the per-team CSV summary.")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), help="Write the self-contained HTML report.")
@click.option("--no-excerpts", is_flag=True, help="Counts only: no note text in the report or the sample.")
@click.option("--sample", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a dip sample for human review (CSV): per team, flagged and unflagged notes.")
@click.option("--sample-size", type=click.IntRange(1, 10_000), default=10, show_default=True,
              help="Notes per team in each of the flagged and unflagged strata.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for the dip sample.")
@click.option("--history", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file of earlier checks: store this run's counts and show the trend.")
@click.option("--label", default=None, help="A name for this check in the history (default: today's date).")
@select_option
@ignore_option
@rules_option
def scan(export: Path, jobs: int | None, findings: Path | None, summary: Path | None, report: Path | None,
         no_excerpts: bool, sample: Path | None, sample_size: int, seed: int, history: Path | None,
         label: str | None, sheet: str | None, encoding: str | None, select: tuple[str, ...],
         ignore: tuple[str, ...], rules: tuple[Path, ...], **columns: str | None) -> None:
    """Scan a records export (CSV, XLSX or JSONL) and report per-team rates for a regular check.

    Exits 0 when the scan completes (findings are the point of a scan), 2 on an error.
    """
    from vblint.batch import ScanOutputs, run_scan

    outputs = ScanOutputs(findings=findings, summary=summary, report=report, sample=sample, history=history)
    fields = {k.removesuffix("_column"): v for k, v in columns.items()}
    run_scan(load_engine(rules, select, ignore), export, fields, outputs, jobs=jobs, sheet=sheet,
             encoding=encoding, excerpts=not no_excerpts, sample_size=sample_size, seed=seed, label=label)


@cli.command("history")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path))
def history_command(database: Path) -> None:
    """List the checks stored in a history database."""
    from vblint.history import runs

    out = sys.stdout
    stored = runs(database)
    out.write(f"{'#':>3}  {'check':<20} {'run at':<20} {'notes':>8} {'per 100':>8}  export\n")
    for r in stored:
        out.write(f"{r.id:>3}  {r.label:<20} {r.started:<20} {r.notes:>8} {r.rate:>8.1f}  {r.source}\n")
    if not stored:
        out.write("(no checks yet)\n")


def main(argv: Sequence[str] | None = None) -> Any:
    """Entry point: user errors become one line on stderr and exit code 2, never a traceback."""
    # One BLAS thread per process, set before numpy is first imported (the engine is imported by each command):
    # a scan already runs a process per core, and the learned reader's matrix products with a thread pool in each
    # ran the sample export at a quarter of the speed. One note checked alone barely notices. A value the user set
    # stands.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    try:
        return cli.main(args=list(argv) if argv is not None else None, prog_name="vblint", standalone_mode=False)
    except VblintError as err:
        click.echo(f"vblint: error: {err.line()}", err=True)
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo("vblint: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
