"""The extractor against the project's own hand-made gold (tests/gold), above its ratchet floors."""

from __future__ import annotations

import pytest

from kehoach.pipeline.evaluate import evaluate, gold_pairs, subtotals

from .conftest import ROOT
from .corpus_floors import PROJECT_GOLD_FLOORS, PROJECT_GOLD_SETS

GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="module")
def scores():
    return evaluate(GOLD)


def test_every_gold_file_has_its_text():
    assert len(gold_pairs(GOLD)) == len(list((GOLD / "gold").glob("*.json"))) > 0


@pytest.mark.parametrize(("subset", "kind"), [(subset, kind) for subset, floors in PROJECT_GOLD_FLOORS.items()
                                               for kind in floors])
def test_project_gold_is_above_its_floor(scores, subset, kind):
    prefixes = PROJECT_GOLD_SETS[subset]
    got = subtotals(scores, lambda stem: stem.startswith(prefixes))[kind]
    value = got["accuracy"] if kind in ("metadata", "cite_dates") else got["f1"]
    assert value >= PROJECT_GOLD_FLOORS[subset][kind], [(d["doc"], d[kind]) for d in scores["documents"]
                                                        if d["doc"].startswith(prefixes)]


def test_the_sets_hold_documents():
    stems = [p.stem for p in (GOLD / "gold").glob("*.json")]
    for prefixes in PROJECT_GOLD_SETS.values():
        assert any(stem.startswith(prefixes) for stem in stems)
