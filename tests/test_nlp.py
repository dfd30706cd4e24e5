"""The spaCy "citations" component: wraps find_citations, fills doc.spans["citations"]."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.pipeline.nlp import blank_vietnamese


@pytest.fixture(scope="module")
def nlp():
    pipeline = blank_vietnamese()
    pipeline.add_pipe("citations")
    return pipeline


def test_blank_vietnamese_needs_no_pyvi():
    assert blank_vietnamese().lang == "vi"


@pytest.mark.parametrize("text,refs", [
    pytest.param("Căn cứ Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ;", ["178/2024/NĐ-CP"], id="one"),
    pytest.param("Quyết định số 217-QĐ/TW, Quyết định số 218-QĐ/TW ngày 12/12/2013", ["217-QĐ/TW", "218-QĐ/TW"], id="list"),
    pytest.param("Quyết định số31-QĐ/TW", ["31-QĐ/TW"], id="inside-a-token"),
    pytest.param("Kế hoạch này", [], id="none"),
])
def test_spans(nlp, text, refs):
    doc = nlp(text)
    spans = doc.spans["citations"]
    assert [s._.citation.ref for s in spans] == refs
    for span in spans:
        assert span.start_char <= span._.citation.start and span._.citation.end <= span.end_char


def test_span_carries_structured_value(nlp):
    doc = nlp("Thực hiện Kết luận số 183/KL-TW ngày 01/8/2025 của Bộ Chính trị")
    (span,) = doc.spans["citations"]
    value = span._.citation
    assert span.text == "Kết luận số 183/KL-TW"
    assert span.label_ == "Kết luận"
    assert (value.ref, value.date, value.issuer, value.relation) == (
        "183-KL/TW", dt.date(2025, 8, 1), "Bộ Chính trị", "implements")


def test_custom_spans_key():
    pipeline = blank_vietnamese()
    pipeline.add_pipe("citations", config={"spans_key": "refs"})
    assert len(pipeline("Nghị quyết số 25-NQ/TW").spans["refs"]) == 1


def test_extractors_do_not_import_spacy():
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / "extractors"
    for name in ("citations.py", "citation_patterns.py"):
        assert "spacy" not in (root / name).read_text(encoding="utf-8")
