"""Officials extractor cases, read from cases/officials.yaml."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.extract.officials import find_officials

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases" / "officials.yaml").read_text())


def _comparable(record: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    """The record restricted to the keys a case gives, with variants as a sorted list."""
    got = {k: record[k] for k in keys}
    if "variants" in got:
        got["variants"] = sorted(got["variants"])
    return got


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_official_case(case: dict[str, Any]) -> None:
    found = find_officials(case["text"], None, tuple(case.get("extra_titles", ())))
    assert [o.name for o in found] == [w["name"] for w in case["expect"]]
    for official, want in zip(found, case["expect"], strict=True):
        assert _comparable(asdict(official), list(want)) == _comparable(want, list(want))


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_mentions_name_the_person(case: dict[str, Any]) -> None:
    for official in find_officials(case["text"], None, tuple(case.get("extra_titles", ()))):
        forms = {official.name, *official.variants}
        for start, end in official.mentions:
            assert " ".join(case["text"][start:end].split()) in forms | {official.name.split()[-1]}
