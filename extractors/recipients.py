"""The "Nơi nhận" list at the foot of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

A dash list ending in "- Lưu: VT, …" (the file copy, sometimes followed by the
clerk's initials and the number of copies: "Huy (23 bản)").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach.schemas.layout import Line

RECIPIENTS_RE = re.compile(r"^Nơi\s+nhận\s*(?::|$)\s*(?P<rest>.*)$", re.IGNORECASE)
_ITEM_RE = re.compile(r"^[-–+•*]\s*")
_ITEM_SPLIT_RE = re.compile(r"(?:^|(?<=[;:,.]))\s*[-–•+]\s+")
_FILE_COPY_RE = re.compile(r"^[-–+•]?\s*Lưu\b")


class _ListReader:
    """The items of one list, gathered line by line."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.after_file_copy = False

    def add_run(self, text: str) -> None:
        """A line that may hold several items ("- Như Điều 3; - Sở Tài chính;")."""
        for piece in _ITEM_SPLIT_RE.split(text):
            piece = piece.strip()
            if not piece:
                continue
            if _ITEM_RE.match(text) or not self.items or _ITEM_SPLIT_RE.search(text):
                self.items.append(piece)
            else:
                self.items[-1] = f"{self.items[-1]} {piece}"
            self.after_file_copy = self.after_file_copy or bool(_FILE_COPY_RE.match(piece))

    def take(self, text: str, is_name: Callable[[str], bool], is_caps: Callable[[str], bool]) -> bool:
        """Add one line of the list; False when the line is past its end."""
        if _ITEM_RE.match(text) and not (self.after_file_copy and not _FILE_COPY_RE.match(text)):
            if self.after_file_copy and not text[1:].strip():
                return False
            self.items.append(_ITEM_RE.sub("", text).strip())
            self.after_file_copy = self.after_file_copy or bool(_FILE_COPY_RE.match(text))
            return True
        if not self.items:
            return False
        last = self.items[-1]
        clerk_note = self.after_file_copy and bool(re.search(r"[\d()]", text))
        continues = text[:1].islower() or not last.endswith((";", ".")) or clerk_note
        if (continues and not (self.after_file_copy and is_caps(text))) or clerk_note:
            if is_name(text):
                return False
            self.items[-1] = f"{last} {text}".strip()  # a wrapped item; "Huy (23 bản)" after the file copy
            return True
        return False

    def cleaned(self) -> list[str]:
        items = [re.sub(r"\s+", " ", item).strip(" ;,") for item in self.items]
        return [item for item in items if item and not item.startswith("-")]


def read_recipients(lines: list[Line], i: int, stop: int, first: str, *, ends_list: Callable[[str], bool],
                    is_name: Callable[[str], bool], is_caps: Callable[[str], bool]) -> tuple[list[str], int]:
    """The dash list after "Nơi nhận:" from line ``i`` (``first``: what the "Nơi nhận" line itself
    holds after its colon); returns (items, index after the list).

    :param ends_list: a line that ends the list (a signature line)
    :param is_name: a line that is a signer's name, not part of an item
    :param is_caps: an upper-case line (after the file copy, a signature line)
    """
    reader = _ListReader()
    if first:
        reader.add_run(first if first.lstrip().startswith(("-", "–", "+", "•")) else "- " + first)
    while i < stop:
        text = lines[i].text.strip()
        if ends_list(text) or RECIPIENTS_RE.match(text) or not reader.take(text, is_name, is_caps):
            break
        i += 1
    return reader.cleaned(), i
