"""Letter-spaced text repaired: "ỦY B AN NHÂN D Â N" → "ỦY BAN NHÂN DÂN", "Ngu y ễn Hữu Tín" → "Nguyễn Hữu Tín".

Typeset headers and signatures spread their letters; copies of them split
syllables at the spaces. A splinter without a vowel cannot be a Vietnamese
syllable, so it joins the syllable it belongs to.
"""

from __future__ import annotations

_VOWELS = set("aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_ONSETS = {"b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
           "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"}
_CODAS = {"c", "ch", "m", "n", "ng", "nh", "p", "t"}


def has_vowel(token: str) -> bool:
    return any(ch in _VOWELS for ch in token.lower())


def _is_onset_part(token: str) -> bool:
    low = token.lower()
    return any(onset.startswith(low) for onset in _ONSETS)


def looks_letter_spaced(text: str) -> bool:
    """Two or more lone consonants or syllable splinters: "ỦY B AN NHÂN D Â N"."""
    tokens = text.split()
    lone = sum(1 for t in tokens if t.isalpha() and not has_vowel(t) and len(t) <= 2)
    return lone >= 2 or (lone >= 1 and any(len(t) == 1 and t.isalpha() and t.islower() for t in tokens))


def fix_letter_spacing(text: str) -> str:
    """Rejoin syllables split by letter-spacing: "ỦY B AN NHÂN D Â N" → "ỦY BAN NHÂN DÂN".

    A splinter without a vowel is an onset of the next syllable, or the coda
    of the previous one when it cannot start one ("D Â N T HÀNH" → "DÂN THÀNH").
    In mixed case a lower-case splinter continues the previous syllable
    ("Ngu y ễn" → "Nguyễn"), since names capitalise every syllable.
    """
    tokens = text.split()
    out: list[str] = []
    carry = ""
    mixed = any(ch.islower() for ch in text) and any(ch.isupper() for ch in text)
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if not token.isalpha():
            if carry:
                out.append(carry)
                carry = ""
            out.append(token)
            continue
        if carry:
            token = carry + token
            carry = ""
        if not has_vowel(token) and len(token) <= 3:
            prev_open = bool(out) and out[-1].isalpha() and out[-1][-1].lower() in _VOWELS
            nxt_starts_consonant = nxt is None or not nxt[:1].lower() in _VOWELS
            if prev_open and token.lower() in _CODAS and nxt_starts_consonant and not (
                    nxt and _is_onset_part(token + nxt[:1])):
                out[-1] += token
            elif nxt is not None and _is_onset_part(token):
                carry = token
            else:
                out.append(token)
            continue
        if mixed and out and token[0].islower() and out[-1].isalpha() and out[-1][0].isupper() and (
                len(token) <= 3 or len(out[-1]) <= 3) and token not in ("phố", "và"):
            out[-1] += token
            continue
        out.append(token)
    if carry:
        out.append(carry)
    return " ".join(out)
