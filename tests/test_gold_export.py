"""`kehoach corrections export` + `kehoach eval`: the clerks' corrections are gold the extractor is scored
against. The Gia Viên sample (its text, as a clerk's .txt) is ingested and corrected; the export is its
text and gold JSON; eval of the extractor misses exactly what was corrected, and the extractor's output
with the corrections applied scores 1.000.
"""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import api, correction_store, registry
from kehoach.pipeline.cli import app
from kehoach.pipeline.corrections import apply
from kehoach.pipeline.evaluate import evaluate

from .conftest import SAMPLES

runner = CliRunner()
FIXES = [
    ("remove_assignment", "III.1", {"unit": "Ban Xây dựng đảng Đảng ủy", "role": "support"}),
    ("add_assignment", "II.1", {"unit": "Phòng Văn hóa - Xã hội", "role": "lead", "deadline": "2025-12-31"}),
    ("fix_citation", "preamble", {"ref": "33/CT-TTg", "date": "2021-11-25"}),
    ("metadata", None, {"field": "number", "value": "45/KH-UBND"}),
    ("status", "II.1", {"status": "done"}),
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gold")
    source = tmp / "gia-vien.txt"
    shutil.copy(SAMPLES / "source" / "gia-vien-ke-hoach-dan-van-2025.txt", source)
    db = registry.open_db(tmp / "r.db")
    registry.load(db, api.extract(source))
    for action, node, given in FIXES:
        correction_store.record(db, "1", action, node, **given)
    db.conn.close()
    out = tmp / "out"
    result = runner.invoke(app, ["corrections", "export", str(out), "--db", str(tmp / "r.db")])
    assert result.exit_code == 0, result.output
    return tmp, out


def test_the_gold_says_what_the_clerk_said(exported):
    _tmp, out = exported
    gold = json.loads((out / "gold" / "gia-vien.json").read_text(encoding="utf-8"))
    assert gold["doc"] == "gia-vien" and gold["metadata"]["number"] == "45/KH-UBND"
    assignments = {(a["node"], a["unit"], a["role"]) for a in gold["assignments"]}
    assert ("II.1", "Phòng Văn hóa - Xã hội", "lead") in assignments
    assert ("III.1", "Ban Xây dựng đảng Đảng ủy", "support") not in assignments
    assert next(c["date"] for c in gold["citations"] if c["ref"] == "33/CT-TTg") == "2021-11-25"
    assert {"node": "preamble", "ref": "33/CT-TTg"} in gold["mentions"]
    assert "title" not in {n["id"] for n in gold["nodes"]}
    text = (out / "text" / "gia-vien.txt").read_text(encoding="utf-8")
    assert text.startswith("ỦY BAN NHÂN DÂN")


def test_eval_misses_what_was_corrected(exported):
    _tmp, out = exported
    misses = evaluate(out)["documents"][0]["misses"]
    assert misses["assignments_missing"] == [("II.1", "phòng văn hóa - xã hội", "lead")]
    assert misses["assignments_extra"] == [("III.1", "ban xây dựng đảng đảng ủy", "support")]
    assert misses["metadata_wrong"] == {"number": ["45/KH-UBND", None]}


def test_the_extraction_with_the_corrections_applied_scores_one(exported):
    tmp, out = exported
    db = registry.open_db(tmp / "r.db")
    corrections = correction_store.chain_corrections(db, 1)
    db.conn.close()
    result = evaluate(out, extractor=lambda path: apply(api.extract(path), corrections).corrected_plan())
    totals = result["totals"]
    assert [totals[k]["f1"] for k in ("nodes", "citations", "mentions", "assignments")] == [1.0] * 4
    assert (totals["cite_dates"]["accuracy"], totals["metadata"]["accuracy"]) == (1.0, 1.0)
    cli = runner.invoke(app, ["eval", str(out), "--json"])
    assert json.loads(cli.stdout)["totals"]["assignments"]["f1"] < 1.0  # the extractor alone


def test_a_moved_file_is_skipped_with_the_reason(exported, tmp_path):
    tmp, _out = exported
    db = tmp_path / "r.db"
    shutil.copy(tmp / "r.db", db)
    moved = tmp / "gia-vien.txt"
    kept = moved.read_bytes()
    moved.unlink()
    try:
        result = runner.invoke(app, ["corrections", "export", str(tmp_path / "out"), "--db", str(db)])
    finally:
        moved.write_bytes(kept)
    assert result.exit_code == 1
    assert "the file it was ingested from is gone" in result.output
