"""From what a person types to registry rows: unit names with their jurisdiction, cited
documents by number, name or fragment, and close matches when nothing matches.

Read-only, keys from ``extractors.keys`` only: a unit name matches through
``unit_key``, a jurisdiction through ``jurisdiction_key`` ("Hà Nội",
"thành phố Hà Nội" and "TP. Hà Nội" are one), a cited document through
``ref_key`` (its number in any written form) or ``name_key`` (a name or a
fragment of one: "Luật Tổ chức chính quyền địa phương" finds the law cited as
"Luật Tổ chức chính quyền địa phương 2025" and, when the extractor linked them,
the same law cited by number).
"""

from __future__ import annotations

import difflib
import sqlite3

import sqlite_utils

from kehoach.extractors.keys import jurisdiction_key, name_key, ref_key, unit_key
from kehoach.pipeline.errors import KehoachError

SUGGESTIONS = 5
SUGGESTION_CUTOFF = 0.6  # difflib ratio
SUGGESTION_POOL = 50_000  # names compared at most (the most-cited first)


class QueryError(KehoachError):
    """The question cannot be asked as written (a bad date, a search with nothing to search for)."""


def _column(db: sqlite_utils.Database, sql: str, params: list) -> list:
    try:
        return [row[0] for row in db.execute(sql, params).fetchall()]
    except sqlite3.OperationalError as exc:
        raise QueryError(None, f"the registry cannot answer this ({exc})") from None


def unit_pks(db: sqlite_utils.Database, name: str | None = None, jurisdiction: str | None = None) -> list[int]:
    """The units (``units.id``) a name and a jurisdiction designate.

    "Sở Tài chính" is every jurisdiction's Sở Tài chính; "Sở Tài chính thành phố Hà Nội",
    or "Sở Tài chính" with ``jurisdiction="Hà Nội"``, only Hà Nội's. With a jurisdiction
    alone, every unit of that jurisdiction.

    :raises QueryError: the name or the jurisdiction is blank
    """
    place = None
    if jurisdiction is not None:
        place = jurisdiction_key(jurisdiction)
        if place is None:
            raise QueryError(None, "--jurisdiction is empty")
    if name is None:
        return _column(db, "SELECT id FROM units WHERE jurisdiction_key = ? ORDER BY id", [place]) if place else []
    key = unit_key(name)
    if key is None:
        raise QueryError(None, "--unit is empty")
    keys = _unit_keys(db, key)
    if not keys:
        keys, named = _unit_and_place(db, key)
        if not keys or (place is not None and place != named):
            return []
        place = named
    marks = ", ".join("?" * len(keys))
    return _column(db, f"SELECT id FROM units WHERE unit_key IN ({marks}) AND (? IS NULL OR jurisdiction_key = ?) "
                       "ORDER BY jurisdiction_key IS NULL, jurisdiction_key, id", [*keys, place, place])


def _unit_keys(db: sqlite_utils.Database, key: str) -> list[str]:
    # Every unit's unit_id is one of its aliases, so its key is found here too.
    return _column(db, "SELECT DISTINCT unit_key FROM unit_aliases WHERE alias_key = ?", [key])


def _unit_and_place(db: sqlite_utils.Database, key: str) -> tuple[list[str], str | None]:
    """A name that ends with a jurisdiction ("so-tai-chinh-thanh-pho-ha-noi"): the longest
    leading words that name a unit held in the jurisdiction the remaining words name."""
    words = key.split("-")
    for cut in range(len(words) - 1, 0, -1):
        head, place = "-".join(words[:cut]), jurisdiction_key("-".join(words[cut:]))
        keys = _unit_keys(db, head)
        if keys and place:
            marks = ", ".join("?" * len(keys))
            held = _column(db, f"SELECT unit_key FROM units WHERE unit_key IN ({marks}) AND jurisdiction_key = ?",
                           [*keys, place])
            if held:
                return sorted(set(held)), place
    return [], None


def legal_document_ids(db: sqlite_utils.Database, ref: str) -> list[int]:
    """The cited documents ``ref`` designates: by number in any written form ("33/ct-ttg"),
    by a name it was cited by, and failing those by a fragment of a name or number that
    starts at a word ("Luật Đất đai" finds "Luật Đất đai 2024"; "33/CT" finds "33/CT-TTg").

    :raises QueryError: ``ref`` is blank
    """
    key, words = ref_key(ref), name_key(ref)
    if key is None or words is None:
        raise QueryError(None, "REF is empty")
    exact = _column(db, "SELECT id FROM legal_documents WHERE ref_key = ? "
                        "UNION SELECT legal_document_id FROM legal_document_names WHERE name_key = ?", [key, words])
    if exact:
        return sorted(exact)
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute("SELECT legal_document_id, name_key FROM legal_document_names "
                      "WHERE name_key LIKE ? ESCAPE '\\'", [pattern]).fetchall()
    return sorted({pk for pk, name in rows if _starts_a_word(name, words)})


def _starts_a_word(text: str, fragment: str) -> bool:
    """``fragment`` occurs in ``text`` at the start of a word ("33/ct" in "33/ct-ttg", not in "133/ct-ttg")."""
    at = text.find(fragment)
    while at != -1:
        if at == 0 or text[at - 1] == " ":
            return True
        at = text.find(fragment, at + 1)
    return False


def _close(query: str | None, names: list[tuple[str, str]]) -> list[str]:
    """The names whose key is closest to ``query``, best first, each once."""
    if not query:
        return []
    by_key: dict[str, str] = {}
    for name, key in names:
        by_key.setdefault(key, name)
    best = difflib.get_close_matches(query, list(by_key), n=SUGGESTIONS, cutoff=SUGGESTION_CUTOFF)
    return [by_key[k] for k in best]


def suggest_refs(db: sqlite_utils.Database, ref: str) -> list[str]:
    """Names and numbers of cited documents close to ``ref`` (for "did you mean")."""
    names = db.execute("SELECT n.name, n.name_key FROM legal_document_names n "
                       "LEFT JOIN citations c ON c.legal_document_id = n.legal_document_id "
                       "GROUP BY n.legal_document_id, n.name ORDER BY count(c.id) DESC LIMIT ?",
                       [SUGGESTION_POOL]).fetchall()
    return _close(name_key(ref), names)


def suggest_units(db: sqlite_utils.Database, name: str) -> list[str]:
    """Unit names close to ``name`` (for "did you mean"), bodies before catch-all groups."""
    names = db.execute("SELECT a.alias, a.alias_key FROM unit_aliases a "
                       "JOIN units u ON u.unit_key = a.unit_key WHERE a.alias <> u.unit_id GROUP BY a.alias "
                       "ORDER BY max(u.is_group), a.alias LIMIT ?", [SUGGESTION_POOL]).fetchall()
    return _close(unit_key(name), names)
