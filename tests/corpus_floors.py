"""Ratchet floors of the corpus scores (`kehoach eval ../shared/corpus`).

A floor is the level a commit reached; raise it when an improvement lands, never lower it.
"original" is the first round of gold (seven documents), which keeps the floors it had;
"all" is every gold document of the corpus, including those annotated later from bulk/.
"""

ORIGINAL = ("00_", "02_", "09_", "11_", "15_", "18_", "20_")

TEXT_FLOORS = {
    "original": {"nodes": 0.97, "citations": 0.98, "mentions": 0.95, "assignments": 0.90, "metadata": 0.95},
    "all": {"nodes": 1.0, "citations": 1.0, "mentions": 1.0, "assignments": 0.989, "metadata": 1.0},
}
# Each gold text typeset to PDF and read back (tests/test_pdf_path.py).
PDF_FLOORS = {
    "all": {"nodes": 1.0, "citations": 1.0, "mentions": 1.0, "assignments": 0.989},
}
NODE_F1_PER_ORIGINAL_DOC = 0.9

# The project's own hand-made gold (tests/gold: documents annotated for first-contact measurement, see
# benchmarks/first_contact.md). Needs nothing outside the repository.
# Each set keeps the floor it reached; a batch of new gold adds a set at the level first reached on it.
# set: the documents numbered up to (None: all), then the floors in the order of PROJECT_GOLD_FIGURES.
PROJECT_GOLD_FIGURES = ("nodes", "citations", "mentions", "cite_dates", "assignments", "metadata")
_PROJECT_GOLD_TABLE = {
    "50-76": (76, 1.0, 1.0, 1.0, 1.0, 0.995, 1.0),
    "50-89": (89, 0.999, 1.0, 1.0, 1.0, 0.992, 1.0),
    "50-95": (95, 0.990, 1.0, 0.983, 1.0, 0.986, 1.0),
    "50-96": (96, 0.991, 1.0, 0.983, 1.0, 0.991, 1.0),
    "50-117": (117, 0.992, 1.0, 0.985, 1.0, 0.992, 1.0),  # with batch 7 (100–117, office scans typed out)
    "50-121": (121, 0.992, 1.0, 0.987, 1.0, 0.992, 1.0),  # with batch 8 (118–121, submissions and reports)
    # with batch 9 (130–151, bulk texts no one had annotated: letters, notices, decisions, plans)
    "50-151": (151, 0.991, 0.995, 0.981, 0.997, 0.975, 0.995),
    # with batch 10 (160–168, regulations and resolutions that hand out work in articles)
    "50-168": (168, 0.984, 0.995, 0.973, 0.997, 0.954, 0.995),
    # with batch 11 (170–176: a resolution, a decree, a circular, letters, published procedures)
    "all": (None, 0.986, 0.995, 0.975, 0.998, 0.955, 0.996),
}
PROJECT_GOLD_SETS = {name: ("",) if last is None else tuple(f"{n}_" for n in range(50, last + 1))
                     for name, (last, *_floors) in _PROJECT_GOLD_TABLE.items()}
PROJECT_GOLD_FLOORS = {name: dict(zip(PROJECT_GOLD_FIGURES, floors))
                       for name, (_last, *floors) in _PROJECT_GOLD_TABLE.items()}
# Batches 7 and 8 (100–121) read from the office scans it was typed from (tests/test_scan_gold.py, the OCR path).
SCAN_GOLD_FLOORS = {"nodes": 0.994, "citations": 0.868, "mentions": 0.863, "assignments": 0.965, "metadata": 0.658}
