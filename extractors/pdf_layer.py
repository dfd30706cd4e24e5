"""The annotation and form layer: what a signing system draws over the page.

Documents signed in e-office systems often leave "Số:      /UBND-KT" and
"ngày   tháng" blank in the page itself; on signing, the system draws the number
and the date into those blanks as widget or annotation appearances, together
with its stamp ("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", "Ký bởi: …", the time of
signing). Every viewer shows that layer, so a clerk reads the number and date
there. The engine flattens an annotated page to read the layer's words; here
they are sorted: a word set in the type of a printed row, on that row, fills
its blank (or, drawn over a printed word, replaces it: a draft's month
stamped over by the month of signing); a word on no printed row, or in small
type (the stamp's caption), is no part of the text.

Word dicts as everywhere in the PDF reader: ``text``, ``x0``, ``x1``, ``top``,
``bottom``, ``size``, ``fontname``.
"""

from __future__ import annotations

SAME_WORD_TOLERANCE = 1.0  # points: a flattened word this close to a printed one with its text is that word
STAMP_SIZE_RATIO = 0.8  # a layer word set this much smaller than the row it lies on is a stamp's caption
COVER_SHARE = 0.5  # a layer word covering this share of a printed word's width replaces it


def new_words(printed: list[dict], flattened: list[dict]) -> list[dict]:
    """The words a flattened page has that the page had not: the layer's words."""

    def same(a: dict, b: dict) -> bool:
        return a["text"] == b["text"] and abs(a["x0"] - b["x0"]) <= SAME_WORD_TOLERANCE \
            and abs(a["top"] - b["top"]) <= SAME_WORD_TOLERANCE

    return [w for w in flattened if not any(same(w, p) for p in printed)]


def _middle(word: dict) -> float:
    return (word["top"] + word["bottom"]) / 2


def _row_of(word: dict, printed: list[dict]) -> dict | None:
    """The printed word whose row the layer word lies on (its middle inside the printed word's
    height), the nearest one along the row; None when no printed row passes there."""
    on_row = [p for p in printed if p["top"] <= _middle(word) <= p["bottom"]]
    return min(on_row, key=lambda p: abs((p["x0"] + p["x1"]) / 2 - (word["x0"] + word["x1"]) / 2), default=None)


def _covers(word: dict, printed: dict) -> bool:
    overlap = min(word["x1"], printed["x1"]) - max(word["x0"], printed["x0"])
    width = max(1e-6, min(word["x1"] - word["x0"], printed["x1"] - printed["x0"]))
    return overlap / width >= COVER_SHARE


def fill_blanks(printed: list[dict], layer: list[dict]) -> list[dict]:
    """The printed words with the layer's words that fill blanks on their rows.

    A layer word joins the row it lies on, set to that row's top and bottom (the layer's
    baseline is seldom the page's), unless its type is much smaller than the row's; a printed
    word it covers gives way to it. Layer words off every printed row are left out.
    """
    kept = list(printed)
    for word in layer:
        row = _row_of(word, printed)
        if row is None or float(word.get("size") or 0) < STAMP_SIZE_RATIO * float(row.get("size") or 0):
            continue
        kept = [p for p in kept if not (p["top"] <= _middle(word) <= p["bottom"] and _covers(word, p))]
        kept.append({**word, "top": row["top"], "bottom": row["bottom"]})
    return kept
