"""OCR post-correction from the language: diacritics restored by a syllable-bigram model.

Tesseract reads Vietnamese letters right and their marks wrong: a circumflex or a
breve dropped ("xuât", "câp"), a tone swapped ("triên khai", "nô" for "nổ"). The
letters without their marks (the *skeleton*) are nearly always right, so the
candidates for a token are the syllables with its skeleton within ``MAX_EDITS``
mark edits, and the choice among them is made in context by a bigram model of
syllables learned from the corpus (``extractors/data/syllables.tsv`` and
``syllable_bigrams.tsv.gz``, rebuilt by ``scripts/build_syllable_model.py``).

Each run of syllables between punctuation is decoded as a hidden Markov chain:
states are the candidates, transitions the bigram probabilities, emissions a
penalty per mark edit. A token is replaced only where the posterior of another
candidate is near certain:

- a token that is not a known syllable (outside the inventory, or no syllable at all)
  needs ``MIN_POSTERIOR``;
- a known syllable needs ``MIN_POSTERIOR_KNOWN`` and must be out of its context: it
  has a neighbour on both sides, and the corpus has the replacement beside them
  ``SUPPORT_RATIO`` times as often as the token itself, and at least once (a word
  only the dictionary knows needs one neighbour, seen ``ONE_SIDED_SUPPORT`` times). "Giây phép" becomes "Giấy phép"; "30 giây" stays.
- Names stay as written: a capitalised token beside another capitalised token
  ("Hoàng Văn Thuân", "Sở Công Thương") is changed only when it is no syllable at all.

Pure: strings or ``Line`` lists in, new ones out, with the number of words changed.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from kehoach.extractors.fold import fix_tone_placement
from kehoach.extractors.quality import EDGE_PUNCT, is_syllable
from kehoach.schemas.layout import Line

SYLLABLES_FILE = "syllables.tsv"
BIGRAMS_FILE = "syllable_bigrams.tsv.gz"
MAX_EDITS = 2  # mark edits (a tone, a circumflex, breve, horn or stroke) between a token and a candidate
EDIT_COST = 4.0  # log-probability paid per mark edit: the channel's prior that OCR read the marks right
MIN_POSTERIOR = 0.9  # posterior a replacement needs where the token is no known syllable
MIN_POSTERIOR_KNOWN = 0.98  # … and where the token is a known syllable out of its context
ONE_SIDED_SUPPORT = 50  # bigram count that lets a word the corpus never has give way at a chain's end
SUPPORT_RATIO = 10  # a known syllable gives way only to one seen this many times more often beside its neighbours
DISCOUNT = 0.75  # absolute discount of the bigram counts (Kneser–Ney style interpolation)
UNSEEN = 0.5  # the count a syllable the corpus lacks gets in the unigram distribution

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_SHAPES = "\u0302\u0306\u031b"  # circumflex, breve, horn
_WORD_RE = re.compile(r"\S+")
_LETTERS_RE = re.compile(r"(?<!\w)[^\W\d_]{2,}(?!\w)")  # a word of letters only
# Training text: runs of letters; anything else (digits, punctuation) breaks a chain of syllables.
_TRAIN_TOKEN_RE = re.compile(r"[^\W\d_]+|[^\w\s]|\d+")


def skeleton(word: str) -> str:
    """The letters without their marks, lower case, đ → d: "Quyết" → "quyet"."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _marks(word: str) -> tuple[tuple[str, ...], str]:
    """A lower-case syllable's shape marks letter by letter (đ's stroke included) and its tone."""
    shapes: list[str] = []
    tone = ""
    for ch in word:
        parts = unicodedata.normalize("NFD", ch)
        tone = next((m for m in parts if m in _TONES), tone)
        shapes.append("d" if ch == "đ" else "".join(m for m in parts if m in _SHAPES))
    return tuple(shapes), tone


def mark_edits(a: str, b: str) -> int:
    """Mark edits between two lower-case words of one skeleton: "xuât" → "xuất" is 1, "tang" → "tầng" 2."""
    shapes_a, tone_a = _marks(a)
    shapes_b, tone_b = _marks(b)
    return sum(x != y for x, y in zip(shapes_a, shapes_b)) + (tone_a != tone_b)


def canonical(word: str) -> str:
    """The model's spelling of a word: lower case, NFC, new tone placement ("Hoà" → "hòa")."""
    return fix_tone_placement(unicodedata.normalize("NFC", word)).lower()


def training_chains(text: str) -> Iterator[list[str]]:
    """Runs of syllables between punctuation, digits and non-syllables, in the model's spelling."""
    chain: list[str] = []
    for match in _TRAIN_TOKEN_RE.finditer(canonical(text)):
        token = match.group(0)
        if is_syllable(token):
            chain.append(token)
            continue
        if chain:
            yield chain
        chain = []
    if chain:
        yield chain


@dataclass
class SyllableModel:
    """Syllable counts and bigram counts, with the interpolated bigram probability."""

    unigrams: dict[str, int]
    bigrams: dict[tuple[str, str], int]
    total: int = 0
    by_skeleton: dict[str, list[str]] = field(default_factory=dict)
    left_count: dict[str, int] = field(default_factory=dict)  # occurrences of a syllable as a bigram's left
    left_types: dict[str, int] = field(default_factory=dict)  # distinct syllables seen after it

    def __post_init__(self) -> None:
        self.total = sum(self.unigrams.values())
        groups: dict[str, list[str]] = defaultdict(list)
        for word in self.unigrams:
            groups[skeleton(word)].append(word)
        self.by_skeleton = dict(groups)
        left_count: dict[str, int] = defaultdict(int)
        left_types: dict[str, int] = defaultdict(int)
        for (a, _b), n in self.bigrams.items():
            left_count[a] += n
            left_types[a] += 1
        self.left_count, self.left_types = dict(left_count), dict(left_types)

    def log_unigram(self, word: str) -> float:
        count = max(self.unigrams.get(word, 0), UNSEEN)
        return math.log(count / (self.total + UNSEEN * len(self.unigrams)))

    def log_bigram(self, prev: str | None, word: str) -> float:
        """log P(word | prev), absolute discounting interpolated with the unigram distribution."""
        if prev is None or prev not in self.left_count:
            return self.log_unigram(word)
        seen = self.left_count[prev]
        pair = max(self.bigrams.get((prev, word), 0) - DISCOUNT, 0.0) / seen
        back = DISCOUNT * self.left_types[prev] / seen
        return math.log(pair + back * math.exp(self.log_unigram(word)))

    def support(self, left: str | None, word: str, right: str | None) -> int:
        """How often the corpus has the word beside these neighbours: count(left word) + count(word right)."""
        return self.bigrams.get((left, word), 0) + self.bigrams.get((word, right), 0)

    def candidates(self, word: str) -> list[str]:
        """Known syllables of the word's skeleton within ``MAX_EDITS`` mark edits, the word first."""
        found = [w for w in self.by_skeleton.get(skeleton(word), ()) if w != word and mark_edits(word, w) <= MAX_EDITS]
        return [word, *found]


@cache
def load_model() -> SyllableModel:
    """The model shipped in ``extractors/data``."""
    data = resources.files("kehoach.extractors").joinpath("data")
    unigrams = {}
    for row in data.joinpath(SYLLABLES_FILE).read_text(encoding="utf-8").splitlines():
        word, count = row.split("\t")
        unigrams[word] = int(count)
    bigrams = {}
    with gzip.open(data.joinpath(BIGRAMS_FILE).open("rb"), "rt", encoding="utf-8") as handle:
        for row in handle:
            pair, count = row.rstrip("\n").split("\t")
            a, b = pair.split(" ")
            bigrams[(a, b)] = int(count)
    return SyllableModel(unigrams, bigrams)


# --- tokens of OCR text -------------------------------------------------------


@dataclass(slots=True)
class _Token:
    line: int  # index of the line
    start: int  # the word's core (edge punctuation left out) in that line
    end: int
    core: str
    word: str  # canonical spelling
    breaks_before: bool  # punctuation or a line's non-word stands between it and the previous token
    breaks_after: bool


def _is_word(core: str) -> bool:
    return len(core) > 1 and core.isalpha() and (core.islower() or core.isupper() or core.istitle())


def _tokens(texts: list[str]) -> list[_Token]:
    tokens: list[_Token] = []
    pending_break = True
    for index, text in enumerate(texts):
        for match in _WORD_RE.finditer(text):
            raw = match.group(0)
            core = raw.strip(EDGE_PUNCT)
            if not _is_word(core):
                pending_break = True
                continue
            lead = len(raw) - len(raw.lstrip(EDGE_PUNCT))
            start = match.start() + lead
            trailing = len(raw) > lead + len(core)
            tokens.append(_Token(index, start, start + len(core), core, canonical(core), pending_break or lead > 0,
                                 trailing))
            pending_break = trailing
    return tokens


def _chains(tokens: list[_Token]) -> Iterator[list[_Token]]:
    chain: list[_Token] = []
    for token in tokens:
        if chain and token.breaks_before:
            yield chain
            chain = []
        chain.append(token)
    if chain:
        yield chain


def _is_name(chain: list[_Token], k: int) -> bool:
    """A capitalised word beside another capitalised word: part of a proper name."""
    def title(j: int) -> bool:
        return 0 <= j < len(chain) and chain[j].core.istitle() and not chain[j].core.isupper()

    return title(k) and (title(k - 1) or title(k + 1))


def _logsumexp(values: Iterable[float]) -> float:
    values = list(values)
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _posteriors(model: SyllableModel, states: list[list[str]], words: list[str]) -> list[list[float]]:
    """Forward–backward over a chain: each candidate's posterior probability at each position."""
    emit = [[-EDIT_COST * mark_edits(word, c) for c in cands] for word, cands in zip(words, states)]
    forward = [[model.log_unigram(c) + e for c, e in zip(states[0], emit[0])]]
    for k in range(1, len(states)):
        forward.append([e + _logsumexp(f + model.log_bigram(p, c) for p, f in zip(states[k - 1], forward[-1]))
                        for c, e in zip(states[k], emit[k])])
    backward = [[0.0] * len(states[-1])]
    for k in range(len(states) - 2, -1, -1):
        backward.insert(0, [_logsumexp(model.log_bigram(c, n) + e + b
                                       for n, e, b in zip(states[k + 1], emit[k + 1], backward[0]))
                            for c in states[k]])
    out = []
    for f, b in zip(forward, backward):
        joint = [x + y for x, y in zip(f, b)]
        norm = _logsumexp(joint)
        out.append([math.exp(j - norm) for j in joint])
    return out


def _decide(model: SyllableModel, chain: list[_Token], states: list[list[str]], post: list[list[float]]) -> list[str]:
    """The word to write at each position: the original unless a replacement is near certain."""
    best = [cands[max(range(len(cands)), key=p.__getitem__)] for cands, p in zip(states, post)]
    out = []
    for k, token in enumerate(chain):
        choice, chance = best[k], max(post[k])
        left = best[k - 1] if k > 0 else None
        right = best[k + 1] if k + 1 < len(chain) else None
        if choice == token.word:
            out.append(token.word)
        elif token.word not in model.unigrams:
            out.append(choice if chance >= MIN_POSTERIOR else token.word)
        else:
            ours, theirs = model.support(left, choice, right), model.support(left, token.word, right)
            # A word only the dictionary knows may give way on one side's evidence, if it is strong.
            framed = left is not None and right is not None or (
                model.unigrams[token.word] == 0 and ours >= ONE_SIDED_SUPPORT)
            certain = framed and chance >= MIN_POSTERIOR_KNOWN and ours > 0 and ours >= SUPPORT_RATIO * theirs
            out.append(choice if certain else token.word)
    return out


def _cased(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return word[0].upper() + word[1:] if like[0].isupper() else word


def _mixed_case(text: str, model: SyllableModel) -> tuple[str, int]:
    """A line with its words of mixed case ("sỐ", "CÔnNg") in lower case where that is a syllable the
    model knows: a Vietnamese word is written lower, title or upper case, and Tesseract mixes the
    cases of letters that differ only in size (c, o, ô, s, v, x); abbreviations that mix cases
    ("TTg", "QĐi", "ThS") are no syllable and stay."""
    changed = 0

    def lower(match: re.Match) -> str:
        nonlocal changed
        core = match.group(0)
        if core.islower() or core.isupper() or core.istitle() or canonical(core) not in model.unigrams:
            return core
        changed += 1
        return core.lower()

    return _LETTERS_RE.sub(lower, text), changed


def correct_texts(texts: list[str], model: SyllableModel | None = None) -> tuple[list[str], int]:
    """OCR lines (one page, reading order) with their marks corrected where certain; and how many words changed.

    >>> correct_texts(["Hồ sơ câp Giây phép sử dụng vật liệu nô công nghiệp"])
    (['Hồ sơ cấp Giấy phép sử dụng vật liệu nổ công nghiệp'], 3)
    >>> correct_texts(["Văn bản sỐ 12 của Bộ trưởng, Thông tư 01/2023/TT-BTC, ThS Lê Văn A"])
    (['Văn bản số 12 của Bộ trưởng, Thông tư 01/2023/TT-BTC, ThS Lê Văn A'], 1)
    """
    model = model or load_model()
    recased = [_mixed_case(text, model) for text in texts]
    texts = [text for text, _ in recased]
    tokens = _tokens(texts)
    edits: list[tuple[_Token, str]] = []
    for chain in _chains(tokens):
        states = [[t.word] if _is_name(chain, k) and is_syllable(t.core) else model.candidates(t.word)
                  for k, t in enumerate(chain)]
        if all(len(s) == 1 for s in states):
            continue
        chosen = _decide(model, chain, states, _posteriors(model, states, [t.word for t in chain]))
        edits += [(t, _cased(w, t.core)) for t, w in zip(chain, chosen) if w != t.word]
    out = list(texts)
    for token, word in sorted(edits, key=lambda e: (e[0].line, -e[0].start)):
        text = out[token.line]
        out[token.line] = text[:token.start] + word + text[token.end:]
    return out, len(edits) + sum(n for _, n in recased)


def correct_lines(lines: list[Line], model: SyllableModel | None = None) -> tuple[list[Line], int]:
    """``correct_texts`` over ``Line`` records: new lines, and how many words changed."""
    texts, changed = correct_texts([line.text for line in lines], model)
    return [line if text == line.text else line.with_text(text) for line, text in zip(lines, texts)], changed
