"""The extractor against the project's own hand-made gold (tests/gold), above its ratchet floors."""

from __future__ import annotations

import pytest

from kehoach.pipeline.evaluate import evaluate, gold_pairs

from .conftest import ROOT
from .corpus_floors import PROJECT_GOLD_FLOORS

GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="module")
def scores():
    return evaluate(GOLD)


def test_every_gold_file_has_its_text():
    assert len(gold_pairs(GOLD)) == len(list((GOLD / "gold").glob("*.json"))) > 0


@pytest.mark.parametrize("kind", PROJECT_GOLD_FLOORS)
def test_project_gold_is_above_its_floor(scores, kind):
    got = scores["totals"][kind]
    value = got["accuracy"] if kind in ("metadata", "cite_dates") else got["f1"]
    assert value >= PROJECT_GOLD_FLOORS[kind], [(d["doc"], d[kind]) for d in scores["documents"]]
