"""Batch 7 of the project's gold read from the office scans it was typed from (the OCR path), above its floors.

Needs ../shared/corpus/pdf/more (skips without it); tests/gold/SOURCES.tsv names each document's scan.
"""

from __future__ import annotations

import pytest

from kehoach.pipeline.evaluate import evaluate, nothing_found, read_sources, subtotals

from .conftest import ROOT
from .corpus_floors import SCAN_GOLD_FLOORS

GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="module")
def scan_scores(shared_corpus):
    scans = shared_corpus / "pdf" / "more"
    stems = set(read_sources(GOLD))
    missing = sorted(f for f in read_sources(GOLD).values() if not (scans / f).exists())
    assert not missing, f"scans named in SOURCES.tsv but absent from {scans}: {missing}"
    # only the scanned documents: the transcripts of the others are scored by test_project_gold
    result = evaluate(GOLD, originals=scans, extractor=_only_scans)
    return subtotals(result, lambda stem: stem in stems)


def _only_scans(path):
    from kehoach.pipeline import api

    return api.extract(path) if path.suffix.lower() == ".pdf" else nothing_found(path)


def test_every_scanned_document_has_gold():
    assert {p.stem for p in (GOLD / "gold").glob("*.json")} >= set(read_sources(GOLD))


@pytest.mark.parametrize("kind", sorted(SCAN_GOLD_FLOORS))
def test_scans_are_above_their_floor(scan_scores, kind):
    got = scan_scores[kind]
    value = got["accuracy"] if kind in ("metadata", "cite_dates") else got["f1"]
    assert value >= SCAN_GOLD_FLOORS[kind]
