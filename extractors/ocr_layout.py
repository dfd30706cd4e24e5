"""Page images before OCR: seals dropped, the header band and the signature block found.

The official layout (Nghị định 30/2020/NĐ-CP, Phụ lục I) puts two columns at the
top of page 1 — the issuer and "Số:" on the left, the national motto and the date on
the right — and the signature block at the bottom right, beside "Nơi nhận". Read as
one page, Tesseract runs the header's columns together and loses the signer's name
under the red seal. These functions find those regions on the rendered page so each
column is read on its own, and take the colours out that are not print:

- a seal is red: strongly red pixels become paper before the page turns grey;
- handwriting (a number or day filled in by pen, a signature) is blue or violet: in
  the header and signature regions it goes too, so its strokes are never read as
  printed digits or letters.

Pure: numpy arrays in (RGB, rows × columns × 3), boxes in pixels out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

INK_LEVEL = 140  # grey level below which a pixel is ink
RED_MARGIN = 50  # a pixel whose red exceeds its green and blue by this is seal ink …
MIN_SEAL_RED = 120  # … if it is bright enough (dark reddish print of a colour scan is print)
SEAL_RIM = 2  # pixels around seal ink that go with it: the rim anti-aliasing left grey
COLOUR_MARGIN = 40  # a pixel whose blue exceeds its red by this is pen ink (blue or violet) …
PEN_LEVEL = 200  # … if it is dark enough to be ink at all
PEN_RIM = 1
PRINT_LEVEL = 80  # grey level below which a pixel beside a seal or a pen stroke is print, and kept
HEADER_SHARE = 0.40  # the header band lies in this top share of page 1
GUTTER_RANGE = (0.28, 0.62)  # share of the width where the gap between the header's columns lies
MIN_GUTTER = 0.012  # share of the width the gap must keep, at the least (about 5 mm on A4)
LINE_GAP = 0.004  # share of the height: blank rows this many apart end a text line
MIN_LINE_INK = 0.004  # share of the width a text line must ink, at the least (specks are no line)
MIN_ROW_INK = 0.002  # share of the width a row of pixels must ink to be part of a text line (scan noise is not)
EDGE = 0.03  # share of the width (and of the height at the top) left out: the dark edges of a scan
RIGHT_CENTRE_SHIFT = 0.08  # share of the width a lone line's centre may stray from the right column's
MIN_BAND_HEIGHT = 0.025  # share of the height a header band takes at the least (two lines of type)
MIN_LINE_HEIGHT = 0.004  # share of the height: a thinner line is a rule, a border or a speck, not text


@dataclass(frozen=True, slots=True)
class Box:
    """A region of the page image, in pixels (right and bottom exclusive)."""

    left: int
    top: int
    right: int
    bottom: int


def _grow(mask: np.ndarray, steps: int) -> np.ndarray:
    """The mask grown by ``steps`` pixels each way (so a mark's anti-aliased rim goes with it)."""
    grown = mask.copy()
    for _ in range(steps):
        for axis in (0, 1):
            grown[1:] |= grown[:-1].copy() if axis == 0 else grown[1:]
            if axis == 0:
                grown[:-1] |= grown[1:].copy()
            else:
                grown[:, 1:] |= grown[:, :-1].copy()
                grown[:, :-1] |= grown[:, 1:].copy()
    return grown


def _rim(mask: np.ndarray, steps: int, grey: np.ndarray) -> np.ndarray:
    """The mark and its rim: the mask grown, where the growth is lighter than print (letters the
    mark crosses keep their ink)."""
    return mask | (_grow(mask, steps) & (grey >= PRINT_LEVEL))


def _grey(signed: np.ndarray) -> np.ndarray:
    return (signed[..., 0] * 299 + signed[..., 1] * 587 + signed[..., 2] * 114) // 1000


def _seal_mask(signed: np.ndarray) -> np.ndarray:
    red = signed[..., 0]
    return (red - np.maximum(signed[..., 1], signed[..., 2]) > RED_MARGIN) & (red >= MIN_SEAL_RED)


def drop_seals(rgb: np.ndarray) -> np.ndarray:
    """The page in grey with strongly red pixels (seals, red stamps) and their light rims turned to
    paper; print beside them keeps its ink.

    >>> drop_seals(np.array([[[200, 40, 50], [230, 180, 180], [20, 20, 20], [20, 20, 20]]], dtype=np.uint8)).tolist()
    [[255, 255, 20, 20]]
    """
    signed = rgb.astype(np.int32)
    grey = _grey(signed)
    grey[_rim(_seal_mask(signed), SEAL_RIM, grey)] = 255
    return grey.astype(np.uint8)


def printed_only(rgb: np.ndarray) -> tuple[np.ndarray, int]:
    """A region in grey with seals and pen strokes (blue, violet) turned to paper, and how many
    pixels of pen ink there were: handwriting must never be read as print."""
    signed = rgb.astype(np.int32)
    grey = _grey(signed)
    pen = (signed[..., 2] - signed[..., 0] > COLOUR_MARGIN) & (grey < PEN_LEVEL)
    grey[_rim(_seal_mask(signed), SEAL_RIM, grey) | _rim(pen, PEN_RIM, grey)] = 255
    return grey.astype(np.uint8), int(pen.sum())


def _text_lines(ink: np.ndarray, height: int) -> list[tuple[int, int]]:
    """Row spans of text lines: runs of inked rows, split by blank gaps."""
    width = ink.shape[1]
    rows = np.flatnonzero(ink.sum(axis=1) > MIN_ROW_INK * width)
    gap = max(2, int(LINE_GAP * height))
    spans: list[tuple[int, int]] = []
    for row in rows:
        if spans and row - spans[-1][1] <= gap:
            spans[-1] = (spans[-1][0], row + 1)
        else:
            spans.append((row, row + 1))
    return [(a, b) for a, b in spans
            if ink[a:b].sum() >= MIN_LINE_INK * width and b - a >= MIN_LINE_HEIGHT * height]


def _widest_gap(columns: np.ndarray, start: int) -> tuple[int, int]:
    """The widest run of blank columns: (its width, its middle), offsets from ``start``."""
    best = (0, 0)
    run_start = None
    for x, blank in enumerate(list(columns) + [False]):
        if blank and run_start is None:
            run_start = x
        elif not blank and run_start is not None:
            if x - run_start > best[0]:
                best = (x - run_start, start + (run_start + x) // 2)
            run_start = None
    return best


def _right_centre(line: np.ndarray, gutter: int) -> float | None:
    columns = np.flatnonzero(line[:, gutter:].any(axis=0))
    return None if columns.size == 0 else gutter + (columns[0] + columns[-1]) / 2


def _off_centre(line: np.ndarray, gutter: int, centre: float | None, width: int) -> bool:
    """A line right of the gutter alone, centred far from the right column's centre: the type
    word ("QUYẾT ĐỊNH") centred on the page, short enough to clear the gutter."""
    here = _right_centre(line, gutter)
    alone = not line[:, :gutter].any()
    return alone and centre is not None and here is not None and abs(here - centre) > RIGHT_CENTRE_SHIFT * width


def header_columns(grey: np.ndarray) -> tuple[Box, Box] | None:
    """The left and right columns of the header band, or None when the page opens otherwise.

    The band is the run of text lines from the top whose ink leaves one vertical gap
    free in the middle of the page; the first line that crosses it (the type word, a
    centred title), or that stands right of it alone but centred elsewhere than the
    right column, ends the band.
    """
    height, width = grey.shape
    limit = int(height * HEADER_SHARE)
    ink = grey[:limit] < INK_LEVEL
    ink[:, :int(width * EDGE)] = False
    ink[:, width - int(width * EDGE):] = False
    ink[:int(height * EDGE)] = False
    lo, hi = int(width * GUTTER_RANGE[0]), int(width * GUTTER_RANGE[1])
    used = np.zeros(hi - lo, dtype=bool)
    band: list[tuple[int, int]] = []
    gutter = 0
    centre = None  # of the right column: its lines are centred on it
    for top, bottom in _text_lines(ink, height):
        merged = used | ink[top:bottom, lo:hi].any(axis=0)
        gap, middle = _widest_gap(~merged, lo)
        if gap < MIN_GUTTER * width or _off_centre(ink[top:bottom], middle, centre, width):
            break
        used, gutter = merged, middle
        centre = centre or _right_centre(ink[top:bottom], middle)
        band.append((top, bottom))
    if not band or band[-1][1] - band[0][0] < MIN_BAND_HEIGHT * height:
        return None  # one short line is no header band (rows close together may read as one line)
    top, bottom = band[0][0], band[-1][1]
    left_ink = ink[top:bottom, :gutter].any()
    right_ink = ink[top:bottom, gutter:].any()
    if not (left_ink and right_ink):
        return None
    pad = max(2, int(LINE_GAP * height))
    top, bottom = max(0, top - pad), min(height, bottom + pad)
    return Box(0, top, gutter, bottom), Box(gutter, top, width, bottom)


def count_runs(grey: np.ndarray, box: Box, rows: tuple[float, float], fill: float = 0.0) -> int:
    """Runs of inked columns in a band of a word's box (``rows``: shares of its height, top and
    bottom), a column counting as inked where more than ``fill`` of the band's pixels are ink."""
    height = box.bottom - box.top
    band = grey[box.top + int(height * rows[0]):box.top + int(height * rows[1]), box.left:box.right] < INK_LEVEL
    if band.size == 0:
        return 0
    columns = np.concatenate([[False], band.mean(axis=0) > fill, [False]])
    return int(np.count_nonzero(columns[1:] & ~columns[:-1]))


def count_stems(grey: np.ndarray, box: Box) -> int:
    """Vertical strokes across the middle of a word's box: the I's of a Roman numeral
    ("III" has three; bold serif numerals OCR reads as "II" or "IL"). The serifs that join
    the letters lie at the top and bottom, the full stop below the middle, so a band of
    rows at mid-height sees each stem apart."""
    return count_runs(grey, box, (0.35, 0.6), fill=0.5)


def has_upper_loop(grey: np.ndarray, box: Box) -> bool:
    """Whether a digit's upper half is a closed loop (9: two sides inked) rather than a single
    stroke on the left (5, which bold serif type has OCR read as 9)."""
    return count_runs(grey, box, (0.25, 0.37)) >= 2


def centre_inside(word: dict, box: Box) -> bool:
    """Whether a word's centre lies in ``box`` (pixels)."""
    x, y = (word["box"].left + word["box"].right) / 2, (word["box"].top + word["box"].bottom) / 2
    return box.left <= x < box.right and box.top <= y < box.bottom
