"""Robustness on the shared corpus (skips when ../shared is absent); speed is in `make bench`.

Reports how many citations each bulk document yields (`pytest -s` shows the table).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.extractors.citations import find_citations
from kehoach.extractors.normalize import clean_text

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# Bulk documents kept unseen for first-contact measurement: never read here.
RESERVED = frozenset("""75a0867a09525909 a12a41bbbe518be8 31786b0833a4130d 0a5a51958af8e293 150d48a05ed57aa3 98be6e047028fade
    edfc0349ad13b2bf 1fa949f85858c62f abca9704d4c889cd 3a2db039af8c2d05 2dd703fa6cbbc87b 1a814c71716d3047 b6ae4bd43c0ad4ff
    856f6487c18d75d0 d2c5b73468786a99 7bcbaa914bb254d9""".split())  # noqa: SIM905 - a word list reads better as text
BULK = sorted(p for p in (SHARED / "bulk").glob("*.txt") if p.stem not in RESERVED)


@pytest.fixture(scope="module")
def bulk_texts() -> list[tuple[str, str]]:
    if not BULK:
        pytest.skip("../shared/corpus/bulk is not present beside the project")
    return [(p.stem, clean_text(p.read_text(encoding="utf-8"))) for p in BULK]


def test_bulk_never_crashes_and_offsets_hold(bulk_texts):
    counts = {}
    for stem, text in bulk_texts:
        found = find_citations(text)
        assert all(text[c.start:c.end] == c.text for c in found), stem
        counts[stem] = len(found)
    print(f"\ncitations per bulk document ({len(counts)} documents, {sum(counts.values())} citations):")
    for stem, n in counts.items():
        print(f"  {stem}\t{n}")
    assert sum(counts.values()) > 0
