"""Page images before OCR: seals and pen strokes taken out, the header's two columns found.

The pages are the committed sample PDFs rendered with pypdfium2, or small arrays
drawn here; no tesseract is needed.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest

from kehoach.extractors.ocr_layout import (
    Box,
    count_stems,
    drop_seals,
    has_upper_loop,
    header_columns,
    printed_only,
)

from .conftest import SAMPLES

WHITE, BLACK, SEAL, SEAL_RIM, PEN = (255, 255, 255), (20, 20, 20), (205, 45, 55), (235, 175, 180), (40, 50, 150)


def _page(pixels: list[list[tuple[int, int, int]]]) -> np.ndarray:
    return np.array(pixels, dtype=np.uint8)


# fmt: off
PIXELS = [
    pytest.param([SEAL, SEAL_RIM, WHITE, BLACK], [255, 255, 255, 20], [255, 255, 255, 20], id="seal-and-its-rim-go"),
    pytest.param([SEAL, BLACK, BLACK, WHITE], [255, 20, 20, 255], [255, 20, 20, 255], id="print-beside-a-seal-stays"),
    pytest.param([PEN, WHITE, WHITE, BLACK], [58, 255, 255, 20], [255, 255, 255, 20], id="pen-goes-in-regions-only"),
    pytest.param([(90, 30, 30), BLACK, WHITE, WHITE], [47, 20, 255, 255], [47, 20, 255, 255],
                 id="dark-reddish-print-is-print"),
]
# fmt: on


@pytest.mark.parametrize("row,page_grey,region_grey", PIXELS)
def test_colours_that_are_not_print(row, page_grey, region_grey):
    image = _page([row])
    assert drop_seals(image).tolist() == [page_grey]
    grey, pen = printed_only(image)
    assert grey.tolist() == [region_grey]
    assert pen == (PEN in row)


def _render(path, page: int = 0) -> np.ndarray:
    pdf = pdfium.PdfDocument(path)
    try:
        return pdf[page].render(scale=300 / 72, rev_byteorder=True).to_numpy()[..., :3]
    finally:
        pdf.close()


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("pdf/*.pdf")), ids=lambda p: p.stem[:20])
def test_header_columns_of_the_sample_plans(sample):
    grey = drop_seals(_render(sample))
    found = header_columns(grey)
    assert found is not None
    left, right = found
    height, width = grey.shape
    assert left.right == right.left and 0.28 * width < left.right < 0.62 * width
    assert left.top == right.top and left.bottom < 0.4 * height
    # The gutter is blank over the whole band, and both columns hold print.
    band = grey[left.top:left.bottom] < 140
    assert not band[:, left.right].any()
    assert band[:, :left.right].any() and band[:, left.right:].any()


def test_no_header_band_on_a_page_of_running_text():
    grey = drop_seals(_render(SAMPLES / "pdf" / "gia-vien-ke-hoach-dan-van-2025.pdf", page=1))
    assert header_columns(grey) is None


def test_a_dark_scan_edge_is_no_text_line():
    grey = np.full((1200, 850), 255, dtype=np.uint8)
    grey[:, :12] = 0  # the scanner's dark edge down the left side
    grey[:8, :] = 0  # … and along the top
    grey[100:130, 80:330] = 0  # left column: two lines
    grey[150:180, 100:300] = 0
    grey[100:130, 450:800] = 0  # right column: two lines
    grey[150:180, 500:750] = 0
    grey[260:290, 200:650] = 0  # the type word, centred across the gap: the band ends above it
    found = header_columns(grey)
    assert found is not None
    assert 330 < found[0].right < 450 and found[0].bottom < 260
    assert isinstance(found[1], Box) and found[1].right == 850


def _numeral(stems: int) -> np.ndarray:
    """A bold serif Roman numeral of ``stems`` I's and its full stop: stems joined by serif bars."""
    grey = np.full((60, 40 + 22 * stems), 255, dtype=np.uint8)
    for k in range(stems):
        grey[8:52, 10 + 22 * k:22 + 22 * k] = 0
    grey[8:13, 6:6 + 22 * stems] = 0  # the serifs run into each other at the top …
    grey[47:52, 6:6 + 22 * stems] = 0  # … and at the foot
    grey[44:52, 14 + 22 * stems:22 + 22 * stems] = 0  # the full stop, below the middle
    return grey


@pytest.mark.parametrize("stems", [1, 2, 3])
def test_count_stems_of_a_bold_numeral(stems):
    grey = _numeral(stems)
    assert count_stems(grey, Box(0, 8, grey.shape[1], 52)) == stems


def test_a_short_type_word_right_of_the_gap_ends_the_band():
    grey = np.full((1200, 850), 255, dtype=np.uint8)
    grey[100:130, 80:330] = 0  # left column
    grey[150:180, 100:300] = 0
    grey[100:130, 450:800] = 0  # right column, centred near 625
    grey[150:180, 500:750] = 0
    grey[230:260, 440:560] = 0  # "QUYẾT ĐỊNH": clear of the gap, but centred near the page's middle
    found = header_columns(grey)
    assert found is not None and found[0].bottom < 230


def _digit(loop: bool) -> np.ndarray:
    """A bold 9 (a closed loop on top, a stem down the right) or 5 (a bar on top, a stroke down the
    left, a bowl below), 40 × 60 pixels, with its full stop."""
    grey = np.full((60, 56), 255, dtype=np.uint8)
    grey[0:8, 4:36] = 0  # top: the loop's top or the 5's bar
    grey[0:30, 4:12] = 0  # left side of the upper half
    if loop:
        grey[0:60, 28:36] = 0  # the 9's right side and stem
        grey[24:30, 4:36] = 0  # the loop's bottom
    else:
        grey[24:30, 4:36] = 0  # the 5's bowl: across, down the right, back along the foot
        grey[24:60, 28:36] = 0
        grey[52:60, 4:36] = 0
    grey[52:60, 44:52] = 0  # the full stop
    return grey


@pytest.mark.parametrize("loop", [True, False], ids=["nine", "five"])
def test_upper_loop_tells_nine_from_five(loop):
    grey = _digit(loop)
    assert has_upper_loop(grey, Box(0, 0, grey.shape[1], 60)) is loop
