"""Property tests: find_citations never raises, and offsets always slice back to the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.extractors.citations import find_citations

# Pieces of real citations, so random texts hit the interesting paths often.
PIECES = [
    "Nghị quyết số ", "Quyết định số: ", "Chỉ thị ", "Kết luận số", "Luật ", "Bộ luật ", "Luật Đất đai ",
    "25-NQ/TW", "3177/QĐ-", "UBND", "178/2024/NĐ-CP", "183/KL-TW", "85/2015/QH13", "24, ", "và ", ", ",
    "ngày 03/6/2013", " ngày 17 tháng 6 năm 2026", " của Bộ Chính trị", " khóa XI", " về “Tăng cường”",
    "(sau đây gọi tắt là Chỉ thị 11)", "Chỉ thị 11", "năm 2022", "\n", " ", "-", "–", "/", "Ð", "TTG", "QCVN 01:2021/BXD",
    "Mẫu số 01/HNMT", "Căn cứ ", "Thực hiện ", "sửa đổi, bổ sung ", "[1]", "(", ")", "“", "”", ";", ".",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_never_raises_and_offsets_slice_back(text):
    for c in find_citations(text):
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert c.ref


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_context_does_not_move_offsets(before, after):
    core = " Căn cứ Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ; "
    text = before + core + after
    found = [c for c in find_citations(text) if c.ref == "178/2024/NĐ-CP"]
    assert found and all(text[c.start:c.end] == c.text for c in found)
