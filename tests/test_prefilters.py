"""Prefilters that make a scan faster never change what it finds.

A first-letter lookahead lets a long pattern be tried only where one of its words can start; a gate skips a
text or a line that lacks what every match holds (a digit, a "|"). On every gold text each prefiltered
pattern finds exactly what the pattern without its prefilter finds, and a gate never turns away a text the
pattern would match.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from kehoach.extractors import citation_patterns as C
from kehoach.extractors import unit_patterns as U
from kehoach.extractors.citation_find import _DIGIT_RE
from kehoach.extractors.signature import _TABLE_ROW_RE, _is_table_row
from kehoach.extractors.unit_delegation import _DELEGATING_VERB_RE
from kehoach.extractors.unit_roles import _DIRECTS_RE

GOLD_TEXTS = sorted((Path(__file__).parent / "gold" / "text").glob("*.txt"))
_LEADING_LOOKAHEAD_RE = re.compile(r"^\s*\(\?=[^()]*\)")


# Lines of the forms the gold texts hold none of, so that every pattern below has matches to compare.
SAMPLE_LINES = (
    "Bố trí kinh phí từ nguồn dự phòng ngân sách tỉnh để Ủy ban nhân dân huyện An Hòa thực hiện khắc phục hậu quả.",
    "Đơn vị chủ trì: Sở Tài chính; Cơ quan phối hợp: Sở Nội vụ, Sở Tư pháp.",
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013; Hiến pháp năm 1992.",
    "| - Như trên; | CHỦ TỊCH |",
    "Nơi nhận: | TM. ỦY BAN NHÂN DÂN",
)


@cache
def _texts() -> tuple[str, ...]:
    return (*(path.read_text(encoding="utf-8") for path in GOLD_TEXTS), "\n".join(SAMPLE_LINES))


def _lines() -> list[str]:
    return [line.strip() for text in _texts() for line in text.splitlines() if line.strip()]


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


# fmt: off
LOOKAHEAD_CASES = [
    pytest.param(U.SUPPORT_RE, id="support"),
    pytest.param(U.FUNDED_RE, id="funded"),
    pytest.param(U.REQUEST_RE, id="request"),
    pytest.param(U.LABEL_RE, id="label"),
    pytest.param(U.DIRECTIVE_VERB_RE, id="directive-verb"),
    pytest.param(_DELEGATING_VERB_RE, id="delegating-verb"),
    pytest.param(_DIRECTS_RE, id="directs"),
    pytest.param(C.CITATION_RE, id="numbered-citation"),
    pytest.param(C.LAW_HEAD_RE, id="law-head"),
    pytest.param(C.CONSTITUTION_RE, id="constitution"),
]
# fmt: on


@pytest.mark.parametrize("pattern", LOOKAHEAD_CASES)
def test_lookahead_finds_what_the_pattern_finds(pattern):
    assert _LEADING_LOOKAHEAD_RE.match(pattern.pattern), "the pattern opens with its first-letter lookahead"
    plain = re.compile(_LEADING_LOOKAHEAD_RE.sub("", pattern.pattern, count=1), pattern.flags)
    found = 0
    for text in _texts():
        spans = _spans(pattern, text)
        assert spans == _spans(plain, text)
        found += len(spans)
    assert found, "the gold texts hold matches, so the comparison says something"


def test_unit_starts_only_where_no_letter_or_digit_stands_before():
    """UNIT_WORD_START_RE finds, left to right, the unit starts UNIT_START_RE finds that no letter or digit
    precedes (find_units skipped the others after matching them)."""
    for text in _texts():
        kept, pos = [], 0
        while (m := U.UNIT_START_RE.search(text, pos)) is not None:
            if m.start() > 0 and text[m.start() - 1].isalnum():
                pos = m.start() + 1
                continue
            kept.append(m.span())
            pos = m.end()
        assert _spans(U.UNIT_WORD_START_RE, text) == kept


# fmt: off
GATE_CASES = [
    # a numbered citation and a short reference ("Nghị quyết số 24") both hold a digit
    pytest.param(C.CITATION_RE, lambda text: _DIGIT_RE.search(text) is not None, id="citation-digit"),
    pytest.param(C.SHORT_REF_RE, lambda text: _DIGIT_RE.search(text) is not None, id="short-ref-digit"),
    # a signature band left as a table: every row form holds a "|"
    pytest.param(_TABLE_ROW_RE, _is_table_row, id="table-row-bar"),
]
# fmt: on


@pytest.mark.parametrize("pattern,gate", GATE_CASES)
def test_gate_never_turns_away_a_match(pattern, gate):
    lines = _lines()
    assert any(pattern.search(line) for line in lines)
    for line in lines:
        if pattern.search(line):
            assert gate(line), line


@pytest.mark.parametrize("line", ["Căn cứ Luật Tổ chức chính quyền địa phương", "a | b", "| Nguyễn Văn An |"],
                         ids=["no-bar", "bar-in-words", "cell"])
def test_table_row_gate_agrees_with_the_pattern(line):
    assert _is_table_row(line) == bool(_TABLE_ROW_RE.search(line))
