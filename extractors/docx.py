"""DOCX reader (python-docx): body paragraphs and tables in document order → lines.

- A paragraph is one line (a soft line break inside it starts another line of the
  same paragraph); ``bold`` when every run with text is bold (direct, character
  style or paragraph style), ``blank_before`` after an empty paragraph or a table.
- Automatic numbering (``w:numPr`` on the paragraph or its style) is not in the
  text: the marker is rebuilt from ``numbering.xml`` ("1. ", "a) ", "II. ", "- ")
  with counters per list instance and level, deeper levels reset by a shallower one.
  Word's lowerLetter runs a, b, c, d, e: no "đ", as the reader sees it.
- The two-column header table (issuer, "Số:" | motto, "<place>, ngày …") and the
  signature table (Nơi nhận | signer) give all left-cell lines (``column="left"``),
  then all right-cell lines (``column="right"``); any other table is read row by
  row, one line per cell, a merged cell once.
"""

from __future__ import annotations

import io
import re
import zipfile

from kehoach.extractors.markers import to_roman
from kehoach.schemas.layout import Line


class DocxReadError(ValueError):
    """The bytes are not a readable DOCX file."""


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # a DOCX expanding past this is a zip bomb, not a plan
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, or a password-protected DOCX

# Two-column bands: header (issuer and number | motto, place and date) and signature.
HEADER_LEFT_RE = re.compile(r"^\s*Số\s*:|ỦY BAN|UỶ BAN|HỘI ĐỒNG|BỘ\b|SỞ\b|BAN\b|ĐẢNG", re.IGNORECASE)
HEADER_RIGHT_RE = re.compile(r"CỘNG\s+HÒA|CỘNG\s+HOÀ|Độc\s+lập|ngày\s+(?:\d|\.|…|tháng)", re.IGNORECASE)
SIGNATURE_LEFT_RE = re.compile(r"^\s*Nơi\s+nhận", re.IGNORECASE)
NUMBER_LINE_RE = re.compile(r"^\s*Số\s*[:.]", re.IGNORECASE)


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _val(el, tag: str) -> str | None:
    child = el.find(_w(tag)) if el is not None else None
    return child.get(_w("val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# --- numbering -----------------------------------------------------------------


def _letters(n: int) -> str:
    """1 → a … 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats (unknown formats as decimal)."""
    if n < 1 and fmt not in ("decimal", "decimalZero"):
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Markers for numbered paragraphs, counted in document order."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, dict]] = {}  # numId → ilvl → {fmt, text, start}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self._styles = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        try:
            styles_root = document.styles.element
            self._styles = {s.get(_w("styleId")): s for s in styles_root.findall(_w("style"))}
        except (KeyError, AttributeError):
            self._styles = {}
        if root is None:
            return
        abstract: dict[str, dict[int, dict]] = {}
        for an in root.findall(_w("abstractNum")):
            abstract[an.get(_w("abstractNumId"))] = {
                _int(lvl.get(_w("ilvl")), 0): self._level(lvl) for lvl in an.findall(_w("lvl"))
            }
        for num in root.findall(_w("num")):
            levels = {k: dict(v) for k, v in abstract.get(_val(num, "abstractNumId"), {}).items()}
            for override in num.findall(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), 0)
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
                start = _val(override, "startOverride")
                if start is not None:
                    levels.setdefault(ilvl, {"fmt": "decimal", "text": f"%{ilvl + 1}.", "start": 1})
                    levels[ilvl]["start"] = _int(start, 1)
            self.levels[num.get(_w("numId"))] = levels

    @staticmethod
    def _level(lvl) -> dict:
        return {"fmt": _val(lvl, "numFmt") or "decimal", "text": _val(lvl, "lvlText") or "",
                "start": _int(_val(lvl, "start"), 1), "lgl": lvl.find(_w("isLgl")) is not None}

    def _num_pr(self, p) -> tuple[str | None, int | None]:
        """(numId, ilvl) from the paragraph, else from its style chain."""
        ppr = p.find(_w("pPr"))
        num_id, ilvl = None, None
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        style_id = _val(ppr, "pStyle") if ppr is not None else None
        seen = set()
        while (num_id is None or ilvl is None) and style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            spr = style.find(_w("pPr"))
            snum = spr.find(_w("numPr")) if spr is not None else None
            if snum is not None:
                num_id = num_id if num_id is not None else _val(snum, "numId")
                ilvl = ilvl if ilvl is not None else _val(snum, "ilvl")
            style_id = _val(style, "basedOn")
        return num_id, _int(ilvl, 0)

    def marker(self, p) -> str:
        """The marker Word draws before paragraph ``p`` ("" when not numbered); counts it."""
        num_id, ilvl = self._num_pr(p)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        level = levels.get(ilvl)
        if level is None:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level["start"]
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if level["fmt"] == "bullet":
            return "- "

        def fill(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k, {"fmt": "decimal", "start": 1})
            n = counts.get(k, lvl["start"])
            return format_number(n, "decimal" if level.get("lgl") and k != ilvl else lvl["fmt"])

        text = re.sub(r"%([1-9])", fill, level["text"]).strip()
        return f"{text} " if text else ""


# --- paragraphs ------------------------------------------------------------------

_SKIP = {"del", "moveFrom", "txbxContent", "instrText", "delText", "rPr", "pPr"}


def _runs_text(el, out: list[str], runs: list) -> None:
    """Visible text of a paragraph: runs, hyperlinks, insertions, fields' results."""
    for child in el:
        tag = _local(child)
        if tag in _SKIP:
            continue
        if tag == "t":
            out.append(child.text or "")
        elif tag in ("tab", "ptab"):
            out.append("\t")
        elif tag in ("br", "cr"):
            out.append("\n")
        elif tag == "noBreakHyphen":
            out.append("-")
        elif tag == "sym":
            out.append("")
        else:
            if tag == "r":
                runs.append(child)
            _runs_text(child, out, runs)


def _style_bold(styles: dict, style_id: str | None) -> bool:
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            return False
        b = style.find(f"{_w('rPr')}/{_w('b')}")
        if b is not None:
            return b.get(_w("val"), "true").lower() not in ("0", "false", "off")
        style_id = _val(style, "basedOn")
    return False


def _run_bold(r, styles: dict, para_style: str | None) -> bool:
    rpr = r.find(_w("rPr"))
    b = rpr.find(_w("b")) if rpr is not None else None
    if b is not None:
        return b.get(_w("val"), "true").lower() not in ("0", "false", "off")
    char_style = _val(rpr, "rStyle") if rpr is not None else None
    if char_style and _style_bold(styles, char_style):
        return True
    return _style_bold(styles, para_style or "Normal")


class _Reader:
    def __init__(self, document):
        self.document = document
        self.numbering = _Numbering(document)
        self.styles = self.numbering._styles

    def paragraph(self, p) -> tuple[str, bool]:
        """(text with its numbering marker, bold) of one ``w:p``."""
        parts: list[str] = []
        runs: list = []
        _runs_text(p, parts, runs)
        text = "".join(parts)
        marker = self.numbering.marker(p)
        if not text.strip():
            return "", False
        ppr = p.find(_w("pPr"))
        para_style = _val(ppr, "pStyle") if ppr is not None else None
        texty = [r for r in runs if "".join(t.text or "" for t in r.iter(_w("t"))).strip()]
        bold = bool(texty) and all(_run_bold(r, self.styles, para_style) for r in texty)
        return marker + text.lstrip(), bold

    def cell_paragraphs(self, tc) -> list[tuple[str, bool]]:
        """A table cell's paragraphs (nested tables flattened cell by cell)."""
        out: list[tuple[str, bool]] = []
        for child in _blocks(tc):
            if _local(child) == "p":
                text, bold = self.paragraph(child)
                out.extend((part, bold) for part in text.split("\n") if part.strip())
            else:
                for row in _rows(child):
                    for inner in row:
                        out.extend(self.cell_paragraphs(inner))
        return out


def _blocks(container):
    """Paragraphs and tables of a body or cell, in order (content controls opened)."""
    for child in container:
        tag = _local(child)
        if tag in ("p", "tbl"):
            yield child
        elif tag == "sdt":
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif tag in ("customXml", "ins", "smartTag"):
            yield from _blocks(child)


def _children(el, tag: str):
    """Direct children named ``tag``, looking through content controls and custom XML."""
    for child in el:
        name = _local(child)
        if name == tag:
            yield child
        elif name == "sdt":
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _children(content, tag)
        elif name == "customXml":
            yield from _children(child, tag)


def _rows(tbl) -> list[list]:
    """Rows of ``w:tc`` elements, a merged cell once: a vertical merge's continuation cells
    are dropped (the first cell carries the text); a horizontal merge is one ``w:tc``."""
    rows = []
    for tr in _children(tbl, "tr"):
        cells = []
        for tc in _children(tr, "tc"):
            tcpr = tc.find(_w("tcPr"))
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            if vmerge is not None and vmerge.get(_w("val"), "continue") == "continue":
                continue
            cells.append(tc)
        rows.append(cells)
    return rows


def _two_column_kind(reader: _Reader, rows: list[list]) -> str | None:
    """"header" / "signature" for a two-column band table, else None."""
    if not rows or any(len(row) > 2 for row in rows) or max(len(row) for row in rows) != 2:
        return None
    left = " ".join(t for row in rows if row for t, _ in reader.cell_paragraphs(row[0]))
    right = " ".join(t for row in rows if len(row) > 1 for t, _ in reader.cell_paragraphs(row[1]))
    if SIGNATURE_LEFT_RE.search(left) or any(SIGNATURE_LEFT_RE.match(t) for row in rows if row
                                             for t, _ in reader.cell_paragraphs(row[0])):
        return "signature"
    if HEADER_RIGHT_RE.search(right) and (HEADER_LEFT_RE.search(left) or NUMBER_LINE_RE.search(left)):
        return "header"
    return None


def _iter_lines(document):
    """(text, bold, column, blank_before) per line, in reading order."""
    reader = _Reader(document)
    blank = False
    for block in _blocks(document.element.body):
        if _local(block) == "p":
            text, bold = reader.paragraph(block)
            if not text.strip():
                blank = True
                continue
            for k, part in enumerate(text.split("\n")):
                if part.strip():
                    yield part, bold, None, blank and k == 0
            blank = False
            continue
        rows = _rows(block)
        kind = _two_column_kind(reader, rows)
        if kind:
            for index, column in ((0, "left"), (1, "right")):
                first = True
                for row in rows:
                    if len(row) > index:
                        for text, bold in reader.cell_paragraphs(row[index]):
                            yield text, bold, column, first
                            first = False
        else:
            for row in rows:
                first = True
                for tc in row:
                    cell = reader.cell_paragraphs(tc)
                    if not cell:
                        continue
                    text = " ".join(t.strip() for t, _ in cell)
                    yield text, all(b for _, b in cell), None, first or blank
                    first = blank = False
        blank = True


def extract_lines(data: bytes) -> list[Line]:
    """Paragraphs and table cells as lines, in reading order; ``DocxReadError`` if unreadable."""
    import docx

    if data[:8] == OLE_MAGIC:
        raise DocxReadError("not a DOCX file (an OLE container: legacy .doc or password-protected)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxReadError("not a DOCX file (not a zip container)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocxReadError(f"damaged DOCX ({type(exc).__name__})") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocxReadError(f"DOCX expands to {unpacked // (1024 * 1024)} MB, over the "
                            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB limit")
    if "[Content_Types].xml" not in names:
        raise DocxReadError("not a DOCX file (a zip without [Content_Types].xml)")
    try:
        document = docx.Document(io.BytesIO(data))
        rows = list(_iter_lines(document))
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds on damaged parts
        reason = (str(exc).strip().splitlines() or [""])[0][:120]
        raise DocxReadError(f"damaged DOCX ({type(exc).__name__}{': ' + reason if reason else ''})") from None
    # Word already knows its paragraphs: the joiner must not guess them again.
    return [Line(text=text, line_no=k, bold=bold, column=column, blank_before=blank, hard_break=True)
            for k, (text, bold, column, blank) in enumerate(rows)]
