"""Cited legal documents. Placeholder of the foundation issue: finds nothing yet."""

from __future__ import annotations

from kehoach.schemas.models import Citation, Node


def extract_citations(nodes: list[Node], *, own_number: str | None = None) -> list[Citation]:
    """Every citation in the nodes' text, with offsets into that text."""
    return []
