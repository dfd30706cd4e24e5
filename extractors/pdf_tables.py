"""Ruled task tables in PDFs: cells from the page's rules.

Ruled task tables ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian")
come out as DOCX gives them: one line per cell, row by row, each a ``hard_break``,
the first cell of a row after a ``blank_before``. Only pages that draw rules pay for
it: the rules become pdfplumber edges, pdfplumber's table finder turns them into
cells, and the page's words are put into those cells. A ruled table whose header
has no task and lead columns (a list of figures, a form) keeps the plain layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.extractors.pdf_layout import WordPage, group_rows, is_bold, page_lines
from kehoach.schemas.layout import Line

RULE_MIN_LENGTH = 3.0  # points: a shorter rule (a dot, a thin rectangle's end) is no table edge
RULE_TOLERANCE = 3.0  # points: rules this close snap, join and intersect (pdfplumber's defaults)
RULE_MAX_THICKNESS = 2.0  # points: a filled shape thicker than this both ways is shading, not a rule
RULE_SLANT = 0.5  # points: a segment further than this off the axis is no rule
MIN_TABLE_RULES = (3, 2)  # horizontal, vertical rules a page needs before cells are looked for
COLUMN_MATCH = 2.0  # points: a table on the next page continues one whose column bounds match this closely
ROW_TOLERANCE = 1.0  # points: cells whose tops differ by less share a row
MAX_FORM_DEPTH = 4  # nested form XObjects followed when collecting rules


@dataclass(slots=True)
class RuledTable:
    """A table found from rules: its box and its cells (x0, top, x1, bottom) grouped into rows."""

    bbox: tuple[float, float, float, float]
    rows: list[list[tuple[float, float, float, float]]]

    @property
    def bounds(self) -> list[float]:
        """The x positions of its column rules, left to right."""
        xs: list[float] = []
        for x in sorted({x for row in self.rows for c in row for x in (c[0], c[2])}):
            if not xs or x - xs[-1] > COLUMN_MATCH:
                xs.append(x)
        return xs


@dataclass(slots=True)
class TableState:
    """What a page's tables need from the previous page: the task table that may continue."""

    previous: RuledTable | None = None
    header: list[str] | None = None
    column_match: float = COLUMN_MATCH  # a scan's columns wander more than a native page's

    def may_hold_table(self, words: list[dict]) -> bool:
        """Whether a page's rules are worth reading: a task table may go on from the previous
        page, or the page names a lead column ("chủ trì", "Cơ quan thực hiện"). Pages of
        highlighted or boxed text without such a header skip the table finder."""
        if self.previous is not None:
            return True
        from kehoach.extractors.table_header import names_lead_column

        return names_lead_column(" ".join(w["text"] for w in words))


def rule_edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    """A rule as a pdfplumber edge (top-left space, points), whoever found it: a PDF's paths or a scan's ink."""
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}


def _segment_edge(ax: float, ay: float, bx: float, by: float, height: float) -> dict | None:
    """A straight segment in PDF space → a horizontal or vertical edge (top-left space), or None."""
    if abs(ay - by) <= RULE_SLANT and abs(ax - bx) >= RULE_MIN_LENGTH:
        top = height - (ay + by) / 2
        return rule_edge(min(ax, bx), top, max(ax, bx), top, "h")
    if abs(ax - bx) <= RULE_SLANT and abs(ay - by) >= RULE_MIN_LENGTH:
        x = (ax + bx) / 2
        return rule_edge(x, height - max(ay, by), x, height - min(ay, by), "v")
    return None


def draws_paths(page) -> bool:
    """Whether a PDFium page has path (or form) objects at all: the cheap test before any rule is read."""
    import pypdfium2.raw as pdfium_c

    raw = page.raw
    wanted = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM)
    return any(pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, k)) in wanted
               for k in range(pdfium_c.FPDFPage_CountObjects(raw)))


def pdfium_edges(page, height: float) -> list[dict]:
    """The axis-parallel rules a PDFium page draws (lines and rectangle sides), as pdfplumber edges."""
    import pypdfium2.raw as pdfium_c

    raw = page.raw
    objects = [pdfium_c.FPDFPage_GetObject(raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(raw))]
    kinds = [pdfium_c.FPDFPageObj_GetType(o) for o in objects]
    edges: list[dict] = []
    _collect_edges(objects, kinds, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), height, edges, 0)
    return edges


def _collect_edges(objects, kinds, outer: tuple, height: float, edges: list[dict], depth: int) -> None:
    import ctypes

    import pypdfium2.raw as pdfium_c

    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj, kind in zip(objects, kinds):
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < MAX_FORM_DEPTH:
                inner = [pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
                _collect_edges(inner, [pdfium_c.FPDFPageObj_GetType(o) for o in inner], m, height, edges, depth + 1)
            continue
        if _is_shading(obj):
            continue
        start = current = None
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                continue
            point = (m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
            kind_of = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind_of == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                edge = _segment_edge(*current, *point, height)
                if edge:
                    edges.append(edge)
            if kind_of == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            current = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                edge = _segment_edge(*current, *start, height)
                if edge:
                    edges.append(edge)
                current = start


def _is_shading(obj) -> bool:
    """A filled, unstroked path thicker than a rule both ways: a highlight or a cell's shading."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) or stroke.value \
            or not fill.value:
        return False
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return False
    return right.value - left.value > RULE_MAX_THICKNESS and top.value - bottom.value > RULE_MAX_THICKNESS


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying ``inner`` then ``outer`` (PDF's a b c d e f order)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


def plumber_edges(page) -> list[dict]:
    """A pdfplumber page's rules (lines and rectangle sides, shading left out) as edges."""
    from pdfplumber.utils import obj_to_edges

    shapes = list(page.lines) + [r for r in page.rects if r.get("stroke") or not r.get("fill")
                                 or min(r["width"], r["height"]) <= RULE_MAX_THICKNESS]
    return [rule_edge(e["x0"], e["top"], e["x1"], e["bottom"], e["orientation"]) for shape in shapes
            for e in obj_to_edges(shape) if e.get("orientation") in ("h", "v")]


def find_ruled_tables(edges: list[dict]) -> list[RuledTable]:
    """Tables drawn with rules: pdfplumber's edge → intersection → cell → table steps.

    :param edges: pdfplumber-style edge dicts (``x0``, ``x1``, ``top``, ``bottom``, ``orientation``)
    """
    if sum(e["orientation"] == "h" for e in edges) < MIN_TABLE_RULES[0] \
            or sum(e["orientation"] == "v" for e in edges) < MIN_TABLE_RULES[1]:
        return []
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    merged = filter_edges(merge_edges(edges, RULE_TOLERANCE, RULE_TOLERANCE, RULE_TOLERANCE, RULE_TOLERANCE),
                          min_length=RULE_MIN_LENGTH)
    cells = intersections_to_cells(edges_to_intersections(merged, RULE_TOLERANCE, RULE_TOLERANCE))
    out = []
    for group in cells_to_tables(cells):
        rows: list[list[tuple]] = []
        for cell in sorted(group, key=lambda c: (c[1], c[0])):
            if rows and abs(rows[-1][0][1] - cell[1]) <= ROW_TOLERANCE:
                rows[-1].append(cell)
            else:
                rows.append([cell])
        bbox = (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group),
                max(c[3] for c in group))
        out.append(RuledTable(bbox=bbox, rows=rows))
    return out


def _inside(box: tuple, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _is_task_header(texts: list[str]) -> bool:
    """Header cells naming a task column and a lead column (tables.py's column roles)."""
    from kehoach.extractors.table_header import column_role

    roles = {column_role(t) for t in texts}
    return "task" in roles and "lead" in roles and bool({"support", "deadline"} & roles)


def _same_header(texts: list[str], previous: list[str] | None) -> bool:
    """The header of the previous page's task table repeated: the same columns, none in another role
    (a scan reads the same words a little differently on each page, a role word may be misread)."""
    from kehoach.extractors.table_header import column_role

    if previous is None or len(texts) != len(previous):
        return False
    unread = (None, "other")  # a title read too badly to name its role conflicts with none
    pairs = [(column_role(a), column_role(b)) for a, b in zip(texts, previous)]
    agreed = {a for a, b in pairs if a not in unread and a == b}
    # the task and lead titles must be read again in their places: a first row of data has neither
    return texts == previous or ({"task", "lead"} <= agreed
                                 and all(a == b or a in unread or b in unread for a, b in pairs))


def _continues(table: RuledTable, previous: RuledTable | None, tolerance: float = COLUMN_MATCH) -> bool:
    """A table at the top of a page whose columns are those of the previous page's task table:
    as many columns, each as wide (a page may sit further left or right on the glass)."""
    if previous is None:
        return False
    ours, theirs = table.bounds, previous.bounds
    return len(ours) == len(theirs) and all(abs((a1 - a0) - (b1 - b0)) <= tolerance
                                            for a0, a1, b0, b1 in zip(ours, ours[1:], theirs, theirs[1:]))


def _cell_line(words: list[dict], box: tuple, page_no: int, width: float, first: bool) -> Line:
    from kehoach.extractors.normalize import join_wrapped

    rows = group_rows(words)
    text = join_wrapped(" ".join(w["text"] for w in row) for row in rows)
    bold_chars = sum(len(w["text"]) for w in words if is_bold(w.get("fontname", "")))
    return Line(text=text, page=page_no, x0=box[0], x1=box[2], top=box[1],
                size=max(float(w.get("size") or 0) for w in words), bold=bold_chars * 2 > len(text.replace(" ", "")),
                page_width=width, blank_before=first, hard_break=True)


def table_page_lines(words: list[dict], tables: list[RuledTable], width: float, height: float,
                      page_no: int, state: TableState) -> list[Line]:
    """A page with ruled tables: each task table's cells as lines, the other words laid out as usual."""
    filled = [[[[] for _ in row] for row in table.rows] for table in tables]  # table → row → cell → words
    outside: list[dict] = []
    for word in words:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        spot = next(((t, r, c) for t, table in enumerate(tables) if _inside(table.bbox, x, y)
                     for r, row in enumerate(table.rows) for c, box in enumerate(row) if _inside(box, x, y)), None)
        if spot is None:
            outside.append(word)
        else:
            filled[spot[0]][spot[1]][spot[2]].append(word)
    blocks: list[tuple[float, list[Line]]] = []
    for table, rows in zip(tables, filled):
        header = [" ".join(w["text"] for r in group_rows(cell) for w in r) for cell in rows[0] if cell]
        start = 0
        if _same_header(header, state.header) and _continues(table, state.previous, state.column_match):
            start = 1  # the header repeated on the next page: the table reads on
        elif _is_task_header(header):
            state.header = header
        elif not _continues(table, state.previous, state.column_match):
            outside.extend(w for row in rows for cell in row for w in cell)  # not a task table: plain layout
            continue
        state.previous = table
        lines: list[Line] = []
        for r in range(start, len(rows)):
            first = True
            for box, cell in zip(table.rows[r], rows[r]):
                if cell:
                    lines.append(_cell_line(cell, box, page_no, width, first))
                    first = False
        blocks.append((table.bbox[1], lines))
    if not blocks:
        state.previous = None
    page = list(page_lines(WordPage(outside, width, height), page_no))
    out: list[Line] = []
    blocks.sort(key=lambda b: b[0])
    for line in page:
        while blocks and line.top is not None and line.top >= blocks[0][0] and line.column is None:
            out.extend(blocks.pop(0)[1])
        out.append(line)
    for _, lines in blocks:
        out.extend(lines)
    return out
