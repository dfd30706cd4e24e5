"""Signature block and "Nơi nhận" list at the end of a document.

Placeholder of the foundation issue: finds where "Nơi nhận" starts so that it
stays out of node text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.schemas.layout import Line
from kehoach.schemas.models import Signer

_RECIPIENTS_RE = re.compile(r"^Nơi\s+nhận\b", re.IGNORECASE)


@dataclass
class SignatureBlock:
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    start: int | None = None  # index of the first line of the block; body lines end before it
    skip: set[int] = field(default_factory=set)  # other line indexes that belong to the block


def parse_signature(lines: list[Line]) -> SignatureBlock:
    """Find the Nơi nhận list and the signature in ``lines``."""
    for i in range(len(lines) - 1, -1, -1):
        if _RECIPIENTS_RE.match(lines[i].text):
            return SignatureBlock(start=i)
    return SignatureBlock()
