"""Lexicons as data: names of things live in ``extractors/data/*.json``, not in regexes.

As eyecite keeps its reporters in reporters-db, each entry names a thing once, with
its variations, abbreviations and examples; the readers build their patterns from
these entries and a data test checks that every example of every entry is found.
This module only loads and indexes the files; it holds no names itself.
"""

from __future__ import annotations

import datetime as dt
import json
import re
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
    in_body_names: tuple[str, ...] = ()  # bodies whose name ends in the type word ("PHÒNG TÀI CHÍNH KẾ HOẠCH")

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
                examples=tuple(e.get("examples", ())), heads_body_parts=e.get("heads_body_parts", False),
                in_body_names=tuple(e.get("in_body_names", ())))
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
class Body:
    """A public body that documents assign work to ("Bộ Tài chính"), or a kind of local body ("Sở Tài chính")."""

    name: str  # as official style writes it; a local kind without its place
    level: str  # central | local
    kind: str
    aliases: tuple[str, ...] = ()  # other writings of the same body: fold to the name's unit key
    merged_from: tuple[str, ...] = ()  # former bodies merged into it: keep their own keys
    examples: tuple[str, ...] = ()
    source: str = ""

    @property
    def is_central(self) -> bool:
        return self.level == "central"


@cache
def bodies() -> tuple[Body, ...]:
    """Every body of ``data/bodies.json``, central ones first as the file lists them."""
    return tuple(
        Body(name=e["name"], level=e["level"], kind=e["kind"], aliases=tuple(e.get("aliases", ())),
             merged_from=tuple(e.get("merged_from", ())), examples=tuple(e.get("examples", ())),
             source=e.get("source", ""))
        for e in load("bodies")["bodies"]
    )


@cache
def body_words(section: str, key: str) -> tuple[str, ...]:
    """A word list of ``data/bodies.json``, where the file documents it: ``("groups", "nouns")`` the nouns of
    catch-all units, ``("titles", "heads")`` titles of persons that stand for a body ("Thứ trưởng"),
    ``("enterprise_units", "heads")`` brands a State group's unit in a place is named by ("VNPT"),
    ``("functional_bodies", "names")`` systems of bodies named by function ("cơ quan thuế"), ``("groups",
    "parties" | "collectives" | "categories" | "level_subjects" | "determiners" | "closers")``."""
    return tuple(load("bodies")[section][key])


@dataclass(frozen=True)
class LawVersion:
    """One law passed under a name (or one amending law): its number and dates."""

    number: str | None = None  # "58/2024/QH15"; None where only the date is known
    date: dt.date | None = None  # adoption
    year: int | None = None
    in_force: dt.date | None = None

    @property
    def start(self) -> dt.date:
        """From when it is in force: its in-force date, else its adoption date (or the start of its year)."""
        return self.in_force or self.date or dt.date(self.year or 1, 1, 1)


@dataclass(frozen=True)
class Law:
    """A law, code, ordinance or the Constitution, and the versions passed under its name."""

    name: str  # the official title of the latest version: "Luật Đầu tư công"
    doc_type: str  # Luật | Bộ luật | Pháp lệnh | Hiến pháp
    variants: tuple[str, ...] = ()  # other titles it is written with
    short_names: tuple[str, ...] = ()  # shorter names offices write ("Luật Bầu cử")
    versions: tuple[LawVersion, ...] = ()  # oldest first
    amended_by: tuple[LawVersion, ...] = ()
    examples: tuple[str, ...] = ()

    @property
    def titles(self) -> tuple[str, ...]:
        """The full titles: the name, then the variants."""
        return (self.name, *self.variants)

    def version(self, *, year: int | None = None, on: dt.date | None = None) -> LawVersion | None:
        """The version a citation means: of ``year`` when the citation gives one, else the one in force
        ``on`` the citing document's date; with neither, the only version there is.

        Two versions of one year ("Luật Tổ chức chính quyền địa phương 2025": February and June) give
        the one in force on the date, else the later one.
        """
        if year is not None:
            chosen = [v for v in self.versions if (v.date.year if v.date else v.year) == year]
            if len(chosen) > 1 and on is not None:
                chosen = [v for v in chosen if v.start <= on] or chosen[:1]
            return chosen[-1] if chosen else None
        if on is not None:
            in_force = [v for v in self.versions if v.start <= on]
            return in_force[-1] if in_force else None
        return self.versions[0] if len(self.versions) == 1 else None


def _law_version(entry: dict) -> LawVersion:
    date = dt.date.fromisoformat(entry["date"]) if "date" in entry else None
    in_force = dt.date.fromisoformat(entry["in_force"]) if "in_force" in entry else None
    return LawVersion(number=entry.get("number"), date=date, year=date.year if date else entry.get("year"),
                      in_force=in_force)


@cache
def laws() -> tuple[Law, ...]:
    """Every law of ``data/laws.json``."""
    return tuple(
        Law(name=e["name"], doc_type=e["type"], variants=tuple(e.get("variants", ())),
            short_names=tuple(e.get("short_names", ())),
            versions=tuple(_law_version(v) for v in e.get("versions", ())),
            amended_by=tuple(_law_version(v) for v in e.get("amended_by", ())), examples=tuple(e.get("examples", ())))
        for e in load("laws")["laws"]
    )


@dataclass(frozen=True)
class Position:
    """A position a signer holds ("Chủ tịch") and the signature blocks that show it."""

    name: str  # its written form in running text
    examples: tuple[str, ...] = ()
    signs_beside_others: bool = False  # minutes and joint documents: several signers on one row

    @property
    def caps(self) -> str:
        """As a signature block writes it: "CHỦ TỊCH"."""
        return self.name.upper()


@cache
def positions() -> tuple[Position, ...]:
    """Every position of ``data/positions.json``, longest first (so "Chủ tịch nước" wins over "Chủ tịch")."""
    entries = load("positions")["positions"]
    found = (Position(name=e["name"], examples=tuple(e.get("examples", ())),
                      signs_beside_others=e.get("signs_beside_others", False)) for e in entries)
    return tuple(sorted(found, key=lambda p: len(p.name), reverse=True))


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
def step_column_titles() -> tuple[ColumnTitle, ...]:
    """The column titles of a procedure table whose rows are numbered steps ("Thứ tự công việc | Đơn vị/người thực
    hiện | …"): roles step, performer, other."""
    return _column_titles("step_columns")


@cache
def collective_heads() -> tuple[str, ...]:
    """Generic body nouns that head a collective phrase in a unit cell ("cơ quan", "địa phương")."""
    return tuple(w for e in load("table_columns")["collective_heads"] for w in e["words"])


@cache
def surnames() -> tuple[str, ...]:
    """The common Vietnamese family names (data/surnames.json)."""
    return tuple(entry["name"] for entry in load("surnames")["surnames"])


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, any run of spaces between their words:
    the one way readers turn a list of names into a pattern."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
