"""Issue 3's PDF check: each gold text typeset to PDF and read back scores like the TXT path.

Needs ../shared/corpus (skips without it) and Liberation Serif (installed by
`make test` through scripts/install-system-deps.sh).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from kehoach.pipeline import api
from kehoach.pipeline.evaluate import evaluate, gold_pairs

from .conftest import SAMPLES

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


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_path_loses_at_most_a_hundredth(scores, kind):
    via_txt, via_pdf = scores
    assert via_pdf["totals"][kind]["f1"] >= via_txt["totals"][kind]["f1"] - 0.01


def test_pdf_path_meets_the_structure_thresholds(scores):
    _, via_pdf = scores
    assert via_pdf["totals"]["nodes"]["f1"] >= 0.97
    assert min(doc["nodes"]["f1"] for doc in via_pdf["documents"]) >= 0.9


def test_pdf_path_metadata_fields(scores):
    _, via_pdf = scores
    for field in ("doc_type", "number", "issuer", "place", "date", "signer"):
        marks = [doc["metadata_fields"][field] for doc in via_pdf["documents"] if field in doc["metadata_fields"]]
        assert sum(marks) / len(marks) >= 0.95, (field, [d["misses"]["metadata_wrong"] for d in via_pdf["documents"]])
