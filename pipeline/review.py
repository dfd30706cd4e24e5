"""A review page for clerks: one extracted document as one self-contained HTML file.

Metadata, warnings, the assignment table (unit, role, node, deadline), the cited
documents, and the node tree (``<details>``, collapsible) with citations and
units highlighted in each node's text by displaCy's span renderer, a colour per
kind. No network: inline CSS, no scripts, no fonts or images fetched.

Citations come from the extraction itself (``PlanDocument.citations``, offsets
into the node text), so the page shows exactly what ``kehoach extract`` found;
units from the ``units`` spaCy component (``pipeline/nlp.py``).

The clerk's page of ``kehoach serve --edit`` is this page for the document as
corrected, with the forms of an ``edit`` object (``pipeline/workbench_page.py``)
beside the header, each assignment and each node.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from kehoach.schemas.models import Citation, Node, PlanDocument

SPANS_KEY = "review"
UNIT_LABEL = "đơn vị"
CITATION_COLOR = "#8ec5ff"  # light blue: a cited document (label = its ref)
UNIT_COLOR = "#ffc98a"  # light orange: a unit named in the text
ROLE_NAMES = {"lead": "chủ trì", "support": "phối hợp"}
RELATION_NAMES = {"implements": "thực hiện", "based_on": "căn cứ", "amends": "sửa đổi", "replaces": "thay thế"}
SUMMARY_WIDTH = 110  # characters of a heading shown on a collapsed node

# displaCy's span templates, with a class and the kind's colour on each label so
# that the page (and its test) can tell citations from units.
_SPAN_TEMPLATE = """<span class="kh-tok" style="display: inline-block; position: relative; \
height: {total_height}px;">{text}{span_slices}{span_starts}</span>
"""
_SLICE_TEMPLATE = """<span class="kh-slice" style="background: {bg}; top: {top_offset}px; height: 4px; \
left: -1px; width: calc(100% + 2px); position: absolute;"></span>"""
_START_TEMPLATE = """<span class="kh-start" style="background: {bg}; top: {top_offset}px; height: 4px; \
border-top-left-radius: 3px; border-bottom-left-radius: 3px; left: -1px; width: calc(100% + 2px); \
position: absolute;"><span class="kh-label" data-bg="{bg}" style="background: {bg};">{label}</span></span>"""

CSS = """
:root { --ink: #1d2733; --muted: #5b6b7c; --line: #d8dee6; --soft: #f5f7fa; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
       background: #eef1f5; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; min-height: 100vh; }
h1 { font-size: 22px; margin: 0 0 4px; line-height: 1.3; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line);
     color: var(--accent); }
h2 small, .muted { color: var(--muted); font-weight: normal; }
.kind { text-transform: uppercase; letter-spacing: .04em; font-size: 12px; color: var(--muted); }
.meta { display: grid; grid-template-columns: 170px 1fr; gap: 3px 14px; margin: 14px 0 0; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 16px 0 0; }
.count { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
.count b { font-size: 17px; margin-right: 4px; }
.warn { background: #fff6db; border: 1px solid #f0d27a; border-radius: 6px; padding: 8px 14px; }
.warn ul { margin: 4px 0; padding-left: 20px; }
.ok { background: #eaf7ee; border: 1px solid #a8d8b5; border-radius: 6px; padding: 8px 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
tr:nth-child(even) td { background: #fbfcfd; }
td.node a, td.nodes a { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
.role-lead { font-weight: 600; color: #155724; } .role-support { color: #6a4a00; }
.legend { display: flex; gap: 16px; align-items: center; margin: 0 0 10px; font-size: 14px; }
.swatch { display: inline-block; width: 28px; height: 10px; border-radius: 3px; margin-right: 6px;
          vertical-align: middle; }
details { margin: 4px 0 4px 0; border-left: 3px solid var(--line); padding-left: 12px; }
details details { margin-left: 6px; }
details[open] > summary { margin-bottom: 4px; }
summary { cursor: pointer; padding: 3px 0; }
summary .id { font-family: "DejaVu Sans Mono", monospace; font-weight: bold; background: var(--soft);
              border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; margin-right: 6px; }
.task { background: #e3f1e6; color: #155724; border-radius: 10px; font-size: 12px; padding: 1px 8px;
        margin-left: 6px; }
.page { color: var(--muted); font-size: 12px; margin-left: 6px; }
.assigned { font-size: 13px; margin: 2px 0 6px; }
.assigned span { display: inline-block; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px;
                 margin: 2px 4px 2px 0; background: #fff; }
.text { white-space: normal; margin: 0 0 8px; }
.spans { line-height: 2.6 !important; }
.kh-tok { font-weight: normal !important; }
.kh-label { z-index: 10; color: #000; top: -0.5em; padding: 2px 4px; position: absolute; font-size: 0.62em;
            font-weight: bold; line-height: 1; border-radius: 3px; white-space: nowrap; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _short(text: str | None, width: int = SUMMARY_WIDTH) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1].rsplit(" ", 1)[0] + "…"


def _anchor(node_id: str) -> str:
    return "node-" + "".join(ch if ch.isalnum() else "-" for ch in node_id)


@lru_cache(maxsize=1)  # one per process: the edit server draws a page per request
def _pipeline():
    from kehoach.pipeline.nlp import blank_vietnamese

    nlp = blank_vietnamese()
    nlp.add_pipe("units")
    return nlp


def highlight(nlp, text: str, citations: list[Citation]) -> str:
    """One node's text as displaCy span markup: citations labelled by ref, units by :data:`UNIT_LABEL`."""
    from spacy import displacy

    doc = nlp(text)
    spans = []
    for c in citations:
        if c.end <= c.start:  # a citation a clerk added that the text does not spell out
            continue
        span = doc.char_span(c.start, c.end, label=c.ref, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    spans += [doc.char_span(s.start_char, s.end_char, label=UNIT_LABEL) for s in doc.spans.get("units", [])]
    if not spans:
        return f'<div class="spans">{_e(text)}</div>'
    doc.spans[SPANS_KEY] = spans
    colors = {c.ref: CITATION_COLOR for c in citations}
    colors[UNIT_LABEL] = UNIT_COLOR
    return displacy.render(doc, style="span", page=False, jupyter=False, options={
        "spans_key": SPANS_KEY, "colors": colors, "top_offset": 34, "span_label_offset": 16,
        "template": {"span": _SPAN_TEMPLATE, "slice": _SLICE_TEMPLATE, "start": _START_TEMPLATE},
    })


def _metadata_html(plan: PlanDocument) -> str:
    m, s = plan.metadata, plan.source
    signer = m.signer
    rows = [
        ("Loại văn bản", m.doc_type), ("Số, ký hiệu", m.number or "(không có số)"), ("Cơ quan ban hành", m.issuer),
        ("Cơ quan chủ quản", m.parent_issuer), ("Địa danh, ngày", ", ".join(x for x in (m.place, _date(m.date)) if x)),
        ("Người ký", " — ".join(x for x in (signer.authority, signer.position, signer.name) if x) if signer else None),
        ("Nơi nhận", "; ".join(m.recipients)),
        ("Tệp", f"{s.path} ({s.format}, {s.pages or '?'} trang, chữ: {s.text_source})"),
    ]
    body = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v) if v else '<span class=muted>—</span>'}</dd>" for k, v in rows)
    return f'<dl class="meta">{body}</dl>'


def _warnings(plan: PlanDocument) -> list[str]:
    out = list(plan.source.warnings)
    if plan.source.text_source != "native":
        out.insert(0, f"Chữ đọc bằng {plan.source.text_source} (không phải chữ gốc của tệp): kiểm tra kỹ chính tả "
                      f"— text source is {plan.source.text_source}")
    if not plan.metadata.number:
        out.append("Không tìm thấy số, ký hiệu văn bản — no document number found")
    if not plan.metadata.date:
        out.append("Không tìm thấy ngày ban hành — no date of issue found")
    return out


def _warnings_html(warnings: list[str]) -> str:
    if not warnings:
        return '<div class="ok">Không có cảnh báo — no warnings</div>'
    items = "".join(f"<li>{_e(w)}</li>" for w in warnings)
    return f'<div class="warn"><ul>{items}</ul></div>'


def _node_link(node_id: str) -> str:
    return f'<a href="#{_anchor(node_id)}">{_e(node_id)}</a>'


def _assignments_html(plan: PlanDocument, edit=None) -> str:
    if not plan.assignments:
        return '<p class="muted">Không có phân công — no assignments found</p>'
    order = {n.id: i for i, n in enumerate(plan.nodes)}
    rows = []
    for a in sorted(plan.assignments, key=lambda a: (order.get(a.node, 0), a.role != "lead")):
        deadline = _date(a.deadline)
        if a.deadline_text:
            deadline += f' <span class="muted">({_e(a.deadline_text)})</span>'
        rows.append(f'<tr class="assignment"><td>{_e(a.unit)}</td>'
                    f'<td class="role-{a.role}">{ROLE_NAMES[a.role]}</td>'
                    f'<td class="node">{_node_link(a.node)}</td><td>{deadline}</td>'
                    f'{edit.assignment_cells(a) if edit else ""}</tr>')
    return ('<table class="assignments"><thead><tr><th>Đơn vị — unit</th><th>Vai trò — role</th>'
            '<th>Mục — node</th><th>Thời hạn — deadline</th>' + ("<th>Sửa — edit</th>" if edit else "")
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _citations_html(plan: PlanDocument) -> str:
    if not plan.citations:
        return '<p class="muted">Không có văn bản được trích dẫn — no citations found</p>'
    groups: dict[str, list[Citation]] = defaultdict(list)
    for c in plan.citations:
        groups[c.ref].append(c)
    rows = []
    for ref, mentions in groups.items():
        first = mentions[0]
        date = next((c.date for c in mentions if c.date), None)
        issuer = next((c.issuer for c in mentions if c.issuer), None)
        relations = sorted({RELATION_NAMES[c.relation] for c in mentions if c.relation})
        nodes = list(dict.fromkeys(c.node for c in mentions))
        rows.append(f'<tr class="cited"><td><b>{_e(ref)}</b></td><td>{_e(first.doc_type)}</td><td>{_date(date)}</td>'
                    f'<td>{_e(issuer)}</td><td>{_e(", ".join(relations))}</td>'
                    f'<td class="nodes">{", ".join(_node_link(n) for n in nodes)}</td>'
                    f'<td>{len(mentions)}</td></tr>')
    return ('<table class="citations"><thead><tr><th>Số hiệu — ref</th><th>Loại</th><th>Ngày</th>'
            '<th>Cơ quan ban hành</th><th>Quan hệ</th><th>Mục</th><th>Lần</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")


def _tree_html(plan: PlanDocument, nlp, edit=None) -> str:
    children: dict[str | None, list[Node]] = defaultdict(list)
    known = {n.id for n in plan.nodes}
    for n in plan.nodes:
        children[n.parent if n.parent in known else None].append(n)
    cites: dict[str, list[Citation]] = defaultdict(list)
    for c in plan.citations:
        cites[c.node].append(c)
    assigned: dict[str, list] = defaultdict(list)
    for a in plan.assignments:
        assigned[a.node].append(a)

    def render(node: Node) -> str:
        label = node.heading or node.text or ""
        summary = (f'<span class="id">{_e(node.id)}</span>{_e(_short(label))}'
                   + ('<span class="task">nhiệm vụ</span>' if node.task else "")
                   + (f'<span class="page">tr. {node.page}</span>' if node.page else ""))
        body = ""
        if assigned[node.id]:
            chips = "".join(f'<span class="role-{a.role}">{_e(a.unit)} · {ROLE_NAMES[a.role]}'
                            + (f" · {_date(a.deadline)}" if a.deadline else "") + "</span>"
                            for a in assigned[node.id])
            body += f'<div class="assigned">{chips}</div>'
        if edit is not None:
            body += edit.node_controls(node, cites[node.id])
        if node.text:
            body += f'<div class="text">{highlight(nlp, node.text, cites[node.id])}</div>'
        body += "".join(render(child) for child in children[node.id])
        return f'<details open id="{_anchor(node.id)}"><summary>{summary}</summary>{body}</details>'

    return "".join(render(n) for n in children[None])


def render_report(plan: PlanDocument, *, edit=None) -> str:
    """The review page of one extracted document, as a complete HTML string; with ``edit``
    (a ``workbench_page.EditControls``), the clerk's page with its forms."""
    nlp = _pipeline()
    m = plan.metadata
    warnings = _warnings(plan)
    title = m.title or Path(plan.source.path).name
    distinct = len({c.ref for c in plan.citations})
    counts = [(len(plan.nodes), "mục"), (sum(n.task for n in plan.nodes), "nhiệm vụ"),
              (len(plan.citations), f"trích dẫn ({distinct} văn bản)"), (len(plan.assignments), "phân công"),
              (len(warnings), "cảnh báo")]
    count_html = "".join(f'<span class="count"><b>{n}</b>{_e(label)}</span>' for n, label in counts)
    legend = (f'<div class="legend"><span><span class="swatch" style="background:{CITATION_COLOR}"></span>'
              f'văn bản được trích dẫn (nhãn: số hiệu) — citation</span>'
              f'<span><span class="swatch" style="background:{UNIT_COLOR}"></span>'
              f'đơn vị — unit</span></div>')
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiểm tra trích xuất — {_e(title)}</title>
<style>{CSS}{edit.css if edit else ""}</style></head>
<body><main>
{edit.banner() if edit else ""}
<div class="kind">{_e(m.doc_type or "Văn bản")} · {_e(m.issuer or "")}</div>
<h1>{_e(title)}</h1>
{_metadata_html(plan)}
{edit.metadata_form() if edit else ""}
<div class="counts">{count_html}</div>
<h2>Cảnh báo <small>— warnings</small></h2>
{_warnings_html(warnings)}
<h2>Phân công <small>— assignments: unit, role, node, deadline</small></h2>
{_assignments_html(plan, edit)}
<h2>Văn bản được trích dẫn <small>— cited documents</small></h2>
{_citations_html(plan)}
<h2>Nội dung <small>— the document's tree; click a heading to fold it</small></h2>
{legend}
{_tree_html(plan, nlp, edit)}
<footer>kehoach review · {_e(plan.source.path)} · sha256 {_e(plan.source.sha256[:16])}…</footer>
</main></body></html>
"""


def write_report(path: str | Path, out: str | Path) -> PlanDocument:
    """Extract ``path`` and write its review page to ``out``: ``kehoach review`` in one call.

    :raises InputError: the file cannot be read as a document
    """
    from kehoach.pipeline import api

    plan = api.extract(path)
    Path(out).write_text(render_report(plan), encoding="utf-8")
    return plan
