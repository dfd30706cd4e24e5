"""Smoke test of the synthetic-scan benchmark's damage pipeline (the benchmark itself runs in `make bench`)."""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from .conftest import ROOT, SAMPLES

_SPEC = importlib.util.spec_from_file_location("synthetic_scans", ROOT / "benchmarks" / "synthetic_scans.py")
synthetic = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(synthetic)
SAMPLE = SAMPLES / "pdf" / "mttq-luong-minh-ke-hoach-hiep-thuong.pdf"


def _first_page(dpi: int = 100) -> Image.Image:
    pdf = pdfium.PdfDocument(SAMPLE)
    try:
        return pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()


def test_damage_is_deterministic_and_visible():
    clean = _first_page()
    one = synthetic.damage_page(clean, 100, synthetic._rng("doc-a"), seal_at=(300.0, 200.0))
    again = synthetic.damage_page(clean, 100, synthetic._rng("doc-a"), seal_at=(300.0, 200.0))
    other = synthetic.damage_page(clean, 100, synthetic._rng("doc-b"), seal_at=(300.0, 200.0))
    assert one.size == clean.size and one.mode == "L"
    assert np.array_equal(np.asarray(one), np.asarray(again))
    assert not np.array_equal(np.asarray(one), np.asarray(other))
    paper = np.asarray(one)[5:40, 5:40].astype(float)  # a corner of blank paper, noisy now
    assert paper.std() > 1.0
    seal = np.asarray(one)[int(200 * 100 / 72) - 80:int(200 * 100 / 72) + 80, int(300 * 100 / 72) - 80:]
    assert ((seal > 90) & (seal < 200)).mean() > 0.01  # the grey seal's rings


def test_scan_gives_an_image_only_pdf_of_the_same_pages():
    native = SAMPLE.read_bytes()
    scanned = synthetic.scan(native, "smoke")
    pdf = pdfium.PdfDocument(io.BytesIO(scanned))
    source = pdfium.PdfDocument(native)
    try:
        assert len(pdf) == len(source)
        width, height = pdf[0].get_size()
        assert width == pytest.approx(595, abs=3) and height == pytest.approx(842, abs=3)
        assert not pdf[0].get_textpage().get_text_range().strip()
    finally:
        pdf.close()
        source.close()


# fmt: off
ERRORS = [
    pytest.param(["Kế hoạch số 12"], ["Kế hoạch số 12"], 0, id="same"),
    pytest.param(["Kê hoạch số 12"], ["Kế hoạch số 12"], 1, id="one-mark"),
    pytest.param(["a", "Kế hoạch"], ["Kế hoạch"], 2, id="extra-line-counts-its-characters"),
    pytest.param(["Kế  hoạch"], ["Kế hoạch"], 0, id="whitespace-collapsed"),
]
# fmt: on


@pytest.mark.parametrize("hypothesis,reference,errors", ERRORS)
def test_char_errors(hypothesis, reference, errors):
    assert synthetic.char_errors(hypothesis, reference)[0] == errors
