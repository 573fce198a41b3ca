"""The `briefgen` command: build, extract, serve, new, clean, init.

Exit 0 on success, 1 on input errors, 2 on usage errors. Errors and warnings go to stderr as
`path:line: message`, coloured on a terminal (never in pipes, never with NO_COLOR set).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn

import click
import yaml

from briefgen import __version__
from briefgen.config import Config, environment_overrides, load_config
from briefgen.errors import BriefgenError, Problem, counted

CONFIG_NAME = "config.yaml"


def use_colour() -> bool | None:
    """No colour when NO_COLOR is set (https://no-color.org); else click decides (a terminal gets colour)."""
    return False if os.environ.get("NO_COLOR") else None


def show_problem(problem: Problem) -> None:
    """One `path:line: message` line on stderr; the kind in colour on a terminal."""
    text = str(problem)
    kind = "warning: " if problem.warning else ""
    where = text[: len(text) - len(kind + problem.message)]
    styled = click.style("warning: ", fg="yellow", bold=True) if problem.warning else ""
    message = problem.message if problem.warning else click.style(problem.message, fg="red", bold=True)
    click.echo(f"{where}{styled}{message}", err=True, color=use_colour())


def fail(exc: BriefgenError, as_json: bool = False) -> NoReturn:
    """Print every problem as `path:line: message` (or the JSON report) and exit 1."""
    errors = [p for p in exc.problems if not p.warning] or exc.problems
    if as_json:
        click.echo(json.dumps({"ok": False, "errors": [p.as_data() for p in errors],
                               "warnings": [p.as_data() for p in exc.problems if p not in errors]}, indent=1))
        sys.exit(1)
    for problem in exc.problems:
        show_problem(problem)
    click.echo(f"briefgen: {counted(len(errors), 'error')}, nothing was changed", err=True, color=use_colour())
    sys.exit(1)


@contextlib.contextmanager
def reporting_errors(as_json: bool = False) -> Iterator[None]:
    """Run the block; a BriefgenError raised in it is printed (`fail`) and the command exits 1."""
    try:
        yield
    except BriefgenError as exc:
        fail(exc, as_json)


def read_config(path: str | None, given: Mapping[str, Any] | None = None) -> Config:
    """Load the given config, or ./config.yaml if present, or the defaults for this folder.

    BRIEFGEN_<KEY> environment variables override the file, and options given on the command
    line (`given`: key -> value) override both.
    """
    overrides, problems = environment_overrides(os.environ)
    for key, value in (given or {}).items():
        if value is not None:
            overrides[key] = (value, Path("--" + key.replace("_", "-")))
    if problems:
        raise BriefgenError(problems)
    if path is not None:
        return load_config(Path(path), overrides=overrides)
    default = Path(CONFIG_NAME)
    return load_config(default if default.is_file() else None, Path.cwd(), overrides=overrides)


def terminal_progress() -> Callable[[int, int], None] | None:
    """A progress line for interactive terminals; None in CI, pipes and files."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        """Print the progress line, about once a percent (and only for 20 articles or more)."""
        if total >= 20 and (done == total or done % max(1, total // 100) == 0):
            click.echo(f"\ranalysing articles: {done}/{total} ({100 * done // total}%)", err=True,
                       nl=done == total)

    return show


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=(
    "Shell completion: eval \"$(_BRIEFGEN_COMPLETE=bash_source briefgen)\" in ~/.bashrc "
    "(zsh_source for zsh, fish_source for fish)."))
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """Turn a folder of news articles into a briefing site you can read in two minutes."""


def run() -> NoReturn:
    """The program's entry point (`briefgen`, `python -m briefgen`): run the command, then end the process at once.

    A build of a large archive leaves millions of objects, and the interpreter freeing them one by one at exit
    took 1.4 s at 20,000 articles, more than the rest of an incremental build but its loading. Whatever the
    command wrote is closed by then, so (as mypy does) the process flushes its output and exits without that
    teardown. An unexpected exception still ends the ordinary way, with its traceback.
    """
    try:
        main()
        code: Any = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (briefgen build | head) loses nothing of ours
            stream.flush()
    os._exit(code or 0)


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
@click.option("--base-url", default=None, help="Absolute URL the site is published at (overrides base_url).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Say what each stage did and what each analysed article holds.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report (JSON) on stdout instead.")
@jobs_option
@click.option("--timings", is_flag=True, help="Print the seconds spent in each stage (to stderr).")
def build(config_path: str | None, no_write: bool, strict: bool, base_url: str | None, quiet: bool, verbose: bool,
          as_json: bool, jobs: int | None, timings: bool) -> None:
    """Analyse every article and build the site."""
    from briefgen.build import build_project

    with reporting_errors(as_json):
        config = read_config(config_path, {"base_url": base_url})
        interactive = not (quiet or as_json)
        report = build_project(config, write=not no_write, strict=strict, jobs=jobs,
                               progress=terminal_progress() if interactive else None)
    if as_json:
        click.echo(json.dumps(report.as_data(), indent=1))
        return
    if not quiet:
        for warning in report.warnings:
            show_problem(warning)
        for note in report.notes:
            click.echo(f"note: {note}", err=True)
    if verbose and not quiet:
        for line in report.details:
            click.echo(line, err=True)
    if timings or (verbose and not quiet):
        for stage, seconds in report.stages:
            click.echo(f"stage {stage} {seconds:.3f} s", err=True)
    if not quiet:
        click.echo(report.summary_line())


ARTICLE_SUFFIXES = (".md", ".txt")


@main.command()
@config_option
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@jobs_option
def extract(config_path: str | None, paths: tuple[str, ...], fmt: str, jobs: int | None) -> None:
    """Print the summary and figures of articles (files or folders); write nothing."""
    from briefgen.build import extract_records

    not_articles = [Problem(f"not an article: briefgen reads {' and '.join(ARTICLE_SUFFIXES)} files", Path(p))
                    for p in paths if Path(p).is_file() and Path(p).suffix.lower() not in ARTICLE_SUFFIXES]
    with reporting_errors():
        if not_articles:
            raise BriefgenError(not_articles)
        config = read_config(config_path)
        records, warnings = extract_records(config, [Path(p) for p in paths], jobs)
    for warning in warnings:
        show_problem(warning)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        click.echo(yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100), nl=False)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Create a new briefing project in DIRECTORY."""
    from briefgen.scaffold import create_project

    with reporting_errors():
        created = create_project(Path(directory))
    for path in created:
        click.echo(f"created {path}")
    click.echo(f"next: cd {directory} && briefgen build")


@main.command()
@config_option
@click.argument("headline")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Publication date (default: today).")
def new(config_path: str | None, headline: str, day: dt.datetime | None) -> None:
    """Start a new article: content/YYYY-MM/<slug>.md with its front matter, as a draft."""
    from briefgen.scaffold import create_article

    with reporting_errors():
        config = read_config(config_path)
        path = create_article(config, headline, day.date() if day else dt.date.today())
    click.echo(f"created {path} (a draft: delete the 'draft: true' line to publish it)")


@main.command()
@config_option
def clean(config_path: str | None) -> None:
    """Delete the built site and the cache of rebuilds (content/ is never touched)."""
    from briefgen.scaffold import clean_project

    with reporting_errors():
        removed = clean_project(read_config(config_path))
    for path in removed:
        click.echo(f"removed {path}")
    if not removed:
        click.echo("nothing to remove")


@main.command()
@config_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 makes the site reachable from other machines).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the web browser once it is built.")
@click.option("--drafts", is_flag=True, help="Also show drafts (marked as drafts; never in `build`).")
def serve(config_path: str | None, host: str, port: int, open_browser: bool, drafts: bool) -> None:
    """Build, serve the site locally, and rebuild and reload the page on every change.

    serve never writes into content/: run `briefgen build` to store the analyses in front matter.
    """
    from briefgen.serve import PortInUse, open_server
    from briefgen.serve import serve as run_server

    try:
        config = read_config(config_path)
        server = open_server(config.site_dir, host, port)
    except BriefgenError as exc:
        fail(exc)
    except PortInUse as exc:
        show_problem(Problem(str(exc)))
        sys.exit(1)
    run_server(lambda: read_config(config_path), server, lambda line: click.echo(line, err=True),
               ready=lambda line: click.echo(line), open_browser=open_browser, drafts=drafts,
               show=show_problem)
