"""What the citation readers find (eyecite's ``models.py``): plain dataclasses only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kehoach.extractors.lexicon import Law


@dataclass(slots=True)
class FoundCitation:
    """One citation found in a string; offsets index that string."""

    text: str
    start: int
    end: int
    ref: str
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    term: str | None = None
    title: str | None = None
    relation: str | None = None
    # The document's number when it is cited by name only and the law lexicon knows it.
    canonical_ref: str | None = None
    # Internal: where the trailing date/issuer/title clause ends (list sharing).
    tail_end: int = field(default=-1, repr=False, compare=False)
    # Internal: the issuer was named before the citation ("đề nghị của Sở X tại …"), so it
    # carries forward over a list.
    issuer_before: bool = field(default=False, repr=False, compare=False)
    # Internal: the lexicon's entry for a law cited by name or with its name before the number.
    law: Law | None = field(default=None, repr=False, compare=False)
    # Internal: the name is a short name or an abbreviation of the law's title ("Luật Bảo vệ BMNN").
    short_form: bool = field(default=False, repr=False, compare=False)
    # Internal: an amending law's title; the laws it names are cited on their own, inside its span.
    amended_laws: tuple[Law, ...] | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class ShortRef:
    """A type word with a bare number ("Chỉ thị 11"): a citation once resolved, or when "số" says the
    number is a document's ("Thông tư số 59", whose symbol the text never gives)."""

    start: int
    end: int
    doc_type: str
    number: str
    numbered: bool = False  # written with "số" after a capitalised type word


@dataclass(slots=True)
class Scan:
    """What one string yields before resolution across the document."""

    text: str
    found: list[FoundCitation]
    shorts: list[ShortRef]
    aliases: list[tuple[str, int]]  # (alias text, position of the "(")
    law_names: dict[str, str]  # folded law name → ref of its numbered citation
    law_names_words: list[tuple[str, ...]] = field(default_factory=list)  # the same names, as folded words

