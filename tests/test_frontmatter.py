"""Front matter: split and join give the file back byte for byte; the machine block never touches the body."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.frontmatter import FrontMatterError, dump_machine_block, join, split, with_machine_block
from briefgen.safe_yaml import load_safely

newlines = st.sampled_from(["\n", "\r\n"])
body_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
author_keys = st.dictionaries(
    st.sampled_from(["title", "date", "tags", "source", "draft", "slug", "note"]),
    st.text(st.characters(whitelist_categories=("L", "N", "Zs")), min_size=1, max_size=20),
    max_size=4,
)


def author_head(meta: dict[str, str], nl: str) -> str:
    return "".join(f"{k}: '{v}'{nl}" for k, v in meta.items())


@given(body=body_text, meta=author_keys, nl=newlines, bom=st.booleans(), has_head=st.booleans())
@settings(max_examples=300, deadline=None)
def test_machine_block_round_trip_keeps_body_and_author_keys(
    body: str, meta: dict[str, str], nl: str, bom: bool, has_head: bool
) -> None:
    text = ("\ufeff" if bom else "") + (f"---{nl}{author_head(meta, nl)}---{nl}" if has_head else "") + body
    if not has_head and split(text).opening:  # a generated body that itself starts with a fence
        return
    parts = split(text)
    assert join(parts) == text
    block = {"fingerprint": "abc", "summary": ["One.", "Two: three?"], "figures": {"troops": []}}
    updated = join(with_machine_block(parts, dump_machine_block(block, parts.newline)))
    again = split(updated)
    assert again.body == body
    assert again.bom == parts.bom
    data, _ = load_safely(again.head)
    assert data.pop("briefgen") == block
    assert data == (meta if has_head else {})
    # writing the same block again changes nothing; a different block replaces it in place
    assert join(with_machine_block(again, dump_machine_block(block, parts.newline))) == updated
    other = join(with_machine_block(again, dump_machine_block({"fingerprint": "x"}, parts.newline)))
    assert load_safely(split(other).head)[0]["briefgen"] == {"fingerprint": "x"}
    assert split(other).body == body


def test_machine_block_in_the_middle_is_replaced_in_place() -> None:
    text = "---\ntitle: A\nbriefgen:\n  fingerprint: old\n  summary:\n  - x\ntags: [a]\n---\nBody\n"
    parts = split(text)
    out = join(with_machine_block(parts, dump_machine_block({"fingerprint": "new"}, "\n")))
    assert out == "---\ntitle: A\nbriefgen:\n  fingerprint: new\ntags: [a]\n---\nBody\n"


def test_crlf_file_gets_crlf_block() -> None:
    parts = split("---\r\ntitle: A\r\n---\r\nBody\r\n")
    out = join(with_machine_block(parts, dump_machine_block({"fingerprint": "f"}, parts.newline)))
    assert out == "---\r\ntitle: A\r\nbriefgen:\r\n  fingerprint: f\r\n---\r\nBody\r\n"


def test_file_without_front_matter_gets_one() -> None:
    parts = split("\ufeffHeadline\n\nText.\n")
    out = join(with_machine_block(parts, dump_machine_block({"fingerprint": "f"}, parts.newline)))
    assert out == "\ufeff---\nbriefgen:\n  fingerprint: f\n---\nHeadline\n\nText.\n"


def test_unterminated_front_matter_is_an_error() -> None:
    with pytest.raises(FrontMatterError) as caught:
        split("---\ntitle: A\nBody without a closing fence\n")
    assert caught.value.line == 1


def test_figures_are_one_line_each() -> None:
    block = {"figures": {"troops": [{"value": 100000, "text": "about 100,000 troops", "start": 5, "end": 25}]}}
    assert "    - {value: 100000, text: 'about 100,000 troops', start: 5, end: 25}\n" in dump_machine_block(block, "\n")
