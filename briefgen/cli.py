"""The `briefgen` command: build, extract, init. Exit 0 on success, 1 on input errors, 2 on usage errors."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click
import yaml

from briefgen import __version__
from briefgen.config import Config, load_config
from briefgen.errors import BriefgenError

CONFIG_NAME = "config.yaml"


def fail(exc: BriefgenError) -> NoReturn:
    """Print every problem as `path:line: message` and exit 1."""
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    count = sum(not p.warning for p in exc.problems) or len(exc.problems)
    click.echo(f"briefgen: {count} error{'s' if count != 1 else ''}, nothing was changed", err=True)
    sys.exit(1)


def read_config(path: str | None) -> Config:
    """Load the given config, or ./config.yaml if present, or the defaults for this folder."""
    if path is not None:
        return load_config(Path(path))
    default = Path(CONFIG_NAME)
    return load_config(default) if default.is_file() else load_config(None, Path.cwd())


def terminal_progress() -> Callable[[int, int], None] | None:
    """A progress line for interactive terminals; None in CI, pipes and files."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 20 and (done == total or done % max(1, total // 100) == 0):
            click.echo(f"\ranalysing articles: {done}/{total} ({100 * done // total}%)", err=True,
                       nl=done == total)

    return show


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """Turn a folder of news articles into a briefing site you can read in two minutes."""


config_option = click.option(
    "-c",
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Project config file (default: ./config.yaml if present, else built-in defaults).",
)


jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Worker processes for analysis (default: one per core). Output is the same for any number.",
)


@main.command()
@config_option
@click.option("--no-write", is_flag=True, help="Do not write summaries and figures into content/.")
@click.option("--strict", is_flag=True, help="Treat warnings (no date, unresolved figures) as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@jobs_option
@click.option("--timings", is_flag=True, help="Print the seconds spent in each stage (to stderr).")
def build(config_path: str | None, no_write: bool, strict: bool, quiet: bool, jobs: int | None,
          timings: bool) -> None:
    """Analyse every article and build the site."""
    from briefgen.build import build_project

    try:
        config = read_config(config_path)
        report = build_project(config, write=not no_write, strict=strict, jobs=jobs,
                               progress=None if quiet else terminal_progress())
    except BriefgenError as exc:
        fail(exc)
    for warning in report.warnings:
        click.echo(str(warning), err=True)
    if timings:
        for stage, seconds in report.stages:
            click.echo(f"stage {stage} {seconds:.3f} s", err=True)
    if not quiet:
        click.echo(report.summary_line())


@main.command()
@config_option
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@jobs_option
def extract(config_path: str | None, paths: tuple[str, ...], fmt: str, jobs: int | None) -> None:
    """Print the summary and figures of articles (files or folders); write nothing."""
    from briefgen.build import extract_records

    try:
        config = read_config(config_path)
        records, warnings = extract_records(config, [Path(p) for p in paths], jobs)
    except BriefgenError as exc:
        fail(exc)
    for warning in warnings:
        click.echo(str(warning), err=True)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        click.echo(yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100), nl=False)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Create a new briefing project in DIRECTORY."""
    from briefgen.scaffold import create_project

    try:
        created = create_project(Path(directory))
    except BriefgenError as exc:
        fail(exc)
    for path in created:
        click.echo(f"created {path}")
    click.echo(f"next: cd {directory} && briefgen build")


@main.command()
@config_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
def serve(config_path: str | None, host: str, port: int) -> None:
    """Build, serve the site locally, and rebuild and reload the page on every change."""
    from briefgen.serve import serve as run_server

    try:
        read_config(config_path)
    except BriefgenError as exc:
        fail(exc)
    run_server(lambda: read_config(config_path), host, port, lambda line: click.echo(line, err=True),
               ready=lambda line: click.echo(line))
