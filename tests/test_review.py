"""kehoach review: the Gia Viên sample's page shows every citation highlighted and the section III table."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import api, review
from kehoach.pipeline.cli import app
from kehoach.schemas.models import Citation, Node, PlanDocument, Source

GIA_VIEN = Path(__file__).resolve().parent.parent / "samples" / "pdf" / "gia-vien-ke-hoach-dan-van-2025.pdf"


class Page(HTMLParser):
    """What a test needs from the page: span labels with their colour, table rows, details ids, tags."""

    def __init__(self):
        super().__init__()
        self.labels: list[tuple[str, str]] = []  # (colour, label text)
        self.tables: dict[str, list[list[str]]] = {}
        self.details: list[str] = []
        self.tags: Counter = Counter()
        self._label: str | None = None
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] += 1
        if tag == "span" and attrs.get("class") == "kh-label":
            self._label, self._text = attrs["data-bg"], ""
        elif tag == "table":
            self._table = attrs.get("class")
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "details":
            self.details.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if tag == "span" and self._label is not None:
            self.labels.append((self._label, self._text.strip()))
            self._label = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._label is not None:
            self._text += data
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def plan() -> PlanDocument:
    return api.extract(GIA_VIEN)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("review") / "report.html"
    result = CliRunner().invoke(app, ["review", str(GIA_VIEN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(report) -> Page:
    parsed = Page()
    parsed.feed(report)
    return parsed


def test_every_citation_highlighted(page, plan):
    cited = [label for colour, label in page.labels if colour == review.CITATION_COLOR]
    assert Counter(cited) == Counter(c.ref for c in plan.citations)
    assert len(set(cited)) == 18  # the plan cites 18 distinct documents
    assert {"33/CT-TTg", "3177/QĐ-UBND", "178/2024/NĐ-CP", "57-NQ/TW", "18-CT/TW"} <= set(cited)


def test_units_highlighted_in_their_colour(page):
    units = [label for colour, label in page.labels if colour == review.UNIT_COLOR]
    assert units and set(units) == {review.UNIT_LABEL}


def test_cited_documents_table(page):
    rows = page.tables["citations"][1:]
    assert len(rows) == 18
    first = rows[0]
    assert first[0] == "33/CT-TTg" and first[1] == "Chỉ thị" and first[2] == "26/11/2021"


# Section III "Tổ chức thực hiện" as the sample states it (unit, role, node).
SECTION_III = [
    ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "chủ trì", "III.2"),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", "chủ trì", "III.3"),
    ("Trung tâm sự nghiệp công", "chủ trì", "III.4"),
    ("các phòng chuyên môn", "phối hợp", "III.4"),
    ("Ban Xây dựng đảng Đảng ủy", "chủ trì", "III.5"),
    ("Đảng ủy UBND phường", "phối hợp", "III.5"),
]


def test_section_iii_assignment_table(page, plan):
    rows = page.tables["assignments"]
    assert rows[0][:3] == ["Đơn vị — unit", "Vai trò — role", "Mục — node"]
    body = [tuple(r[:3]) for r in rows[1:]]
    assert len(body) == len(plan.assignments)
    for expected in SECTION_III:
        assert expected in body
    section_iii = [r for r in body if r[2].startswith("III.")]
    assert [r[2] for r in section_iii] == sorted((r[2] for r in section_iii), key=lambda n: int(n.split(".")[1]))


def test_tree_is_collapsible_and_nested(report, page, plan):
    assert len(page.details) == len(plan.nodes)
    assert "node-II-1" in page.details and "node-III-4" in page.details
    # II.1 sits inside II: its <details> opens after II's and before II's closes.
    ii, ii1, iii = (report.index(f'id="node-{n}"') for n in ("II", "II-1", "III"))
    assert ii < ii1 < iii


def test_self_contained(report, page):
    assert page.tags["script"] == 0 and page.tags["link"] == 0 and page.tags["img"] == 0
    assert not re.search(r"(?:src|href)\s*=\s*[\"'](?:https?:)?//", report)
    assert "@import" not in report and "url(" not in report
    assert page.tags["style"] == 1


def test_warnings_shown():
    plan = PlanDocument(
        source=Source(path="scan.pdf", sha256="0" * 64, format="pdf", pages=2, text_source="ocr",
                      warnings=["trang 2: đọc bằng OCR", "dòng 14 không phân tích được"]),
        nodes=[Node(id="I", kind="section", heading="NHIỆM VỤ", text="Thực hiện Chỉ thị số 33/CT-TTg."),
               Node(id="I.1", parent="I", kind="item", text="Chủ trì triển khai.", task=True)],
        citations=[Citation(node="I", text="Chỉ thị số 33/CT-TTg", start=10, end=30, ref="33/CT-TTg")],
    )
    html = review.render_report(plan)
    for text in ("trang 2: đọc bằng OCR", "dòng 14 không phân tích được", "Chữ đọc bằng ocr",
                 "Không tìm thấy số, ký hiệu"):
        assert text in html
    parsed = Page()
    parsed.feed(html)
    assert [label for _, label in parsed.labels] == ["33/CT-TTg"]


def test_review_missing_file_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["review", str(tmp_path / "none.pdf"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert not (tmp_path / "r.html").exists()
