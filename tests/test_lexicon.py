"""The lexicons are data (extractors/data/*.json): every example of every entry is read as its entry says,
and the header and citation readers use the same lists."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kehoach.extractors import citation_patterns, header, lexicon
from kehoach.extractors.citations import find_citations
from kehoach.extractors.fold import ascii_key, compare_key

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


# --- laws and codes (data/laws.json) ----------------------------------------------------------

LAWS = lexicon.laws()
LAW_EXAMPLES = [(law.name, example) for law in LAWS if law.doc_type != "Hiến pháp" for example in law.examples]
NUMBER_RE = re.compile(r"\d{1,3}[a-z]?/\d{4}/(?:QH\d{1,2}|PL-UBTVQH\d{1,2}|UBTVQH\d{1,2})|\d{1,3}-L(?:CT)?/(?:CTN|HĐNN\d)")


@pytest.mark.parametrize("name,example", LAW_EXAMPLES, ids=lambda v: ascii_key(v)[:60])
def test_law_examples_cite_their_law(name, example):
    found = find_citations(example)
    assert name in [c.law.name for c in found if c.law is not None], [(c.text, c.law and c.law.name) for c in found]


def test_every_law_has_a_source_and_an_example():
    entries = lexicon.load("laws")["laws"]
    sources = set(lexicon.load("laws")["sources"])
    assert all(e["source"] and set(e["source"]) <= sources for e in entries)
    assert all(e["examples"] for e in entries)


@pytest.mark.parametrize("law", LAWS, ids=lambda law: ascii_key(law.name)[:60])
def test_law_versions_are_well_formed(law):
    assert law.doc_type in ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")
    assert law.name.startswith(law.doc_type)
    for version in (*law.versions, *law.amended_by):
        assert version.number is None or NUMBER_RE.fullmatch(version.number), version
        assert version.date is not None or version.year is not None, version
        if version.number and "/" in version.number and version.number.count("/") == 2:
            assert int(version.number.split("/")[1]) == (version.date.year if version.date else version.year)
        assert version.in_force is None or version.date is None or version.in_force >= version.date
    starts = [v.date or dt.date(v.year, 1, 1) for v in law.versions]
    assert starts == sorted(starts), "versions oldest first"


def test_a_number_names_one_law():
    owners: dict[str, str] = {}
    for law in LAWS:
        for version in law.versions:
            if version.number:
                assert owners.setdefault(version.number, law.name) == law.name, version.number


def test_a_title_names_one_law():
    seen: dict[tuple[str, str], str] = {}
    for law in LAWS:
        family = "ordinance" if law.doc_type == "Pháp lệnh" else "law"
        for title in law.titles:
            key = (family, " ".join(compare_key(title).replace(",", " ").split()[1:]).removeprefix("luật "))
            assert seen.setdefault(key, law.name) == law.name, title


# (law, year given by the citation, citing document's date, number expected) — checked against the
# laws' own final articles (in-force dates) and Công báo.
VERSION_CASES = [
    pytest.param("Luật Đầu tư công", None, "2025-03-01", "58/2024/QH15", id="in-force-at-date"),
    pytest.param("Luật Đầu tư công", None, "2024-12-15", "39/2019/QH14", id="passed-not-yet-in-force"),
    pytest.param("Luật Tổ chức chính quyền địa phương", 2025, None, "72/2025/QH15", id="two-of-one-year-the-later"),
    pytest.param("Luật Tổ chức chính quyền địa phương", 2025, "2025-04-01", "65/2025/QH15",
                 id="two-of-one-year-the-one-in-force"),
    pytest.param("Luật Ngân sách nhà nước", None, "2025-11-01", "83/2015/QH13", id="new-law-from-2026"),
    pytest.param("Luật Đất đai", 2013, None, "45/2013/QH13", id="year-given"),
    pytest.param("Luật Đất đai", None, None, None, id="several-versions-no-date"),
    pytest.param("Luật Thực hiện dân chủ ở cơ sở", None, None, "10/2022/QH15", id="one-version-no-date"),
    pytest.param("Luật Đất đai", 2019, None, None, id="no-version-that-year"),
    pytest.param("Bộ luật Lao động", None, "2020-06-01", "10/2012/QH13", id="code-in-force"),
]


@pytest.mark.parametrize("name,year,on,number", VERSION_CASES)
def test_law_version(name, year, on, number):
    law = next(law for law in LAWS if law.name == name)
    version = law.version(year=year, on=dt.date.fromisoformat(on) if on else None)
    assert (version.number if version else None) == number


SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "lexicon" / "laws-vlc.tsv"
# Seed rows the lexicon does not take as they stand (see laws.json "sources"): a truncated title, and one
# promulgation number given to two laws of 1994.
SEED_EXCEPTIONS = {"Luật Hoạt động giám sát", "Luật Thuế chuyển quyền sử dụng đất",
                   "Luật Khuyến khích đầu tư trong nước", "Hiến pháp"}


def test_seed_laws_are_in_the_lexicon():
    if not SEED.exists():
        pytest.skip("../shared/corpus/lexicon is not present beside the project")
    numbers = {(compare_key(t), v.number) for law in LAWS for t in law.titles for v in law.versions}
    titles = {compare_key(t) for law in LAWS for t in law.titles}
    for line in SEED.read_text(encoding="utf-8").splitlines()[1:]:
        name, number, _date, _source = line.split("\t")
        if name in SEED_EXCEPTIONS:
            continue
        key = compare_key(name).replace(",", ", ").replace("  ", " ")
        assert key in titles, name
        assert not number or (key, number) in numbers, (name, number)


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

    assert split_issuer(["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", example]) == (proper_case(example),
                                                                     "Ủy ban nhân dân tỉnh Lào Cai")


UNIT_EXAMPLES = [example for h in BODY_NAMES["heads"] for example in h.get("unit_examples", ())]


@pytest.mark.parametrize("example", UNIT_EXAMPLES, ids=lambda v: ascii_key(v))
def test_a_unit_is_named_with_a_parent_that_names_its_units(example):
    from kehoach.extractors.issuer_names import split_issuer

    header, expected = example.split(" → ")
    assert split_issuer(header.split(" / "))[0] == expected


@pytest.mark.parametrize("name,example", ORGAN_EXAMPLES, ids=lambda v: ascii_key(v))
def test_an_organ_is_named_with_its_parent(name, example):
    from kehoach.extractors.fold import compare_key
    from kehoach.extractors.issuer_names import split_issuer

    issuer, parent = split_issuer(example.split(" / "))
    assert compare_key(issuer).startswith(compare_key(name)) and compare_key(parent) in compare_key(issuer)
