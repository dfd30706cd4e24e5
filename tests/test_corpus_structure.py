"""Scores on the shared corpus against the ratchet floors of tests/corpus_floors.py (skips when
../shared is absent), and every bulk document extracting without error, fast enough.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.pipeline.evaluate import METADATA_FIELDS, evaluate, subtotals

from .corpus_floors import NODE_F1_PER_ORIGINAL_DOC, ORIGINAL, TEXT_FLOORS

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
METADATA_FIELD_ACCURACY = 0.95
SUBSETS = {"original": lambda stem: stem.startswith(ORIGINAL), "all": lambda stem: True}
MIN_CHARS_PER_SECOND = 50_000  # whole pipeline, citations and units included; the text stage alone is faster


@pytest.fixture(scope="module")
def scores(shared_corpus):
    return evaluate(shared_corpus)


@pytest.mark.parametrize("subset,kind", [(s, k) for s, floors in TEXT_FLOORS.items() for k in floors])
def test_corpus_score_is_above_its_floor(scores, subset, kind):
    got = subtotals(scores, SUBSETS[subset])[kind]
    value = got["accuracy"] if kind == "metadata" else got["f1"]
    assert value >= TEXT_FLOORS[subset][kind], [(d["doc"], d[kind]) for d in scores["documents"]]


def test_node_f1_every_original_document(scores):
    low = {d["doc"]: d["nodes"]["f1"] for d in scores["documents"]
           if d["doc"].startswith(ORIGINAL) and d["nodes"]["f1"] < NODE_F1_PER_ORIGINAL_DOC}
    assert low == {}


@pytest.mark.parametrize("name", METADATA_FIELDS)
def test_metadata_field_accuracy(scores, name):
    marks = [d["metadata_fields"][name] for d in scores["documents"] if name in d["metadata_fields"]]
    assert marks and sum(marks) / len(marks) >= METADATA_FIELD_ACCURACY, [
        (d["doc"], d["misses"].get("metadata_wrong")) for d in scores["documents"]]


def test_bulk_extracts_without_error(bulk_extractions):
    results, elapsed = bulk_extractions
    failures = [f"{path.name}: {plan!r}" for path, plan in results if isinstance(plan, Exception)]
    assert failures == []
    for path, plan in results:
        ids = [n.id for n in plan.nodes]
        assert len(ids) == len(set(ids)), f"{path.name}: duplicate node ids"
        known = set(ids)
        assert all(n.parent is None or n.parent in known for n in plan.nodes), f"{path.name}: dangling parent"
    chars = sum(path.stat().st_size for path, _ in results)
    assert chars / elapsed >= MIN_CHARS_PER_SECOND
