"""Ruled tables on a scanned page: rules found in the image, each column read on its own.

Tesseract reads a ruled task table as one block of text: the cells of a row run together, a
rule becomes "|" or "`", and a unit's name in one column is glued to the task beside it.
Here the page is first turned upright (the angle that makes its rows of ink sharpest), the
rules are found as long straight runs of ink, and pdfplumber's cell finder — the one native
PDFs use (``pdf_tables``) — makes cells of them. Each group of cells sharing a left and a
right rule (a column, or a row spanning the table) is read with everything else whited out
and the rules erased, and each word goes to the cell that holds it. ``pdf_tables`` then
turns a task table's cells into lines, as it does for a native PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from kehoach.extractors.markers import roman_value
from kehoach.extractors.pdf_tables import RuledTable, find_ruled_tables, rule_edge

INK = 160  # grey level below which a pixel is ink
MAX_SKEW = 3.0  # degrees a scan is looked at either way
SKEW_STEP = 0.05  # degrees
SKEW_SAMPLE = 2  # every second pixel each way is enough to find the angle
RULE_MIN_INCHES = 0.2  # a run of ink at least this long is a rule, not a letter's stroke
RULE_GAP = 3  # pixels of a rule that noise or JPEG may drop without breaking it
RULE_PAD = 2  # pixels around a rule whited out before the cells are read
CELL_PSM = 6  # Tesseract's segmentation for a column of cells: one block of text
NARROW_INCHES = 0.75  # a column this narrow holds numbers ("TT", "STT"), read cell by cell


@dataclass(slots=True)
class ScannedTables:
    """A page turned upright and the ruled tables on it, in points of that upright page."""

    angle: float  # degrees the page image was turned (counter-clockwise) to make it upright
    grey: np.ndarray  # the upright page
    tables: list[RuledTable]
    rules: np.ndarray  # the pixels that are rules, to be whited out before reading


def skew_angle(ink: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise) that makes the page's rows of ink horizontal: the one
    whose row profile is sharpest (the sum of squares of ink per row is largest)."""
    ys, xs = np.nonzero(ink[::SKEW_SAMPLE, ::SKEW_SAMPLE])
    if len(ys) == 0:
        return 0.0
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP):
        rows = np.round(ys - xs * np.tan(np.radians(angle))).astype(np.int64)
        profile = np.bincount(rows - rows.min()).astype(np.float64)
        score = float((profile ** 2).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


def upright(grey: np.ndarray, angle: float) -> np.ndarray:
    """The page image turned by ``angle`` degrees counter-clockwise, white where nothing was."""
    if abs(angle) < SKEW_STEP / 2:
        return grey
    return np.asarray(Image.fromarray(grey).rotate(angle, resample=Image.BILINEAR, fillcolor=255))


def _bridge(ink: np.ndarray) -> np.ndarray:
    """Ink with gaps of up to ``RULE_GAP`` pixels along a row filled in (noise and JPEG break rules)."""
    before = np.zeros_like(ink)
    after = np.zeros_like(ink)
    for shift in range(1, RULE_GAP + 1):
        before[:, shift:] |= ink[:, :-shift]
        after[:, :-shift] |= ink[:, shift:]
    return ink | (before & after)


def _runs(ink: np.ndarray, min_length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs of ink along each row at least ``min_length`` long: (row, start, end) arrays."""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = _bridge(ink)
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)
    keep = ends - starts >= min_length
    return rows[keep], starts[keep], ends[keep]


def find_scanned_tables(grey: np.ndarray, dpi: int) -> ScannedTables | None:
    """The ruled tables of a page image (grey, seals taken out), or None when it has none."""
    ink = grey < INK
    min_length = int(dpi * RULE_MIN_INCHES)
    if _runs(ink, min_length)[0].size < 3:  # not three rules' worth of long runs: no table to straighten
        return None
    angle = skew_angle(ink)
    grey = upright(grey, angle)
    ink = grey < INK
    scale = 72.0 / dpi
    rules = np.zeros_like(ink)
    edges = []
    for orientation, plane in (("h", ink), ("v", ink.T)):
        rows, starts, ends = _runs(plane, min_length)
        mask = rules if orientation == "h" else rules.T
        for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist()):
            mask[max(0, row - RULE_PAD):row + RULE_PAD + 1, max(0, start - RULE_PAD):end + RULE_PAD] = True
            at, a, b = row * scale, start * scale, end * scale
            edges.append(rule_edge(a, at, b, at, "h") if orientation == "h" else rule_edge(at, a, at, b, "v"))
    tables = find_ruled_tables(edges)
    if not tables:
        return None
    return ScannedTables(angle, grey, tables, rules)


def cell_groups(table: RuledTable) -> list[list[tuple[int, int]]]:
    """The table's cells grouped by their left and right rules, as (row, cell) indexes: each group
    is read at once, so that a column's lines never run into the next column's."""
    groups: dict[tuple[float, float], list[tuple[int, int]]] = {}
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row):
            groups.setdefault((round(box[0]), round(box[2])), []).append((r, c))
    return list(groups.values())


def is_narrow(table: RuledTable, group: list[tuple[int, int]]) -> bool:
    """Whether a group of cells is a narrow column (row numbers), not a column of text."""
    r, c = group[0]
    box = table.rows[r][c]
    return box[2] - box[0] < NARROW_INCHES * 72


def tight(image: np.ndarray) -> tuple[np.ndarray, tuple[int, int]]:
    """One narrow cell's ink, cropped close and made black on white, and the crop's corner in the
    cell image: alone in white space a short number is read as a stroke ("7" as "/4")."""
    ys, xs = np.nonzero(image < INK)
    if ys.size == 0:
        return image, (0, 0)
    pad = RULE_PAD * 10
    top, left = max(0, int(ys.min()) - pad), max(0, int(xs.min()) - pad)
    crop = image[top:int(ys.max()) + pad, left:int(xs.max()) + pad]
    return np.where(crop < INK, 0, 255).astype(np.uint8), (left, top)


def as_row_number(text: str) -> str:
    """A row number as OCR reads it in a narrow column, put right where it can only be a Roman
    numeral: "H" or "U" → "II", "Ill" → "III", "|" → "I" (serif I's read as H, U, l and bars)."""
    candidate = text.replace("H", "II").replace("U", "II").replace("|", "I").replace("l", "I")
    if candidate != text and roman_value(candidate.rstrip(".")) is not None:
        return candidate
    return text


def group_image(scanned: ScannedTables, table: RuledTable, group: list[tuple[int, int]],
                dpi: int) -> tuple[np.ndarray, tuple[int, int]]:
    """The cells of one group on white, rules erased, cropped to them; and the crop's corner (pixels)."""
    px = dpi / 72.0
    boxes = [table.rows[r][c] for r, c in group]
    left, top = int(min(b[0] for b in boxes) * px), int(min(b[1] for b in boxes) * px)
    right, bottom = int(max(b[2] for b in boxes) * px) + 1, int(max(b[3] for b in boxes) * px) + 1
    out = np.full((bottom - top, right - left), 255, dtype=np.uint8)
    for box in boxes:
        x0, y0, x1, y1 = (int(v * px) for v in box)
        out[y0 - top:y1 - top, x0 - left:x1 - left] = scanned.grey[y0:y1, x0:x1]
    out[scanned.rules[top:bottom, left:right]] = 255
    return out, (left, top)


def outside_image(scanned: ScannedTables, dpi: int) -> np.ndarray:
    """The upright page with its tables whited out: the text around them, read as a page."""
    px = dpi / 72.0
    out = scanned.grey.copy()
    for table in scanned.tables:
        x0, y0, x1, y1 = (int(v * px) for v in table.bbox)
        out[max(0, y0 - RULE_PAD):y1 + RULE_PAD + 1, max(0, x0 - RULE_PAD):x1 + RULE_PAD + 1] = 255
    return out
