"""Law names from the lexicon (``data/laws.json``), matched in text word by word.

A name is matched after its head ("Luật", "Bộ luật", "Pháp lệnh") on folded words, so that case, old tone
placement, commas and hyphens do not matter ("Luật sở hữu trí tuệ", "Luật Thi đua-khen thưởng",
"LUẬT PHÒNG THỦ DÂN SỰ"); "về" may stand before it ("Pháp lệnh về phí và lệ phí"). A tone mark typed
wrong does not hide a name ("Luật Đầu tư theo phướng thức đối tác công tư"): where the words without their
marks spell a longer name than the words as written, that name is read. A word in capitals
may stand for the syllables of the title it abbreviates ("Luật Bảo vệ BMNN", "Luật MTTQ Việt Nam", "Luật
Ban hành văn bản QPPL", "Luật KH, CN&ĐMST"; "&" is "và"). The longest name wins: "Luật Đầu tư công"
over "Luật Đầu tư".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from kehoach.extractors import lexicon
from kehoach.extractors.fold import ascii_key, compare_key
from kehoach.extractors.lexicon import Law

# Words inside a name: letters and digits; "&" stands for "và"; commas and dashes between words are skipped.
_WORD_RE = re.compile(r"[^\W_]+|&|[,\-‐‑–]|\S")
_SKIPPED = frozenset(",-‐‑–")
_ABBREVIATION_RE = re.compile(r"[A-ZĐ]{2,8}")
_MAX_WORDS = 40
_END = ""  # the trie key under which a node keeps the laws whose name ends there


@dataclass(frozen=True)
class LawMatch:
    """A law name found in text: the lexicon's law and where the name ends."""

    law: Law
    end: int
    short: bool  # a short name or an abbreviation, not the full title


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    return "và" if word == "&" else compare_key(word)


def _initial(word: str) -> str:
    return unicodedata.normalize("NFD", word)[:1]


def _family(doc_type: str) -> str:
    """Laws and codes share names ("Luật Lao động" is written for the Bộ luật); ordinances have their own."""
    return "ordinance" if compare_key(doc_type).startswith("pháp") else "law"


def _name_body(title: str) -> list[str]:
    """The folded words of a title after its type word."""
    words = [_fold(w) for w in _WORD_RE.findall(title) if w not in _SKIPPED]
    head = 2 if words[:2] in (["bộ", "luật"], ["pháp", "lệnh"], ["hiến", "pháp"]) else 1
    return words[head:]


@cache
def _tries(loose: bool = False) -> dict[str, dict]:
    """Per family, a trie of folded name words (``loose``: without their marks); a node's _END entry lists
    (law, short) of names ending there."""
    tries: dict[str, dict] = {"law": {}, "ordinance": {}}
    for law in lexicon.laws():
        if law.doc_type == "Hiến pháp":
            continue  # read by its own pattern (citation_patterns.CONSTITUTION_RE)
        root = tries[_family(law.doc_type)]
        forms = [(t, False) for t in law.titles] + [(t, True) for t in law.short_names]
        for title, short in forms:
            node = root
            for word in _name_body(title):
                node = node.setdefault(ascii_key(word) if loose else word, {})
            node.setdefault(_END, []).append((law, short))
    return tries


def _tokens(text: str, pos: int) -> list[tuple[str, str, int]]:
    """(folded word, word as written, end offset) of the words from ``pos``, up to a clause mark."""
    tokens = []
    for match in _WORD_RE.finditer(text, pos, min(len(text), pos + 400)):
        word = match.group()
        if word in _SKIPPED:
            tokens.append((word, word, match.end()))
            continue
        if not (word[0].isalnum() or word == "&") or len(tokens) >= _MAX_WORDS:
            break
        tokens.append((_fold(word), word, match.end()))
    return tokens


def _steps(node: dict, token: tuple[str, str, int]) -> list[tuple[dict, bool]]:
    """The trie nodes one word leads to, and whether through an abbreviation: the word itself, or the
    syllables a word in capitals stands for ("BMNN": bí mật nhà nước)."""
    folded, written, _end = token
    nxt = [(node[folded], False)] if folded in node else []
    if _ABBREVIATION_RE.fullmatch(written):
        frontier = [node]
        for letter in written.casefold():
            frontier = [child for n in frontier for word, child in n.items() if word and _initial(word) == letter]
        nxt.extend((child, True) for child in frontier)
    return nxt


def _longest(root: dict, tokens: list[tuple[str, str, int]]) -> tuple[int, list, bool] | None:
    """The longest run of tokens that spells a name: (index after its last word, its laws, whether an
    abbreviation stands in it); a spelled-out reading wins over an abbreviated one of the same length."""
    best = None
    states = [(root, 0, False)]
    while states:
        node, i, abbreviated = states.pop()
        if _END in node and i > 0 and tokens[i - 1][0] not in _SKIPPED and (
                best is None or (i, not abbreviated) > (best[0], not best[2])):
            best = (i, node[_END], abbreviated)
        if i >= len(tokens):
            continue
        if tokens[i][0] in _SKIPPED:
            if i > 0:
                states.append((node, i + 1, abbreviated))
            continue
        states.extend((child, i + 1, abbreviated or via) for child, via in _steps(node, tokens[i]))
    return best


def _match(root: dict, tokens: list[tuple[str, str, int]]) -> tuple[int, list, bool, int] | None:
    """The longest name from the first token, or from the second after "về" ("Pháp lệnh về phí và lệ phí"):
    (tokens it takes, its laws, abbreviated, tokens skipped before it)."""
    if tokens and tokens[0][0] in ("về", "ve"):
        found = _longest(root, tokens[1:])
        if found:
            return (*found, 1)
    found = _longest(root, tokens)
    return (*found, 0) if found else None


def match_law(text: str, pos: int, head: str) -> LawMatch | None:
    """The lexicon's law whose name starts at ``pos`` (right after the head word ``head``), or None."""
    family = _family(head)
    tokens = _tokens(text, pos)
    found = _match(_tries()[family], tokens)
    loose = _match(_tries(loose=True)[family], [(w if w in _SKIPPED else ascii_key(w), written, end)
                                                 for w, written, end in tokens])
    if loose is not None and (found is None or loose[0] + loose[3] > found[0] + found[3]):
        found = loose
    if found is None:
        return None
    count, entries, abbreviated, skipped = found
    wanted = compare_key(head).replace(" ", "")
    law, short = next(((law, short) for law, short in entries if compare_key(law.doc_type).replace(" ", "") == wanted),
                      entries[0])
    return LawMatch(law=law, end=tokens[skipped + count - 1][2], short=short or abbreviated)


def law_number(law: Law, *, year: int | None, on: dt.date | None) -> str | None:
    """The number of the version a citation by name means (``Law.version``), when the lexicon knows it."""
    version = law.version(year=year, on=on)
    return version.number if version else None


def amending_number(laws: tuple[Law, ...], *, year: int | None) -> str | None:
    """The number of the one law that amends all of ``laws`` (in ``year`` when given), when the lexicon
    knows exactly one."""
    if not laws:
        return None
    common = None
    for law in laws:
        numbers = {v.number for v in law.amended_by
                   if v.number and (year is None or (v.date.year if v.date else v.year) == year)}
        common = numbers if common is None else common & numbers
    return next(iter(common)) if common and len(common) == 1 else None
