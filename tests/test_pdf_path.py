"""Issue 3's PDF check: each gold text typeset to PDF and read back scores like the TXT path.

Needs ../shared/corpus (skips without it) and Liberation Serif (installed by
`make test` through scripts/install-system-deps.sh).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kehoach.pipeline import api
from kehoach.pipeline.evaluate import evaluate, gold_pairs, subtotals

from .conftest import SAMPLES
from .corpus_floors import ORIGINAL, PDF_FLOORS

sys.path.insert(0, str(SAMPLES))
from make_samples import FONT_DIRS, typeset_text

KINDS = ("nodes", "citations", "mentions", "assignments")


@pytest.fixture(scope="module")
def scores(shared_corpus, tmp_path_factory):
    if not any((d / "LiberationSerif-Regular.ttf").exists() for d in FONT_DIRS):
        pytest.fail("Liberation Serif missing: `make test` installs Debian's fonts-liberation2")
    out = tmp_path_factory.mktemp("typeset")
    pdfs: dict[str, Path] = {}
    for text, _gold in gold_pairs(shared_corpus):
        pdf = out / f"{text.stem}.pdf"
        pdf.write_bytes(typeset_text(text.read_text(encoding="utf-8")))
        pdfs[text.stem] = pdf
    via_txt = evaluate(shared_corpus)
    via_pdf = evaluate(shared_corpus, extractor=lambda text_path: api.extract(pdfs[Path(text_path).stem]))
    return via_txt, via_pdf


def _original(stem: str) -> bool:
    return stem.startswith(ORIGINAL)


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_path_loses_at_most_a_hundredth_on_the_original_documents(scores, kind):
    via_txt, via_pdf = (subtotals(s, _original) for s in scores)
    assert via_pdf[kind]["f1"] >= via_txt[kind]["f1"] - 0.01


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_path_is_above_its_floor(scores, kind):
    _, via_pdf = scores
    assert via_pdf["totals"][kind]["f1"] >= PDF_FLOORS["all"][kind]


def test_pdf_path_meets_the_structure_thresholds_on_the_original_documents(scores):
    _, via_pdf = scores
    assert subtotals(via_pdf, _original)["nodes"]["f1"] >= 0.97
    assert min(doc["nodes"]["f1"] for doc in via_pdf["documents"] if _original(doc["doc"])) >= 0.9


def test_pdf_path_metadata_fields(scores):
    _, via_pdf = scores
    for field in ("doc_type", "number", "issuer", "place", "date", "signer"):
        marks = [doc["metadata_fields"][field] for doc in via_pdf["documents"] if field in doc["metadata_fields"]]
        assert sum(marks) / len(marks) >= 0.95, (field, [d["misses"]["metadata_wrong"] for d in via_pdf["documents"]])
