"""Robustness on the shared corpus (skips when ../shared is absent); speed is in `make bench`.

Reports how many citations each bulk document yields (`pytest -s` shows the table).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.extractors.citations import find_citations
from kehoach.extractors.normalize import clean_text

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
BULK = sorted((SHARED / "bulk").glob("*.txt"))


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
