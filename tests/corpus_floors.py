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
PROJECT_GOLD_SETS = {"50-76": tuple(f"{n}_" for n in range(50, 77)), "50-89": tuple(f"{n}_" for n in range(50, 90)),
                     "50-95": tuple(f"{n}_" for n in range(50, 96)), "50-96": tuple(f"{n}_" for n in range(50, 97)),
                     "50-117": tuple(f"{n}_" for n in range(50, 118)),
                     "50-121": tuple(f"{n}_" for n in range(50, 122)), "all": ("",)}
PROJECT_GOLD_FLOORS = {
    "50-76": {"nodes": 1.0, "citations": 1.0, "mentions": 1.0, "cite_dates": 1.0, "assignments": 0.995,
              "metadata": 1.0},
    "50-89": {"nodes": 0.999, "citations": 1.0, "mentions": 1.0, "cite_dates": 1.0, "assignments": 0.992,
              "metadata": 1.0},
    "50-95": {"nodes": 0.990, "citations": 1.0, "mentions": 0.983, "cite_dates": 1.0, "assignments": 0.986,
              "metadata": 1.0},
    "50-96": {"nodes": 0.991, "citations": 1.0, "mentions": 0.983, "cite_dates": 1.0, "assignments": 0.991,
              "metadata": 1.0},
    # with batch 7 (100–117, office scans typed out)
    "50-117": {"nodes": 0.992, "citations": 1.0, "mentions": 0.985, "cite_dates": 1.0, "assignments": 0.992,
               "metadata": 1.0},
    # with batch 8 (118–121, submissions and reports)
    "50-121": {"nodes": 0.992, "citations": 1.0, "mentions": 0.987, "cite_dates": 1.0, "assignments": 0.992,
               "metadata": 1.0},
    # with batch 9 (130–151, bulk texts no one had annotated: letters, notices, decisions, plans)
    "all": {"nodes": 0.991, "citations": 0.995, "mentions": 0.981, "cite_dates": 0.997, "assignments": 0.973,
            "metadata": 0.995},
}
# Batches 7 and 8 (100–121) read from the office scans it was typed from (tests/test_scan_gold.py, the OCR path).
SCAN_GOLD_FLOORS = {"nodes": 0.994, "citations": 0.868, "mentions": 0.863, "assignments": 0.965, "metadata": 0.658}
