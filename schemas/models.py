"""The JSON contract (version 1): what `kehoach extract` prints and the registry loads.

One field name across JSON, pydantic and SQL (see GLOSSARY.md). Strings are NFC;
absent values are ``None`` (JSON null), never "".
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"

SourceFormat = Literal["pdf", "docx", "txt"]
TextSource = Literal["native", "ocr", "legacy-font", "mixed"]
NodeKind = Literal["section", "item", "article", "pseudo"]
Role = Literal["lead", "support"]
Relation = Literal["implements", "based_on", "amends", "replaces"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_null(cls, value):
        # The contract says absent is null, never "": enforce it at the edge.
        if isinstance(value, str) and not value.strip():
            return None
        return value


class Source(_Model):
    """Where the text came from and how it was read."""

    path: str
    sha256: str
    format: SourceFormat
    pages: int | None = None
    text_source: TextSource = "native"
    warnings: list[str] = Field(default_factory=list)
    # A similarity fingerprint of the document's normalised text (64-bit SimHash, 16 hex digits), so a
    # re-saved or re-scanned copy of a document can be recognised though its bytes differ.
    fingerprint: str | None = None


class Signer(_Model):
    """The signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / <name>"."""

    name: str | None = None
    position: str | None = None
    authority: str | None = None


class Metadata(_Model):
    """The header block (issuer, số/ký hiệu, place, date, type, title), signer and Nơi nhận."""

    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None  # the number's printed part after the digits ("QĐ-UBND"), kept when they are blank
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    date: dt.date | None = None
    date_text: str | None = None  # the date as printed, a blank or unread slot as "…": "ngày … tháng 7 năm 2026"
    title: str | None = None
    signer: Signer | None = None  # the first of ``signers``
    signers: list[Signer] = Field(default_factory=list)  # every signer (a Biên bản, a joint guidance has several)
    recipients: list[str] = Field(default_factory=list)


class Node(_Model):
    """One numbered structural node ("II.3.a") or a pseudo-node ("title", "preamble", "closing")."""

    id: str
    parent: str | None = None
    marker: str | None = None
    kind: NodeKind
    heading: str | None = None
    text: str | None = None
    page: int | None = None
    task: bool = False
    deadline: dt.date | None = None  # its own (stated in its text or assignments), else its nearest ancestor's
    deadline_text: str | None = None


class Citation(_Model):
    """One mention of a cited legal document, with offsets into its node's ``text``."""

    node: str = Field(description="the citing node's id")
    text: str = Field(description="the mention as written: 'Chỉ thị số 33/CT-TTg ngày 17/6/2024'")
    start: int = Field(description="offset of the mention in the node's text")
    end: int = Field(description="offset just after the mention")
    doc_type: str | None = Field(None, description="Luật, Nghị định, Chỉ thị, Nghị quyết …")
    ref: str = Field(description="the normalised reference ('33/CT-TTg', '57-NQ/TW'); a law cited by name: its name")
    number: str | None = Field(None, description="the number part ('33')")
    year: int | None = Field(None, description="the year written in the reference or with a law's name")
    symbol: str | None = Field(None, description="the part after the number ('CT-TTg')")
    date: dt.date | None = None
    issuer: str | None = Field(None, description="the issuing body, as written or known from the symbol")
    term: str | None = Field(None, description="khóa / nhiệm kỳ: 'khóa XIII'")
    title: str | None = Field(None, description="a law's name without its type ('Đầu tư công'), or a subject ('về …')")
    relation: Relation | None = Field(None, description="how the citing document uses it")
    # Registry rows of the two forms are one document.
    canonical_ref: str | None = Field(None, description="the number of a document cited by name only, when the "
                                      "law lexicon or the text itself knows it: 'Luật Đầu tư công' → '58/2024/QH15'")


class Assignment(_Model):
    """A unit that leads (chủ trì) or supports (phối hợp) the work of a node."""

    node: str
    unit: str
    unit_id: str
    role: Role
    deadline: dt.date | None = None
    deadline_text: str | None = None
    # Where a local body belongs: the province, city or commune named with it ("Sở Tài chính thành phố Hà Nội")
    # or else of the issuing body ("tỉnh Đắk Lắk"); "Trung ương" for central bodies; null when unknown.
    jurisdiction: str | None = None
    is_group: bool = False  # a catch-all ("các sở, ban, ngành", "các cơ quan, đơn vị liên quan"), not one body


class PlanDocument(_Model):
    """A whole extracted document: the unit `kehoach extract` prints and the registry loads."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    metadata: Metadata = Field(default_factory=Metadata)
    nodes: list[Node] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of the contract, as committed in plan_document.schema.json."""
    return PlanDocument.model_json_schema(mode="serialization")
