"""The editor scorer: a logistic model over `summary_features`, loaded from briefgen/data.

The weights come from `scripts/train_summary_model.py`, trained on the dev split of
the BBC News Summary corpus; the file is small JSON and loads offline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from briefgen.summary_features import FEATURE_NAMES, Matrix

MODEL_PATH = Path(__file__).resolve().parent / "data" / "summary_model.json"


STANDARD_LIMIT = 4.0
"""Standardised features are clipped here: a very long or odd text must not push one feature far
beyond anything the model was trained on and drown all the others (the lead included)."""


def standardise(features: Matrix, mean: Matrix, scale: Matrix) -> Matrix:
    """Features in standard deviations from the training mean, clipped at STANDARD_LIMIT."""
    return np.asarray(np.clip((features - mean) / scale, -STANDARD_LIMIT, STANDARD_LIMIT), dtype=np.float64)


@dataclass(frozen=True)
class EditorModel:
    """Weights of the logistic sentence scorer, over standardised features."""

    feature_names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    lead_bonus: float
    """Added to the first prose sentence's score: a brief opens with the story's lead when it can."""
    aside_penalty: float
    """Subtracted for a Markdown list item or block quote: asides rather than the story."""
    antecedent_penalty: float
    """Subtracted from a sentence's score when it leans on a previous sentence left out."""
    repeat_similarity: float
    """Cosine above which a sentence counts as repeating one already chosen."""

    def scores(self, features: Matrix) -> Matrix:
        """Log-odds that an editor keeps each sentence (one row of features each)."""
        standard = standardise(features, np.asarray(self.mean), np.asarray(self.scale))
        return np.asarray(standard @ np.asarray(self.weights) + self.bias, dtype=np.float64)

    def to_json(self) -> dict[str, Any]:
        """The model as the JSON object stored in briefgen/data."""
        return {
            "about": "briefgen editor summary scorer; regenerate with scripts/train_summary_model.py",
            "feature_names": list(self.feature_names),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "lead_bonus": self.lead_bonus,
            "aside_penalty": self.aside_penalty,
            "antecedent_penalty": self.antecedent_penalty,
            "repeat_similarity": self.repeat_similarity,
        }


def model_from_json(data: dict[str, Any]) -> EditorModel:
    """Build a model from its JSON object, checking it matches the features measured."""
    names = tuple(data["feature_names"])
    if names != FEATURE_NAMES:
        raise ValueError(f"summary model features {names} do not match {FEATURE_NAMES}; retrain it")
    return EditorModel(
        feature_names=names,
        mean=tuple(float(v) for v in data["mean"]),
        scale=tuple(float(v) for v in data["scale"]),
        weights=tuple(float(v) for v in data["weights"]),
        bias=float(data["bias"]),
        lead_bonus=float(data["lead_bonus"]),
        aside_penalty=float(data["aside_penalty"]),
        antecedent_penalty=float(data["antecedent_penalty"]),
        repeat_similarity=float(data["repeat_similarity"]),
    )


@cache
def load_model(path: Path = MODEL_PATH) -> EditorModel:
    """The editor model shipped with briefgen (read once)."""
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))
