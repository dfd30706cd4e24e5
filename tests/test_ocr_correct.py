"""OCR post-correction from the syllable model: marks restored in context, words and names kept."""

from __future__ import annotations

import gzip
import importlib.util

import pytest

from kehoach.extractors.ocr_correct import correct_lines, correct_texts, load_model, mark_edits, skeleton
from kehoach.schemas.layout import Line

from .conftest import ROOT

# fmt: off
CORRECTIONS = [
    # Not syllables, or syllables no dictionary knows: the likeliest syllable of the skeleton.
    pytest.param("Hồ sơ câp Giây phép sử dụng", "Hồ sơ cấp Giấy phép sử dụng", id="circumflex-dropped-stop-coda"),
    pytest.param("sản xuât kinh doanh", "sản xuất kinh doanh", id="circumflex-dropped-in-context"),
    pytest.param("QUYÉT ĐỊNH", "QUYẾT ĐỊNH", id="upper-case-kept-upper"),
    pytest.param("triên khai thực hiện", "triển khai thực hiện", id="tone-dropped-valid-shape-unknown-word"),
    pytest.param("GIÁM ĐÓC SỞ", "GIÁM ĐỐC SỞ", id="upper-circumflex-dropped"),
    pytest.param("Tổ chúc thực hiện", "Tổ chức thực hiện", id="horn-dropped"),
    # Known words out of context, with a neighbour on each side.
    pytest.param("Cục Hóa chát thông báo", "Cục Hóa chất thông báo", id="known-word-out-of-context"),
    pytest.param("sửa đổi bố sung", "sửa đổi bổ sung", id="known-word-tone-swapped"),
    pytest.param("quy định chỉ tiết thi hành", "quy định chi tiết thi hành", id="known-word-extra-tone"),
    pytest.param("ĐOÀN KIÊM TRA", "ĐOÀN KIỂM TRA", id="known-word-in-caps"),
    pytest.param("TỔNG GIÁM ĐÓC", "TỔNG GIÁM ĐỐC", id="dictionary-only-word-gives-way-on-strong-left-evidence"),
    # Case mixed inside a word: no Vietnamese word is written so.
    pytest.param("Căn cứ Văn bản sỐ 11654", "Căn cứ Văn bản số 11654", id="mixed-case-syllable-lowered"),
    pytest.param("tổ chức Hội nGHị", "tổ chức Hội nghị", id="mixed-case-after-title"),
    # Negatives: valid syllables in their context, names, abbreviations, foreign words.
    pytest.param("Thủ tướng (TTg), ThS Lê Văn Hà", "Thủ tướng (TTg), ThS Lê Văn Hà", id="mixed-case-abbreviations-kept"),
    pytest.param("quy định QĐi, CTr và TTr", "quy định QĐi, CTr và TTr", id="party-symbols-kept"),
    pytest.param("nổ CÔnNg nghiệp", "nổ CÔnNg nghiệp", id="mixed-case-no-syllable-kept"),
    pytest.param("iPhone và eGov", "iPhone và eGov", id="foreign-mixed-case-kept"),
    pytest.param("trong 30 giây", "trong 30 giây", id="known-word-in-its-context"),
    pytest.param("địa chỉ trụ sở", "địa chỉ trụ sở", id="chi-kept-where-it-belongs"),
    pytest.param("Kiêm tra việc", "Kiêm tra việc", id="known-word-without-left-neighbour-kept"),
    pytest.param("Ông Hoàng Văn Thuân", "Ông Hoàng Văn Thuân", id="person-name-kept"),
    pytest.param("ông Nguyễn Văn Tuân", "ông Nguyễn Văn Tuân", id="person-name-after-lower-case"),
    pytest.param("Ủy ban nhân dân quận, huyện", "Ủy ban nhân dân quận, huyện", id="rare-word-at-chain-end"),
    pytest.param("các thôn ấp, tổ dân phố", "các thôn ấp, tổ dân phố", id="dictionary-word-kept"),
    pytest.param("bệnh kiết lỵ", "bệnh kiết lỵ", id="dictionary-word-unseen-in-corpus"),
    pytest.param("UBND tỉnh Lào Cai", "UBND tỉnh Lào Cai", id="abbreviation-kept"),
    pytest.param("Covid và Email", "Covid và Email", id="foreign-words-kept"),
    pytest.param("hoà bình", "hoà bình", id="old-tone-placement-kept-as-written"),
    pytest.param("a) Chỉ đạo", "a) Chỉ đạo", id="marker-and-sentence-start"),
    pytest.param("Lào Cai, ngày 10 tháng 3 năm 2026", "Lào Cai, ngày 10 tháng 3 năm 2026", id="date-line"),
    pytest.param("ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", id="motto-in-caps"),
]
# fmt: on


@pytest.mark.parametrize("raw,expected", CORRECTIONS)
def test_correct_texts(raw, expected):
    out, changed = correct_texts([raw])
    assert out == [expected]
    assert changed == sum(a != b for a, b in zip(raw.split(), expected.split()))


def test_correction_runs_across_lines_and_keeps_line_objects():
    lines = [Line(text="Căn cứ hồ sơ đề nghị", page=2, x0=10.0), Line(text="câp phép của doanh nghiệp;", page=2)]
    out, changed = correct_lines(lines)
    assert [line.text for line in out] == ["Căn cứ hồ sơ đề nghị", "cấp phép của doanh nghiệp;"]
    assert out[0] is lines[0] and out[1].page == 2 and changed == 1


# fmt: off
EDITS = [
    pytest.param("xuât", "xuất", 1, id="tone-only"),
    pytest.param("tang", "tầng", 2, id="circumflex-and-tone"),
    pytest.param("chúc", "chức", 1, id="horn"),
    pytest.param("dau", "đầu", 3, id="stroke-circumflex-tone"),
    pytest.param("công", "công", 0, id="same"),
]
# fmt: on


@pytest.mark.parametrize("a,b,expected", EDITS)
def test_mark_edits(a, b, expected):
    assert skeleton(a) == skeleton(b)
    assert mark_edits(a, b) == expected


def test_shipped_model_is_small_and_consistent():
    model = load_model()
    data = ROOT / "extractors" / "data"
    assert (data / "syllables.tsv").stat().st_size + (data / "syllable_bigrams.tsv.gz").stat().st_size < 2_000_000
    assert model.unigrams["của"] > 1000 and model.unigrams["lỵ"] == 0  # a dictionary word the corpus lacks
    assert all(model.unigrams.get(a) and model.unigrams.get(b) for a, b in model.bigrams)
    assert model.bigrams[("kiểm", "tra")] > 100 and ("kiêm", "tra") not in model.bigrams


def test_build_script_leaves_reserved_and_gold_texts_out(tmp_path):
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_syllable_model.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    corpus = tmp_path / "corpus"
    for folder in ("bulk", "text", "gold"):
        (corpus / folder).mkdir(parents=True)
    (corpus / "bulk" / "aaaa.txt").write_text("kiểm tra kiểm tra. Kiểm tra!", encoding="utf-8")
    (corpus / "bulk" / "75a0867a09525909.txt").write_text("xuất xuất xuất", encoding="utf-8")  # reserved
    (corpus / "bulk" / "bbbb.txt").write_text("chấp hành chấp hành", encoding="utf-8")  # a gold copy
    (corpus / "gold" / "30_bbbb.json").write_text("{}", encoding="utf-8")
    (corpus / "peer").mkdir()
    (corpus / "peer" / "vnlegaltext-val.jsonl").write_text('{"data": {"value": "Kiểm_tra ."}}\n', encoding="utf-8")
    build.main([str(corpus), "--out", str(tmp_path)])
    rows = dict(r.split("\t") for r in (tmp_path / "syllables.tsv").read_text(encoding="utf-8").splitlines())
    assert rows["kiểm"] == "4" and rows["tra"] == "4"  # the peer sentence's "Kiểm_tra" counted
    assert rows["xuất"] == "0" and rows["chấp"] == "0"  # known from the dictionary only
    bigrams = gzip.decompress((tmp_path / "syllable_bigrams.tsv.gz").read_bytes()).decode("utf-8")
    assert bigrams == "kiểm tra\t4\ntra kiểm\t1\n"
