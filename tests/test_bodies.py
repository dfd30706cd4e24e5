"""The bodies lexicon is data (extractors/data/bodies.json): every example of every body is found by the units
reader, each alias folds to the body's unit_id, and a former body merged into another keeps its own id."""

from __future__ import annotations

import re

import pytest

from kehoach.extractors import lexicon
from kehoach.extractors.fold import ascii_key
from kehoach.extractors.units import extract_assignments, find_units, unit_id
from kehoach.schemas.models import Node

BODIES = lexicon.bodies()
EXAMPLES = [(b.name, example) for b in BODIES for example in b.examples]
ALIASES = [(b.name, alias) for b in BODIES for alias in b.aliases]
MERGED = [(b.name, former) for b in BODIES for former in b.merged_from]


def _ids(value: str) -> str:
    return ascii_key(value)[:60]


def _names_body(found: str, name: str) -> bool:
    """A unit found names the body: its key, with a place after ("Thuế tỉnh Ninh Bình") or a person's title
    before ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh")."""
    key, body = f" {unit_id(found)} ", f" {unit_id(name)} "
    return body in key


@pytest.mark.parametrize("name,example", EXAMPLES, ids=_ids)
def test_every_example_is_found(name, example):
    entry = next(b for b in BODIES if b.name == name)
    found = [u.text for u in find_units(example)]
    assert any(_names_body(f, n) for f in found for n in (name, *entry.aliases)), found


@pytest.mark.parametrize("name,alias", ALIASES, ids=_ids)
def test_aliases_fold_to_the_body(name, alias):
    assert unit_id(alias) == unit_id(name)


@pytest.mark.parametrize("name,former", MERGED, ids=_ids)
def test_merged_bodies_keep_their_own_id(name, former):
    assert unit_id(former) != unit_id(name)


def test_every_body_has_an_example_and_a_source():
    sources = lexicon.load("bodies")["sources"]
    assert all(b.examples for b in BODIES)
    assert all(b.source in sources for b in BODIES)
    assert {b.level for b in BODIES} <= {"central", "local", "any"}


def test_the_ministries_of_2025_are_there():
    # Nghị quyết 176/2025/QH15: 14 ministries and 3 ministry-level agencies.
    ministries = {b.name for b in BODIES if b.kind == "ministry"}
    agencies = {b.name for b in BODIES if b.kind == "ministry-level agency"}
    assert len(ministries) == 14
    assert agencies == {"Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Văn phòng Chính phủ"}


def test_names_are_unique():
    names = [unit_id(b.name) for b in BODIES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("example", lexicon.load("bodies")["groups"]["party_examples"], ids=_ids)
def test_party_examples_name_their_parties(example):
    # every category the example writes ("Doanh nghiệp", "nhà đầu tư", "các nhà thầu") is a unit of its own
    found = [u.text for u in find_units(example)]
    written = [p for p in lexicon.body_words("groups", "parties") if p in example.lower()]
    assert written and all(any(p in f.lower() for f in found) for p in written), found


def test_parties_are_group_nouns():
    assert set(lexicon.body_words("groups", "parties")) <= set(lexicon.body_words("groups", "nouns"))


@pytest.mark.parametrize("example", lexicon.load("bodies")["titles"]["examples"], ids=_ids)
def test_title_examples_name_the_person_by_position(example):
    found = [u.text for u in find_units(example)]
    assert any(f.split()[0] in {h.split()[0] for h in lexicon.body_words("titles", "heads")} for f in found), found


@pytest.mark.parametrize("example", lexicon.load("bodies")["groups"]["level_subject_examples"], ids=_ids)
def test_level_subject_examples_lead(example):
    nodes = [Node(id="II", marker="II.", kind="section", heading="KIẾN NGHỊ", text=""),
             Node(id="II.1", parent="II", marker="1.", kind="item", text=example)]
    assert [a.unit for a in extract_assignments(nodes)] == [w for w in lexicon.body_words("groups", "level_subjects") if w in example]



@pytest.mark.parametrize("example", lexicon.load("bodies")["groups"]["category_examples"], ids=_ids)
def test_category_examples_lead_by_their_marker(example):
    # the collective before its marker ("có trách nhiệm", or "quyết định" where the article confers powers) leads
    marker = re.search(r"\s(?:có trách nhiệm|chịu trách nhiệm|quyết định)\s", example)
    nodes = [Node(id="Điều 3", marker="Điều 3.", kind="article", heading="Phân cấp thẩm quyền quyết định", text=example)]
    assert [(a.unit, a.role) for a in extract_assignments(nodes)] == [(example[:marker.start()], "lead")]


def test_categories_are_group_nouns():
    assert set(lexicon.body_words("groups", "categories")) <= set(lexicon.body_words("groups", "nouns"))


@pytest.mark.parametrize("example", lexicon.load("bodies")["groups"]["collective_examples"], ids=_ids)
def test_collective_examples_are_found(example):
    found = [u.text for u in find_units(example)]
    assert any(c in f for f in found for c in lexicon.body_words("groups", "collectives")), found


@pytest.mark.parametrize("example", lexicon.load("bodies")["company_forms"]["examples"], ids=_ids)
def test_company_examples_keep_the_firm_name_whole(example):
    # a firm's own name after its type runs past its commas and "và" up to the next body or the verb
    found = [u.text for u in find_units(example)]
    firm = re.match(r"(?:phối hợp với )?(Công ty .+?)(?:, Sở| chủ trì)", example).group(1)
    assert firm in found, found


BODY_ABBREVIATIONS = [(e["abbreviation"], e["expansion"], example)
                      for e in lexicon.load("bodies")["abbreviations"] for example in e["examples"]]


@pytest.mark.parametrize("abbreviation,expansion,example", BODY_ABBREVIATIONS, ids=_ids)
def test_body_abbreviations_fold_to_their_words(abbreviation, expansion, example):
    assert unit_id(example) == unit_id(example.replace(abbreviation, expansion))
