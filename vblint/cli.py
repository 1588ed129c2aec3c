"""The ``vblint`` command line. The only place that decides exit codes: 0 clean, 1 findings, 2 usage or input error."""

from __future__ import annotations

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


def load_engine(rules: Sequence[Path] = (), select: Sequence[str] = (), ignore: Sequence[str] = ()):  # noqa: ANN201
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
    out = click.get_text_stream("stdout")
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
    out = click.get_text_stream("stdout")
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
    write_explanation(found, click.get_text_stream("stdout"))


def main(argv: Sequence[str] | None = None) -> Any:
    """Entry point: user errors become one line on stderr and exit code 2, never a traceback."""
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
