"""Lexicons as data: names of things live in ``extractors/data/*.json``, not in regexes.

As eyecite keeps its reporters in reporters-db, each entry names a thing once, with
its variations, abbreviations and examples; the readers build their patterns from
these entries and a data test checks that every example of every entry is found.
This module only loads and indexes the files; it holds no names itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    """The parsed JSON data file ``extractors/data/<name>.json``."""
    text = resources.files("kehoach.extractors").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class DocType:
    """A type of official document ("Kế hoạch") and the ways it is written."""

    name: str  # as the contract reports it
    family: str  # administrative | normative | party | licence | agreement | other
    abbreviations: tuple[str, ...] = ()  # symbol parts of state documents: "KH" in 12/KH-UBND
    party_abbreviations: tuple[str, ...] = ()  # of Party documents: "QĐi" in 08-QĐi/TW
    variants: tuple[str, ...] = ()  # longer type words that report as this type
    examples: tuple[str, ...] = ()
    heads_body_parts: bool = False  # also the heading of a part inside a document ("PHỤ LỤC")

    @property
    def words(self) -> tuple[str, ...]:
        """Every type word of the entry, the name first."""
        return (self.name, *self.variants)


@cache
def doc_types() -> tuple[DocType, ...]:
    """Every document type of ``data/doc_types.json``."""
    entries = load("doc_types")["types"]
    return tuple(
        DocType(name=e["name"], family=e["family"], abbreviations=tuple(e.get("abbreviations", ())),
                party_abbreviations=tuple(e.get("party_abbreviations", ())), variants=tuple(e.get("variants", ())),
                examples=tuple(e.get("examples", ())), heads_body_parts=e.get("heads_body_parts", False))
        for e in entries
    )


@cache
def type_words() -> dict[str, str]:
    """Every written type word → the type it reports: "Chương trình hành động" → "Chương trình"."""
    return {word: t.name for t in doc_types() for word in t.words}


@cache
def symbol_types(*, party: bool = False) -> dict[str, str]:
    """The type abbreviations of a number's symbol → type: "KH" → "Kế hoạch".

    State documents use the state abbreviations, and a Party abbreviation that no state type
    uses ("CV" of a Party Công văn); Party documents use theirs first ("TT" is a Thông tri there,
    a Thông tư in state documents).
    """
    state = {a: t.name for t in doc_types() for a in t.abbreviations}
    party_table = {a: t.name for t in doc_types() for a in t.party_abbreviations}
    if party:
        return {**state, **party_table}
    return {**{a: n for a, n in party_table.items() if a not in state}, **state}


@dataclass(frozen=True)
class ColumnTitle:
    """Words that give a task table's column its role ("Cơ quan chủ trì" → lead)."""

    role: str  # number | task | lead | support | deadline | other
    words: tuple[str, ...]
    position: str = "anywhere"  # whole | start | anywhere: where in the title the words stand
    unless: tuple[str, ...] = ()  # words that take the entry back ("Thời hạn giải quyết" is no deadline)
    under: str | None = None  # sub-columns only: the role of the spanning title above them
    examples: tuple[str, ...] = ()


def _column_titles(key: str) -> tuple[ColumnTitle, ...]:
    return tuple(
        ColumnTitle(role=e["role"], words=tuple(e["words"]), position=e.get("position", "anywhere"),
                    unless=tuple(e.get("unless", ())), under=e.get("under"), examples=tuple(e.get("examples", ())))
        for e in load("table_columns")[key]
    )


@cache
def column_titles() -> tuple[ColumnTitle, ...]:
    """The column titles of ``data/table_columns.json``, in the order they are tried."""
    return _column_titles("columns")


@cache
def sub_column_titles() -> tuple[ColumnTitle, ...]:
    """The cells of a second header row, each under a spanning title of role ``under``."""
    return _column_titles("sub_columns")


@cache
def collective_heads() -> tuple[str, ...]:
    """Generic body nouns that head a collective phrase in a unit cell ("cơ quan", "địa phương")."""
    return tuple(w for e in load("table_columns")["collective_heads"] for w in e["words"])
