"""spaCy wrappers around the pure extractors (spaCy wraps extraction, never owns it).

Only this module imports spacy. Each component calls an extractor on ``doc.text``
and fills ``doc.spans[<key>]`` with spans whose ``._`` extension carries the
structured value, ready for displaCy (``style="span", options={"spans_key": …}``).

    nlp = blank_vietnamese()
    nlp.add_pipe("citations")
    doc = nlp("Căn cứ Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ;")
    doc.spans["citations"][0]._.citation.ref  # "178/2024/NĐ-CP"
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kehoach.extractors.citations import FoundCitation, find_citations


def blank_vietnamese() -> Language:
    """A blank Vietnamese pipeline that works offline: whitespace and punctuation
    tokenizer, no pyvi word segmenter (spaCy's "vi" needs pyvi unless told not to)."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


# ============================================================================
# citations — cited legal documents (extractors/citations.py)
# ============================================================================

CITATIONS_KEY = "citations"

if not Span.has_extension("citation"):
    Span.set_extension("citation", default=None)


def _citation_span(doc: Doc, found: FoundCitation) -> Span | None:
    # Offsets are characters; a symbol may sit inside one token ("số31-QĐ/TW"),
    # so expand to token bounds rather than dropping the citation.
    span = doc.char_span(found.start, found.end, label=found.doc_type or "citation",
                         alignment_mode="expand")
    if span is None:
        return None
    span._.citation = found
    return span


@Language.factory(
    "citations",
    default_config={"spans_key": CITATIONS_KEY},
)
def make_citations(nlp: Language, name: str, spans_key: str) -> CitationsComponent:
    return CitationsComponent(spans_key)


class CitationsComponent:
    """Fills ``doc.spans[spans_key]`` with one span per citation; ``span._.citation``
    is the :class:`FoundCitation` (ref, doc_type, number, year, symbol, date,
    issuer, term, title, relation, and ``start``/``end`` into ``doc.text``)."""

    def __init__(self, spans_key: str = CITATIONS_KEY):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = [span for found in find_citations(doc.text)
                 if (span := _citation_span(doc, found)) is not None]
        doc.spans[self.spans_key] = spans
        return doc


# ============================================================================
# units — assigned units (extractors/units.py): added by the units issue.
# ============================================================================

UNITS_KEY = "units"

if not Span.has_extension("unit_id"):
    Span.set_extension("unit_id", default=None)


@Language.factory("units", default_config={"spans_key": UNITS_KEY})
def make_units(nlp: Language, name: str, spans_key: str) -> UnitsComponent:
    return UnitsComponent(spans_key)


class UnitsComponent:
    """Fills ``doc.spans[spans_key]`` with one span per organisational unit named in the
    text (label "unit"); ``span._.unit_id`` is the folded key of :func:`unit_id`."""

    def __init__(self, spans_key: str = UNITS_KEY):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from kehoach.extractors.units import find_units, unit_id

        spans = []
        for found in find_units(doc.text):
            span = doc.char_span(found.start, found.end, label="unit", alignment_mode="expand")
            if span is not None:
                span._.unit_id = unit_id(found.text)
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
