"""What the citing document does with a cited one (``Citation.relation``): bases itself on it
("Căn cứ"), implements it ("Thực hiện", "Triển khai", "thi hành", "quán triệt"), amends it ("Sửa đổi,
bổ sung") or replaces it ("thay thế", "bãi bỏ").

Only the citing document's own words count:
- a relation word stands in the citation's clause, before it, with no other citation in between
  ("Căn cứ Thông tư số 10/2021/TT-BTC hướng dẫn thi hành Nghị định số 118/2020/NĐ-CP": the words after
  the Thông tư are its title; the document does not implement Nghị định 118) unless the two are members
  of one list ("Căn cứ Nghị định số 12 …, Nghị định số 15 …") or the second amends the first ("Luật số
  64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15": both are what the document is based on);
- "theo (đúng) quy định của" between the word and the citation makes no relation but "Căn cứ" ("thực
  hiện thu hồi đất theo đúng quy định của Luật Đất đai" implements no law);
- amends and replaces only in the active voice and not inside another document's title ("được sửa đổi
  bởi …", "Nghị định sửa đổi, bổ sung …" amend nothing of the citing document's own);
- a citation inside another's span (a law named in an amending law's title) takes none;
- "Căn cứ A; B; C" goes on over the clauses a semicolon starts with a citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.citation_models import FoundCitation

_RELATION_LOOKBACK = 160


def _clause_start(text: str, start: int) -> int:
    """Where the clause of the citation at ``start`` begins."""
    window_start = max(0, start - _RELATION_LOOKBACK)
    last = None
    for last in P.CLAUSE_BREAK_RE.finditer(text, window_start, start):
        pass
    return window_start if last is None else last.end()


# Between the word and the citation: the document follows a rule, it does not implement or amend it.
# "ban hành kèm theo" (attached to) is no rule followed.
_FOLLOWS_RE = re.compile(r"(?<![\w])(?<!(?i:kèm)\s)(?i:theo)(?![\w])|(?<![\w])quy\s+định\s+(?i:của|tại)(?![\w])")
_PASSIVE_BEFORE_RE = re.compile(r"(?<![\w])(?i:được|bị)\s+$")
_TYPE_WORD_BEFORE_RE = re.compile(rf"(?<![\w]){P.TYPE_WORD_AHEAD}(?i:{P._TYPE_WORDS_RE})\s+$")
_PHRASE_JOIN_RE = re.compile(r"[\s,]*(?:(?i:và)\s+)?")


def _own_words(words: str) -> str | None:
    """The relation the citing document's own words give, read from its clause up to the citation."""
    matches = list(P.RELATION_RE.finditer(words))
    if not matches:
        return None
    last = matches[-1]
    found = last.lastgroup
    if found != "based_on" and _FOLLOWS_RE.search(words, last.end()):
        return None
    if found in ("amends", "replaces"):
        # The phrase the word ends ("sửa đổi, bổ sung"): what stands before its first word.
        first = last
        for earlier in reversed(matches[:-1]):
            if not _PHRASE_JOIN_RE.fullmatch(words, earlier.end(), first.start()):
                break
            first = earlier
        before = words[:first.start()]
        if _PASSIVE_BEFORE_RE.search(before) or _TYPE_WORD_BEFORE_RE.search(before):
            return None
    return found


# Between two members of one list: ", ", " và ", ", và", "; " is a clause break.
_LIST_JOIN_RE = re.compile(r"(?:,\s*(?:(?i:và|cùng|hoặc)\s+)?|\s+(?i:và|cùng|hoặc)\s+)$")
# A gap after which a citation restates or amends the one before it, and takes its relation: "… được sửa đổi, bổ
# sung (một số điều) bởi/tại/theo (Luật số) …", "(sau đây gọi tắt là …".
_CARRIES_RELATION_RE = re.compile(
    r"^\s*,?\s*(?:(?i:và|đã)\s+)*(?i:được)\s+(?i:sửa\s+đổi)\s*,?\s*(?:(?i:bổ\s+sung)\s+)?(?:(?i:một\s+số\s+điều)\s+)?"
    r"(?i:bởi|tại|theo)\s*$"
    r"|^\s*\(\s*(?:(?i:sau\s+đây)\s+)?(?:(?i:được)\s+)?(?i:gọi|viết)\s+(?:(?i:tắt)\s+)?(?i:là)\s*:?\s*[“\"]?$")
_LIST_CLAUSE_RE = re.compile(r"^[\s\-+•*]*$")


def relation_at(text: str, start: int, citations: Sequence[FoundCitation]) -> str | None:
    """The relation of a citation at ``start`` of ``text``, given the citations of ``text`` before it
    (their relations already set)."""
    if any(o.start < start < o.end for o in citations):
        return None  # inside another's span: a law named in an amending law's title
    clause = _clause_start(text, start)
    before = [o for o in citations if o.end <= start and o.start != start]
    prev = max((o for o in before if o.end > clause), key=lambda o: o.end, default=None)
    if prev is not None:
        gap = text[max(prev.end, prev.tail_end):start]
        if _CARRIES_RELATION_RE.match(gap):
            return prev.relation
        if _LIST_JOIN_RE.search(gap) and not P.RELATION_RE.search(gap):
            return prev.relation
        return None
    own = _own_words(text[clause:start])
    if own is None and text[:clause].rstrip().endswith(";") and _LIST_CLAUSE_RE.match(text[clause:start]):
        # "Căn cứ Luật A; Luật B;": the clause goes on with the list.
        earlier = [o for o in before if o.end <= clause]
        if earlier and max(earlier, key=lambda o: o.end).relation == "based_on":
            return "based_on"
    return own


def assign_relations(text: str, found: list[FoundCitation]) -> None:
    """Set the relation of every citation of ``text``, in order (a list member takes its head's)."""
    ordered = sorted(found, key=lambda c: (c.start, -c.end))
    for i, c in enumerate(ordered):
        c.relation = relation_at(text, c.start, ordered[:i])
