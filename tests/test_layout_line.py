"""The plain line object every reader hands on."""

from __future__ import annotations

from dataclasses import fields

from kehoach.schemas.layout import Line


def test_with_text_changes_the_text_and_keeps_every_other_field():
    values = {f.name: f"value of {f.name}" for f in fields(Line)}
    line = Line(**values)
    copy = line.with_text("Sở Y tế chủ trì")
    assert copy.text == "Sở Y tế chủ trì"
    assert {f.name: getattr(copy, f.name) for f in fields(Line) if f.name != "text"} == {
        name: value for name, value in values.items() if name != "text"}
    assert line.text == "value of text"
