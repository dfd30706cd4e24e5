"""`kehoach eval --originals`: a transcript's gold also scores the scan it was typed from."""

from __future__ import annotations

import json

from kehoach.pipeline.evaluate import evaluate, gold_pairs, nothing_found


def _corpus(tmp_path):
    corpus, originals = tmp_path / "gold-set", tmp_path / "scans"
    for folder in (corpus / "text", corpus / "gold", originals):
        folder.mkdir(parents=True)
    for stem in ("a_typed", "b_scanned"):
        (corpus / "text" / f"{stem}.txt").write_text("KẾ HOẠCH\n1. Sở Y tế chủ trì.\n", encoding="utf-8")
        (corpus / "gold" / f"{stem}.json").write_text(json.dumps({"doc": stem}), encoding="utf-8")
    (corpus / "SOURCES.tsv").write_text("stem\tfile\nb_scanned\tb scan 01.txt\n", encoding="utf-8")
    (originals / "b scan 01.txt").write_text("KẾ HOẠCH\n1. Sở Nội vụ chủ trì.\n", encoding="utf-8")
    return corpus, originals


def test_without_originals_every_document_is_its_transcript(tmp_path):
    corpus, _ = _corpus(tmp_path)
    assert [d.name for d, _ in gold_pairs(corpus)] == ["a_typed.txt", "b_scanned.txt"]


def test_with_originals_a_listed_document_is_read_from_its_original(tmp_path):
    corpus, originals = _corpus(tmp_path)
    assert [d for d, _ in gold_pairs(corpus, originals)] == [corpus / "text" / "a_typed.txt",
                                                              originals / "b scan 01.txt"]


def test_an_original_missing_from_the_folder_leaves_the_document_out(tmp_path):
    corpus, originals = _corpus(tmp_path)
    (originals / "b scan 01.txt").unlink()
    assert [d.name for d, _ in gold_pairs(corpus, originals)] == ["a_typed.txt"]


def test_evaluate_reads_the_original(tmp_path):
    corpus, originals = _corpus(tmp_path)
    read = []
    evaluate(corpus, originals=originals, extractor=lambda path: read.append(path.name) or nothing_found(path))
    assert read == ["a_typed.txt", "b scan 01.txt"]


def test_cli_names_a_missing_originals_folder(run_cli, tmp_path):
    corpus, _ = _corpus(tmp_path)
    result = run_cli("eval", str(corpus), "--originals", str(tmp_path / "nowhere"))
    assert result.returncode != 0
    assert "nowhere: not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_document_the_extractor_crashes_on_is_scored_as_nothing_found(tmp_path):
    corpus, originals = _corpus(tmp_path)

    def crash(path):
        raise RuntimeError("unreadable page")

    result = evaluate(corpus, originals=originals, extractor=crash)
    assert [d["error"] for d in result["documents"]] == ["RuntimeError: unreadable page"] * 2
