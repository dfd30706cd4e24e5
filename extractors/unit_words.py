"""The words of a unit name: where a word ends, whether an ambiguous word is a verb, a body's head.

Word segmentation (underthesea) decides where a capitalised word with its lower-case syllables ends
("Tài chính", "Giao thông"); the lexicon of bodies says whether a text begins a known name. The
scanner (``unit_scan``) steps through a name with these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kehoach.extractors import lexicon
from kehoach.extractors import unit_patterns as P
from kehoach.extractors.fold import compare_key

WORD_RE = re.compile(r"[\w&/]+(?:-[\w&]+)*")
SPACE_RE = re.compile(r"\s*")


@lru_cache(maxsize=4096)
def pos_noun_len(context: str) -> int:
    """Length of the first word of ``context`` when underthesea tags it a noun, else 0.

    For lower-case words the lexicons do not know ("bệnh tật", "triệu tập"): word
    segmentation decides where the word ends, the tag whether a name goes on.
    Loaded lazily and called only on such words, so the text stage stays fast.
    """
    try:
        from underthesea import pos_tag
    except ImportError:  # pragma: no cover - underthesea is a dependency
        return 0
    tagged = pos_tag(context)
    if not tagged or tagged[0][1] not in {"N", "Np", "Nc", "Nu", "Ny"} or not context.startswith(tagged[0][0]):
        return 0
    return len(tagged[0][0])


@lru_cache(maxsize=4096)
def first_word_len(context: str) -> int:
    """Length of the first word of ``context`` per underthesea's word segmentation:
    a capitalised syllable and the lower-case syllables of the same word
    ("Tài chính", "Giao thông") form one word of a name."""
    try:
        from underthesea import word_tokenize
    except ImportError:  # pragma: no cover - underthesea is a dependency
        return 0
    tokens = word_tokenize(context)
    if not tokens:
        return 0
    first = tokens[0]
    return len(first) if context.startswith(first) else 0


def capital_word_end(text: str, j: int, word: re.Match) -> int:
    """End of the capitalised word at ``j`` with the lower-case syllables that belong to it."""
    end = word.end()
    nxt = SPACE_RE.match(text, end).end()
    after = WORD_RE.match(text, nxt)
    if after and not is_upper(after.group(0)) and not P.PREDICATE_RE.match(text, nxt):
        span = first_word_len(text[j:j + 30].split("\n", 1)[0])
        if span > len(word.group(0)):
            end = j + span
            # The segmenter may glue a verb to a name ("Tôn giáo chịu", "Tôn giáo khẩn trương"): stop before it.
            for syl in re.finditer(r"\s+", text[nxt:end]):
                k = nxt + syl.end()
                if P.PREDICATE_RE.match(text, k) and not P.NAME_CONTINUATION_RE.match(text, k):
                    end = nxt + syl.start()
                    break
    return end


def is_upper(word: str) -> bool:
    return word[:1].isupper()


def ambiguous_is_verb(text: str, pos: int, word_end: int) -> bool:
    """An ambiguous word is a verb when a predicate or an object follows, a noun before , ; . và."""
    nxt = SPACE_RE.match(text, word_end).end()
    if nxt >= len(text) or text[nxt] in ";.:)…":
        return False
    if (text.startswith("và ", nxt) or P.LEAD_VERB_RE.match(text, nxt) or P.SUPPORT_RE.match(text, nxt)
            or P.SUBJECT_ADVERB_RE.match(text, nxt)):
        return False  # "các cơ quan, tổ chức chủ trì …", "…, tổ chức chủ động …": the verb is the next word
    if text[nxt] == ",":
        k = SPACE_RE.match(text, nxt + 1).end()
        return bool(P.PREDICATE_RE.match(text, k)) and not P.NAME_CONTINUATION_RE.match(text, k)
    cont = P.NAME_CONTINUATION_RE.match(text, nxt)
    return not (cont and text[nxt:cont.end()] not in P.AMBIGUOUS_WORDS)


@lru_cache(maxsize=1)
def _known_names() -> tuple[str, ...]:
    return tuple(compare_key(n) for b in lexicon.bodies() for n in (b.name, *b.aliases, *b.merged_from))


def starts_known_body(text: str) -> bool:
    """``text`` is the beginning of a body the lexicon knows ("Sở Công Thương", "Hội Liên hiệp Phụ" of
    "Hội Liên hiệp Phụ nữ tỉnh"), ending at a word boundary of the text."""
    key = compare_key(text)
    return any(name == key or name.startswith(key + " ") for name in _known_names())


def org_head(start: re.Match) -> str | None:
    """The head of a body's name ("Sở", "Ủy ban", "Văn phòng"), of a known name too; None for titles and groups."""
    if start.group("org"):
        return " ".join(start.group("org").split())
    if start.group("known"):
        head = P.ORG_HEAD_RE.match(start.group("known"))
        return " ".join(head.group(0).split()) if head else start.group("known").split()[0]
    return None
