"""`kehoach ingest FOLDER --workers N`: parallel extraction, one writer, resume by sha256."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from kehoach.pipeline import batch, registry

from .conftest import SHARED_CORPUS

PLAN = "ỦY BAN NHÂN DÂN\nXÃ {name}\nSố: {n}/KH-UBND\nKẾ HOẠCH\nI. NHIỆM VỤ\n1. Văn phòng chủ trì thực hiện.\n"


def _folder(tmp_path, count=4):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    for i in range(count):
        target = folder / ("sub" if i % 2 else ".") / f"kh-{i}.txt"
        target.write_text(PLAN.format(name=f"XÃ {i}", n=i + 10), encoding="utf-8")
    (folder / "notes.md").write_text("not a document", encoding="utf-8")
    return folder


def _run(*args):
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL, check=False)


def test_folder_with_two_workers_then_resume(tmp_path):
    folder, db = _folder(tmp_path), tmp_path / "r.db"
    first = _run("ingest", str(folder), "--db", str(db), "--workers", "2")
    assert first.returncode == 0, first.stderr
    assert "4 loaded, 0 skipped, 0 failed" in first.stdout
    assert first.stdout.count("loaded   ") == 4  # plain lines when not a terminal
    second = _run("ingest", str(folder), "--db", str(db), "--workers", "2")
    assert "0 loaded, 4 skipped, 0 failed" in second.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == 4


def test_skip_check_happens_before_extraction(tmp_path):
    """Files already in the registry never reach a worker."""
    folder, db = _folder(tmp_path, 2), tmp_path / "r.db"
    database = registry.open_db(db)
    batch.ingest(database, [folder], workers=1)
    planned = []
    report = batch.ingest(database, [folder], workers=1, on_planned=planned.append)
    assert planned == [0]
    assert [e.status for e in report.entries] == ["ignored", "skipped", "skipped"]  # notes.md: not a document


def test_same_bytes_twice_in_one_batch(tmp_path):
    folder, db = _folder(tmp_path, 1), tmp_path / "r.db"
    (folder / "copy.txt").write_bytes((folder / "kh-0.txt").read_bytes())
    report = batch.ingest(registry.open_db(db), [folder], workers=2)
    assert sorted(e.status for e in report.entries) == ["ignored", "loaded", "skipped"]


def test_progress_bar_on_request(tmp_path):
    folder, db = _folder(tmp_path, 2), tmp_path / "r.db"
    result = _run("ingest", str(folder), "--db", str(db), "--workers", "2", "--progress")
    assert result.returncode == 0, result.stderr
    assert "2/2" in result.stdout and "loaded" in result.stdout


def test_corpus_native_pdfs_are_vietnamese(tmp_path):
    """Native corpus PDFs read without OCR and score as Vietnamese (the OCR'd ones: test_ocr)."""
    from kehoach.extractors.quality import score_text
    from kehoach.pipeline.readers import ReadOptions, read_document

    pdfs = sorted((SHARED_CORPUS / "pdf").glob("native_*.pdf"))
    if not pdfs:
        pytest.skip("../shared/corpus/pdf is not present beside the project")
    for pdf in pdfs:
        raw = read_document(pdf, ReadOptions(ocr=False))
        assert raw.text_source == "native" and not raw.warnings, pdf.name
        assert score_text(raw.text).syllable_share >= 0.9, pdf.name
