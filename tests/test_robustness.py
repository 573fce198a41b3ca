"""Hostile and interrupted builds: links out of the project, two builds at once, SIGKILL at any moment."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from conftest import run_cli, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.article import Analysis, Article, Figures, Source
from briefgen.config import load_config
from briefgen.dependencies import CACHE_DIR
from briefgen.publish import JOURNAL, MARKER
from briefgen.site.entries import Entry
from briefgen.site.pages import article_pages, render_pages, site_model
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


def test_a_linked_article_stays_a_link_and_its_file_gets_the_block(project: Path) -> None:
    real = project / "drafts" / "real.md"
    real.parent.mkdir()
    real.write_text("---\ntitle: Kept in drafts\ndate: 2023-05-02\n---\nEnvoys met on Tuesday.\n")
    link = project / "content" / "linked.md"
    link.symlink_to("../drafts/real.md")
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == "../drafts/real.md"
    assert "briefgen:\n  fingerprint:" in real.read_text()
    assert not [p.name for p in real.parent.iterdir() if p.name != "real.md"]
    assert run_cli(["build"], project).stdout.startswith("built 3 articles")


def test_no_tag_or_person_takes_the_name_of_a_list_page(project: Path) -> None:
    (project / "content" / "index.md").write_text(
        "---\ntitle: Index of talks\ndate: 2023-05-02\ntags: [index, Index, '!!!', '???']\nbriefgen:\n"
        "  pinned: true\n  figures:\n    officials:\n    - {name: Index, mentions: [[0, 5]]}\n"
        "---\nIndex met envoys on Tuesday.\n")
    assert run_cli(["build", "-q"], project).exit_code == 0
    site = project / "site"
    assert "<h1>Tags</h1>" in (site / "tags" / "index.html").read_text()
    assert "<h1>Who's who</h1>" in (site / "people" / "index.html").read_text()
    assert "Tagged “index”" in (site / "tags" / "index-2.html").read_text()
    assert "Tagged “Index”" in (site / "tags" / "index-3.html").read_text()
    assert "Tagged “!!!”" in (site / "tags" / "item.html").read_text()
    assert "Tagged “???”" in (site / "tags" / "item-2.html").read_text()
    assert "<h1>Index</h1>" in (site / "people" / "index-2.html").read_text()
    assert (site / "articles" / "index.html").is_file()  # articles/ has no list page to collide with


def test_page_names_stay_short_whatever_the_names_of_files_and_tags(project: Path) -> None:
    long_name = "a" * 250
    (project / "content" / f"{long_name}.md").write_text("---\ntitle: Long\ndate: 2023-05-02\n---\nTalks.\n")
    tags = ", ".join(f"t{i:03d}" + "x" * 300 for i in range(130))
    (project / "content" / "tags.md").write_text(f"---\ntitle: Tags\ndate: 2023-05-02\ntags: [{tags}]\n---\nTalks.\n")
    assert run_cli(["build", "-q"], project).exit_code == 0
    names = [p.name for p in (project / "site").rglob("*")]
    assert max(len(name.encode()) for name in names) <= 105
    assert len(list((project / "site" / "tags").glob("t[0-9]*.html"))) == 130
    assert "a" * 91 + "-" in " ".join(names)  # cut, and told apart by a digest


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
        f"{CACHE_DIR}/lock: another briefgen build is running in this project; "
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


def test_a_site_dir_holding_other_files_is_never_emptied(project: Path, tmp_path: Path) -> None:
    notes = tmp_path / "my-notes"
    (notes / "2023").mkdir(parents=True)
    (notes / "2023" / "geneva.txt").write_text("Call the desk about the Geneva story.\n")
    (project / "config.yaml").write_text("site_dir: ../my-notes\n")
    before = snapshot(notes)
    for args in (["build"], ["build", "--no-write"]):
        run = run_cli(args, project)
        assert run.exit_code == 1
        assert run.stderr.startswith("config.yaml:1: 'site_dir' is ../my-notes, a folder of files briefgen did not")
    assert snapshot(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-notes", "project"]


def test_a_site_made_before_the_marker_existed_is_replaced_and_marked(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    (project / "site" / MARKER).unlink()
    (project / "site" / "articles" / "withdrawn.html").write_text("a page of an older build")
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert (project / "site" / MARKER).is_file()
    assert not (project / "site" / "articles" / "withdrawn.html").exists()


KILL_AFTER_RENAMES = """
import os, signal, sys
from briefgen.cli import main
from briefgen.write_back import TEMPORARY

renames, real_replace = [], os.replace

def replace(src, dst):
    if TEMPORARY.match(os.path.basename(src)):  # a write-back temporary going into place
        if len(renames) == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        renames.append(dst)
    real_replace(src, dst)

os.replace = replace
main(["build", "-q"])
"""


@pytest.mark.slow
def test_build_killed_during_the_write_back_commit_loses_nothing(project: Path, tmp_path: Path) -> None:
    """SIGKILL between two renames of the commit: each article is old or new, and the next build finishes."""
    for i in range(5):
        (project / "content" / f"talks-{i}.md").write_text(
            f"---\ntitle: Round {i} of talks\ndate: 2023-04-{1 + i:02d}\n---\nEnvoys met on Tuesday for talks.\n")
    assert run_cli(["build", "-q"], project).exit_code == 0
    _rewrite_all(project)
    before, final = tmp_path / "before", tmp_path / "final"
    shutil.copytree(project, before)
    shutil.copytree(project, final)
    assert run_cli(["build", "-q"], final).exit_code == 0
    old_content, new_content = snapshot(before / "content"), snapshot(final / "content")
    old_site, new_site = snapshot(before / "site"), snapshot(final / "site")
    rewritten = sorted(name for name in new_content if new_content[name] != old_content[name])
    assert len(rewritten) == 6
    for renamed in (0, 3, 5):
        trial = tmp_path / f"trial-{renamed}"
        shutil.copytree(before, trial)
        killed = subprocess.run([sys.executable, "-c", KILL_AFTER_RENAMES, str(renamed)], cwd=trial,
                                env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True)
        assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
        content = {k: v for k, v in snapshot(trial / "content").items() if not k.rsplit("/", 1)[-1].startswith(".")}
        assert content.keys() == new_content.keys()
        assert all(content[name] in (old_content[name], new_content[name]) for name in content)
        assert sum(content[name] == new_content[name] != old_content[name] for name in content) == renamed
        assert snapshot(trial / "site") in (old_site, new_site)
        assert run_cli(["build", "-q"], trial).exit_code == 0
        assert snapshot(trial / "content") == new_content
        assert snapshot(trial / "site") == new_site
        assert not [p for p in trial.rglob(".*") if CACHE_DIR not in p.parts and p.name != MARKER]


_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "cite"}


class _LiveMarkup(HTMLParser):
    """Collects script elements and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append("script")
        self.found += [name for name, _ in attrs if name.startswith("on")]
        # only attributes a browser follows as addresses: a meta description may say "javascript:" as text
        self.found += [f"{name}=javascript" for name, value in attrs if name in _URL_ATTRIBUTES
                       and value and value.strip().lower().startswith("javascript:")]


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
    render_pages(writer, article_pages(site_model(config, [entry])))
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


REMOTE_IMAGES = yaml.safe_load((Path(__file__).parent / "cases" / "remote_images.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", REMOTE_IMAGES, ids=[c["name"] for c in REMOTE_IMAGES])
def test_images_on_other_hosts_are_links(case: dict[str, Any]) -> None:
    article = Article(Path("content/x.md"), "x.md", "T", None, None, (), False, case["markdown"] + "\n", 1)
    assert str(body_html(article, case.get("remote_images", False))).strip() == case["html"]


_FETCHED_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon",
                  "preconnect", "dns-prefetch", "mask-icon"}
"""Kinds of <link> the browser follows by itself (a canonical or alternate link is only named)."""


class _Requests(HTMLParser):
    """Every URL a browser would fetch on its own when showing a page (not links, which wait for a click)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("src", "poster", "data", "background"):
            if found.get(name):
                self.urls.append(str(found[name]))
        if found.get("srcset"):
            self.urls += [part.split()[0] for part in str(found["srcset"]).split(",") if part.strip()]
        if tag == "link" and found.get("href") and set(str(found.get("rel")).lower().split()) & _FETCHED_LINKS:
            self.urls.append(str(found["href"]))
        self.urls += re.findall(r"url\(\s*['\"]?([^'\")\s]+)", str(found.get("style") or ""))


def test_the_site_requests_nothing_from_another_host(project: Path) -> None:
    (project / "content" / "pictures.md").write_text(
        "---\ntitle: Pictures\ndate: 2023-05-02\nsource: {name: Wire, url: 'https://wire.example/story'}\n---\n"
        "![Border](https://tracker.example/p.gif) and ![](//cdn.example/x.png) and ![local](map.png).\n\n"
        "[![Badge](https://img.example/b.svg)](https://example.org) Envoys met on Tuesday.\n")
    assert run_cli(["build", "-q"], project).exit_code == 0
    for name, data in snapshot(project / "site").items():
        if name.endswith(".html"):
            parser = _Requests()
            parser.feed(data.decode())
            remote = [u for u in parser.urls if re.match(r"(?!data:)[a-z][a-z0-9+.-]*:|//", u, re.IGNORECASE)]
            assert remote == [], f"{name} requests {remote}"
        elif name.endswith(".css"):
            assert not re.search(rb"url\(\s*['\"]?(?!data:)(?:[a-z][a-z0-9+.-]*:|//)", data, re.IGNORECASE), name
    page = (project / "site" / "articles" / "pictures.html").read_text()
    assert '<a class="remote-image" href="https://tracker.example/p.gif" rel="noreferrer">Border</a>' in page
    assert '<img src="map.png" alt="local" />' in page


FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def test_control_characters_never_reach_an_output(project: Path) -> None:
    (project / "content" / "controls.md").write_text(
        '---\ntitle: "Talks\\e[31m resume\\x01 in\\fGeneva\\0 \\uFFFE"\ndate: 2023-05-02\n'
        'tags: ["bad\\x07tag"]\nsource: {name: "Wire\\x1b", url: "https://wire.example/a"}\n---\n'
        "Envoys met on Tuesday \x1b[1min Geneva\x01. The talks\x0c resume next week\x0b.\n", encoding="utf-8")
    assert run_cli(["build", "-q"], project).exit_code == 0
    site = snapshot(project / "site")
    for name, data in site.items():
        if name.endswith((".html", ".xml")):
            text = data.decode("utf-8")
            assert not FORBIDDEN_IN_XML.search(text), f"{name} holds {FORBIDDEN_IN_XML.findall(text)}"
    for name in ("feed.xml", "sitemap.xml"):
        ElementTree.fromstring(site[name])  # well-formed
    page = site["articles/controls.html"].decode()
    assert "<h1>Talks[31m resume in Geneva </h1>" in page
    assert "Envoys met on Tuesday [1min Geneva. The talks  resume next week ." in page
    assert "Talks[31m resume in Geneva" in site["feed.xml"].decode()
    again = (project / "content" / "controls.md").read_text()  # the write-back escapes them in YAML
    head = again.split("---\n", 2)[1]
    assert "briefgen:" in head and "\\e[1min Geneva" in head and not FORBIDDEN_IN_XML.search(head)
