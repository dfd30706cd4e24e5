"""pdf/META.json: the header fields of the real PDFs in ../shared/corpus/pdf, read off the pages by hand,
against what the pipeline extracts from the files (OCR included).

The rule of the scoring: values compared after folding, the issuer right when it equals the issuer or the
parent and issuer joined; a handwritten value right when it is read, or when it is left null with the part
printed around it kept and a warning given (no digit is guessed). The floors are ratchets at the level
reached: raise them when a change reads more, never lower them.
"""

from __future__ import annotations

import json

import pytest

from kehoach.pipeline import api
from kehoach.pipeline.evaluate import METADATA_FIELDS, score_pdf_header

# The handwritten values the META notes name, each with the part printed around it (read off the page):
# "Số: [2336] /QĐ-UBND", "Lào Cai, ngày [02] tháng [7] năm 2026".
HANDWRITTEN = {"scanned_2336-QD_chu-truong-dau-tu.pdf": {"number": "QĐ-UBND", "date": "năm 2026"}}

# META.json was read from renders that leave out the digital-signature layer, where these e-signed copies
# carry their number and date ("Số:      /QĐ-UBND" and "ngày     tháng" are blank in the page itself).
# Every viewer shows the layer; read off the pages rendered with it (on 1696 the layer's month 5 is drawn
# over the printed 4, and the appendix's "… số 1696/QĐ-UBND ngày 15/5/2026" says the same).
SIGNATURE_LAYER = {
    "native_1696-QD-UBND_quyet-dinh-uy-quyen.pdf": {"number": "1696/QĐ-UBND", "date": "2026-05-15"},
    "native_193-UBND-KT_cong-van-chi-dao.pdf": {"number": "193/UBND-KT", "date": "2026-01-10"},
    "native_3686-UBND-XD_cong-van-kien-nghi.pdf": {"number": "3686/UBND-XD", "date": "2026-05-11"},
}

# Right fields of 7 (META as written; with the signature layer's values as a viewer shows them).
FLOORS_AS_WRITTEN = {"doc_type": 7, "number": 4, "issuer": 7, "place": 7, "date": 4, "signer": 6}
FLOORS_AS_SHOWN = {"doc_type": 7, "number": 7, "issuer": 7, "place": 7, "date": 7, "signer": 6}


@pytest.fixture(scope="module")
def extracted(shared_corpus):
    meta = json.loads((shared_corpus / "pdf" / "META.json").read_text(encoding="utf-8"))
    return {name: (entry, api.extract(shared_corpus / "pdf" / name)) for name, entry in meta.items()}


def _tally(extracted, overlay: dict) -> dict[str, int]:
    right = dict.fromkeys(METADATA_FIELDS, 0)
    for name, (entry, plan) in extracted.items():
        fields = score_pdf_header(plan, {**entry, **overlay.get(name, {})}, HANDWRITTEN.get(name))
        for field, ok in fields.items():
            right[field] += ok
    return right


@pytest.mark.parametrize("overlay,floors", [
    pytest.param({}, FLOORS_AS_WRITTEN, id="meta-as-written"),
    pytest.param(SIGNATURE_LAYER, FLOORS_AS_SHOWN, id="with-the-signature-layer"),
])
def test_header_fields_reach_their_floors(extracted, overlay, floors):
    right = _tally(extracted, overlay)
    assert all(right[f] >= floors[f] for f in METADATA_FIELDS), right


def test_signature_layer_gives_number_and_date(extracted):
    for name, values in SIGNATURE_LAYER.items():
        meta = extracted[name][1].metadata
        assert (meta.number, meta.date.isoformat() if meta.date else None) == (values["number"], values["date"])


def test_handwritten_values_are_not_guessed(extracted):
    plan = extracted["scanned_2336-QD_chu-truong-dau-tu.pdf"][1]
    assert plan.metadata.number in (None, "2336/QĐ-UBND")
    assert plan.metadata.symbol == "QĐ-UBND"
    assert plan.metadata.date is None or plan.metadata.date.isoformat() == "2026-07-02"
