"""Datasette over the registry, for analysts: metadata, canned queries, full-text search.

:func:`metadata` is pure: a database name in, Datasette's metadata dict out
(title; a description of every table, view and column, Vietnamese first,
English after; facets; canned queries; FTS on ``nodes`` through ``nodes_fts``,
whose ``text_folded`` column lets "dan van" and "dang uy" find "dân vận" and
"Đảng ủy"). :func:`serve` runs Datasette on 127.0.0.1 only, the file opened
immutable (read-only, no locks) and the registry's matching keys available in
SQL (``ref_key``, ``name_key``, ``unit_key``, ``jurisdiction_key``), so a canned
query's REF parameter takes any written form ("33/ct-ttg", "Chỉ thị số
33/CT-TTg") and matches exactly as ``kehoach cites`` does: the canned queries'
SQL is ``queries.canned_queries()``, the one the CLI runs.
"""

from __future__ import annotations

from pathlib import Path

HOST = "127.0.0.1"  # never another interface: the registry is not published
DEFAULT_PORT = 8001
TITLE = "Sổ theo dõi nhiệm vụ — kehoach task registry"

# The registry's tables and views, each with its description and every column's,
# Vietnamese first, English after. tests/test_serve.py checks this against a
# fresh registry's schema, so a new column without a description fails there.
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "documents": ("Văn bản đã nạp, mỗi phiên bản tệp một dòng — ingested documents, one row per file version", {
        "id": "Mã dòng — row id",
        "sha256": "Mã băm SHA-256 của tệp (duy nhất) — SHA-256 of the file's bytes (unique)",
        "path": "Đường dẫn tệp khi nạp — file path at ingest",
        "format": "Định dạng tệp: pdf, docx, txt — file format",
        "pages": "Số trang — page count",
        "text_source": "Nguồn chữ: native, ocr, legacy-font, mixed — how the text was read",
        "warnings": "Cảnh báo khi đọc (mảng JSON) — reading warnings (JSON array)",
        "fingerprint": "Dấu vân tay nội dung (SimHash) — content fingerprint of the normalised text",
        "doc_type": "Loại văn bản (Kế hoạch, Chỉ thị…) — document type",
        "number": "Số, ký hiệu — document number",
        "symbol": "Ký hiệu (phần in sau chữ số) — the number's printed part after the digits",
        "issuer": "Cơ quan ban hành — issuing body",
        "parent_issuer": "Cơ quan chủ quản — parent body",
        "place": "Địa danh — place of issue",
        "date": "Ngày ban hành (ISO) — date of issue",
        "date_text": "Ngày tháng năm như in, ô trống hoặc chưa đọc là “…” — the date as printed",
        "title": "Trích yếu — title",
        "signer_name": "Người ký — signer's name",
        "signer_position": "Chức vụ người ký — signer's position",
        "signer_authority": "Thẩm quyền ký (TM., KT.…) — signing authority",
        "signers": "Mọi người ký (mảng JSON) — every signer (JSON array)",
        "schema_version": "Phiên bản hợp đồng JSON — JSON contract version",
        "label": "Nhãn: số hiệu, hoặc loại + trích yếu + ngày, hoặc tên tệp — label: number, else type, title "
                 "and date, else file name",
        "content_hash": "Mã băm nội dung đã trích xuất — SHA-256 of the extracted header and nodes",
        "number_key": "Khóa so khớp của số hiệu — matching key of the number (ref_key)",
        "issuer_key": "Khóa so khớp của cơ quan — matching key of the issuer",
        "year": "Năm ban hành — year of issue",
        "version": "Phiên bản thứ mấy của văn bản — version 1, 2, …",
        "current": "1 = phiên bản hiện hành, 0 = đã thay thế — 1 current, 0 superseded",
        "superseded_by": "Văn bản (id) thay thế phiên bản này — the document id that replaced it",
        "same_as": "Bản sao của văn bản (id) này, không nạp lại — a copy of that document, not loaded again",
        "chain_id": "Mã phiên bản đầu tiên, chung cho mọi phiên bản và bản sao — the first version's id, shared by "
                    "every version and copy",
        "corrected": "Trường đầu văn bản đã sửa (JSON) — header fields as corrected by clerks (JSON)",
        "ingested_at": "Thời điểm nạp (UTC) — ingest time (UTC)",
    }),
    "nodes": ("Mục, khoản, điểm của văn bản (và phần mở đầu, kết thúc) — numbered nodes and pseudo-nodes", {
        "id": "Mã dòng — row id (FTS rowid)",
        "document_id": "Văn bản chứa mục — the document",
        "node_id": "Số hiệu mục (II.3.a, preamble…) — node id in the document",
        "seq": "Thứ tự trong văn bản — order in the document",
        "parent": "Mục cha — parent node id",
        "marker": "Ký hiệu đánh số (II., 3., a)) — the marker as written",
        "kind": "Loại: section, item, article, pseudo — node kind",
        "heading": "Tiêu đề mục — heading",
        "text": "Nội dung — text",
        "page": "Trang — page",
        "task": "1 = là nhiệm vụ — 1 if the node is a task",
        "deadline": "Thời hạn ghi tại mục — the deadline stated on the node",
        "deadline_text": "Thời hạn như văn bản ghi — the deadline as written",
        "text_folded": "Nội dung bỏ dấu đ (cho tìm kiếm) — text with đ → d, indexed for search",
        "task_corrected": "Cán bộ sửa: 1 = là nhiệm vụ, 0 = không; trống = như trích xuất — a clerk's task flag; "
                          "null: as extracted",
    }),
    "node_ancestors": ("Cây mục dạng bảng bao đóng — the node tree as a closure table", {
        "ancestor": "Mục tổ tiên (nodes.id) — ancestor node",
        "node": "Mục con cháu (nodes.id) — descendant node",
        "depth": "Khoảng cách: 0 = chính nó, 1 = cha… — distance: 0 itself, 1 parent…",
    }),
    "legal_documents": ("Văn bản được trích dẫn, mỗi văn bản một dòng — distinct cited documents", {
        "id": "Mã dòng — row id",
        "ref": "Số hiệu như lần đầu gặp — the reference as first seen",
        "doc_type": "Loại văn bản — document type",
        "number": "Số — number",
        "year": "Năm — year",
        "symbol": "Ký hiệu — symbol",
        "date": "Ngày ban hành — date of issue",
        "issuer": "Cơ quan ban hành — issuing body",
        "term": "Khóa (Đại hội…) — term",
        "title": "Trích yếu — title",
        "canonical_ref": "Số hiệu của văn bản trích theo tên — the number of a document cited by name",
        "ref_key": "Khóa so khớp số hiệu (33/CT-TTG) — matching key of the reference (of canonical_ref if set)",
        "issuer_key": "Khóa so khớp cơ quan — matching key of the issuer",
        "identity": "Định danh: ref_key|năm|cơ quan — identity key",
    }),
    "legal_document_names": (("Tên và số hiệu đã dùng để trích dẫn một văn bản — names and numbers a cited "
                              "document was cited by"), {
        "legal_document_id": "Văn bản được trích dẫn — the cited document",
        "name": "Tên hoặc số hiệu như đã viết — the name or number as written",
        "name_key": "Khóa so khớp tên (tìm theo tên, đoạn tên) — matching key of the name",
    }),
    "citations": ("Mỗi lần trích dẫn một văn bản — one row per mention of a cited document", {
        "id": "Mã dòng — row id",
        "document_id": "Văn bản trích dẫn — the citing document",
        "node_id": "Mục trích dẫn — the citing node",
        "legal_document_id": "Văn bản được trích dẫn — the cited document",
        "relation": "Quan hệ: implements, based_on, amends, replaces — relation",
        "text": "Đoạn trích như trong văn bản — the mention as written",
        "start": "Vị trí bắt đầu trong nội dung mục — start offset in the node text",
        "end": "Vị trí kết thúc — end offset",
        "correction_id": "Dòng do lần sửa này thêm — the correction that added this row",
        "removed_by": "Lần sửa đã bỏ dòng này — the correction that removed or replaced this row",
    }),
    "units": ("Đơn vị được giao việc, mỗi địa bàn một dòng — assigned units, one row per jurisdiction", {
        "id": "Mã dòng — row id",
        "unit_id": "Mã đơn vị (lần đầu gặp) — unit id, first seen",
        "unit_key": "Khóa so khớp tên đơn vị — matching key of the unit",
        "jurisdiction": "Địa bàn (tỉnh, xã; Trung ương) — jurisdiction, first seen",
        "jurisdiction_key": "Khóa so khớp địa bàn (ha-noi) — matching key of the jurisdiction",
        "identity": "Định danh: unit_key|địa bàn — identity key",
        "name": "Tên (lần đầu gặp) — name, first seen",
        "aliases": "Các cách viết (mảng JSON) — every name seen (JSON array)",
        "is_group": "1 = nhóm chung (các sở, ban, ngành) — 1 for a catch-all group",
    }),
    "unit_aliases": ("Cách viết tên đơn vị, để tra cứu — unit names as written, for lookup", {
        "unit_key": "Khóa so khớp tên đơn vị — matching key of the unit",
        "alias": "Tên như đã viết — the name as written",
        "alias_key": "Khóa so khớp tên — matching key of the name (unit_key)",
    }),
    "assignments": ("Phân công: đơn vị chủ trì hoặc phối hợp một mục — units leading or supporting a node", {
        "id": "Mã dòng — row id",
        "document_id": "Văn bản — the document",
        "node_id": "Mục được giao — the node",
        "unit": "Đơn vị như đã viết — the unit as written",
        "unit_id": "Mã đơn vị — unit id",
        "unit_pk": "Đơn vị trong địa bàn (units.id) — the unit row",
        "role": "Vai trò: lead = chủ trì, support = phối hợp — role",
        "deadline": "Thời hạn (ISO) — deadline",
        "deadline_text": "Thời hạn như đã viết — the deadline as written",
        "jurisdiction": "Địa bàn của đơn vị (tỉnh, xã; Trung ương) — where a local body belongs",
        "is_group": "1 = nhóm chung (các sở, ban, ngành) — 1 for a catch-all group",
        "correction_id": "Dòng do lần sửa này thêm — the correction that added this row",
        "removed_by": "Lần sửa đã bỏ dòng này — the correction that removed or replaced this row",
    }),
    "registry_settings": ("Thiết lập của kho — registry settings", {
        "name": "Tên (key_version) — setting name",
        "value": "Giá trị — value: the key version the stored matching keys were built with",
    }),
    "recipients": ("Nơi nhận — recipients", {
        "document_id": "Văn bản — the document",
        "seq": "Thứ tự — order",
        "recipient": "Nơi nhận — recipient",
    }),
    "corrections": (("Các lần cán bộ sửa kết quả đọc văn bản hoặc cập nhật tiến độ — clerks' corrections and "
                     "task statuses"), {
        "id": "Mã lần sửa — correction id",
        "chain_id": "Văn bản (qua mọi phiên bản) — the document across its versions",
        "document_id": "Phiên bản được sửa — the version it was made on",
        "node_id": "Mục được sửa; trống = đầu văn bản — the node; null for a header field",
        "node_text": "Tiêu đề và nội dung mục lúc sửa — the node's heading and text then",
        "action": "Việc sửa (add_assignment, task, fix_citation, metadata, status…) — what was done",
        "old_value": "Giá trị cũ (JSON) — the value it replaced (JSON)",
        "new_value": "Giá trị mới (JSON) — the value given (JSON)",
        "author": "Người sửa — who",
        "created_at": "Thời điểm sửa (UTC) — when (UTC)",
        "note": "Ghi chú — note",
    }),
    "correction_outcomes": ("Kết quả áp dụng lần sửa vào phiên bản hiện hành — what became of each correction", {
        "correction_id": "Lần sửa — the correction",
        "document_id": "Phiên bản — the version",
        "outcome": "applied = đã áp dụng, redundant = văn bản đã đúng, not_applying = không còn áp dụng — outcome",
        "reason": "Lý do — why it is redundant or no longer applies",
    }),
    "task_status": ("Tiến độ thực hiện nhiệm vụ — task status", {
        "document_id": "Văn bản — the document",
        "node_id": "Mục (nhiệm vụ) — the task node",
        "status": "not-started = chưa thực hiện, in-progress = đang thực hiện, done = hoàn thành — status",
        "done_date": "Ngày hoàn thành — the day it was done",
        "correction_id": "Lần cập nhật (người, thời điểm, ghi chú) — the status update (who, when, note)",
    }),
    "corrected_documents": ("Văn bản với đầu văn bản đã sửa — documents with their header as corrected", {
        "id": "Mã dòng — row id",
        "sha256": "Mã băm SHA-256 của tệp — SHA-256 of the file",
        "path": "Đường dẫn tệp khi nạp — file path at ingest",
        "format": "Định dạng tệp — file format",
        "pages": "Số trang — page count",
        "text_source": "Nguồn chữ — how the text was read",
        "warnings": "Cảnh báo khi đọc (mảng JSON) — reading warnings (JSON array)",
        "fingerprint": "Dấu vân tay nội dung — content fingerprint",
        "label": "Nhãn (đã sửa) — label, as corrected",
        "doc_type": "Loại văn bản (đã sửa) — document type, as corrected",
        "number": "Số, ký hiệu (đã sửa) — number, as corrected",
        "issuer": "Cơ quan ban hành (đã sửa) — issuer, as corrected",
        "parent_issuer": "Cơ quan chủ quản (đã sửa) — parent body, as corrected",
        "place": "Địa danh (đã sửa) — place, as corrected",
        "date": "Ngày ban hành (đã sửa) — date, as corrected",
        "title": "Trích yếu (đã sửa) — title, as corrected",
        "signer_name": "Người ký (đã sửa) — signer, as corrected",
        "signer_position": "Chức vụ người ký — signer's position",
        "signer_authority": "Thẩm quyền ký — signing authority",
        "signers": "Mọi người ký (mảng JSON) — every signer (JSON array)",
        "schema_version": "Phiên bản hợp đồng JSON — JSON contract version",
        "content_hash": "Mã băm nội dung đã trích xuất — SHA-256 of the extracted content",
        "number_key": "Khóa so khớp số hiệu (như đọc) — matching key of the number, as read",
        "issuer_key": "Khóa so khớp cơ quan (như đọc) — matching key of the issuer, as read",
        "year": "Năm ban hành (như đọc) — year, as read",
        "version": "Phiên bản thứ mấy — version",
        "current": "1 = hiện hành — 1 current",
        "superseded_by": "Văn bản thay thế — the document that replaced it",
        "same_as": "Bản sao của — a copy of",
        "chain_id": "Mã phiên bản đầu tiên — the first version's id",
        "corrected": "Trường đã sửa (JSON) — corrected fields (JSON)",
        "ingested_at": "Thời điểm nạp (UTC) — ingest time (UTC)",
    }),
    "correction_log": (("Các lần sửa với kết quả trên phiên bản hiện hành — corrections with their outcome on "
                        "the current version"), {
        "correction_id": "Lần sửa — the correction",
        "document_id": "Phiên bản hiện hành — the current version",
        "document_label": "Nhãn văn bản — document label",
        "node_id": "Mục — node",
        "action": "Việc sửa — action",
        "old_value": "Giá trị cũ (JSON) — old value (JSON)",
        "new_value": "Giá trị mới (JSON) — new value (JSON)",
        "author": "Người sửa — who",
        "created_at": "Thời điểm sửa — when",
        "note": "Ghi chú — note",
        "outcome": "applied, redundant, not_applying — outcome",
        "reason": "Lý do — reason",
        "made_on": "Phiên bản được sửa — the version it was made on",
    }),
    "tasks_citing": ("Mục trích dẫn văn bản (văn bản hiện hành) — nodes citing a document, current documents", {
        "citation_id": "Lần trích dẫn — citation row",
        "legal_document_id": "Văn bản được trích dẫn — the cited document",
        "ref": "Số hiệu văn bản được trích dẫn — cited reference",
        "ref_key": "Khóa so khớp số hiệu — matching key of the reference",
        "canonical_ref": "Số hiệu của văn bản trích theo tên — the number of a document cited by name",
        "cited_doc_type": "Loại văn bản được trích dẫn — cited document type",
        "cited_issuer": "Cơ quan ban hành văn bản được trích dẫn — cited issuer",
        "cited_date": "Ngày văn bản được trích dẫn — cited date",
        "relation": "Quan hệ — relation",
        "citation_text": "Đoạn trích — the mention as written",
        "citation_start": "Vị trí đoạn trích trong nội dung mục — start offset of the mention",
        "citation_end": "Vị trí kết thúc đoạn trích — end offset of the mention",
        "document_id": "Văn bản trích dẫn — citing document",
        "document_label": "Nhãn văn bản trích dẫn — citing document label",
        "document_type": "Loại văn bản trích dẫn — citing document type",
        "document_number": "Số hiệu văn bản trích dẫn — citing document number",
        "document_issuer": "Cơ quan ban hành văn bản trích dẫn — citing issuer",
        "document_date": "Ngày văn bản trích dẫn — citing document date",
        "document_title": "Trích yếu văn bản trích dẫn — citing document title",
        "path": "Đường dẫn tệp — file path",
        "node_pk": "Mã dòng của mục — node row id",
        "node_id": "Số hiệu mục — node id",
        "heading": "Tiêu đề mục — heading",
        "text": "Nội dung mục — node text",
        "task": "1 = là nhiệm vụ — 1 if a task",
        "deadline": "Thời hạn (của mục hoặc kế thừa) — deadline, own or inherited",
        "deadline_text": "Thời hạn như đã viết — deadline as written",
        "correction_id": "Trích dẫn do lần sửa này thêm — the correction that added the citation",
    }),
    "unit_tasks": (("Việc của từng đơn vị, mở rộng cho cả cây mục con — each unit's work, "
                    "expanded to the node's subtree"), {
        "unit_pk": "Đơn vị trong địa bàn (units.id) — the unit row",
        "unit_id": "Mã đơn vị — unit id",
        "unit": "Tên đơn vị (chuẩn) — unit, canonical name",
        "unit_as_written": "Tên đơn vị như đã viết — unit as written",
        "jurisdiction": "Địa bàn của đơn vị — the unit's jurisdiction",
        "is_group": "1 = nhóm chung — 1 for a catch-all group",
        "role": "Vai trò: lead = chủ trì, support = phối hợp — role",
        "document_id": "Văn bản — the document",
        "document_label": "Nhãn văn bản — document label",
        "document_type": "Loại văn bản — document type",
        "document_number": "Số hiệu văn bản — document number",
        "document_issuer": "Cơ quan ban hành — issuer",
        "document_date": "Ngày ban hành — document date",
        "document_title": "Trích yếu — document title",
        "node_pk": "Mã dòng của mục — node row id",
        "node_id": "Số hiệu mục — node id",
        "heading": "Tiêu đề mục — heading",
        "text": "Nội dung mục — node text",
        "task": "1 = là nhiệm vụ — 1 if a task",
        "seq": "Thứ tự trong văn bản — order in the document",
        "deadline": "Thời hạn (của mục hoặc kế thừa) — deadline, own or inherited",
        "deadline_text": "Thời hạn như đã viết — deadline as written",
        "assigned_node": "Mục ghi phân công — the node where the assignment is stated",
        "depth": "0 = giao trực tiếp, > 0 = kế thừa từ mục cha — 0 stated here, > 0 inherited",
        "correction_id": "Phân công do lần sửa này thêm — the correction that added the assignment",
    }),
    "legal_document_links": ("Văn bản được trích dẫn mà sổ cũng lưu — cited documents the registry holds", {
        "legal_document_id": "Văn bản được trích dẫn — the cited document",
        "document_id": "Bản đã nạp của văn bản đó — our ingested copy",
    }),
}

FACETS = {
    "documents": ["issuer", "doc_type"],
    "legal_documents": ["issuer", "doc_type"],
    "assignments": ["unit", "role", "jurisdiction"],
    "units": ["jurisdiction", "is_group"],
    "unit_tasks": ["unit", "role", "jurisdiction"],
    "tasks_citing": ["ref", "document_issuer"],
}
LABEL_COLUMNS = {"documents": "label", "legal_documents": "ref", "units": "name"}

# Titles and descriptions of the canned queries; their SQL is queries.canned_queries(), the CLI's own.
QUERIES: dict[str, dict] = {
    "tasks_citing_document": {
        "title": "Nhiệm vụ trích dẫn một văn bản — tasks citing a document",
        "description": "Nhập số hiệu theo bất kỳ cách viết nào (33/CT-TTg, 33/ct-ttg, Chỉ thị số 33/CT-TTg) hoặc "
                       "tên đã trích dẫn (Luật Đất đai 2024) — the cited reference in any written form, or a name.",
    },
    "unit_tasks_deadlines": {
        "title": "Việc của một đơn vị, kèm thời hạn — a unit's tasks with deadlines",
        "description": "Tên đơn vị theo bất kỳ cách viết nào (Phòng Văn hoá – Xã hội) hoặc mã đơn vị; địa bàn "
                       "(Hà Nội) để lọc, có thể bỏ trống — any spelling of the unit's name, or its unit id; "
                       "a jurisdiction to filter by, or blank.",
    },
    "overdue_tasks": {
        "title": "Việc quá hạn tính đến hôm nay — overdue tasks as of today",
        "description": "Thời hạn trước ngày hôm nay (giờ máy chủ) — deadline before today (server's local date).",
    },
    "documents_implementing": {
        "title": "Văn bản triển khai thực hiện một văn bản — documents implementing a document",
        "description": "Văn bản ghi \"Thực hiện …\" văn bản này; cited_document_id = bản sổ đang lưu — documents "
                       "that implement REF (any written form); cited_document_id is the registry's own copy.",
    },
    "most_cited_documents": {
        "title": "Văn bản được trích dẫn nhiều nhất — most-cited documents",
        "description": "Số văn bản trích dẫn và số lần trích dẫn — citing documents and mentions.",
    },
    "task_status": {
        "title": "Tình hình thực hiện nhiệm vụ theo đơn vị — task status by unit",
        "description": "Theo đơn vị chủ trì: hoàn thành đúng hạn, quá hạn; đang thực hiện trong hạn; quá hạn; chưa "
                       "có thời hạn. Ngày tính (as_of) để trống = hôm nay; đơn vị, địa bàn có thể bỏ trống — per "
                       "lead unit: done on time, done late, in progress within the deadline, overdue, no deadline; "
                       "as_of blank = today.",
    },
    "corrections": {
        "title": "Các lần sửa và kết quả — corrections and what became of them",
        "description": "applied = đã áp dụng; redundant = văn bản như đọc đã đúng; not_applying = không còn áp "
                       "dụng (mục đã đổi) — applied; redundant; no longer applying (the node changed).",
    },
}


def database_name(db: str | Path) -> str:
    """Datasette's name for a database file: its stem ("kehoach.db" → "kehoach")."""
    return Path(db).stem


def metadata(db_name: str) -> dict:
    """Datasette metadata for a registry served under ``db_name`` (pure).

    :param db_name: the database's name in Datasette (see :func:`database_name`)
    """
    from kehoach.pipeline.queries import canned_queries
    from kehoach.pipeline.status import CATEGORY_COLORS, CATEGORY_NAMES

    sql = canned_queries()
    # The task_status page draws its rows as a chart (templates/query.html) in these colours.
    chart = {"task_status": {"chart": [[k, CATEGORY_COLORS[k], v] for k, v in CATEGORY_NAMES.items()]}}
    tables: dict[str, dict] = {}
    for name, (description, columns) in TABLES.items():
        table: dict = {"description": description, "columns": dict(columns)}
        if name in FACETS:
            table["facets"] = list(FACETS[name])
        if name in LABEL_COLUMNS:
            table["label_column"] = LABEL_COLUMNS[name]
        tables[name] = table
    # Search box on nodes: nodes_fts indexes heading, text and text_folded (đ → d).
    tables["nodes"].update({"fts_table": "nodes_fts", "fts_pk": "id", "searchmode": "escaped"})
    tables["nodes_fts"] = {"hidden": True}
    return {
        "title": TITLE,
        "description": "Nhiệm vụ, đơn vị, thời hạn và văn bản được trích dẫn trong kế hoạch, chỉ thị, quyết "
                       "định — tasks, units, deadlines and cited documents of Vietnamese government plans.",
        "source": "kehoach",
        "databases": {
            db_name: {
                "description": "Sổ theo dõi (chỉ đọc) — the registry, read-only",
                "tables": tables,
                "queries": {name: {**query, **chart.get(name, {}), "sql": sql[name]}
                            for name, query in QUERIES.items()},
            }
        },
    }


class _Plugin:
    """Datasette plugin: the key functions on every connection."""

    @staticmethod
    def prepare_connection(conn, database, datasette):
        from kehoach.pipeline.queries import prepare_connection

        prepare_connection(conn)


def _register_plugin() -> None:
    from datasette import hookimpl
    from datasette.plugins import pm

    if pm.get_plugin("kehoach") is None:
        hookimpl(_Plugin.prepare_connection)
        pm.register(_Plugin, name="kehoach")


def check_registry(db: str | Path) -> Path:
    """The registry file, checked: it exists and is a registry of this version.

    :raises kehoach.pipeline.errors.RegistryError: no such file, or not a registry
    """
    from kehoach.pipeline.queries import open_readonly

    open_readonly(db).conn.close()
    return Path(db)


def _pending_log(path: Path) -> bool:
    """True while the write-ahead log holds rows not yet folded into the file (an ingest is running)."""
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


TEMPLATES = Path(__file__).resolve().parent / "templates"  # the task_status chart on its query page


def datasette_app(db: str | Path, *, changing: bool = False):
    """A configured Datasette instance serving ``db`` read-only, with :func:`metadata`.

    The file is opened immutable (no locks, no writes); only while an ingest is
    writing (a non-empty -wal file, which immutable mode would ignore), or when
    the edit pages write beside it (``changing``), is it opened ``mode=ro`` instead,
    still read-only.
    """
    from datasette.app import Datasette

    path = check_registry(db)
    _register_plugin()
    mutable = changing or _pending_log(path)
    files = {"files": [str(path)]} if mutable else {"immutables": [str(path)]}
    meta = metadata(database_name(path))
    if changing:
        meta["description"] += " Sửa: /edit/ — the clerk's edit pages: /edit/"
    return Datasette(**files, metadata=meta, template_dir=str(TEMPLATES), settings={"sql_time_limit_ms": 5000})


def serve(db: str | Path, *, port: int = DEFAULT_PORT) -> None:
    """Serve the registry with Datasette on http://127.0.0.1:PORT until interrupted.

    :raises kehoach.pipeline.errors.RegistryError: no such registry
    """
    import asyncio

    import uvicorn

    ds = datasette_app(db)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=HOST, port=port, log_level="warning", lifespan="on", workers=1)
