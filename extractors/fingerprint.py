"""A content fingerprint of a document's normalised text, to recognise copies whose bytes differ.

A re-saved DOCX, the same letter printed to PDF, a re-scan read by OCR: the bytes
(and the sha256) change, the words hardly do. :func:`fingerprint` is a 64-bit
SimHash (Charikar) computed by the ``simhash`` library over word shingles, so
near-identical texts give fingerprints a few bits apart; :func:`distance`
counts the differing bits.

Features are the distinct three-word shingles of the ASCII-folded words, each
weighing 1: folding makes the fingerprint blind to what OCR and fonts change
most (tone marks, đ/d, case), shingles keep word order, and equal weights keep
a template's repeated phrases ("Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân
số của các xã …") from outweighing what tells two documents apart (weighting
by count brought two such resolutions of one issuer 2 bits apart).

Measured on the development corpus (tests/test_fingerprint.py checks them):

- the same text read two ways — each sample TXT and the PDF typeset from it:
  0 bits; the native text layer and an OCR reading of the same PDF (the three
  native corpus PDFs and the three samples): 0 to 10 bits;
- the longest paragraph of each of the 215 ``corpus/bulk`` texts replaced by
  another sentence: at most 8 bits for 204 of them (median 4; short one-page
  letters up to 13), and 0 bits for 16 — a fingerprint cannot tell a small edit
  of a long text from a copy, so "the same document" is decided on the
  extracted content, not here;
- distinct documents of one issuer in ``corpus/bulk`` (810 pairs, 31 issuers,
  templated resolutions among them): 9 bits apart at the closest, 2 pairs at
  10 or less, median 29;
- a one-page letter (three numbered items) with one item rewritten: 19 bits —
  the shorter the text, the more one paragraph moves it; 14 pairs of distinct
  documents of one issuer with the same title (tax letters "chính sách thuế
  TNCN"): 10 to 38 bits.

Hence :data:`NEAR_TEXT_BITS` = 8: a file at most that far from a current
document of the same issuer is a copy or an edited copy of it; and
:data:`RELATED_TEXT_BITS` = 24: a file that far may be an edited copy, which the
registry accepts only when most of its nodes are word for word the old ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from simhash import Simhash

from kehoach.extractors.fold import ascii_key

BITS = 64
SHINGLE_WORDS = 3
MIN_WORDS = 30  # a shorter text has too few shingles for a meaningful fingerprint
NEAR_TEXT_BITS = 8  # at most this many bits apart: the same document, copied or with a passage changed
RELATED_TEXT_BITS = 24  # at most this many: perhaps an edited copy of a short text (to be confirmed otherwise)

_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=65_536)
def _folded(word: str) -> str:
    return ascii_key(word)


def _shingles(text: str) -> set[str]:
    # Words first, then each distinct word folded once: a text repeats its syllables, and
    # folding word by word is four times faster than folding the whole text.
    words = [_folded(w) for w in _WORD_RE.findall(text)]
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint(text: str) -> str | None:
    """The SimHash of ``text`` as 16 hex digits; None for a text under :data:`MIN_WORDS` words.

    >>> fingerprint("Ủy ban nhân dân xã " * 10) == fingerprint("UY BAN NHAN DAN XA " * 10)
    True
    """
    features = _shingles(text)
    if not features:
        return None
    return f"{Simhash(sorted(features), f=BITS).value:0{BITS // 4}x}"


def distance(a: str, b: str) -> int:
    """How many bits two fingerprints differ in (0 = the same shingle profile)."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def near_text(a: str | None, b: str | None) -> bool:
    """Both known and at most :data:`NEAR_TEXT_BITS` apart (a copy or an edited copy)."""
    return a is not None and b is not None and distance(a, b) <= NEAR_TEXT_BITS
