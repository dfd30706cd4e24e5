"""A letter, a re-saved copy of it and an edited version, through `kehoach ingest`: one current document,
the versions recorded, and ingest saying which is which; an unnumbered document labelled in every listing.

The letter is a draft with a blank number ("Số: /UBND-XD"), as 12 of the 72 documents of issue 13 were,
so neither the number nor the path (each copy has its own file name) can tie the files together: the
content fingerprint and the extracted content do.
"""

from __future__ import annotations

import json

import pytest

LETTER = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: /UBND-XD
V/v triển khai kiểm tra an toàn công trình xây dựng
Hà Nội, ngày 12 tháng 9 năm 2025

Kính gửi:
- Sở Xây dựng;
- Ủy ban nhân dân các xã, phường.

Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân Thành phố yêu cầu \
các đơn vị triển khai các nội dung sau:

1. Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các xã, phường tổ chức kiểm tra an toàn các công trình \
xây dựng đang thi công trên địa bàn, hoàn thành trước ngày 30/10/2025.

2. Ủy ban nhân dân các xã, phường rà soát, lập danh sách các công trình có nguy cơ mất an toàn, báo cáo Sở \
Xây dựng trước ngày 15/10/2025.

3. Sở Xây dựng tổng hợp kết quả kiểm tra, báo cáo Ủy ban nhân dân Thành phố trong tháng 11 năm 2025.

Nơi nhận:
- Như trên;
- Lưu: VT, XD.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn A
"""
EDITED = LETTER.replace(
    "rà soát, lập danh sách các công trình có nguy cơ mất an toàn, báo cáo Sở Xây dựng trước ngày 15/10/2025",
    "thống kê các công trình nhà ở riêng lẻ xây dựng không phép, đề xuất biện pháp xử lý, báo cáo Sở Xây dựng "
    "trước ngày 20/10/2025")
LABEL = "Công văn triển khai kiểm tra an toàn công trình xây dựng (2025-09-12)"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, run_cli):
    """The letter, then a copy saved with a byte-order mark and Windows line ends, then the edited letter."""
    folder = tmp_path_factory.mktemp("letters")
    db = folder / "r.db"
    files = {"letter": folder / "cv-du-thao.txt", "copy": folder / "cv-luu-lai.txt", "edited": folder / "cv-sua.txt"}
    files["letter"].write_text(LETTER, encoding="utf-8")
    files["copy"].write_bytes(b"\xef\xbb\xbf" + LETTER.replace("\n", "\r\n").encode("utf-8"))
    files["edited"].write_text(EDITED, encoding="utf-8")
    outputs = {}
    for name, path in files.items():
        result = run_cli("ingest", str(path), "--db", str(db), "--workers", "1")
        assert result.returncode == 0, result.stderr
        outputs[name] = result.stdout
    return db, files, outputs


def listing(run_cli, db, *args) -> list[dict]:
    result = run_cli(*args, "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_says_copy_and_version(ingested):
    _db, files, out = ingested
    # five nodes: the V/v subject (title), the preamble, items 1–3; five assignments: the preamble's request
    # "yêu cầu các đơn vị triển khai" leads too (a group)
    assert out["letter"].startswith(f"loaded   {files['letter']}: 5 nodes, 1 citations, 5 assignments\n"
                                    "         warning: no document number in the header\n")
    assert out["copy"].startswith(f"skipped  {files['copy']}: same document as {LABEL} (#1, {files['letter']})\n")
    assert out["edited"].startswith(f"loaded   {files['edited']}: version 2 of {LABEL}, replaces #1 "
                                    f"({files['letter']}); 5 nodes")


def test_one_current_document_and_the_versions_recorded(ingested, run_cli):
    db, files, _out = ingested
    assert [(d["id"], d["version"]) for d in listing(run_cli, db, "docs")] == [(3, 2)]
    history = {d["id"]: d for d in listing(run_cli, db, "docs", "--all")}
    assert {i: (d["version"], d["current"], d["superseded_by"], d["same_as"], d["nodes"]) for i, d in history.items()} \
        == {1: (1, False, 3, None, 5), 2: (1, False, None, 1, 0), 3: (2, True, None, None, 5)}
    assert history[3]["path"] == str(files["edited"])


def test_tasks_appear_once(ingested, run_cli):
    db, *_ = ingested
    rows = listing(run_cli, db, "tasks")
    pairs = [(r["node_id"], r["unit"]) for r in rows]
    assert len(pairs) == len(set(pairs)) == 5  # the preamble request to "các đơn vị" is one of them
    assert {r["document_id"] for r in rows} == {3}
    assert next(r["text"] for r in rows if r["node_id"] == "2").startswith("Ủy ban nhân dân các xã, phường thống kê")


def test_an_unnumbered_document_is_labelled_in_every_listing(ingested, run_cli):
    db, *_ = ingested
    assert [d["label"] for d in listing(run_cli, db, "docs")] == [LABEL]
    assert {r["document_label"] for r in listing(run_cli, db, "tasks")} == {LABEL}
    assert [r["document_label"] for r in listing(run_cli, db, "cites", "33/CT-TTg")] == [LABEL]
    assert {r["document_label"] for r in listing(run_cli, db, "search", "an toan")} == {LABEL}
    assert [r["document_label"] for r in listing(run_cli, db, "implements", "33/CT-TTg")] == [LABEL]
    export = run_cli("export", "--format", "jsonl", "--db", str(db))
    assert {json.loads(line)["document_label"] for line in export.stdout.splitlines()} == {LABEL}


def test_numbered_version_of_a_draft(ingested, run_cli, tmp_path):
    """The signed letter, numbered 7432/UBND-XD, replaces the draft it was made from."""
    db, files, _out = ingested
    signed = tmp_path / "7432-UBND-XD.txt"
    signed.write_text(EDITED.replace("Số: /UBND-XD", "Số: 7432/UBND-XD"), encoding="utf-8")
    result = run_cli("ingest", str(signed), "--db", str(db), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"loaded   {signed}: version 3 of 7432/UBND-XD, replaces #3 ({LABEL}, "
                                    f"{files['edited']}); 5 nodes")
    assert [(d["label"], d["version"]) for d in listing(run_cli, db, "docs")] == [("7432/UBND-XD", 3)]
