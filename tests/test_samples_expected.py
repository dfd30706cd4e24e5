"""The bundled sample PDFs against their expected JSON (samples/expected, the corpus gold of the
texts they were typeset from; see samples/README.md). Needs nothing outside the repository."""

from __future__ import annotations

import json

import pytest

from kehoach.pipeline import api
from kehoach.pipeline.evaluate import score_document

from .conftest import SAMPLES

EXPECTED = sorted((SAMPLES / "expected").glob("*.json"))


def test_every_sample_has_expected_json():
    assert {p.stem for p in EXPECTED} == {p.stem for p in (SAMPLES / "pdf").glob("*.pdf")}


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.stem)
def test_sample_pdf_matches_expected(expected):
    gold = json.loads(expected.read_text(encoding="utf-8"))
    score = score_document(api.extract(SAMPLES / "pdf" / f"{expected.stem}.pdf"), gold)
    for kind in ("nodes", "citations", "mentions", "assignments"):
        assert getattr(score, kind).scores()["f1"] >= 0.95, (kind, score.misses)
    assert all(score.metadata_fields.values()), score.misses["metadata_wrong"]
    assert score.cite_dates.right == score.cite_dates.total
