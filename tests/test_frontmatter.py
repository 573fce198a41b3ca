"""Front matter: split and join give the file back byte for byte; storing the machine block keeps what
the author wrote (keys, comments, layout, line ends) and the body, or refuses and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.frontmatter import (
    CannotStore,
    FrontMatterError,
    dump_machine_block,
    join,
    split,
    store_machine_block,
)
from briefgen.safe_yaml import load_safely

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "write_back.yaml").read_text(encoding="utf-8"))
BLOCK = {"fingerprint": "f1", "summary": ["Talks resumed."]}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_write_back_case(case: dict[str, Any]) -> None:
    if "refused" in case:
        with pytest.raises(CannotStore) as caught:
            store_machine_block(case["text"], BLOCK)
        assert (caught.value.line, caught.value.message) == (case["line"], case["refused"])
        return
    stored, before = store_machine_block(case["text"], BLOCK)
    assert stored == case["stored"]
    assert split(stored).body == split(case["text"]).body
    # storing the same block again changes nothing
    assert store_machine_block(stored, BLOCK)[0] == stored


newlines = st.sampled_from(["\n", "\r\n", "\r"])
body_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
words = st.text(st.characters(whitelist_categories=("L", "N", "Zs")), min_size=1, max_size=20)
author_keys = st.dictionaries(st.sampled_from(["title", "date", "tags", "source", "draft", "slug", "note"]), words,
                              max_size=4)
sentences = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60), max_size=3)


@st.composite
def heads(draw: st.DrawFn, nl: str) -> tuple[str, dict[str, str], list[str]]:
    """A block-style front matter with comments, maybe indented, maybe holding an old machine block."""
    meta = draw(author_keys)
    indent = " " * draw(st.sampled_from([0, 0, 2, 4]))
    lines: list[str] = []
    comments: list[str] = []
    keys = list(meta.items())
    old_block_at = draw(st.integers(0, len(keys))) if draw(st.booleans()) else None
    for i in range(len(keys) + 1):
        if i == old_block_at:
            lines += [f"{indent}briefgen:{nl}", f"{indent}  fingerprint: old{nl}", f"{indent}  summary: [x]{nl}"]
        if draw(st.booleans()):
            comment = f"# note {i}"
            comments.append(comment)
            lines.append(f"{indent}{comment}{nl}")
        if i < len(keys):
            lines.append(f"{indent}{keys[i][0]}: '{keys[i][1]}'{nl}")
    return "".join(lines), meta, comments


@given(data=st.data(), body=body_text, nl=newlines, bom=st.booleans(), has_head=st.booleans(),
       summary=sentences)
@settings(max_examples=300, deadline=None)
def test_storing_the_block_keeps_body_keys_and_comments(data: st.DataObject, body: str, nl: str, bom: bool,
                                                        has_head: bool, summary: list[str]) -> None:
    head, meta, comments = data.draw(heads(nl))
    text = ("\ufeff" if bom else "") + (f"---{nl}{head}---{nl}" if has_head else "") + body
    parts = split(text)
    if not has_head and parts.opening:  # a generated body that itself starts with a fence
        return
    assert join(parts) == text
    block = {"fingerprint": "abc", "summary": summary, "figures": {"troops": []}}
    updated, _ = store_machine_block(text, block)
    again = split(updated)
    assert (again.body, again.bom) == (parts.body, parts.bom)
    stored, _ = load_safely(again.head)
    assert stored.pop("briefgen") == block
    assert stored == (meta if has_head else {})
    for comment in comments if has_head else []:
        assert comment in again.head
    assert updated.count(nl) >= text.count(nl)
    # the same block again changes nothing; another one replaces it in place
    assert store_machine_block(updated, block)[0] == updated
    other, _ = store_machine_block(updated, {"fingerprint": "x"})
    assert load_safely(split(other).head)[0]["briefgen"] == {"fingerprint": "x"}
    assert split(other).body == parts.body


def test_block_in_the_middle_is_replaced_in_place() -> None:
    text = "---\ntitle: A\nbriefgen:\n  fingerprint: old\n  summary:\n  - x\ntags: [a]\n---\nBody\n"
    out, _ = store_machine_block(text, {"fingerprint": "new"})
    assert out == "---\ntitle: A\nbriefgen:\n  fingerprint: new\ntags: [a]\n---\nBody\n"


def test_the_author_data_before_the_write_is_returned() -> None:
    _, before = store_machine_block("---\ntitle: A\nbriefgen: {added: 2}\n---\nBody\n", {"fingerprint": "f"})
    assert before == {"title": "A", "briefgen": {"added": 2}}


def test_unterminated_front_matter_is_an_error() -> None:
    with pytest.raises(FrontMatterError) as caught:
        split("---\ntitle: A\nBody without a closing fence\n")
    assert caught.value.line == 1


def test_body_line_counts_every_kind_of_line_end() -> None:
    assert split("---\rtitle: A\r---\rBody\r").body_line == 4
    assert split("---\r\ntitle: A\r\n---\r\nBody\r\n").body_line == 4


def test_figures_are_one_line_each() -> None:
    block = {"figures": {"troops": [{"value": 100000, "text": "about 100,000 troops", "start": 5, "end": 25}]}}
    assert "    - {value: 100000, text: 'about 100,000 troops', start: 5, end: 25}\n" in dump_machine_block(block, "\n")
