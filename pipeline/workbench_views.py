"""What the edit pages show and do: the documents' list, a document's page, a correction posted.

Called by ``pipeline/workbench.py`` (which handles sessions, tokens and forms);
reads through ``queries.open_readonly``, writes through ``correction_store.record``
(one transaction), each request on its own connection.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

from kehoach.pipeline import correction_store, queries, registry, review
from kehoach.pipeline.corrections import NOT_APPLYING, apply
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.workbench_page import EditControls


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def index(db: Path) -> str:
    """The current documents, with their corrections and those that no longer apply."""
    from kehoach.pipeline.workbench import _page

    database = queries.open_readonly(db)
    try:
        documents = queries.docs(database)
        stale = Counter(r["document_id"] for r in correction_store.listing(database, only_not_applying=True))
    finally:
        database.conn.close()
    rows = "".join(
        f'<tr><td><a href="/edit/doc/{d["id"]}">{_e(d["label"])}</a></td><td>{_e(d["issuer"])}</td>'
        f'<td>{_e(d["date"])}</td><td>{d["tasks"]}</td><td>{d["corrections"]}</td>'
        f'<td class="stale">{stale.get(d["id"]) or ""}</td></tr>' for d in documents)
    return _page("Văn bản — documents", f"""<h1>Chế độ sửa — the clerk's workbench</h1>
<p>Chọn một văn bản để sửa kết quả đọc và cập nhật tiến độ nhiệm vụ — pick a document to correct what was read
and to follow its tasks. <a href="/">Datasette</a></p>
<table class="documents"><thead><tr><th>Văn bản</th><th>Cơ quan ban hành</th><th>Ngày</th><th>Nhiệm vụ</th>
<th>Đính chính</th><th>Không còn áp dụng</th></tr></thead><tbody>{rows}</tbody></table>""")


def document_page(db: Path, document_id: int, session, *, message: str | None = None,
                  error: str | None = None) -> str:
    """A document's review page as corrected, with its forms.

    :raises KehoachError: no such document, or not the current version
    """
    database = queries.open_readonly(db)
    try:
        correction_store.resolve_document(database, document_id)
        plan, rows = correction_store.stored_plan(database, document_id)
        corrections = correction_store.chain_corrections(database, document_id)
    finally:
        database.conn.close()
    state = apply(plan, corrections, rows)
    edit = EditControls(document_id, state, corrections, session.csrf, session.author, message, error)
    return review.render_report(state.corrected_plan(), edit=edit)


def correct(db: Path, document_id: int, action: str, node: str | None, values: dict, session,
            note: str | None = None) -> tuple[int | None, str]:
    """Record one correction; returns its id, or None and the page with the reason it was refused."""
    database = registry.open_db(db)
    try:
        done = correction_store.record(database, document_id, action, node, author=session.author or None,
                                       note=note, **values)
    except KehoachError as exc:
        return None, document_page(db, document_id, session, error=f"Không lưu — not saved: {exc}")
    finally:
        database.conn.close()
    if done.outcome.outcome == NOT_APPLYING:
        return None, document_page(db, document_id, session, error=done.outcome.reason)
    return done.correction_id, ""
