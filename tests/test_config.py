"""config.yaml: defaults, paths relative to the file, and every error reported at once."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.config import OPTIONS, SUMMARY_METHODS, load_config
from briefgen.errors import BriefgenError
from briefgen.scaffold import commented_config

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "config_errors.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_config_errors(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("config.yaml").write_text(case["config"], encoding="utf-8")
    with pytest.raises(BriefgenError) as caught:
        load_config(Path("config.yaml"))
    assert [str(p) for p in caught.value.problems] == case["errors"]


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    config = load_config(None, tmp_path)
    assert config.path is None
    assert config.content_dir == tmp_path.resolve() / "content"
    assert config.summary_sentences == 3
    assert config.figures == ("troops", "dates", "officials")


def test_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    path = tmp_path / "proj" / "config.yaml"
    path.write_text("content_dir: articles\nsite_dir: ../public\n", encoding="utf-8")
    config = load_config(path)
    assert config.content_dir == (tmp_path / "proj" / "articles").resolve()
    assert config.site_dir == (tmp_path / "proj" / ".." / "public").resolve()


def test_commented_config_documents_every_option_and_loads_to_defaults(tmp_path: Path) -> None:
    text = commented_config()
    for name, option in OPTIONS.items():
        assert f"# {option.doc}" in text
        assert f"{name.rpartition('.')[2]}:" in text
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_config(path) == dataclasses.replace(load_config(None, tmp_path), path=path)


def test_repository_config_is_valid() -> None:
    load_config(Path(__file__).parent.parent / "config.yaml")


def test_config_methods_match_the_summariser() -> None:
    from briefgen.summarise import METHODS

    assert set(SUMMARY_METHODS) == set(METHODS)


def test_places_of_a_project_are_analysis_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("extract:\n  places:\n    - {name: Somaliland, demonyms: [Somalilander], capital: Hargeisa,"
                    " metonyms: [the Presidential Palace]}\n", encoding="utf-8")
    config = load_config(path)
    (place,) = config.places
    assert (place.name, place.demonyms, place.capitals, place.metonyms) == (
        "Somaliland", ("Somalilander",), ("Hargeisa",), ("Presidential Palace",))
    assert config.analysis_settings() != load_config(None, tmp_path).analysis_settings()

