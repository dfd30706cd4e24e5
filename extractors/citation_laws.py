"""Laws, codes and ordinances cited by name ("Luật Đất đai năm 2024", "Bộ luật Lao động"), and the
Constitution ("Hiến pháp năm 2013").

A name is read word by word after its head ("Luật", "Bộ luật", "Pháp lệnh") until a word
that cannot belong to it; ``citation_resolve`` later cuts it back to a name the document
states with a year or a number.
"""

from __future__ import annotations

import re

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.citation_models import FoundCitation
from kehoach.extractors.citation_parts import WS_RE, canonical_type, covered, date_of, starts_type_word
from kehoach.extractors.citation_relations import relation
from kehoach.extractors.fold import compare_key

_MAX_LAW_NAME_WORDS = 16


def name_words(name: str) -> tuple[str, ...]:
    """A law's name as folded words ("Luật Đất đai" → ("luật", "đất", "đai"))."""
    return tuple(compare_key(name).replace(",", " ").split())


def _read_law_name(text: str, pos: int) -> tuple[list[str], int]:
    """Words of a law's name from ``pos``; returns (words, end offset)."""
    words: list[str] = []
    ends: list[int] = []  # where each word ends
    end = pos
    commas = 0
    tokens = list(P.WORD_RE.finditer(text, pos, min(len(text), pos + 400)))
    i = 0
    while i < len(tokens) and len(words) < _MAX_LAW_NAME_WORDS:
        token = tokens[i]
        word = token.group()
        lower = word.casefold()
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        gap = text[end:token.start()]
        if words and "\n" in gap and not word[:1].islower() and not _name_goes_on(text, gap, token.start(), word):
            break
        phrase = next((ph for ph in P.LAW_NAME_INNER_PHRASES if words and text.startswith(ph, token.start())), None)
        if phrase:
            words.extend(phrase.split())
            end = token.start() + len(phrase)
            ends.extend([end] * len(phrase.split()))
            while i < len(tokens) and tokens[i].start() < end:
                i += 1
            continue
        if word == ",":
            nxt_ok = nxt[:1].islower() or (nxt[:1].isupper() and i + 1 < len(tokens)
                                            and not starts_type_word(text, tokens[i + 1].start())
                                            and nxt.casefold() not in P.LIST_ITEM_HEADS)
            if commas < 2 and nxt_ok and nxt.casefold() not in P.LAW_NAME_STOP_WORDS and nxt != "và":
                commas += 1
                words.append(",")
                end = token.end()
                ends.append(end)
                i += 1
                continue
            break
        if not word[:1].isalpha():
            break
        next_start = tokens[i + 1].start() if i + 1 < len(tokens) else end
        if words and lower == "và":
            # "và" joins two names ("… và Luật …") or ends one ("… và các …"), else it is inside one.
            if not nxt[:1].isalpha() or nxt.casefold() in P.LAW_NAME_STOP_WORDS or starts_type_word(
                    text, next_start):
                break
        elif words and _ends_law_name(text, token.start(), word, nxt):
            break
        words.append(word)
        end = token.end()
        ends.append(end)
        i += 1
    while words and words[-1] in (",", "và"):
        # "Luật An toàn, vệ sinh lao động và quy định …": a joining word ends no name.
        words.pop()
        ends.pop()
        end = ends[-1] if ends else pos
    return words, end


def _name_goes_on(text: str, gap: str, pos: int, word: str) -> bool:
    """A capitalised word after a wrapped line ("Luật Tổ chức⏎Chính phủ") goes on with the name;
    a blank line, a word in capitals, a clause opener or another document's type word ends it."""
    return (gap.count("\n") == 1 and word[:1].isupper() and not word.isupper()
            and word.casefold() not in P.LINE_START_WORDS and word.casefold() not in P.LIST_ITEM_HEADS
            and not starts_type_word(text, pos))


def _ends_law_name(text: str, pos: int, word: str, nxt: str) -> bool:
    lower = word.casefold()
    if lower in P.LAW_NAME_STOP_WORDS or f"{lower} {nxt.casefold()}" in P.LAW_NAME_STOP_PAIRS:
        return True
    # Another cited document starts here ("Luật Đất đai Nghị định …").
    return word[:1].isupper() and starts_type_word(text, pos)




def scan_law_names(text: str, found: list[FoundCitation]) -> None:
    spans = [(c.start, c.end) for c in found]
    for head in P.LAW_HEAD_RE.finditer(text):
        if covered(spans, head.start()):
            continue
        words, end = _read_law_name(text, head.end())
        if not words or words[0].casefold() in ("sửa", "số"):
            # "Luật Sửa đổi, bổ sung …" names other laws; they are read on their own.
            continue
        doc_type = WS_RE.sub(" ", head.group("doc_type"))
        name = " ".join(words).replace(" ,", ",")
        if P.NUMBER_AFTER_LAW_RE.match(text, end) and not inside_amending_title(text, head.start()):
            continue  # "Luật X số 85/2015/QH13": the numbered citation has it
        year = date = None
        tail_end = end
        match = P.LAW_DATE_RE.match(text, end)
        if inside_amending_title(text, head.start()):
            # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B ngày …": the date is the
            # amending law's; A and B are cited by name only.
            match = None
        elif match:
            date = date_of(match)
            year = date.year if date else None
            tail_end = match.end()
        else:
            match = None if inside_amending_title(text, head.start()) else P.LAW_YEAR_RE.match(text, end)
            if match:
                year = int(match.group("year"))
                tail_end = match.end()
        ref = f"{doc_type} {name}" + (f" {year}" if year else "")
        found.append(FoundCitation(
            text=text[head.start():tail_end], start=head.start(), end=tail_end, ref=ref,
            doc_type=canonical_type(doc_type), year=year, date=date, title=name,
            relation=relation(text, head.start()), tail_end=tail_end,
        ))


def inside_amending_title(text: str, pos: int) -> bool:
    """Whether the law name at ``pos`` is one of those an amending law's title lists."""
    window = text[max(0, pos - 400):pos]
    match = P.AMENDING_LAW_BEFORE_RE.search(window)
    return bool(match) and not re.search(r"\d{4}|\d/", match.group()[-200:])


def scan_constitution(text: str, found: list[FoundCitation]) -> None:
    """"Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam": cited by name."""
    spans = [(c.start, c.end) for c in found]
    for match in P.CONSTITUTION_RE.finditer(text):
        if covered(spans, match.start()):
            continue
        name = " ".join(match.group("name").split()) if match.group("name") else None
        year = int(match.group("year")) if match.group("year") else None
        ref = " ".join(part for part in ("Hiến pháp", name, str(year) if year else None) if part)
        found.append(FoundCitation(
            text=match.group(), start=match.start(), end=match.end(), ref=ref, doc_type="Hiến pháp",
            year=year, title=name, relation=relation(text, match.start()), tail_end=match.end(),
        ))
