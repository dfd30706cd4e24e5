"""Scores on the shared corpus against the ratchet floors of tests/corpus_floors.py (skips when
../shared is absent), and every bulk document extracting without error, fast enough.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.pipeline import readers, stages
from kehoach.pipeline.evaluate import METADATA_FIELDS, evaluate, subtotals
from kehoach.schemas.layout import Line, RawDocument

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


# --- numbering read through OCR ----------------------------------------------------

# Usual Tesseract slips of markers at a line's start: a lost stroke of "III", "l" for "I" and for "1",
# "O" for "0". A corpus text with them, marked as read by OCR, is a real-shaped scanned plan.
OCR_SLIPS = [(re.compile(r"^III\."), "II."), (re.compile(r"^I\."), "l."), (re.compile(r"^1\."), "l."),
             (re.compile(r"^10\."), "1O.")]
GOLD_TEXTS = sorted((SHARED / "text").glob("*.txt"))


def _scanned(text: str, slips: list) -> RawDocument:
    lines = []
    for line in text.split("\n"):
        for pattern, slip in slips:
            line = pattern.sub(slip, line)
        lines.append(Line(text=line, ocr=True))
    return RawDocument(path="scan.pdf", sha256="0", format="pdf", lines=lines, text_source="ocr")


def _ids(raw: RawDocument) -> list[str]:
    return [n.id for n in stages.build_document(raw).nodes]


@pytest.mark.parametrize("path", GOLD_TEXTS, ids=lambda p: p.stem[:3])
def test_scanned_plan_gets_the_node_ids_of_its_typeset_original(shared_corpus, path):
    text = path.read_text(encoding="utf-8")
    slipped = stages.build_document(_scanned(text, OCR_SLIPS))
    assert [n.id for n in slipped.nodes] == _ids(readers.read_text(text))
    changed = sum(1 for line in text.split("\n") if any(p.match(line) for p, _ in OCR_SLIPS))
    assert (sum("OCR'd" in w for w in slipped.source.warnings) > 0) == (changed > 0)


@pytest.mark.parametrize("path", GOLD_TEXTS, ids=lambda p: p.stem[:3])
def test_numbering_irregular_as_written_is_not_corrected_in_ocr_text(shared_corpus, path):
    # 11_ starts at II, 02_ skips to 3.3, 37_ repeats row numbers: read as OCR, nothing is "corrected".
    text = path.read_text(encoding="utf-8")
    plan = stages.build_document(_scanned(text, []))
    assert [n.id for n in plan.nodes] == _ids(readers.read_text(text))
    assert not any("OCR'd" in w for w in plan.source.warnings)
