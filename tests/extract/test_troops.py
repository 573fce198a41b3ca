"""Troop-count extractor cases, read from cases/troops.yaml."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.extract.troops import find_troops

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases" / "troops.yaml").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_troop_case(case: dict[str, Any]) -> None:
    found = find_troops(case["text"], None)
    got = [{k: asdict(c)[k] for k in want} for c, want in zip(found, case["expect"], strict=False)]
    assert len(found) == len(case["expect"]), [c.text for c in found]
    assert got == case["expect"]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_offsets_point_at_the_text(case: dict[str, Any]) -> None:
    for count in find_troops(case["text"], None):
        assert " ".join(case["text"][count.start:count.end].split()) == count.text
