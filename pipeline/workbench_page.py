"""The edit controls of the clerk's page: forms beside what the review page shows.

``pipeline/review.py`` draws the page of a document as corrected; given an
:class:`EditControls`, it asks it for the forms to put beside the header, each
assignment, and each node (task flag, status, assignments, citations). Every form
posts to the document's page with the session's CSRF token and one correction's
fields — the names ``correction_checks.prepare`` takes. No script: plain forms,
so the page works (and is tested) in any browser.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from kehoach.pipeline.corrections import (
    METADATA_FIELDS,
    NOT_APPLYING,
    STATUS_NAMES,
    STATUSES,
    Corrected,
    Correction,
    describe,
)
from kehoach.schemas.models import Assignment, Citation, Node

ROLE_OPTIONS = (("lead", "chủ trì — lead"), ("support", "phối hợp — support"))
FIELD_NAMES = {"doc_type": "Loại văn bản", "number": "Số, ký hiệu", "issuer": "Cơ quan ban hành",
               "parent_issuer": "Cơ quan chủ quản", "place": "Địa danh", "date": "Ngày ban hành",
               "title": "Trích yếu", "signer": "Người ký"}
OUTCOME_NAMES = {"applied": "đã áp dụng — applied", "redundant": "văn bản đã đúng — redundant",
                 "not_applying": "không còn áp dụng — no longer applies"}

CSS = """
.kh-bar { position: sticky; top: 0; z-index: 20; background: #1f5f99; color: #fff; padding: 8px 14px;
          margin: -24px -28px 16px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
.kh-bar a { color: #fff; text-decoration: underline; } .kh-bar input { width: 12em; }
.kh-msg { border-radius: 6px; padding: 8px 14px; margin: 8px 0; }
.kh-msg.ok { background: #eaf7ee; border: 1px solid #a8d8b5; }
.kh-msg.error { background: #fdecea; border: 1px solid #f5c2c0; color: #8a1c14; }
.kh-stale { background: #fdecea; border: 1px solid #f5c2c0; border-radius: 6px; padding: 8px 14px; }
.kh-edit { margin: 4px 0 10px; padding: 6px 10px; background: #f7f9fc; border: 1px dashed #c9d3df;
           border-radius: 6px; font-size: 13px; }
.kh-edit form { display: inline-flex; gap: 4px; align-items: center; margin: 2px 10px 2px 0; flex-wrap: wrap; }
.kh-edit input[type=text] { width: 15em; } .kh-edit input.kh-short { width: 9em; }
.kh-edit details { display: inline-block; margin-right: 10px; } .kh-edit summary { color: #1f5f99; }
.kh-status { font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #e8eef6; }
.kh-status.done { background: #e3f1e6; color: #155724; } .kh-status.in-progress { background: #fff3cd; }
.kh-corrected { background: #fff3cd; border-radius: 8px; padding: 0 5px; font-size: 11px; margin-left: 4px; }
td.kh-cell form { display: inline; }
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _options(options, selected) -> str:
    return "".join(f'<option value="{_e(v)}"{" selected" if v == selected else ""}>{_e(label)}</option>'
                   for v, label in options)


@dataclass
class EditControls:
    """What the clerk's page needs to draw its forms."""

    document_id: int
    state: Corrected
    corrections: list[Correction]
    csrf: str
    author: str = ""
    message: str | None = None  # after a correction was saved
    error: str | None = None  # a correction refused

    css: str = CSS

    @property
    def action(self) -> str:
        return f"/edit/doc/{self.document_id}"

    def form(self, action: str, node: str | None, fields: str, submit: str, css: str = "") -> str:
        node_field = f'<input type="hidden" name="node" value="{_e(node)}">' if node else ""
        return (f'<form method="post" action="{self.action}" class="kh-{action.replace("_", "-")} {css}" '
                f'data-node="{_e(node or "")}"><input type="hidden" name="csrf" value="{_e(self.csrf)}">'
                f'<input type="hidden" name="action" value="{action}">{node_field}{fields}'
                f'<button type="submit">{_e(submit)}</button></form>')

    def is_corrected(self, value: Assignment | Citation) -> bool:
        items = self.state.assignments if isinstance(value, Assignment) else self.state.citations
        return any(i.value is value and not i.extracted for i in items)

    def mark(self, value: Assignment | Citation) -> str:
        return '<span class="kh-corrected">đã sửa</span>' if self.is_corrected(value) else ""

    # --- the top of the page ------------------------------------------------------------

    def banner(self) -> str:
        who = self.form("whoami", None, f'<input type="text" name="author" value="{_e(self.author)}" '
                                        'placeholder="tên người sửa — your name">', "Lưu tên")
        bar = (f'<div class="kh-bar"><b>Chế độ sửa — edit mode</b><a href="/edit/">Mọi văn bản — all documents</a>'
               f'<a href="/">Datasette</a>{who}</div>')
        notes = "".join(f'<div class="kh-msg {css}">{_e(text)}</div>'
                        for css, text in (("ok", self.message), ("error", self.error)) if text)
        return bar + notes + self._corrections_html()

    def _corrections_html(self) -> str:
        if not self.corrections:
            return ""
        rows, stale = [], []
        for c, o in zip(self.corrections, self.state.outcomes, strict=True):
            line = (f'<tr class="kh-correction {o.outcome}"><td>{_e(describe(c))}</td><td>{_e(c.author)}</td>'
                    f'<td>{_e((c.created_at or "")[:16])}</td><td>{_e(OUTCOME_NAMES[o.outcome])}'
                    f'{": " + _e(o.reason) if o.reason else ""}</td><td>{_e(c.note)}</td></tr>')
            (stale if o.outcome == NOT_APPLYING else rows).append(line)
        head = ('<thead><tr><th>Đính chính</th><th>Người sửa</th><th>Lúc</th><th>Kết quả</th><th>Ghi chú</th>'
                '</tr></thead>')
        out = ""
        if stale:
            out += (f'<div class="kh-stale" id="not-applying"><b>Không còn áp dụng cho phiên bản này — no longer '
                    f'applying ({len(stale)})</b><table class="corrections-stale">{head}<tbody>{"".join(stale)}'
                    '</tbody></table></div>')
        return out + (f'<details class="kh-log"><summary>Các lần đính chính — corrections ({len(rows)})</summary>'
                      f'<table class="corrections">{head}<tbody>{"".join(rows)}</tbody></table></details>')

    def metadata_form(self) -> str:
        fields = (f'<select name="field">{_options([(f, FIELD_NAMES[f]) for f in METADATA_FIELDS], "number")}'
                  '</select><input type="text" name="value" placeholder="giá trị đúng — right value">'
                  '<input type="text" name="note" class="kh-short" placeholder="ghi chú — note">')
        return f'<div class="kh-edit">Sửa đầu văn bản — fix a header field: ' \
               f'{self.form("metadata", None, fields, "Sửa")}</div>'

    # --- assignments ------------------------------------------------------------------

    def assignment_cells(self, a: Assignment) -> str:
        keep = (f'<input type="hidden" name="unit" value="{_e(a.unit)}">'
                f'<input type="hidden" name="role" value="{a.role}">')
        remove = self.form("remove_assignment", a.node, keep, "Bỏ — remove")
        deadline = a.deadline.isoformat() if a.deadline else ""
        change = (f'{keep}<input type="text" name="to_unit" value="{_e(a.unit)}">'
                  f'<select name="to_role">{_options(ROLE_OPTIONS, a.role)}</select>'
                  f'<input type="date" name="deadline" value="{deadline}">')
        return (f'<td class="kh-cell">{self.mark(a)}{remove}<details class="kh-change"><summary>Sửa — change'
                f'</summary>{self.form("change_assignment", a.node, change, "Lưu")}</details></td>')

    # --- a node ---------------------------------------------------------------------------

    def node_controls(self, node: Node, citations: list[Citation]) -> str:
        parts = [self._status(node), self._task(node), self._add_assignment(node)]
        parts += [self._citation(c) for c in citations]
        parts.append(self._add_citation(node))
        return f'<div class="kh-edit" data-node="{_e(node.id)}">{"".join(parts)}</div>'

    def _status(self, node: Node) -> str:
        if not self.state.is_task(node.id):
            return ""
        now, _ = self.state.status.get(node.id, ({"status": None}, None))
        shown = (f'<span class="kh-status {now["status"]}">{_e(STATUS_NAMES[now["status"]])}'
                 f'{" " + _e(now.get("date")) if now.get("date") else ""}</span> ') if now["status"] else ""
        fields = (f'<select name="status">{_options([(s, STATUS_NAMES[s]) for s in STATUSES], now["status"])}'
                  '</select><input type="date" name="date" title="ngày hoàn thành — the day done">'
                  '<input type="text" name="note" class="kh-short" placeholder="ghi chú — note">')
        return f'{shown}{self.form("status", node.id, fields, "Cập nhật tiến độ")}'

    def _task(self, node: Node) -> str:
        flag = self.state.is_task(node.id)
        field = f'<input type="hidden" name="task" value="{"no" if flag else "yes"}">'
        return self.form("task", node.id, field, "Không phải nhiệm vụ — not a task" if flag
                         else "Là nhiệm vụ — a task")

    def _add_assignment(self, node: Node) -> str:
        fields = (f'<input type="text" name="unit" placeholder="đơn vị — unit">'
                  f'<select name="role">{_options(ROLE_OPTIONS, "lead")}</select>'
                  '<input type="date" name="deadline" title="thời hạn — deadline">')
        return (f'<details class="kh-add"><summary>+ phân công — assign</summary>'
                f'{self.form("add_assignment", node.id, fields, "Thêm")}</details>')

    def _citation_fields(self, c: Citation | None) -> str:
        date = c.date.isoformat() if c and c.date else ""
        return (f'<input type="text" name="doc_type" class="kh-short" value="{_e(c.doc_type if c else "")}" '
                f'placeholder="loại — type"><input type="date" name="date" value="{date}">'
                f'<input type="text" name="issuer" value="{_e(c.issuer if c else "")}" '
                'placeholder="cơ quan ban hành — issuer">')

    def _citation(self, c: Citation) -> str:
        ref = f'<input type="hidden" name="ref" value="{_e(c.ref)}">'
        fix = (f'{ref}<input type="text" name="to_ref" class="kh-short" value="{_e(c.ref)}">'
               f'{self._citation_fields(c)}')
        return (f'<span class="kh-cite">{_e(c.ref)}{self.mark(c)} '
                f'{self.form("remove_citation", c.node, ref, "Bỏ")}'
                f'<details class="kh-fix"><summary>sửa</summary>{self.form("fix_citation", c.node, fix, "Lưu")}'
                '</details></span>')

    def _add_citation(self, node: Node) -> str:
        fields = (f'<input type="text" name="ref" class="kh-short" placeholder="số hiệu — ref">'
                  f'{self._citation_fields(None)}')
        return (f'<details class="kh-add"><summary>+ trích dẫn — citation</summary>'
                f'{self.form("add_citation", node.id, fields, "Thêm")}</details>')
