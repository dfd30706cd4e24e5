"""Faithful text: every string read from a document keeps the document's own words.

The parsers read a match view (old tone placement and Đ look-alikes folded); fidelity.SpellingMap gives
their output the written spelling back. The bulk test reads every text of ../shared/corpus/bulk (skipped
without it) and the sample PDFs, and checks that each word of the output occurs in the input.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kehoach.extractors.fidelity import SpellingMap
from kehoach.extractors.normalize import DEFAULT_STEPS, WRITTEN_STEPS, clean_text
from kehoach.pipeline import api

from .conftest import SAMPLES

_WORD_RE = re.compile(r"\w+")


def _map(*lines: str) -> SpellingMap:
    return SpellingMap.from_lines((clean_text(t, WRITTEN_STEPS), clean_text(t, DEFAULT_STEPS)) for t in lines)


RESTORE_CASES = [
    pytest.param(["Phòng Văn hoá - Xã hội chủ trì"], "Phòng Văn hóa - Xã hội", "Phòng Văn hoá - Xã hội",
                 id="substring-takes-the-written-text"),
    pytest.param(["UỶ BAN NHÂN DÂN TỈNH"], "Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh",
                 id="composed-string-word-by-word-in-its-own-case"),
    pytest.param(["Sở Văn hoá, Thể thao", "Giám đốc các Sở: Tài chính"], "Sở Văn hóa", "Sở Văn hoá",
                 id="short-name-found-once"),
    pytest.param(["Ủy ban nhân dân xã", "Uỷ ban nhân dân phường"], "Ủy ban nhân dân xã", "Ủy ban nhân dân xã",
                 id="both-spellings-written-the-place-decides"),
    pytest.param(["Ủy ban nhân dân xã", "Uỷ ban nhân dân phường"], "Ủy ban các cấp", "Ủy ban các cấp",
                 id="both-spellings-written-a-new-string-keeps-the-view"),
    pytest.param(["bảo đảm hoặc thay thế"], "hoặc", "hoặc", id="hoac-untouched"),
    pytest.param(["Ðiều 1. Phạm vi"], "Điều 1. Phạm vi", "Ðiều 1. Phạm vi", id="eth-lookalike-as-written"),
    pytest.param(["không có gì đổi"], "không có gì đổi", "không có gì đổi", id="nothing-folded"),
]


@pytest.mark.parametrize("lines,view_text,written", RESTORE_CASES)
def test_restore(lines, view_text, written):
    assert _map(*lines).restore(view_text) == written


def test_view_and_written_lines_have_equal_length():
    for text in ("Uỷ ban hoà giải thuỷ lợi khoẻ", "ÐẢNG ỦY", "hoặc ngoặc quý"):
        assert len(clean_text(text, WRITTEN_STEPS)) == len(clean_text(text, DEFAULT_STEPS))


def _output_strings(plan) -> list[str]:
    meta = plan.metadata
    out = [meta.title, meta.issuer, meta.parent_issuer, meta.place, *meta.recipients]
    for signer in meta.signers:
        out += [signer.name, signer.position, signer.authority]
    out += [x for n in plan.nodes for x in (n.text, n.heading, n.deadline_text)]
    out += [x for c in plan.citations for x in (c.text, c.title, c.issuer)]
    out += [x for a in plan.assignments for x in (a.unit, a.deadline_text)]
    return [s for s in out if s]


def _invented_words(plan, source_text: str) -> list[str]:
    # A word may be glued to its neighbour in the input ("CHÍNH PHỦKT."), hence a substring test; case
    # is not a word of its own (a header in capitals is shown in sentence case).
    source = unicodedata.normalize("NFC", source_text).casefold()
    return sorted({w for s in _output_strings(plan) for w in _WORD_RE.findall(s) if w.casefold() not in source})


def test_old_tone_placement_is_kept_in_the_output():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH THANH HOÁ\nKẾ HOẠCH\nVề công tác hoà giải ở cơ sở\n"
            "I. NHIỆM VỤ\n1. Phòng Văn hoá - Xã hội chủ trì, phối hợp với Toà án nhân dân tỉnh thực hiện "
            "việc hoà giải hoặc hướng dẫn hoà giải.\n")
    plan = api.extract_string(text)
    assert _invented_words(plan, text) == []
    node = next(n for n in plan.nodes if n.id == "I.1")
    assert "Văn hoá" in node.text and "Toà án" in node.text and "hoặc" in node.text
    assert ("Phòng Văn hoá - Xã hội", "lead") in {(a.unit, a.role) for a in plan.assignments}


@pytest.mark.parametrize("pdf", sorted((SAMPLES / "pdf").glob("*.pdf")), ids=lambda p: p.stem)
def test_sample_pdfs_invent_no_word(pdf):
    source = (SAMPLES / "source" / f"{pdf.stem}.txt").read_text(encoding="utf-8")
    assert _invented_words(api.extract(pdf), source) == []


def test_bulk_texts_invent_no_word(bulk_extractions):
    results, _ = bulk_extractions
    invented = {}
    for path, plan in results:
        words = [] if isinstance(plan, Exception) else _invented_words(plan, path.read_text(encoding="utf-8"))
        if words:
            invented[Path(path).stem] = words
    assert invented == {}
