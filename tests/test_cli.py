"""The command line, run in-process: exit codes, --help, --version, extract's contract, init."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import SHARED, TESTS, run_cli, snapshot

from briefgen import __version__

SEED = SHARED / "seed"


def test_version() -> None:
    run = run_cli(["--version"], Path.cwd())
    assert run.exit_code == 0
    assert run.stdout.strip() == f"briefgen, version {__version__}"


@pytest.mark.parametrize("command", [[], ["build"], ["extract"], ["init"], ["serve"]])
def test_every_command_has_help(command: list[str]) -> None:
    run = run_cli([*command, "--help"], Path.cwd())
    assert run.exit_code == 0
    assert "Usage: " in run.stdout


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert run_cli(["build", "--no-such-option"], tmp_path).exit_code == 2
    assert run_cli(["extract", "--format", "xml"], tmp_path).exit_code == 2


def assert_contract(record: dict[str, object], body: str) -> None:
    assert set(record) >= {"path", "title", "date", "summary", "figures"}
    figures = record["figures"]
    assert isinstance(figures, dict) and set(figures) == {"troops", "dates", "officials"}
    summary = record["summary"]
    assert isinstance(summary, list)
    positions = [body.index(s) for s in summary]
    assert positions == sorted(positions)
    for kind in ("troops", "dates"):
        for fact in figures[kind]:
            assert body[fact["start"] : fact["end"]] == fact["text"]
    for official in figures["officials"]:
        for start, end in official["mentions"]:
            assert body[start:end] in [official["name"], *official["variants"]] or body[start:end].startswith(
                tuple(official["name"].split())
            )


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/seed is not beside the repository")
def test_extract_seed_prints_the_contract_and_writes_nothing(tmp_path: Path) -> None:
    before = snapshot(SEED)
    run = run_cli(["extract", str(SEED), "--format", "json"], tmp_path)
    assert run.exit_code == 0, run.stderr
    records = json.loads(run.stdout)
    assert len(records) == 1
    body = next(SEED.iterdir()).read_text(encoding="utf-8")
    assert_contract(records[0], body)
    assert records[0]["date"] is None
    assert snapshot(SEED) == before
    assert list(tmp_path.iterdir()) == []


def test_extract_yaml_and_default_folder(project: Path) -> None:
    before = snapshot(project)
    run = run_cli(["extract", "--format", "yaml"], project)
    assert run.exit_code == 0, run.stderr
    records = yaml.safe_load(run.stdout)
    assert [r["path"] for r in records] == ["content/border-exercise.txt", "content/ceasefire-talks.md",
                                            "content/draft-note.md"]
    assert records[1]["date"] == "2023-05-04"
    assert snapshot(project) == before


def test_extract_a_folder_given_by_a_relative_path(project: Path) -> None:
    # As the scorers in ../shared/eval run it: `briefgen extract content --format json` in the project.
    run = run_cli(["extract", "content", "--format", "json"], project)
    assert run.exit_code == 0, run.stderr
    assert [r["path"] for r in json.loads(run.stdout)] == [
        "content/border-exercise.txt", "content/ceasefire-talks.md", "content/draft-note.md"]


def test_init_creates_a_project_that_builds(tmp_path: Path) -> None:
    run = run_cli(["init", "brief"], tmp_path)
    assert run.exit_code == 0, run.stderr
    root = tmp_path / "brief"
    assert sorted(snapshot(root)) == [".gitignore", "config.yaml", "content/sample-article.md", "templates/README.md"]
    build = run_cli(["build"], root)
    assert build.exit_code == 0, build.stderr
    assert (root / "site" / "articles" / "sample-article.html").is_file()
    assert run_cli(["init", "brief"], tmp_path).exit_code == 1


def test_init_where_a_file_stands_in_the_way_says_so_and_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "brief").mkdir()
    (tmp_path / "brief" / "content").write_text("not a folder")
    run = run_cli(["init", "brief"], tmp_path)
    assert run.exit_code == 1
    assert run.stderr == ("brief/content: cannot create the project: File exists\n"
                          "briefgen: 1 error, nothing was changed\n")
    assert [p.name for p in (tmp_path / "brief").rglob("*")] == ["content"]  # config.yaml made first, removed
    assert run_cli(["init", "brief/content/new"], tmp_path).exit_code == 1
    assert [p.name for p in (tmp_path / "brief").rglob("*")] == ["content"]


def test_new_refuses_a_headline_without_letters_or_digits(project: Path) -> None:
    before = snapshot(project)
    run = run_cli(["new", "!!! ???"], project)
    assert run.exit_code == 1
    assert run.stderr.startswith("the headline must contain letters or digits\n")
    assert snapshot(project) == before


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


def test_build_report_counts_published_articles_the_same_on_every_build(project: Path) -> None:
    first = run_cli(["build"], project)
    assert first.exit_code == 0, first.stderr
    assert last_line(first.stdout).startswith("built 2 articles, ")  # the draft is not published
    again = run_cli(["build", "--timings"], project)
    assert again.exit_code == 0, again.stderr
    assert last_line(again.stdout).startswith("built 2 articles, ")
    assert "(no file changed)" in again.stdout
    assert again.stdout.split(", ")[1].split(" (")[0] == first.stdout.split(", ")[1].split(" (")[0]
    assert "stage load " in again.stderr  # --timings says something on a no-op build too


def test_report_says_one_article_and_one_warning_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: T\n---\nThe minister spoke on Monday.\n")
    run = run_cli(["build", "--no-write"], tmp_path)
    assert run.exit_code == 0, run.stderr
    line = last_line(run.stdout)
    assert line.startswith("built 1 article, ") and ", 1 warning in " in line
    assert "front matter written for 0 articles" in line


def test_quiet_prints_nothing_but_errors(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: T\n---\nThe minister spoke on Monday.\n")
    run = run_cli(["build", "-q"], tmp_path)
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")


def test_missing_base_url_is_a_note_once_and_not_an_error_under_strict(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: T\ndate: 2024-03-01\n---\nTalks began in Oslo.\n")
    run = run_cli(["build", "--strict"], tmp_path)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ("note: base_url is not set (config.yaml, $BRIEFGEN_BASE_URL or --base-url): "
                          "the feed and the sitemap were not written, and pages have no canonical address\n")
    assert not (tmp_path / "site" / "feed.xml").exists()


def test_base_url_from_the_command_line_or_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: T\ndate: 2024-03-01\n---\nTalks began in Oslo.\n")
    (tmp_path / "config.yaml").write_text("title: Desk\n")
    run = run_cli(["build", "--base-url", "https://news.example/brief/"], tmp_path)
    assert run.exit_code == 0, run.stderr
    assert "https://news.example/brief/" in (tmp_path / "site" / "sitemap.xml").read_text()
    monkeypatch.setenv("BRIEFGEN_BASE_URL", "https://other.example/")
    monkeypatch.setenv("BRIEFGEN_TITLE", "2024")
    run = run_cli(["build"], tmp_path)
    assert run.exit_code == 0, run.stderr
    assert "https://other.example/" in (tmp_path / "site" / "sitemap.xml").read_text()
    assert "<title>2024" in (tmp_path / "site" / "index.html").read_text()


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("BRIEFGEN_SEARCH", "maybe", "$BRIEFGEN_SEARCH: 'search' must be true or false, got 'maybe'"),
    ("BRIEFGEN_SITE_DRI", "out", "$BRIEFGEN_SITE_DRI: not a briefgen setting (did you mean $BRIEFGEN_SITE_DIR?)"),
    ("BRIEFGEN_SUMMARY_METHOD", "lexrnak", "$BRIEFGEN_SUMMARY_METHOD: 'summary.method' must be one of: editor, "
     "lexrank, textrank, lsa, luhn, sumbasic, edmundson, lead, got 'lexrnak' (did you mean 'lexrank'?)"),
])
def test_bad_environment_settings_are_errors(project: Path, monkeypatch: pytest.MonkeyPatch, variable: str,
                                             value: str, message: str) -> None:
    monkeypatch.setenv(variable, value)
    before = snapshot(project)
    run = run_cli(["build"], project)
    assert run.exit_code == 1
    assert run.stderr == f"{message}\nbriefgen: 1 error, nothing was changed\n"
    assert snapshot(project) == before


def test_json_report_for_success_and_failure(project: Path) -> None:
    run = run_cli(["build", "--json"], project)
    assert run.exit_code == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["ok"] is True and report["articles"] == 2 and report["errors"] == []
    assert report["warnings"] == [{"path": "content/border-exercise.txt", "line": 1,
                                   "message": "no publication date: relative dates cannot be resolved"}]
    (project / "content" / "broken.md").write_text("---\ntitle: [open\n---\nText.\n")
    run = run_cli(["build", "--json"], project)
    assert run.exit_code == 1
    report = json.loads(run.stdout)
    assert report["ok"] is False
    assert [(e["path"], e["line"]) for e in report["errors"]] == [("content/broken.md", 2)]


def test_verbose_says_what_each_article_holds(project: Path) -> None:
    run = run_cli(["build", "-v"], project)
    assert run.exit_code == 0, run.stderr
    assert "read 3 articles from content/, 0 articles unchanged since the previous build" in run.stderr
    assert any(line.startswith("content/ceasefire-talks.md: analysed: 3 summary sentences, ")
               for line in run.stderr.splitlines())
    assert "stage analyse " in run.stderr


def test_extract_refuses_files_that_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>Not an article.</p>")
    run = run_cli(["extract", "page.html"], tmp_path)
    assert run.exit_code == 1
    assert run.stderr == ("page.html: not an article: briefgen reads .md and .txt files\n"
                          "briefgen: 1 error, nothing was changed\n")


def test_new_writes_a_draft_with_front_matter_and_never_overwrites(project: Path) -> None:
    run = run_cli(["new", "Talks resume in Geneva", "--date", "2024-02-09"], project)
    assert run.exit_code == 0, run.stderr
    path = project / "content" / "2024-02" / "talks-resume-in-geneva.md"
    assert run.stdout == ("created content/2024-02/talks-resume-in-geneva.md "
                          "(a draft: delete the 'draft: true' line to publish it)\n")
    head = yaml.safe_load(path.read_text().split("---\n")[1])
    assert head == {"title": "Talks resume in Geneva", "date": dt.date(2024, 2, 9),
                    "slug": "talks-resume-in-geneva", "tags": [], "draft": True}
    assert run_cli(["build"], project).exit_code == 0
    before = path.read_bytes()
    again = run_cli(["new", "Talks resume in Geneva", "--date", "2024-02-09"], project)
    assert again.exit_code == 1
    assert again.stderr.startswith("content/2024-02/talks-resume-in-geneva.md: already exists; not overwriting")
    assert path.read_bytes() == before


def test_unknown_front_matter_keys_are_warnings_unless_declared(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(
        "---\ntitle: T\ndate: 2024-03-01\ntgas: [oslo]\nauthor: Desk\n---\nTalks began in Oslo.\n")
    (tmp_path / "config.yaml").write_text("base_url: https://example.org/\n")
    run = run_cli(["build"], tmp_path)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ("content/a.md:4: warning: unknown key 'tgas' (did you mean 'tags'?)\n"
                          "content/a.md:5: warning: unknown key 'author' (list your own keys under "
                          "front_matter_keys in config.yaml)\n")
    (tmp_path / "config.yaml").write_text("base_url: https://example.org/\nfront_matter_keys: [author]\n")
    run = run_cli(["build", "--strict"], tmp_path)
    assert run.exit_code == 1
    assert run.stderr.startswith("content/a.md:4: unknown key 'tgas' (did you mean 'tags'?)\n")


def test_clean_removes_the_site_and_the_cache_and_nothing_else(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    content = snapshot(project / "content")
    run = run_cli(["clean"], project)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "removed site\nremoved .briefgen-cache\n"
    assert sorted(p.name for p in project.iterdir()) == ["config.yaml", "content", "templates"]
    assert snapshot(project / "content") == content
    assert run_cli(["clean"], project).stdout == "nothing to remove\n"


def test_clean_refuses_a_site_dir_briefgen_did_not_make(project: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("Ring the Oslo desk.\n")
    (project / "config.yaml").write_text("site_dir: ../notes\n")
    run = run_cli(["clean"], project)
    assert run.exit_code == 1
    assert run.stderr.startswith("config.yaml:1: 'site_dir' is ../notes, a folder of files briefgen did not make")
    assert (notes / "todo.txt").read_text() == "Ring the Oslo desk.\n"


def test_the_program_ends_at_once_with_its_whole_output_and_exit_code(project: Path) -> None:
    """`python -m briefgen` leaves without the interpreter's teardown (briefgen.cli.run): the report is still
    printed whole, a failure still exits 1 and a usage error 2."""
    def program(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=project, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(TESTS.parent)}, check=False)

    done = program("build", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True
    assert program("build").stdout.startswith("built 2 articles")
    (project / "content" / "broken.md").write_text("---\ntitle: [open\n---\nText.\n")
    failed = program("build")
    assert failed.returncode == 1
    assert "content/broken.md:2:" in failed.stderr
    assert program("build", "--no-such-option").returncode == 2
