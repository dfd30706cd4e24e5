"""TCVN3 (.VnTime / .VnTimeH) and VNI decoding, one table row per character class."""

from __future__ import annotations

import pytest

from kehoach.extractors.legacy_fonts import decode_legacy, decode_tcvn3, decode_vni, font_encoding

# fmt: off
TCVN3_CASES = [
    pytest.param("µ¸¶·¹", "àáảãạ", id="a-five-tones"),
    pytest.param("¨»¾¼½Æ", "ăằắẳẵặ", id="a-breve-series"),
    pytest.param("©ÇÊÈÉË", "âầấẩẫậ", id="a-circumflex-series"),
    pytest.param("ÌÐÎÏÑ", "èéẻẽẹ", id="e-tones"),
    pytest.param("ªÒÕÓÔÖ", "êềếểễệ", id="e-circumflex-series"),
    pytest.param("×ÝØÜÞ", "ìíỉĩị", id="i-tones"),
    pytest.param("ßãáâä", "òóỏõọ", id="o-tones"),
    pytest.param("«åèæçé", "ôồốổỗộ", id="o-circumflex-series"),
    pytest.param("¬êíëìî", "ơờớởỡợ", id="o-horn-series"),
    pytest.param("ïóñòô", "ùúủũụ", id="u-tones"),
    pytest.param("­õøö÷ù", "ưừứửữự", id="u-horn-series"),
    pytest.param("úýûüþ", "ỳýỷỹỵ", id="y-tones"),
    pytest.param("®§", "đĐ", id="d-stroke"),
    pytest.param("¡¢£¤¥¦", "ĂÂÊÔƠƯ", id="toneless-capitals"),
    pytest.param("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", id="motto-line"),
    pytest.param("Sè: 12/KH-UBND", "Số: 12/KH-UBND", id="ascii-kept"),
]
TCVN3_UPPER_CASES = [
    pytest.param("uû ban nh©n d©n", "UỶ BAN NHÂN DÂN", id="vntimeh-lower-bytes-are-capitals"),
    pytest.param("quyÕt ®Þnh", "QUYẾT ĐỊNH", id="vntimeh-title"),
    pytest.param("§éc lËp", "ĐỘC LẬP", id="vntimeh-capital-d-stroke"),
]
VNI_CASES = [
    pytest.param("aøaùaûaõaï", "àáảãạ", id="a-tone-marks"),
    pytest.param("aâaàaáaåaãaä", "âầấẩẫậ", id="a-circumflex-series"),
    pytest.param("aêaèaéaúaüaë", "ăằắẳẵặ", id="a-breve-series"),
    pytest.param("eâeàeáeåeãeä", "êềếểễệ", id="e-circumflex-series"),
    pytest.param("ìíæóò", "ìíỉĩị", id="i-single-bytes"),
    pytest.param("ôôøôùôûôõôï", "ơờớởỡợ", id="o-horn-series"),
    pytest.param("öööøöùöûöõöï", "ưưừứửữự", id="u-horn-series"),
    pytest.param("yøyùyûyõî", "ỳýỷỹỵ", id="y-tones"),
    pytest.param("ñÑ", "đĐ", id="d-stroke"),
    pytest.param("AØAÙAÛAÕAÏ", "ÀÁẢÃẠ", id="capital-a-tones"),
    pytest.param("ÔÖÑ", "ƠƯĐ", id="capital-singles"),
    pytest.param("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", id="motto"),
]
FONTS = [
    pytest.param(".VnTime", "tcvn3", id="vntime"),
    pytest.param("ABCDEF+.VnTimeH", "tcvn3-upper", id="subset-vntimeh"),
    pytest.param(".VnArial,Bold", "tcvn3", id="vnarial-bold"),
    pytest.param(".VnArialH", "tcvn3-upper", id="vnarialh"),
    pytest.param("VNI-Times", "vni", id="vni-times"),
    pytest.param("QWERTY+VNI-Helve-Bold", "vni", id="subset-vni-helve"),
    pytest.param("TimesNewRomanPSMT", None, id="unicode-font"),
    pytest.param(None, None, id="no-font"),
]
# fmt: on


@pytest.mark.parametrize("raw,expected", TCVN3_CASES)
def test_tcvn3(raw, expected):
    assert decode_tcvn3(raw) == expected


@pytest.mark.parametrize("raw,expected", TCVN3_UPPER_CASES)
def test_tcvn3_upper_fonts(raw, expected):
    assert decode_tcvn3(raw, upper=True) == expected


@pytest.mark.parametrize("raw,expected", VNI_CASES)
def test_vni(raw, expected):
    assert decode_vni(raw) == expected


@pytest.mark.parametrize("fontname,expected", FONTS)
def test_font_encoding(fontname, expected):
    assert font_encoding(fontname) == expected


def test_unicode_font_text_is_untouched():
    assert decode_legacy("Céng hoµ", "TimesNewRomanPSMT") == "Céng hoµ"
    assert decode_legacy("Céng hoµ", ".VnTime") == "Cộng hoà"
