"""The summary model's training script: the split it reads and the fit it makes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

from briefgen.summary_features import FEATURE_NAMES
from briefgen.summary_model import model_from_json

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_summary_model.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_summary_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


def test_held_out_politics_files_are_never_in_the_dev_split() -> None:
    in_dev = _script().in_dev_split
    assert in_dev("politics", 1) and in_dev("politics", 417)
    assert not in_dev("politics", 2) and not in_dev("politics", 100)
    assert all(in_dev(c, n) for c in ("business", "entertainment", "sport", "tech") for n in (1, 2))


def test_fit_learns_the_feature_that_decides_the_label() -> None:
    rng = np.random.default_rng(7)
    features = rng.normal(size=(400, len(FEATURE_NAMES)))
    decisive = FEATURE_NAMES.index("lexrank")
    labels = (features[:, decisive] > 0).astype(np.float64)
    model = _script().fit_logistic(features, labels)
    weights = np.abs(np.asarray(model.weights))
    assert int(np.argmax(weights)) == decisive
    # Rows with the decisive feature close to 0 may fall either side; nearly all others must not.
    scores = model_from_json(model.to_json()).scores(features)
    assert np.mean((scores > 0) == (labels == 1)) > 0.97
