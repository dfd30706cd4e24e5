"""Page layout: word boxes → ``Line`` records in reading order.

Lines are built from words grouped by baseline. Official documents put two
columns side by side in the header (issuer and number | national motto, place
and date) and at the end (Nơi nhận | signature). pdfplumber's default text
merges such columns line by line; here a run of lines split by a wide gap is
emitted as its left cell, then its right cell. Native pages (either engine) and
OCR'd pages share this logic through word dicts (``text``, ``x0``, ``x1``,
``top``, ``bottom``, ``size``, ``fontname``).
"""

from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kehoach.extractors import lexicon
from kehoach.extractors.normalize import parse_page_number
from kehoach.schemas.layout import Line

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less share a line
COLUMN_GAP = 28.0  # points: a gap this wide between words splits a line into cells
HEADER_BAND = 0.40  # share of page 1's height in which a split band is the header
BAND_LINE_GAP = 2.0  # font sizes from one line's top to the next's, at most, inside a column of a band
SUPERSCRIPT_RATIO = 0.8  # a digit set this much smaller than its line is a footnote reference
FOOTNOTE_RATIO = 0.9  # page-foot lines in type this much smaller than the page's text are footnotes
_FOOTNOTE_START_RE = re.compile(r"^(\d{1,3})\s+(?=\S)")
PAGE_MARGIN_BAND = 0.09  # share of the page height at top and bottom where page numbers sit

@dataclass(slots=True)
class _Cell:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    bold: bool


def is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or name.endswith((",b", "-b")) or "black" in name or "heavy" in name


def _is_page_number(text: str) -> bool:
    return parse_page_number(text) is not None


def group_rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def _mark_footnote_refs(row: list[dict]) -> list[dict]:
    """A footnote reference set small after a word ("…/QH15¹") becomes "[1]", the form
    plain-text copies use, so the footnote's text can find its node."""
    largest = max(float(w.get("size") or 0) for w in row)
    return [{**w, "text": f"[{w['text']}]"} if w["text"].isdigit() and len(w["text"]) <= 3 and k > 0
            and float(w.get("size") or largest) < SUPERSCRIPT_RATIO * largest else w
            for k, w in enumerate(row)]


def _row_cells(row: list[dict]) -> list[_Cell]:
    row = _mark_footnote_refs(row)
    cells: list[list[dict]] = [[row[0]]]
    for word in row[1:]:
        if word["x0"] - cells[-1][-1]["x1"] > COLUMN_GAP:
            cells.append([word])
        else:
            cells[-1].append(word)
    out = []
    for group in cells:
        bold_chars = sum(len(w["text"]) for w in group if is_bold(w.get("fontname", "")))
        total = sum(len(w["text"]) for w in group)
        out.append(
            _Cell(
                text=" ".join(w["text"] for w in group),
                x0=group[0]["x0"],
                x1=group[-1]["x1"],
                top=min(w["top"] for w in group),
                size=max(float(w.get("size") or 0) for w in group),
                bold=bold_chars * 2 > total,
            )
        )
    return out


_ADDRESSEE_RE = re.compile(r"^Kính\s+gửi\b")
_SIDE_BY_SIDE = "|".join(p.caps for p in lexicon.positions() if p.signs_beside_others)
# Cells whose text marks the closing band: recipients beside the signature, signers side by side
# ("THƯ KÝ" beside "CHỦ TỌA" in minutes).
_BAND_TEXT_RE = re.compile(rf"^(Nơi nhận|TM\.|T/M|KT\.|TL\.|TUQ\.|Q\.\s|{_SIDE_BY_SIDE})", re.IGNORECASE)


def _row_kind(cells: list[_Cell], width: float) -> str:
    """ "split" (cells in both halves), "left", "right" (a column's lone cell) or "full"."""
    centers = [(c.x0 + c.x1) / 2 for c in cells]
    lefts = [c for c, m in zip(cells, centers) if m < width * 0.5]
    rights = [c for c, m in zip(cells, centers) if m >= width * 0.5]
    if lefts and rights:
        if max(c.x1 for c in lefts) < width * 0.62 and min(c.x0 for c in rights) > width * 0.38:
            return "split"
        return "full"
    if lefts and max(c.x1 for c in lefts) < width * 0.6 and (cells[0].x0 + cells[-1].x1) / 2 < width * 0.42:
        return "left"
    if rights and min(c.x0 for c in rights) > width * 0.4 and (cells[0].x0 + cells[-1].x1) / 2 > width * 0.58:
        return "right"
    return "full"


def _is_band(rows: list[list[_Cell]], kinds: list[str], page_no: int, height: float) -> bool:
    """A run of half-width rows is a two-column band only in the header of page 1 or
    around Nơi nhận / the signature; elsewhere (tables) rows keep their order."""
    if len(rows) < 2 or not ({"split", "right"} & set(kinds)) or not ({"split", "left"} & set(kinds)):
        return False
    if page_no == 1 and rows[0][0].top < height * HEADER_BAND:
        return True
    return any(_BAND_TEXT_RE.match(c.text) for row in rows for c in row)


def page_lines(page, page_no: int) -> Iterator[Line]:
    width, height = float(page.width), float(page.height)
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    rows = [_row_cells(r) for r in group_rows(words)]
    rows = [r for r in rows if not (len(r) == 1 and _is_page_number(r[0].text) and (
        r[0].top < height * PAGE_MARGIN_BAND or r[0].top > height * (1 - PAGE_MARGIN_BAND)))]
    kinds = [_row_kind(r, width) for r in rows]
    for k in range(1, len(rows)):
        # A short line under a right-column cell (addressees, a wrapped date) stays in that
        # column even when its centre falls left of the column's.
        # A line set apart by a wider gap (the type word under the date) is no such line.
        if kinds[k] == "full" and kinds[k - 1] in ("split", "right") and len(rows[k]) == 1 \
                and rows[k][0].x0 > width * 0.4 \
                and rows[k][0].top - max(c.top for c in rows[k - 1]) <= BAND_LINE_GAP * rows[k][0].size:
            kinds[k] = "right"
    i = 0
    prev_bottom = None
    while i < len(rows):
        j = i
        # "Kính gửi:" beside its addressees starts a band of its own: the header band ends there.
        while j < len(rows) and kinds[j] != "full" and not (j > i and _ADDRESSEE_RE.match(rows[j][0].text)):
            j += 1
        if j > i and _is_band(rows[i:j], kinds[i:j], page_no, height):
            cells = [c for r in rows[i:j] for c in r]
            lefts = [c for c in cells if (c.x0 + c.x1) / 2 < width * 0.5]
            rights = [c for c in cells if (c.x0 + c.x1) / 2 >= width * 0.5]
            for column, group in (("left", lefts), ("right", rights)):
                for k, cell in enumerate(group):
                    yield Line(
                        text=cell.text, page=page_no, x0=cell.x0, x1=cell.x1, top=cell.top, size=cell.size,
                        bold=cell.bold, column=column, page_width=width, blank_before=k == 0,
                    )
            prev_bottom = max(c.top + c.size for c in cells)
            i = j
            continue
        for row in rows[i:max(j, i + 1)]:
            top = min(c.top for c in row)
            size = max(c.size for c in row)
            gap = None if prev_bottom is None else top - prev_bottom
            yield Line(
                text=" ".join(c.text for c in row), page=page_no, x0=row[0].x0, x1=row[-1].x1, top=top,
                size=size, bold=all(c.bold for c in row), page_width=width,
                blank_before=gap is not None and gap > size * 1.1,
            )
            prev_bottom = top + size
        i = max(j, i + 1)


class WordPage:
    """A page-like object over ready-made word dicts (OCR output), for ``page_lines``."""

    def __init__(self, words: list[dict], width: float, height: float):
        self.words, self.width, self.height = words, width, height

    def extract_words(self, **_kwargs) -> list[dict]:
        return self.words


def words_to_lines(words: list[dict], width: float, height: float, page_no: int) -> list[Line]:
    """Word dicts (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``, ``fontname``) → lines,
    with the same row, column and band logic as a native page."""
    return list(page_lines(WordPage(words, width, height), page_no))

def move_footnotes(lines: list[Line]) -> list[Line]:
    """Footnotes at a page foot (small type, starting with their number) leave the running
    text, where they would split a paragraph across the page break, and follow the whole
    document as "[n] …" paragraphs, the way plain-text copies gather them."""
    body: list[Line] = []
    notes: list[Line] = []
    # The running text's size: the one most characters of the document are set in.
    weight: collections.Counter = collections.Counter()
    for line in lines:
        if line.size:
            weight[round(line.size, 1)] += len(line.text)
    if not weight:
        return list(lines)
    text_size = weight.most_common(1)[0][0]
    for _page, group in itertools.groupby(lines, key=lambda line: line.page):
        group = list(group)
        k = len(group)
        while k > 0 and group[k - 1].size and group[k - 1].size < FOOTNOTE_RATIO * text_size \
                and group[k - 1].column is None:
            k -= 1
        start = next((j for j in range(k, len(group)) if _FOOTNOTE_START_RE.match(group[j].text)), None)
        if start is None:
            body.extend(group)
            continue
        body.extend(group[:start])
        for line in group[start:]:
            number = _FOOTNOTE_START_RE.match(line.text)
            if number:
                line = line.with_text(f"[{number.group(1)}] {line.text[number.end():]}")
                line.hard_break = True
            notes.append(line)
    return body + notes
