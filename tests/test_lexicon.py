"""The lexicons are data (extractors/data/*.json): every example of every entry is read as its entry says,
and the header and citation readers use the same lists."""

from __future__ import annotations

import pytest

from kehoach.extractors import citation_patterns, header, lexicon
from kehoach.extractors.citations import find_citations
from kehoach.extractors.fold import ascii_key

TYPE_EXAMPLES = [(t.name, example) for t in lexicon.doc_types() for example in t.examples]


def _is_type_line(example: str) -> bool:
    return example.isupper() and " số " not in example


@pytest.mark.parametrize("name,example", [p for p in TYPE_EXAMPLES if _is_type_line(p[1])],
                         ids=lambda v: ascii_key(v))
def test_type_line_examples_give_their_type(name, example):
    entry = next(t for t in lexicon.doc_types() if t.name == name)
    expected = None if entry.heads_body_parts else name
    assert header.doc_type_of_line(example) == expected


@pytest.mark.parametrize("name,example", [p for p in TYPE_EXAMPLES if not _is_type_line(p[1]) and any(
    ch.isdigit() for ch in p[1])], ids=lambda v: ascii_key(v))
def test_cited_examples_give_their_type(name, example):
    found = find_citations(example)
    assert [c.doc_type for c in found][:1] == [name], found


def test_every_type_has_an_example():
    assert all(t.examples for t in lexicon.doc_types())


def test_the_29_administrative_types_of_decree_30_are_there():
    administrative = ("Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo",
                      "Hướng dẫn", "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo",
                      "Biên bản", "Tờ trình", "Hợp đồng", "Công văn", "Công điện", "Bản ghi nhớ",
                      "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu", "Giấy nghỉ phép",
                      "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công")
    assert len(administrative) == 29
    assert set(administrative) <= {t.name for t in lexicon.doc_types()}


def test_header_and_citations_read_the_same_types():
    header_types = set(header.DOC_TYPE_WORDS.values())
    citation_types = {citation_patterns.DOC_TYPE_CANONICAL.get(w.casefold(), w) for w in citation_patterns.DOC_TYPES}
    assert header_types <= citation_types
    assert header.SYMBOL_TYPES == citation_patterns.TYPE_ABBREVIATIONS


@pytest.mark.parametrize("symbol,party,expected", [
    ("TT", False, "Thông tư"), ("TT", True, "Thông tri"), ("QĐi", True, "Quy định"), ("QyĐ", False, "Quy định"),
    ("CV", False, "Công văn"), ("BB", False, "Biên bản"), ("GCN", False, "Giấy chứng nhận"),
])
def test_symbol_abbreviations(symbol, party, expected):
    assert lexicon.symbol_types(party=party)[symbol] == expected


POSITION_EXAMPLES = [(p.name, example) for p in lexicon.positions() for example in p.examples]


@pytest.mark.parametrize("name,example", POSITION_EXAMPLES, ids=lambda v: ascii_key(v))
def test_position_examples_sign(name, example):
    """Each example block, with a name under it, gives that signer holding the position."""
    from kehoach.extractors.fold import compare_key
    from kehoach.extractors.normalize import clean_lines
    from kehoach.extractors.signature import parse_signature
    from kehoach.schemas.layout import Line

    signer = parse_signature(clean_lines(Line(text=t) for t in f"{example}\nNguyễn Văn An".split("\n"))).signer
    assert signer.name == "Nguyễn Văn An"
    assert compare_key(name) in compare_key(f"{signer.position} {signer.authority}")


def test_every_position_has_an_example():
    assert all(p.examples for p in lexicon.positions())


BODY_NAME_EXAMPLES = [example for t in lexicon.doc_types() for example in t.in_body_names]


@pytest.mark.parametrize("example", BODY_NAME_EXAMPLES, ids=lambda v: ascii_key(v))
def test_body_names_ending_in_a_type_word_stay_whole(example):
    from kehoach.extractors.fold import compare_key
    from kehoach.extractors.normalize import clean_lines
    from kehoach.schemas.layout import Line

    text = f"{example}\nSố: 1/BC-X\nHà Nội, ngày 5 tháng 3 năm 2025\nBÁO CÁO\nTình hình"
    meta = header.parse_header(clean_lines(Line(text=t) for t in text.split("\n"))).metadata
    assert (compare_key(meta.issuer), meta.doc_type) == (compare_key(example), "Báo cáo")


BODY_NAMES = lexicon.load("body_names")
HEAD_EXAMPLES = [example for h in BODY_NAMES["heads"] if h.get("starts_a_line", True) for example in h["examples"]]
ORGAN_EXAMPLES = [(o["name"], example) for o in BODY_NAMES["organs"] for example in o["examples"]]


@pytest.mark.parametrize("example", HEAD_EXAMPLES, ids=lambda v: ascii_key(v))
def test_a_line_starting_with_a_head_names_a_body_of_its_own(example):
    from kehoach.extractors.issuer_names import proper_case, split_issuer

    assert split_issuer(["BỘ NỘI VỤ", example]) == (proper_case(example), "Bộ Nội vụ")


@pytest.mark.parametrize("name,example", ORGAN_EXAMPLES, ids=lambda v: ascii_key(v))
def test_an_organ_is_named_with_its_parent(name, example):
    from kehoach.extractors.fold import compare_key
    from kehoach.extractors.issuer_names import split_issuer

    issuer, parent = split_issuer(example.split(" / "))
    assert compare_key(issuer).startswith(compare_key(name)) and compare_key(parent) in compare_key(issuer)
