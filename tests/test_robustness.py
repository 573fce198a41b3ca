"""Hostile and interrupted builds: links out of the project, two builds at once, SIGKILL at any moment."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_cli, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.article import Analysis, Article, Figures, Source
from briefgen.config import load_config
from briefgen.dependencies import CACHE_DIR
from briefgen.publish import JOURNAL
from briefgen.site.entries import Entry, figure_rows
from briefgen.site.render import PageWriter, body_html

REPO = Path(__file__).parent.parent


def test_symlink_out_of_the_project_is_not_followed(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\nPrivate text outside the project.\n")
    (project / "content" / "leak.md").symlink_to(secret)
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert not (project / "site" / "articles" / "leak.html").exists()
    pages = [data.decode() for name, data in snapshot(project / "site").items() if name.endswith(".html")]
    assert not any("Private text" in page for page in pages)
    assert secret.read_text().startswith("---\ntitle: Secret\n---\n")


def test_second_build_at_once_is_refused_clearly(project: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from briefgen.project_lock import "
         "project_lock\nwith project_lock(Path(sys.argv[1])):\n print('held', flush=True); time.sleep(30)",
         str(project / CACHE_DIR)],
        env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        run = run_cli(["build"], project)
    finally:
        holder.kill()
        holder.wait()
    assert run.exit_code == 1
    assert run.stderr.splitlines()[0] == (
        f"{project / CACHE_DIR / 'lock'}: another briefgen build is running in this project; "
        "wait for it to finish and build again"
    )
    assert not (project / "site").exists()


def test_bom_and_crlf_are_kept(project: Path) -> None:
    article = project / "content" / "windows.md"
    body = "Envoys met on Monday.\r\nThey will meet again next week.\r\n"
    article.write_bytes(("\ufeff---\r\ntitle: Windows\r\ndate: 2023-05-02\r\n---\r\n" + body).encode())
    assert run_cli(["build", "-q"], project).exit_code == 0
    data = article.read_bytes().decode()
    assert data.startswith("\ufeff---\r\ntitle: Windows\r\ndate: 2023-05-02\r\nbriefgen:\r\n")
    assert data.endswith("---\r\n" + body)
    assert "\n" not in data.replace("\r\n", "")


def _rewrite_all(project: Path) -> None:
    for path in sorted((project / "content").rglob("*.md")):
        path.write_text(path.read_text().replace("talks", "negotiations"))


@pytest.mark.slow
def test_build_killed_at_any_moment_loses_nothing(project: Path, tmp_path: Path) -> None:
    """SIGKILL at several moments: every content file is old or new, site/ is the old or the new site (or its
    commit is under way, which the next build finishes)."""
    for i in range(24):
        (project / "content" / f"talks-{i:02d}.md").write_text(
            f"---\ntitle: Round {i} of talks\ndate: 2023-04-{1 + i:02d}\n---\n"
            f"Minister Lena Ortiz said on Tuesday that {2000 + i} soldiers would leave. The talks go on next week.\n"
        )
    assert run_cli(["build", "-q"], project).exit_code == 0
    _rewrite_all(project)
    before = tmp_path / "before"
    shutil.copytree(project, before)
    final = tmp_path / "final"
    shutil.copytree(project, final)
    assert run_cli(["build", "-q"], final).exit_code == 0
    old_site, new_site = snapshot(before / "site"), snapshot(final / "site")
    old_content, new_content = snapshot(before / "content"), snapshot(final / "content")
    assert old_site != new_site and old_content != new_content
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for n, delay in enumerate([0.3, 0.6, 0.9, 1.2, 1.6, 2.0]):
        trial = tmp_path / f"trial-{n}"
        shutil.copytree(before, trial)
        proc = subprocess.Popen([sys.executable, "-m", "briefgen", "build", "-q"], cwd=trial, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        site = snapshot(trial / "site")
        # the commit moves the changed files in one by one after writing its journal: killed in between, the site
        # is part old, part new until the next build finishes the commit (checked below)
        committing = (trial / CACHE_DIR / JOURNAL).exists()
        assert committing or site in (old_site, new_site), f"site is neither old nor new after {delay} s"
        for name, data in snapshot(trial / "content").items():
            if name.rsplit("/", 1)[-1].startswith("."):
                continue  # a temporary file of an interrupted write: never an article
            assert data in (old_content[name], new_content[name]), f"{name} half-written after {delay} s"
        # and the next build tidies up and finishes the job
        assert run_cli(["build", "-q"], trial).exit_code == 0
        assert snapshot(trial / "site") == new_site
        assert snapshot(trial / "content") == new_content
        assert not [p for p in trial.iterdir() if p.name.startswith(".site.")]


class _LiveMarkup(HTMLParser):
    """Collects script elements and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append("script")
        self.found += [name for name, _ in attrs if name.startswith("on")]
        self.found += [f"{name}=javascript" for name, value in attrs
                       if value and value.strip().lower().startswith("javascript:")]


hostile = st.text(alphabet=st.sampled_from(list("<>\"'&=/ :;()abcjsvriptonerloadhf\n")), max_size=60) | st.sampled_from(
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
     "[click](javascript:alert(1))", "<a href='javascript:x'>x</a>", "</title><script>x</script>"]
)


@given(title=hostile, body=hostile, source=hostile, tag=hostile)
@settings(max_examples=150, deadline=None)
def test_article_text_never_becomes_markup(title: str, body: str, source: str, tag: str) -> None:
    config = load_config(None, Path("/nonexistent-project"))
    body = f"Officials met on Monday. {body}\n"
    article = Article(Path("content/x.md"), "x.md", title, None, Source(source, source), (tag,), False, body, 1)
    entry = Entry(article, Analysis((body.strip(),), Figures()), "x", ((0, len(body)),))
    writer = PageWriter(config)
    writer.page("articles/x.html", "article.html", "test", entry=entry, figures=figure_rows(entry),
                body=body_html(article))
    assert not writer.problems
    parser = _LiveMarkup()
    parser.feed(writer.files["articles/x.html"].decode())
    assert parser.found == []


@pytest.mark.slow
def test_an_article_just_under_the_size_limit_is_processed_in_bounded_memory(project: Path) -> None:
    sentence = "Officials said on Monday that 2,000 troops would leave the border region before talks in Geneva. "
    paragraph = sentence * 12 + "\n\n"
    text = "---\ntitle: A very long report\ndate: 2023-05-01\n---\n" + paragraph * (4_900_000 // len(paragraph))
    (project / "content" / "long.md").write_text(text)

    def limit_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))

    run = subprocess.run([sys.executable, "-m", "briefgen", "build", "-q", "--no-write"], cwd=project,
                         env={**os.environ, "PYTHONPATH": str(REPO), "OPENBLAS_NUM_THREADS": "1"},
                         capture_output=True, text=True, timeout=300, preexec_fn=limit_memory)
    assert run.returncode == 0, run.stderr[-2000:]
    assert (project / "site" / "articles" / "long.html").is_file()


def test_a_bug_in_an_analyser_names_the_article_and_does_not_take_the_brief_down(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefgen.extract.troops

    def broken(text: str, published: object) -> tuple[()]:
        if "winter exercise" in text:
            raise IndexError("list index out of range")
        return ()

    monkeypatch.setattr(briefgen.extract.troops, "find_troops", broken)
    strict = run_cli(["build", "--strict"], project)
    assert strict.exit_code == 1
    assert strict.stderr.startswith(
        "content/border-exercise.txt:1: briefgen could not analyse this article (IndexError: list index out of range)"
    )
    run = run_cli(["build"], project)
    assert run.exit_code == 0
    assert "could not analyse this article" in run.stderr
    assert (project / "site" / "articles" / "border-exercise.html").is_file()
    assert "Envoys meet again" in (project / "site" / "index.html").read_text()
