"""Is this text Vietnamese? A score for a page of extracted text.

A PDF whose fonts lack a proper Unicode map extracts as "6Ӣ CÔNG 7+ѬѪ1*" or
"(cid:55)(cid:1228)"; a scan extracts as nothing. Both must be re-read by OCR
rather than ingested. The score looks at three things:

- the share of word tokens that are valid Vietnamese syllables: onset + rhyme
  + a tone the rhyme allows (a stop coda p/t/c/ch takes only sắc or nặng);
- the share of letters outside the Vietnamese alphabet (Cyrillic, Armenian …);
- "(cid:N)" runs, pdfminer's mark for a glyph with no Unicode value.

Pure: strings in, a ``TextQuality`` out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MIN_SYLLABLE_SHARE = 0.75  # a page below this is not Vietnamese text
MAX_FOREIGN_SHARE = 0.03  # letters outside the Vietnamese alphabet
MAX_CID_RUNS = 3  # "(cid:N)" marks tolerated on a page
MIN_WORDS = 8  # fewer scored tokens: too little text to judge, see ``enough_text``

# Onsets (phụ âm đầu), "gi" and "qu" included; "" is the zero onset.
ONSETS = frozenset(
    ["b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"] + [""]
)

# Toneless rhymes (vần), with medial o/u; from the standard rhyme tables.
_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ă ăc ăm ăn ăng ăp ăt
â âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
o oc oi om on ong op ot
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut
ua uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyp uyt uyu
uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
ăk ak ôk uk ơk êk ok
"""  # last row: k codas of Central Highlands place names (Đắk Lắk, Búk)
RHYMES = frozenset(_RHYMES.split())

# After "qu" the medial u is in the onset: "quyết" is qu + yêt, "quá" qu + a.
_QU_RHYMES = frozenset(r for r in RHYMES if not r.startswith(("u", "o"))) | {"y", "yêt", "yên", "ynh", "yt", "yêu"}
# After "gi" a rhyme may start with the i dropped: "giữa" gi + ưa, "gìn" gi + in.
_GI_RHYMES = RHYMES

_TONE_MARKS = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
_STOP_CODAS = ("p", "t", "c", "ch")

VIETNAMESE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđ"
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)

_CID_RE = re.compile(r"\(cid:\d+\)")
_TOKEN_RE = re.compile(r"\S+")
EDGE_PUNCT = "\"'“”‘’()[]{}<>.,;:!?…-–—/*«»"  # stripped from a token's ends before it is judged
_ABBREVIATION_RE = re.compile(r"^[A-ZĐ]{2,8}\d*$")  # UBND, HĐND, QĐ, TTg-like tokens are neutral
_NUMERIC_RE = re.compile(r"^[\d.,:/%+\-–]+$")
_ROMAN_RE = re.compile(r"^[IVXLC]+$", re.IGNORECASE)
_PART_SPLIT_RE = re.compile(r"[-–/.]")
_VIETNAMESE_LETTER_RE = re.compile(f"[{''.join(sorted(VIETNAMESE_LETTERS))}]")


def _is_neutral(part: str) -> bool:
    """Tokens that say nothing about the language: numbers, symbols, markers, abbreviations."""
    if _NUMERIC_RE.match(part) or not any(ch.isalpha() for ch in part):
        return True
    if any(ch.isdigit() for ch in part) and all(ch.isalnum() for ch in part):
        return True  # QH15, m3, 5G
    if len(part) == 1 and part.lower() in VIETNAMESE_LETTERS:
        return True  # list markers "a)", "đ)"
    if _ROMAN_RE.match(part) and part.isupper():
        return True
    return bool(_ABBREVIATION_RE.match(part)) and not is_syllable(part)


@dataclass(frozen=True, slots=True)
class TextQuality:
    """How Vietnamese a piece of text looks."""

    words: int  # scored tokens (abbreviations and numbers left out)
    syllable_share: float  # valid Vietnamese syllables among scored tokens
    foreign_share: float  # letters outside the Vietnamese alphabet among all letters
    cid_runs: int

    @property
    def enough_text(self) -> bool:
        return self.words >= MIN_WORDS

    @property
    def is_vietnamese(self) -> bool:
        """Good enough to keep: readable Vietnamese, no undecoded glyphs."""
        return (
            self.enough_text
            and self.syllable_share >= MIN_SYLLABLE_SHARE
            and self.foreign_share <= MAX_FOREIGN_SHARE
            and self.cid_runs <= MAX_CID_RUNS
        )

    @property
    def category(self) -> str:
        """The reason without its numbers, to name the same problem on many pages once."""
        if self.cid_runs > MAX_CID_RUNS:
            return "undecoded glyphs (cid codes)"
        if not self.enough_text:
            return "no text layer" if self.words == 0 else "almost no text"
        if self.foreign_share > MAX_FOREIGN_SHARE:
            return "letters outside the Vietnamese alphabet"
        if self.syllable_share < MIN_SYLLABLE_SHARE:
            return "words that are not Vietnamese syllables"
        return ""

    @property
    def reason(self) -> str:
        """Why the text fails (empty string when it passes)."""
        if self.cid_runs > MAX_CID_RUNS:
            return f"{self.cid_runs} undecoded glyphs (cid codes)"
        if not self.enough_text:
            return "no text layer" if self.words == 0 else "almost no text"
        if self.foreign_share > MAX_FOREIGN_SHARE:
            return f"{self.foreign_share:.0%} of letters outside the Vietnamese alphabet"
        if self.syllable_share < MIN_SYLLABLE_SHARE:
            return f"only {self.syllable_share:.0%} of words are Vietnamese syllables"
        return ""


def split_tone(syllable: str) -> tuple[str, str | None]:
    """A lower-case syllable without its tone mark, and the tone's name (None: ngang)."""
    tone = None
    kept = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


@lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    """A valid Vietnamese syllable: onset + rhyme, with a tone the rhyme allows.

    >>> is_syllable("Thương"), is_syllable("quyết"), is_syllable("7+ѬѪ1*")
    (True, True, False)
    """
    word = token.lower()
    if not word or any(ch not in VIETNAMESE_LETTERS for ch in word):
        return False
    base, tone = split_tone(word)
    for size in (3, 2, 1, 0):
        onset, rhyme = base[:size], base[size:]
        if onset not in ONSETS or not rhyme:
            continue
        if onset == "qu":
            ok = rhyme in _QU_RHYMES
        elif onset == "gi":
            ok = rhyme in _GI_RHYMES or ("i" + rhyme) in RHYMES
        else:
            ok = rhyme in RHYMES
        if not ok and onset == "g" and rhyme.startswith("i"):
            ok = rhyme in RHYMES  # "gì", "gìn"
        if not ok:
            continue
        front = rhyme[0] in "ieêy"
        if onset in ("k", "gh", "ngh") and not front:
            continue  # k, gh, ngh only before i, e, ê, y
        if onset in ("c", "ng", "q") and front:
            continue  # … and c, ng never before them ("ghi", "nghe", "kê")
        if rhyme.endswith(_STOP_CODAS) and tone not in ("sắc", "nặng"):
            continue
        return True
    return False


def _strip_token(token: str) -> str:
    return token.strip(EDGE_PUNCT)


def score_text(text: str) -> TextQuality:
    """Score a page (or any text) for being readable Vietnamese."""
    cid_runs = len(_CID_RE.findall(text))
    clean = _CID_RE.sub(" ", text)
    words = valid = 0
    for raw in _TOKEN_RE.findall(clean):
        token_words, token_valid = _token_score(raw)
        words += token_words
        valid += token_valid
    folded = unicodedata.normalize("NFC", clean).lower()
    letters = sum(map(str.isalpha, folded))
    foreign = sum(map(str.isalpha, _VIETNAMESE_LETTER_RE.sub("", folded)))
    return TextQuality(
        words=words,
        syllable_share=valid / words if words else 0.0,
        foreign_share=foreign / letters if letters else 0.0,
        cid_runs=cid_runs,
    )


@lru_cache(maxsize=65536)  # a page repeats its syllables: each token is judged once
def _token_score(raw: str) -> tuple[int, int]:
    """(scored parts, valid syllables among them) of one whitespace token."""
    token = _strip_token(raw)
    if not token or _is_neutral(token):
        return 0, 0
    words = valid = 0
    # Compounds of syllables and symbols: "Nghị định 12/2023/NĐ-CP" → parts.
    for part in _PART_SPLIT_RE.split(token):
        part = _strip_token(part)
        if not part or _is_neutral(part):
            continue
        words += 1
        valid += is_syllable(part)
    return words, valid
