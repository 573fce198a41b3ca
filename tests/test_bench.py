"""The benchmark's own pieces: corpus reflow, dates, the one-sentence edit, stage lines, measuring."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from corpus import BenchArticle, bbc_date, is_held_out, reuters_paragraphs, reuters_text  # noqa: E402
from measure import STAGE_LINE, measure  # noqa: E402
from projects import EDIT_TO, briefgen_markdown, edit_one_sentence, pelican_markdown  # noqa: E402


def test_reuters_paragraphs_reflow_wrapped_lines_and_split_on_indent() -> None:
    body = "The harbour board met on\nMonday to set fees.\n    A second point came\nlater.\n"
    assert reuters_paragraphs(body) == ["The harbour board met on Monday to set fees.", "A second point came later."]


def test_reuters_text_drops_control_entities_and_decodes_the_rest() -> None:
    assert reuters_text("&#2;Fees &lt;up&gt; &amp; down&#3;") == "Fees <up> & down"


def test_held_out_politics_files_are_the_even_ones_only() -> None:
    assert is_held_out("politics", 4) and not is_held_out("politics", 5) and not is_held_out("sport", 4)


def test_bbc_dates_are_fixed_and_inside_the_corpus_years() -> None:
    assert bbc_date("tech", 7) == bbc_date("tech", 7)
    assert dt.date(2004, 1, 1) <= bbc_date("business", 510) <= dt.date(2005, 12, 31)


def test_the_edit_changes_one_sentence_of_the_body_and_keeps_the_front_matter(tmp_path: Path) -> None:
    article = BenchArticle("wire/1", "Port fees rise", dt.date(1990, 5, 2), "Fees rose. Ships waited. Crews slept.")
    path = tmp_path / "content" / "wire" / "1.md"
    path.parent.mkdir(parents=True)
    head = '---\ntitle: "Port fees rise"\nbriefgen:\n  summary: [Fees rose. Ships waited.]\n---\n'
    path.write_text(head + "\nFees rose. Ships waited. Crews slept.\n")
    edit_one_sentence(tmp_path, article)
    assert path.read_text() == head + f"\nFees rose{EDIT_TO}Ships waited. Crews slept.\n"


def test_briefgen_front_matter_quotes_the_title() -> None:
    article = BenchArticle("wire/2", 'Minister says "no": talks end', dt.date(1990, 5, 3), "Text.")
    expected = '---\ntitle: "Minister says \\"no\\": talks end"\ndate: 1990-05-03\n---\n'
    assert briefgen_markdown(article).startswith(expected)
    assert yaml.safe_load(expected.strip("-\n"))["title"] == article.title


def test_pelican_header_carries_the_slug() -> None:
    article = BenchArticle("bbc/tech/007", "A title: with a colon", dt.date(2004, 3, 1), "Text.")
    assert pelican_markdown(article).splitlines()[:3] == [
        "Title: A title: with a colon", "Date: 2004-03-01", "Slug: bbc-tech-007"]


@pytest.mark.parametrize(("line", "parsed"), [("stage load 0.12 s", ("load", "0.12")), ("stage load 1 ms", None)])
def test_stage_lines(line: str, parsed: tuple[str, str] | None) -> None:
    match = STAGE_LINE.match(line)
    assert (match.groups() if match else None) == parsed


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="tree sampling reads /proc")
def test_measure_reports_exit_code_stages_and_memory(tmp_path: Path) -> None:
    code = "import sys; block = bytearray(64 << 20); print('stage write 0.5 s', file=sys.stderr); sys.exit(3)"
    result = measure([sys.executable, "-c", code], tmp_path)
    assert result.returncode == 3
    assert result.stages == {"write": 0.5}
    assert result.max_rss_mib >= 64
