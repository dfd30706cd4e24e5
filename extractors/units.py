"""Unit assignments. Placeholder of the foundation issue: finds nothing yet."""

from __future__ import annotations

from kehoach.schemas.models import Assignment, Node


def extract_assignments(nodes: list[Node]) -> list[Assignment]:
    """Who leads and who supports each node's work."""
    return []
