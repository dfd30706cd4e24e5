"""Task status by unit: the Government's task-tracking categories, and a chart of them.

:func:`report` counts, per lead unit, the task nodes done on time, done late, in
progress within the deadline, overdue, and not done without a deadline, on a date
(``queries.STATUS_CATEGORY_SQL`` states the rules; statuses are set per node with
``kehoach correct DOC status …`` or on the clerk's page). :func:`chart` draws the
same as a stacked horizontal bar per unit (matplotlib, no display needed).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlite_utils

from kehoach.pipeline.lookup import unit_pks
from kehoach.pipeline.queries import STATUS_CATEGORIES, status_sql
from kehoach.pipeline.readonly import iso_date, rows

# Vietnamese first, as the reports name them; colours from green (done) to red (overdue).
CATEGORY_NAMES = {
    "done_on_time": "Hoàn thành đúng hạn — done on time",
    "done_late": "Hoàn thành quá hạn — done late",
    "in_progress": "Đang thực hiện trong hạn — in progress",
    "overdue": "Quá hạn — overdue",
    "no_deadline": "Chưa xong, không có thời hạn — no deadline",
}
CATEGORY_COLORS = {"done_on_time": "#2e7d32", "done_late": "#9ccc65", "in_progress": "#42a5f5",
                   "overdue": "#e53935", "no_deadline": "#bdbdbd"}
NO_LEAD = "(chưa có đơn vị chủ trì — no lead unit)"
LABEL_WIDTH = 48  # characters of a unit name on the chart
MAX_BARS = 40  # units drawn at most (the most overdue first)


def report(db: sqlite_utils.Database, *, unit: str | None = None, jurisdiction: str | None = None,
           as_of: str | dt.date | None = None) -> list[dict]:
    """Per lead unit, its tasks by category on ``as_of`` (default today), most overdue first.

    A unit heading's lead covers the items under it. Without a unit or jurisdiction, a last
    row (unit null) counts the task nodes no unit leads.

    :raises QueryError: ``as_of`` is not a date, or the unit name is blank
    """
    day = iso_date(as_of, "--as-of") or dt.date.today().isoformat()
    units_filter, no_lead = "1", "1"
    if unit is not None or jurisdiction is not None:
        pks = unit_pks(db, unit, jurisdiction)
        if not pks:
            return []
        units_filter, no_lead = f"ut.unit_pk IN ({', '.join(str(int(p)) for p in pks)})", "0"
    found = rows(db, status_sql(units_filter, ":as_of", no_lead=no_lead), {"as_of": day})
    for row in found:
        row["as_of"] = day
    return found


def _label(row: dict) -> str:
    name = row["unit"] or NO_LEAD
    if row.get("jurisdiction"):
        name += f" ({row['jurisdiction']})"
    return name if len(name) <= LABEL_WIDTH else name[:LABEL_WIDTH - 1] + "…"


def chart(report_rows: list[dict], path: str | Path, *, title: str | None = None) -> Path:
    """Draw ``report_rows`` as a PNG: one stacked bar per unit, a segment per category.

    :raises OSError: the file cannot be written
    """
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on a server
    from matplotlib import pyplot as plt

    shown = list(reversed(report_rows[:MAX_BARS]))  # the first row on top
    fig, ax = plt.subplots(figsize=(11, 1.6 + 0.42 * max(len(shown), 1)), dpi=100)
    try:
        labels = [_label(r) for r in shown]
        left = [0] * len(shown)
        for category in STATUS_CATEGORIES:
            values = [r[category] or 0 for r in shown]
            ax.barh(labels, values, left=left, color=CATEGORY_COLORS[category], label=CATEGORY_NAMES[category])
            left = [a + b for a, b in zip(left, values, strict=True)]
        day = report_rows[0]["as_of"] if report_rows else dt.date.today().isoformat()
        ax.set_title(title or f"Tình hình thực hiện nhiệm vụ đến ngày {day} — task status as of {day}", fontsize=11)
        ax.set_xlabel("Số nhiệm vụ — tasks")
        ax.xaxis.get_major_locator().set_params(integer=True)
        fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=3, fontsize=8, frameon=False)
        fig.tight_layout(rect=(0, 0.07 + 0.25 / max(len(shown), 1), 1, 1))
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)
    return Path(path)
