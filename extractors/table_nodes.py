"""Numbered tables inside appendices, cut out of the paragraph stream for the tree.

The joiner runs over a table's cells like over any text; the tree stage wants each numbered
table of an appendix (or of a list attached under its own "DANH MỤC" title) as one placeholder,
whose rows become nodes ("Phụ lục.I", "Phụ lục.I.1", "1").
Tables are found once, on the cleaned lines (``tables.find_tables``), and located here
by their line objects: no text is compared again.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from kehoach.extractors.markers import parse_marker
from kehoach.extractors.normalize import join_wrapped
from kehoach.extractors.tables import TaskTable
from kehoach.schemas.layout import Line, Paragraph


def cut_tables(paragraphs: Sequence[Paragraph], titles: Collection[int], tables: Sequence[TaskTable]
               ) -> tuple[list[Paragraph], set[int], dict[int, TaskTable]]:
    """Paragraphs with each table of an appendix (or right under an attachment's title) cut out into one
    placeholder.

    Args:
        paragraphs: the body paragraphs.
        titles: indexes of title-block paragraphs (they end an appendix).
        tables: the task tables found on the lines the paragraphs were joined from.
    Returns:
        The new paragraphs, the title indexes among them, and placeholder index → table.
        A paragraph the joiner ran across a table's first or last line keeps its lines
        outside the table; a table in the body of a document stays text.
    """
    owner = {id(line): table for table in tables for line in table.lines}
    starts = [i for i, p in enumerate(paragraphs)
              if i not in titles and (m := parse_marker(p.text)) is not None and m.style == "appendix"]
    under_titles = _under_titles(paragraphs, titles)
    if not owner or not starts and not under_titles:
        return list(paragraphs), set(titles), {}
    pieces: dict[int, list[tuple[TaskTable | None, list[Line]]]] = {}
    stops = sorted({*starts, *titles, len(paragraphs)})
    spans = [(a, next(s for s in stops if s > a)) for a in starts] + under_titles
    for a, end in spans:
        inside = {id(line) for k in range(a, end) for line in paragraphs[k].lines}
        cut_here = {id(t) for t in tables if t.lines and id(t.lines[0]) in inside}
        if cut_here:
            for k in range(a, end):
                pieces[k] = _runs(paragraphs[k].lines, owner, cut_here)
    return _assemble(paragraphs, titles, pieces)


def _under_titles(paragraphs: Sequence[Paragraph], titles: Collection[int]) -> list[tuple[int, int]]:
    """The paragraphs right under each attachment's title block, up to the first numbered one: where a table
    attached after the signature ("DANH MỤC … ⏎ STT | …") stands with no appendix marker over it. The first title
    block is the document's own."""
    ends = [t + 1 for t in sorted(titles) if t + 1 not in titles]  # after the last paragraph of each block
    spans = []
    for start in ends[1:]:
        end = start
        while end < len(paragraphs) and end not in titles and parse_marker(paragraphs[end].text) is None:
            end += 1
        spans.append((start, end))
    return spans


def _runs(lines: Sequence[Line], owner: dict[int, TaskTable], cut_here: set[int]
          ) -> list[tuple[TaskTable | None, list[Line]]]:
    """A paragraph's lines in runs: each run inside one table to cut, or outside any (None)."""
    runs: list[tuple[TaskTable | None, list[Line]]] = []
    for line in lines:
        table = owner.get(id(line))
        if table is not None and id(table) not in cut_here:
            table = None
        if runs and runs[-1][0] is table:
            runs[-1][1].append(line)
        else:
            runs.append((table, [line]))
    return runs


def _assemble(paragraphs: Sequence[Paragraph], titles: Collection[int],
              pieces: dict[int, list[tuple[TaskTable | None, list[Line]]]]
              ) -> tuple[list[Paragraph], set[int], dict[int, TaskTable]]:
    out: list[Paragraph] = []
    new_titles: set[int] = set()
    placed: dict[int, TaskTable] = {}
    done: set[int] = set()
    for k, para in enumerate(paragraphs):
        if k not in pieces:
            if k in titles:
                new_titles.add(len(out))
            out.append(para)
            continue
        for table, run in pieces[k]:
            if table is None:
                out.append(para if len(run) == len(para.lines) else
                           Paragraph(text=join_wrapped(line.text for line in run), lines=run, page=run[0].page))
            elif id(table) not in done:
                done.add(id(table))
                placed[len(out)] = table
                out.append(Paragraph(text="", lines=run, page=run[0].page))
    return out, new_titles, placed
