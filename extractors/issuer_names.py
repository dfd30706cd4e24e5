"""Issuing bodies named from the header's lines: "ỦY BAN NHÂN DÂN / PHƯỜNG GIA VIÊN" →
"Ủy ban nhân dân phường Gia Viên"; "BỘ TÀI CHÍNH / CỤC THUẾ" → issuer "Cục Thuế" under the
parent "Bộ Tài chính", named "Cục Thuế Bộ Tài chính"; Party committees named in full from the organisation above them
(Hướng dẫn 36-HD/VPTW).
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache

from kehoach.extractors import lexicon
from kehoach.extractors.header_band import TRAILING_RULE_RE
from kehoach.extractors.letter_spacing import fix_letter_spacing, has_vowel, looks_letter_spaced
from kehoach.extractors.normalize import is_upper_line

_NAMES = lexicon.load("body_names")


def _caps_alternatives(names: list[str]) -> str:
    """Caps regex alternatives, longest first; an old-style "UỶ" matches as "ỦY" does."""
    caps = sorted({n.upper() for n in names}, key=len, reverse=True)
    return "|".join(r"\s+".join(w.replace("ỦY", "(?:ỦY|UỶ)") for w in c.split()) for c in caps)


# A header line starting with one of these names a body of its own (the issuer,
# under its parent body on the line above): "BỘ TÀI CHÍNH / CỤC THUẾ".
_BODY_HEAD_RE = re.compile(
    rf"^(?:{_caps_alternatives([h['name'] for h in _NAMES['heads'] if h.get('starts_a_line', True)])})\b(?!\s*,)")
# Party organisations and committees (Hướng dẫn 36-HD/VPTW): "ĐẢNG BỘ TỈNH QUẢNG NINH" above "TỈNH ỦY".
_PARTY_LEVELS = _caps_alternatives([lv["name"] for lv in _NAMES["levels"] if lv.get("party")])
_PARTY_BODY_RE = re.compile(rf"^ĐẢNG\s+BỘ(?:\s+(?P<level>{_PARTY_LEVELS})\s+(?P<name>\S.*))?")
_COMMITTEE = rf"(?P<head>{_caps_alternatives([c['name'] for c in _NAMES['committees']])})"
# Bodies in their written case, keyed by every way of writing them in lower case.
_BODY_FORMS = [(written.lower(), entry["name"]) for entry in _NAMES["written_forms"]
               for written in (entry["name"], *entry.get("variants", ()))]
_PLACE_NAMED = {c["name"].lower() for c in _NAMES["committees"] if c.get("named_by_place")}
# Administrative level words: lower case, and the place name after them is capitalised.
_LEVEL_WORDS = tuple(lv["name"] for lv in _NAMES["levels"])
_GENERIC_HEADS = tuple(sorted((h["name"].lower() for h in _NAMES["heads"] if h.get("generic")), key=len, reverse=True))


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


_ANY_HEAD_RE = re.compile(rf"^(?:{_caps_alternatives([h['name'] for h in _NAMES['heads']])})\s+\S")


def names_a_body(text: str) -> bool:
    """The line starts with a body's head word: "SỞ Y TẾ", "BAN QUẢN LÝ …", "BỘ TÀI CHÍNH"."""
    return bool(_BODY_HEAD_RE.match(text) or _ANY_HEAD_RE.match(text))


@cache
def _known_forms() -> tuple[tuple[str, str], ...]:
    """Known names in their written case (bodies; positions and their deputies), longest first."""
    forms = list(_BODY_FORMS)
    for position in lexicon.positions():
        forms.append((position.name.lower(), position.name))
        if not position.name.startswith("Phó "):
            forms.append((f"phó {position.name.lower()}", f"Phó {position.name}"))
    return tuple(sorted(forms, key=lambda form: len(form[0]), reverse=True))


def _kept_as_written(original: str | None) -> bool:
    """A word that keeps its capitals: a document number ("1050/QĐ-SCT"), an abbreviation ("HQ", "QLCN":
    no vowel)."""
    if not original:
        return False
    return bool(re.search(r"[\d/]", original) and re.search(r"[A-ZĐ]", original)) or (
        original.isalpha() and not has_vowel(original) and len(original) >= 2)


class _Caser:
    """One pass over a caps name's words, giving each its written case."""

    def __init__(self, name: str):
        self.words = " ".join(name.lower().split()).split()
        originals = name.split()
        self.originals = originals if len(originals) == len(self.words) else [None] * len(self.words)
        self.out: list[str] = []
        self.i = 0
        self.after_level = self.after_head = False

    def run(self) -> str:
        while self.i < len(self.words):
            rest = " ".join(self.words[self.i:])
            if not (self._known(rest) or self._level(rest) or self._head(rest)):
                self._other()
        return " ".join(self.out)

    def _known(self, rest: str) -> bool:
        known = next(((k, v) for k, v in _known_forms() if rest == k or rest.startswith((k + " ", k + ","))), None)
        if not known:
            return False
        self.i += len(known[0].split())
        # "BỘ TRƯỞNG, CHỦ NHIỆM": the comma after a known name is kept.
        self.out.append(known[1] + ("," if self.words[self.i - 1].endswith(",") else ""))
        # "Tỉnh ủy Lào Cai": a Party committee is named by its place.
        self.after_level, self.after_head = known[0] in _PLACE_NAMED, False
        return True

    def _level(self, rest: str) -> bool:
        level = next((lv for lv in _LEVEL_WORDS if rest == lv or rest.startswith(lv + " ")), None)
        if not level or self.after_level:
            return False
        self.out.append(level if self.out else _cap(level))
        self.i += len(level.split())
        self.after_level, self.after_head = True, False
        return True

    def _head(self, rest: str) -> bool:
        head = next((h for h in _GENERIC_HEADS if rest == h or rest.startswith(h + " ")), None)
        if not head or self.after_level or self.after_head:
            return False
        self.out.append(_cap(head))
        self.i += len(head.split())
        self.after_head = True
        # The name after a generic head: its first syllable capitalised ("Sở Y tế"), an abbreviation kept.
        if self.i < len(self.words):
            original = self.originals[self.i]
            self.out.append(original if _kept_as_written(original) else _cap(self.words[self.i]))
            self.i += 1
        return True

    def _other(self) -> None:
        word, original = self.words[self.i], self.originals[self.i]
        if _kept_as_written(original):
            self.out.append(original)
        elif self.after_level:
            self.out.append(_cap(word))
        elif word in ("và",) or word.startswith("-"):
            self.out.append(word)
            if self.i + 1 < len(self.words):
                self.out.append(_cap(self.words[self.i + 1]))
                self.i += 1
        else:
            self.out.append(word if self.out else _cap(word))
        self.i += 1


@lru_cache(maxsize=4096)  # documents of one issuer name it, and sign with its positions, again and again
def proper_case(name: str) -> str:
    """An all-caps body name in its written form: "ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN" →
    "Ủy ban nhân dân phường Gia Viên", "BỘ TÀI CHÍNH" → "Bộ Tài chính". Mixed case is kept."""
    if not is_upper_line(name) and not any(k in name.lower().split() for k in ("mttq", "ubnd", "hđnd")):
        return name
    if not is_upper_line(name):
        return " ".join(_expand_abbreviation(w) for w in name.split())
    return _Caser(name).run()


def _expand_abbreviation(word: str) -> str:
    return {"MTTQ": "Mặt trận Tổ quốc", "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}.get(word, word)


# A committee word without its place: "TỈNH ỦY", "ĐẢNG ỦY", "ĐẢNG ỦY PHƯỜNG".
_BARE_COMMITTEE_RE = re.compile(rf"^{_COMMITTEE}(?:\s+(?P<level>{_PARTY_LEVELS}))?$")
# Parents whose units are named with them: "BỘ TÀI CHÍNH / CỤC THUẾ" → "Cục Thuế Bộ Tài chính".
_NAMES_UNITS_RE = re.compile(
    rf"^(?:{_caps_alternatives([h['name'] for h in _NAMES['heads'] if h.get('names_its_units')])})\s+\S")
# Organs that have no name of their own: the issuer is "<organ> <parent>".
# A designated organ carries its number or field on its line: "BAN CHỈ ĐẠO 138".
_ORGAN_ONLY_RE = re.compile(
    rf"^(?:{_caps_alternatives([o['name'] for o in _NAMES['organs']])})$"
    rf"|^(?:{_caps_alternatives([o['name'] for o in _NAMES['organs'] if o.get('designated')])})\s+\S.*$")


def split_issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent_issuer) from the header's body lines, top to bottom."""
    lines = [TRAILING_RULE_RE.sub("", t).strip(" -*") for t in lines]
    lines = [t for t in lines if t]
    if not lines:
        return None, None
    # Group wrapped lines into bodies: a new body starts at a line naming one.
    groups: list[list[str]] = [[lines[0]]]
    for prev, text in itertools.pairwise(lines):
        # "ỦY⏎BAN NHÂN DÂN", "BỘ KHOA HỌC VÀ⏎CÔNG NGHỆ": a name wrapped, not a second body.
        # "BAN TUYÊN GIÁO VÀ DÂN VẬN⏎TỈNH ỦY": a bare committee word ends a department's name,
        # unless it follows the Party organisation ("ĐẢNG BỘ TỈNH X⏎TỈNH ỦY", Hướng dẫn 36-HD/VPTW).
        bare_tail = _BARE_COMMITTEE_RE.match(" ".join(text.split())) and not _PARTY_BODY_RE.match(groups[-1][0])
        # An organ alone on its line ("ĐẢNG ĐOÀN") is a body of its own too.
        starts_body = _BODY_HEAD_RE.match(text) or _ORGAN_ONLY_RE.match(" ".join(text.split()))
        wrapped = (len(" ".join(groups[-1]).split()) == 1 or prev.rstrip().endswith((" VÀ", ",", "-", " CỦA"))
                   or not starts_body or bool(bare_tail))
        if wrapped:
            groups[-1].append(text)
        else:
            groups.append([text])
    names = [" ".join(g) for g in groups]
    # Letter-spacing is repaired on the joined name: a syllable may be split across lines ("THÀNH P⏎HỐ").
    names = [fix_letter_spacing(n) if looks_letter_spaced(n) else n for n in names]
    own = names[-1]
    parent = " ".join(names[:-1]) or None
    if parent and _ORGAN_ONLY_RE.match(" ".join(own.split())):
        # Each part in its own case: "VĂN PHÒNG" + "BỘ TÀI CHÍNH" → "Văn phòng Bộ Tài chính".
        own = f"{proper_case(' '.join(own.split()))} {proper_case(' '.join(parent.split()))}"
    elif parent and _NAMES_UNITS_RE.match(" ".join(names[-2].split())):
        own = f"{proper_case(' '.join(own.split()))} {proper_case(' '.join(names[-2].split()))}"
    elif parent:
        own = _party_full_name(" ".join(own.split()), " ".join(names[-2].split()))
    issuer = proper_case(" ".join(own.split()))
    return issuer, (proper_case(" ".join(parent.split())) if parent else None)


_COMMITTEE_TAIL_RE = re.compile(rf"(?:^|\s){_COMMITTEE}(?:\s+(?P<level>{_PARTY_LEVELS}))?$")


def _party_full_name(own: str, parent: str) -> str:
    """A Party committee or department named in full from the organisation above it (Hướng dẫn
    36-HD/VPTW): "ĐẢNG BỘ TỈNH QUẢNG NINH / TỈNH ỦY" → "TỈNH ỦY QUẢNG NINH"; "ĐẢNG BỘ XÃ X / ĐẢNG ỦY"
    → "ĐẢNG ỦY XÃ X"; "ĐẢNG BỘ TỈNH X / BAN TUYÊN GIÁO TỈNH ỦY" → "BAN TUYÊN GIÁO TỈNH ỦY X";
    "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TỔ CHỨC" → "BAN TỔ CHỨC TRUNG ƯƠNG". Anything else is kept."""
    party = _PARTY_BODY_RE.match(parent)
    if party and party.group("level"):
        committee = _COMMITTEE_TAIL_RE.search(own)
        if committee:
            level, name = party.group("level"), party.group("name")
            if committee.group("level"):  # "ĐẢNG ỦY PHƯỜNG": the level is already written
                return f"{own} {name}"
            if committee.group("head").startswith("ĐẢNG"):  # "ĐẢNG ỦY": the commune's or ward's
                return f"{own} {level} {name}"
            return f"{own} {name}"  # "TỈNH ỦY" already says the level
    if re.fullmatch(r"BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG(?:\s+ĐẢNG)?", parent) and \
            re.match(r"^(?:BAN|VĂN\s+PHÒNG|ỦY\s+BAN\s+KIỂM\s+TRA)\b", own) and "TRUNG ƯƠNG" not in own:
        return f"{own} TRUNG ƯƠNG"
    return own


# "Ủy ban nhân dân phường Gia Viên ban hành Kế hoạch …": the issuer named in the preamble
# of a text whose header block is missing.
_ISSUES_RE = re.compile(
    r"(?:^|[;:.,]\s*|\n)(?P<body>(?:Ủy\s+ban|UBND|Hội\s+đồng|HĐND|Ban|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|Đảng\s+ủy|"
    r"Sở|Bộ|Chính\s+phủ|Thủ\s+tướng)[^;:.,\n]{0,80}?)\s+ban\s+hành\s+(?:các\s+|bản\s+)?"
    r"(?:kế\s+hoạch|chương\s+trình|quyết\s+định|chỉ\s+thị|hướng\s+dẫn|nghị\s+quyết|quy\s+định|thông\s+báo|"
    r"nghị\s+định|thông\s+tư)",
    re.IGNORECASE)


def find_issuer_in_text(text: str) -> str | None:
    """The issuing body named as the subject of "… ban hành Kế hoạch …", expanded; None when absent."""
    match = _ISSUES_RE.search(" ".join(text.split()))
    if not match:
        return None
    body = match.group("body").strip()
    if len(body.split()) > 14:
        return None
    return " ".join(_expand_abbreviation(w) for w in body.split())
