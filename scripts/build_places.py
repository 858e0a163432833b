"""Generate briefing/resources/actors_places.yaml from the reference data in ../shared/reference.

Run from the repository root:  .venv/bin/python scripts/build_places.py [--reference DIR] [--out FILE]

The output is deterministic (same inputs, same bytes). Choices, in the order the file is built:

1. States (GPE): the 193 UN members (mledoze `unMember`) plus Palestine, Kosovo, Taiwan and the
   Vatican, keyed by the dr5hn `wikiDataId`. Arabic surfaces are the union of dr5hn
   `translations.ar`, mledoze `ara.common`/`ara.official` and the CLDR territory names, after
   dropping the spellings listed in BAD_AR (machine translations such as "ديك رومى" for Turkey, and
   typos); parenthesised parts become separate names. STATE_AR sets the form Arabic news uses as
   the canonical name and adds the variants news writes (سوريا/سورية, أمريكا/أميركا, تركمنستان,
   مقدونيا …).
   English: dr5hn name (EN_FIX), aliases from mledoze common/official/altSpellings.
   Arabic demonyms (DEMONYMS) are written here: no licensed data file has them.
2. Capitals (LOC, capital_of): the dr5hn city record named by the country's `capital` (CAPITALS
   names a different record or gives the Arabic when dr5hn's is wrong or missing), the CLDR
   exemplar city for the countries whose city files are missing from the snapshot, or a hand
   entry. Where a capital has the country's name (الكويت، تونس، الجزائر) its surfaces are the
   qualified forms (مدينة الكويت، تونس العاصمة), so that a bare name stays the state's.
   CAPITAL_ALIASES adds spellings news uses (كراكاس، بوجوتا).
3. Provinces (LOC): first-level subdivisions from dr5hn states.jsonl for PROVINCE_COUNTRIES.
   Each gets the prefixed form news uses (محافظة حمص، ولاية هاتاي، منطقة عسير); the bare name
   is added too unless it is a generic word (GENERIC_AR), PROVINCE_AR says otherwise, or a
   higher-priority entry already owns it (a city of the same name: "حمص" is the city,
   "محافظة حمص" the governorate).
   World subdivisions (LOC, same rank): the first-level subdivisions of WORLD_SUBDIVISIONS (US
   states and DC, Canadian provinces and territories, Australian states, Chinese provinces and
   regions, Indian states, the UK's four countries, German Länder, Spanish communities, and some
   Russian republics and oblasts), with the prefix news uses per kind (ولاية كاليفورنيا، مقاطعة
   أونتاريو، إقليم كتالونيا، جمهورية الشيشان). The same tables (PROVINCE_AR, PROVINCE_FULL,
   PROVINCE_ALIASES, GENERIC_AR) apply; only Russian oblasts merge into their city.
4. Cities (LOC): a hand-picked list (CITIES) of the towns regional news names, looked up by
   English name in dr5hn cities for the QID (Arabic from dr5hn unless given here), plus a few
   that dr5hn lacks (slug ids): among them the main cities of the countries whose dr5hn city
   files are missing (the United States, Russia, Germany, France, Spain, Italy, India …), in
   the spelling of Arabic news, checked against the CLDR exemplar cities where CLDR has one.
5. Regions, seas, crossings and sites (LOC): REGIONS, hand-written, slug ids; also historic
   regions and former states (الأندلس، خراسان، الاتحاد السوفيتي، الدولة العثمانية), which are
   LOC because a GPE here is a present state with a capital and demonyms.
6. World cities (LOC, lowest rank): the records of dr5hn's world subset (countries outside the
   region) with WORLD_MIN_POP people, or WORLD_ADM1_MIN_POP for an `adm1` seat, leaving out the
   record types that are districts or counties (WORLD_SKIP_TYPES) and administrative units filed
   as cities (WORLD_ADMIN_EN). The Arabic is cleaned (clean_world_ar): untranslated or numbered
   names are dropped, the administrative words dr5hn glues on are removed (قسم، مقاطعة،
   "اورومتشي شي"), and names of three letters or fewer are skipped. WORLD_CITY_AR replaces the
   Arabic (news variants: قوانغتشو/غوانزو) or leaves a record out: names that are everyday
   words, or that make a common word read as proclitic + name, were found by reviewing the list
   against the corpus and ANERcorp; those kept but ambiguous are context-only (CONTEXT_ONLY). A
   name another entry already has stays with that entry; the city is then "مدينة X" when a
   province or state of its own country has the name (مدينة كيبيك), and is left out otherwise.

Ids: the dr5hn QID, except when two generated entries would carry the same QID (dr5hn has a few
such errors); then every entry with that QID gets a slug "place:<cc>-<name>", as do entries
without a QID. Surfaces: after everything is built, an Arabic surface (compared folded) claimed
by two entries is kept only by the higher-priority one (state > capital > region > city >
province > world city; then the first listed), unless both declare it ambiguous (عمان: Oman and
Amman). The dropped claims are printed to stderr so that they can be reviewed.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, ClassVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from briefing.text.normalize import fold  # noqa: E402

DEFAULT_REF = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "briefing" / "resources" / "actors_places.yaml"

HEADER = """\
# Places gazetteer: sovereign states (GPE), their capitals, first-level subdivisions of the
# Middle East, North Africa, Turkey, Iran, Afghanistan and Pakistan and of large countries
# elsewhere (US, Canada, Australia, China, India, UK, Germany, Spain, parts of Russia), the main
# towns of the region, the large cities of the rest of the world, and hand-written regions,
# historic regions, seas, crossings and sites (LOC).
#
# GENERATED by scripts/build_places.py: do not edit by hand; change the script and re-run it.
#
# Derived from (facts only: names, Wikidata QIDs, capitals, administrative membership):
# - dr5hn/countries-states-cities-database @ 7fda0afd, ODbL 1.0 (database) and DbCL 1.0
#   (contents). This derived file is offered under the ODbL 1.0 as its share-alike clause asks.
# - mledoze/countries @ 5e9f3700, ODbL 1.0 (Arabic common/official names, English demonyms
#   and spellings).
# - Unicode CLDR 47 (unicode-org/cldr-json @ b08a82b5), Unicode License v3: Arabic territory
#   and exemplar-city names. Copyright (c) 1991-2025 Unicode, Inc.
# Arabic demonyms, news spellings, hand-listed cities, regions and sites are the project's own
# (Apache-2.0).
"""

# ---------------------------------------------------------------- states
# The tables below are data, laid out by hand for reading.
# fmt: off

EXTRA_STATES = {"PS", "XK", "TW", "VA"}

EN_FIX = {
    "PS": "Palestine", "FJ": "Fiji", "VA": "Vatican City", "BS": "Bahamas", "GM": "Gambia",
    "CZ": "Czechia", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "TR": "Turkey", "CV": "Cape Verde", "MK": "North Macedonia", "SZ": "Eswatini",
}

# English adjectives as news writes them before a state's institutions (the Saudi Foreign
# Ministry, US forces), where mledoze's demonym differs.
DEMONYM_EN_FIX = {"SA": "Saudi", "US": "US"}

# Machine translations and typos in the sources.
BAD_AR = {
    "ديك رومى", "احتلت الأراضي الفلسطينية", "تيمور قراءة", "فيلبيني", "جمهورية أففانستان الإسلامية",
    "المسكيك", "صيربيا", "جمهورية صيربيا", "أوزباكستان", "جمهورية أوزباكستان", "الإسواتين",
    "القديس فنسنت وجرينادين", "مولدوڤا", "جمهورية مولدوڤا", "الإتحاد القمري",
    "المملكة المتحدة لبريطانيا العظمى وايرلندا الشمالية", "ولاية مدينة الفاتيكان",
    "الكرسي الرسولي", "مدينة الفاتيكان", "دولة مدينة الفاتيكان",
    # "الكونغو" alone is given to the DRC below, not to both Congos.
    # "مالي" is also the adjective "financial": Mali is named only in full.
    "مالي",
    "الكونغو", "الكونغو - برازافيل", "الكونغو - كينشاسا", "جمهورية الصين (تايوان)",
}

# canonical Arabic as news writes it, then extra variants.
STATE_AR: dict[str, tuple[str | None, list[str]]] = {
    "US": ("الولايات المتحدة", ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية",
                                "الولايات المتحدة الأميركية"]),
    "GB": ("بريطانيا", ["المملكة المتحدة", "بريطانيا العظمى"]),
    "SA": ("السعودية", ["المملكة العربية السعودية"]),
    "AE": ("الإمارات", ["الإمارات العربية المتحدة", "دولة الإمارات"]),
    "SY": ("سوريا", ["سورية", "الجمهورية العربية السورية"]),
    "RU": ("روسيا", ["روسيا الاتحادية", "الاتحاد الروسي"]),
    "IR": ("إيران", ["جمهورية إيران الإسلامية", "الجمهورية الإسلامية الإيرانية"]),
    "IL": ("إسرائيل", ["دولة إسرائيل", "الكيان الصهيوني", "الكيان الإسرائيلي"]),
    "PS": ("فلسطين", ["دولة فلسطين", "الأراضي الفلسطينية"]),
    "TR": ("تركيا", ["الجمهورية التركية"]),
    "CN": ("الصين", ["الصين الشعبية"]),
    "KP": ("كوريا الشمالية", ["كوريا الديمقراطية"]),
    "CZ": ("التشيك", ["تشيكيا"]),
    "DK": ("الدنمارك", ["الدانمارك", "الدانمرك"]),
    "HU": ("المجر", ["هنغاريا"]),
    "CI": ("ساحل العاج", ["كوت ديفوار"]),
    "CD": ("الكونغو الديمقراطية", ["الكونغو", "جمهورية الكونغو الديمقراطية", "الكونغو كينشاسا"]),
    "CG": ("جمهورية الكونغو", ["الكونغو برازافيل"]),
    "ET": ("إثيوبيا", ["أثيوبيا"]),
    "ID": ("إندونيسيا", []),
    "PH": ("الفلبين", ["الفيليبين"]),
    "TL": ("تيمور الشرقية", []),
    "SZ": ("إسواتيني", ["سوازيلاند"]),
    "VA": ("الفاتيكان", ["الكرسي الرسولي"]),
    "KM": ("جزر القمر", []),
    "MM": ("ميانمار", ["بورما"]),
    "MK": ("مقدونيا الشمالية", ["شمال مقدونيا", "مقدونيا"]),
    "CV": ("الرأس الأخضر", ["كابو فيردي"]),
    "EG": ("مصر", ["جمهورية مصر العربية"]),
    "JO": ("الأردن", ["المملكة الأردنية الهاشمية", "المملكة الأردنية"]),
    "QA": ("قطر", ["دولة قطر"]),
    "KW": ("الكويت", ["دولة الكويت"]),
    "BH": ("البحرين", ["مملكة البحرين"]),
    "OM": ("عمان", ["سلطنة عمان"]),
    "YE": ("اليمن", ["الجمهورية اليمنية"]),
    "IQ": ("العراق", ["جمهورية العراق"]),
    "LB": ("لبنان", ["الجمهورية اللبنانية"]),
    "LY": ("ليبيا", ["دولة ليبيا"]),
    "MA": ("المغرب", ["المملكة المغربية"]),
    "DE": ("ألمانيا", ["ألمانيا الاتحادية"]),
    "NL": ("هولندا", ["مملكة هولندا"]),
    "UY": ("الأوروغواي", ["أوروغواي"]),
    "PY": ("باراغواي", ["باراجواي"]),
    "GA": ("الغابون", ["الجابون"]),
    "BY": ("بيلاروسيا", ["بيلاروس", "روسيا البيضاء"]),
    "LK": ("سريلانكا", ["سري لانكا"]),
    "TH": ("تايلاند", ["تايلند"]),
    "BA": ("البوسنة والهرسك", ["البوسنة"]),
    "AF": ("أفغانستان", ["جمهورية أفغانستان الإسلامية", "إمارة أفغانستان الإسلامية"]),
    "RS": ("صربيا", ["جمهورية صربيا"]),
    "UZ": ("أوزبكستان", ["جمهورية أوزبكستان"]),
    "MD": ("مولدوفا", ["جمهورية مولدوفا", "مولدافيا"]),
    "ME": ("الجبل الأسود", ["مونتينيغرو"]),
    "KR": ("كوريا الجنوبية", ["جمهورية كوريا"]),
    "TW": ("تايوان", []),
    "SS": ("جنوب السودان", ["دولة جنوب السودان"]),
    "FR": ("فرنسا", ["الجمهورية الفرنسية"]),
    "IN": ("الهند", ["جمهورية الهند"]),
    "PK": ("باكستان", ["جمهورية باكستان الإسلامية"]),
    "DZ": ("الجزائر", ["الجمهورية الجزائرية"]),
    "TN": ("تونس", ["الجمهورية التونسية"]),
    "SD": ("السودان", ["جمهورية السودان"]),
    "AZ": ("أذربيجان", []),
    "UA": ("أوكرانيا", []),
    "ML": ("جمهورية مالي", []),
    # Spellings news also writes, beside the sources' (folding already joins hamza and alef forms).
    "TM": ("تركمانستان", ["تركمنستان"]),
    "KG": ("قيرغيزستان", ["قرغيزستان"]),
    "BD": ("بنغلاديش", ["بنجلاديش", "بنغلادش"]),
    "MZ": ("موزمبيق", ["موزامبيق"]),
    "VE": ("فنزويلا", ["فينزويلا"]),
    "PE": ("بيرو", ["البيرو"]),
    "NI": ("نيكاراغوا", ["نيكاراجوا"]),
    "GT": ("غواتيمالا", ["جواتيمالا"]),
    "NZ": ("نيوزيلندا", ["نيوزلندا"]),
    "LU": ("لوكسمبورغ", ["لوكسمبورج"]),
    "MT": ("مالطا", ["مالطة"]),
    "DO": ("جمهورية الدومينيكان", ["الدومينيكان"]),
    "CF": ("جمهورية أفريقيا الوسطى", ["أفريقيا الوسطى"]),
    "EC": ("الإكوادور", ["إكوادور"]),
}

# Masculine nisba (the feminine adds ة) and extra forms (plurals, variant spellings).
# Empty: no Arabic nisba that would not misfire (مالي is also "financial", سليماني a surname).
DEMONYMS: dict[str, str] = {
    "AF": "أفغاني", "AL": "ألباني", "DZ": "جزائري", "AD": "أندوري", "AO": "أنغولي", "AG": "أنتيغوي",
    "AR": "أرجنتيني", "AM": "أرميني", "AU": "أسترالي", "AT": "نمساوي", "AZ": "أذربيجاني",
    "BH": "بحريني", "BD": "بنغلاديشي", "BB": "بربادوسي", "BY": "بيلاروسي", "BE": "بلجيكي",
    "BZ": "بليزي", "BJ": "بنيني", "BT": "بوتاني", "BO": "بوليفي", "BA": "بوسني", "BW": "بوتسواني",
    "BR": "برازيلي", "BN": "بروناوي", "BG": "بلغاري", "BF": "بوركيني", "BI": "بوروندي",
    "KH": "كمبودي", "CM": "كاميروني", "CA": "كندي", "CV": "", "CF": "", "TD": "تشادي",
    "CL": "تشيلي", "CN": "صيني", "CO": "كولومبي", "KM": "قمري", "CG": "كونغولي", "CR": "كوستاريكي",
    "HR": "كرواتي", "CU": "كوبي", "CY": "قبرصي", "CZ": "تشيكي", "CD": "", "DK": "دنماركي",
    "DJ": "جيبوتي", "DM": "دومينيكي", "DO": "دومينيكاني", "EC": "إكوادوري", "EG": "مصري",
    "SV": "سلفادوري", "GQ": "", "ER": "إريتري", "EE": "إستوني", "SZ": "", "ET": "إثيوبي",
    "FJ": "فيجي", "FI": "فنلندي", "FR": "فرنسي", "GA": "غابوني", "GE": "جورجي", "DE": "ألماني",
    "GH": "غاني", "GR": "يوناني", "GD": "غرينادي", "GT": "غواتيمالي", "GN": "غيني", "GW": "",
    "GY": "غياني", "HT": "هايتي", "HN": "هندوراسي", "HU": "مجري", "IS": "آيسلندي", "IN": "هندي",
    "ID": "إندونيسي", "IR": "إيراني", "IQ": "عراقي", "IE": "أيرلندي", "IL": "إسرائيلي",
    "IT": "إيطالي", "CI": "إيفواري", "JM": "جامايكي", "JP": "ياباني", "JO": "أردني",
    "KZ": "كازاخستاني", "KE": "كيني", "KI": "", "XK": "كوسوفي", "KW": "كويتي", "KG": "قرغيزي",
    "LA": "لاوسي", "LV": "لاتفي", "LB": "لبناني", "LS": "ليسوتي", "LR": "ليبيري", "LY": "ليبي",
    "LI": "ليختنشتايني", "LT": "ليتواني", "LU": "لوكسمبورغي", "MG": "مدغشقري", "MW": "ملاوي",
    "MY": "ماليزي", "MV": "مالديفي", "ML": "", "MT": "مالطي", "MH": "", "MR": "موريتاني",
    "MU": "موريشيوسي", "MX": "مكسيكي", "FM": "", "MD": "مولدوفي", "MC": "موناكي", "MN": "منغولي",
    "ME": "مونتينيغري", "MA": "مغربي", "MZ": "موزمبيقي", "MM": "ميانماري", "NA": "ناميبي",
    "NR": "", "NP": "نيبالي", "NL": "هولندي", "NZ": "نيوزيلندي", "NI": "نيكاراغوي", "NE": "نيجري",
    "NG": "نيجيري", "KP": "", "MK": "مقدوني", "NO": "نرويجي", "OM": "عماني", "PK": "باكستاني",
    "PW": "", "PS": "فلسطيني", "PA": "بنمي", "PG": "", "PY": "باراغواياني", "PE": "بيروفي",
    "PH": "فلبيني", "PL": "بولندي", "PT": "برتغالي", "QA": "قطري", "RO": "روماني", "RU": "روسي",
    "RW": "رواندي", "KN": "", "LC": "", "VC": "", "WS": "ساموي", "SM": "سانماريني", "ST": "",
    "SA": "سعودي", "SN": "سنغالي", "RS": "صربي", "SC": "سيشيلي", "SL": "سيراليوني",
    "SG": "سنغافوري", "SK": "سلوفاكي", "SI": "سلوفيني", "SB": "", "SO": "صومالي", "ZA": "",
    "KR": "", "SS": "", "ES": "إسباني", "LK": "سريلانكي", "SD": "سوداني", "SR": "سورينامي",
    "SE": "سويدي", "CH": "سويسري", "SY": "سوري", "TW": "تايواني", "TJ": "طاجيكي", "TZ": "تنزاني",
    "TH": "تايلاندي", "BS": "بهامي", "GM": "غامبي", "TL": "", "TG": "توغولي", "TO": "تونغي",
    "TT": "", "TN": "تونسي", "TR": "تركي", "TM": "تركمانستاني", "TV": "", "UG": "أوغندي",
    "UA": "أوكراني", "AE": "إماراتي", "GB": "بريطاني", "US": "أمريكي", "UY": "أوروغواياني",
    "UZ": "أوزبكي", "VU": "", "VA": "", "VE": "فنزويلي", "VN": "فيتنامي", "YE": "يمني",
    "ZM": "زامبي", "ZW": "زيمبابوي",
}
# Two-word demonyms, variant spellings and plurals (only the forms news uses).
DEMONYM_EXTRA: dict[str, list[str]] = {
    "US": ["أميركي", "أميركية", "أمريكيون", "أمريكيين", "أميركيون", "أميركيين"],
    "IR": ["إيرانيون", "إيرانيين"], "IQ": ["عراقيون", "عراقيين"], "SY": ["سوريون", "سوريين"],
    "LB": ["لبنانيون", "لبنانيين"], "PS": ["فلسطينيون", "فلسطينيين"],
    "IL": ["إسرائيليون", "إسرائيليين"], "EG": ["مصريون", "مصريين"], "SA": ["سعوديون", "سعوديين"],
    "JO": ["أردنيون", "أردنيين"], "YE": ["يمنيون", "يمنيين"], "TR": ["أتراك"], "RU": ["روس"],
    "GB": ["بريطانيون", "بريطانيين"], "FR": ["فرنسيون", "فرنسيين"], "DE": ["ألمان"],
    "AF": ["أفغان"], "KW": ["كويتيون", "كويتيين"], "QA": ["قطريون", "قطريين"],
    "AE": ["إماراتيون", "إماراتيين"], "LY": ["ليبيون", "ليبيين"], "SD": ["سودانيون", "سودانيين"],
    "PK": ["باكستانيون", "باكستانيين"], "CN": ["صينيون", "صينيين"], "UA": ["أوكرانيون", "أوكرانيين"],
    "DZ": ["جزائريون", "جزائريين"], "TN": ["تونسيون", "تونسيين"], "MA": ["مغاربة"],
    "BH": ["بحرينيون", "بحرينيين"], "OM": ["عمانيون", "عمانيين"],
    "KR": ["كوري جنوبي", "كورية جنوبية"], "KP": ["كوري شمالي", "كورية شمالية"],
    "ZA": ["جنوب أفريقي", "جنوب أفريقية"], "SS": ["جنوب سوداني", "جنوب سودانية"],
    "CD": ["كونغولي", "كونغولية"], "CF": ["أفريقي أوسطي", "أفريقية أوسطية"],
    "NZ": [], "IN": ["هنود"], "JP": ["يابانيون", "يابانيين"],
}

# ---------------------------------------------------------------- capitals

# iso2 -> (dr5hn record name or None, canonical Arabic or None (dr5hn's), aliases, English or None,
#          CLDR tz id or None)
CAPITALS: dict[str, tuple[str | None, str | None, list[str], str | None, str | None]] = {
    "AG": ("Saint John’s", "سانت جونز", [], "Saint John's", None),
    "AR": (None, "بوينس آيرس", [], "Buenos Aires", None),
    "AU": (None, "كانبرا", [], "Canberra", None),
    "BR": (None, "برازيليا", [], "Brasília", None),
    "BI": ("Gitega", "جيتيغا", ["غيتيغا"], "Gitega", None),  # political capital since 2019
    "CM": ("Yaoundé", None, [], "Yaoundé", None),
    "CO": ("Bogotá D.C.", "بوغوتا", [], "Bogotá", None),
    "CR": ("San José", None, [], "San José", None),
    "DK": ("Copenhagen", "كوبنهاغن", ["كوبنهاجن"], None, None),
    "FR": (None, None, [], "Paris", "Europe/Paris"),
    "DE": (None, None, [], "Berlin", "Europe/Berlin"),
    "GD": ("Saint George's", None, [], "Saint George's", None),
    "IS": ("Reykjavík", None, [], "Reykjavík", None),
    "IN": (None, "نيودلهي", ["نيو دلهي"], "New Delhi", None),
    "ID": (None, None, [], "Jakarta", "Asia/Jakarta"),
    "IT": (None, None, [], "Rome", "Europe/Rome"),
    "KZ": ("Nur-Sultan", "أستانا", ["نور سلطان", "أستانة"], "Astana", None),
    "XK": ("Pristina", "بريشتينا", [], None, None),
    "LY": ("Tripoli", None, [], "Tripoli", None),
    "LU": ("Luxembourg", "مدينة لوكسمبورغ", [], "Luxembourg City", None),
    "MG": (None, None, [], "Antananarivo", "Indian/Antananarivo"),
    "MV": ("Male", "ماليه", [], "Malé", None),
    "MH": (None, None, [], "Majuro", "Pacific/Majuro"),
    "MR": (None, None, [], "Nouakchott", "Africa/Nouakchott"),
    "MX": (None, "مكسيكو سيتي", ["مدينة مكسيكو"], "Mexico City", None),
    "FM": (None, "باليكير", [], "Palikir", None),
    "MC": (None, "مدينة موناكو", [], "Monaco City", None),
    "MN": ("Ulan Bator", "أولان باتور", [], "Ulaanbaatar", None),
    "OM": ("Muscat", "مسقط", [], None, None),
    "PW": (None, "نغيرولمود", [], "Ngerulmud", None),
    "PS": ("East Jerusalem", None, [], None, None),
    "PA": ("Panamá", "مدينة بنما", [], "Panama City", None),
    "PY": (None, None, [], "Asunción", "America/Asuncion"),
    "PH": (None, None, [], "Manila", "Asia/Manila"),
    "RO": (None, None, [], "Bucharest", "Europe/Bucharest"),
    "RU": (None, None, [], "Moscow", "Europe/Moscow"),
    "RS": (None, None, [], "Belgrade", "Europe/Belgrade"),
    "KN": (None, "باستير", [], "Basseterre", None),
    "ST": ("São Tomé", None, [], "São Tomé", None),
    "SG": ("Singapore", "مدينة سنغافورة", [], "Singapore City", None),
    "SS": (None, None, [], "Juba", "Africa/Juba"),
    "ES": (None, None, [], "Madrid", "Europe/Madrid"),
    "TG": ("Lomé", None, [], "Lomé", None),
    "TO": ("Nuku‘alofa", None, [], "Nukuʻalofa", None),
    "TT": ("Port of Spain", "بورت أوف سبين", [], None, None),
    "TN": ("Tunis", "تونس العاصمة", [], None, None),
    "DZ": ("Algiers", "الجزائر العاصمة", [], None, None),
    "KW": ("Kuwait City", "مدينة الكويت", ["الكويت العاصمة"], None, None),
    "DJ": ("Djibouti", "مدينة جيبوتي", [], "Djibouti City", None),
    "TR": ("Ankara", None, [], None, None),
    "US": (None, "واشنطن", ["واشنطن العاصمة"], "Washington, D.C.", None),
    "VU": ("Port-Vila", None, [], "Port Vila", None),
    "VA": (None, "مدينة الفاتيكان", [], "Vatican City", None),
    "VN": (None, "هانوي", [], "Hanoi", None),
    "AE": ("Abu Dhabi", None, ["أبوظبي"], None, None),
    "IL": ("Jerusalem", None, ["أورشليم"], None, None),
    "BD": ("Dhaka", None, [], None, None),
    "AM": ("Yerevan", None, [], None, None),
    "BW": ("Gaborone", None, [], None, None),
    "NP": ("Kathmandu", None, [], None, None),
    "UA": ("Kyiv", None, [], None, None),
    "CN": ("Beijing", None, ["بيجين"], None, None),
    "PT": ("Lisbon", None, [], None, None),
    "SA": ("Riyadh", None, [], None, None),
    "SY": ("Damascus", None, [], None, None),
    "MA": ("Rabat", None, [], None, None),
    "SM": ("San Marino", "مدينة سان مارينو", [], "City of San Marino", None),
}
# Spellings of capitals news writes beside the canonical one.
CAPITAL_ALIASES: dict[str, list[str]] = {
    "VE": ["كراكاس"], "AR": ["بوينوس آيرس"], "CO": ["بوجوتا"], "CL": ["سانتياجو"],
    "TJ": ["دوشانبي"], "TW": ["تايبي"], "SO": ["مقديشيو"], "MY": ["كوالالمبور", "كوالا لامبور"],
    "AF": ["كابل"], "BD": ["داكا"], "ER": ["أسمرا"], "NP": ["كتماندو"], "TD": ["انجامينا", "إنجامينا"],
}

# ---------------------------------------------------------------- provinces

PROVINCE_COUNTRIES = ("SY", "IQ", "LB", "JO", "PS", "IL", "SA", "YE", "OM", "AE", "QA", "BH", "KW",
                      "EG", "LY", "TN", "DZ", "MA", "SD", "IR", "TR", "AF", "PK")
PREFIX = {
    "SY": "محافظة", "IQ": "محافظة", "LB": "محافظة", "JO": "محافظة", "PS": "محافظة", "IL": "لواء",
    "SA": "منطقة", "YE": "محافظة", "OM": "محافظة", "AE": "إمارة", "QA": "بلدية", "BH": "محافظة",
    "KW": "محافظة", "EG": "محافظة", "LY": "شعبية", "TN": "ولاية", "DZ": "ولاية", "MA": "جهة",
    "SD": "ولاية", "IR": "محافظة", "TR": "ولاية", "AF": "ولاية", "PK": "إقليم",
}
# Alternative prefixes news also writes (إقليم خوزستان، ولاية خوزستان).
ALT_PREFIX = {"IR": ["إقليم", "مقاطعة"], "AF": ["إقليم"], "PK": ["ولاية"], "IQ": [], "TR": []}

# (country, dr5hn name) -> bare Arabic name to use instead of dr5hn's; None: drop the record.
PROVINCE_AR: dict[tuple[str, str], str | None] = {
    ("SA", "Ha'il"): "حائل", ("SA", "Eastern Province"): "الشرقية",
    ("SA", "Jizan"): "جازان", ("SA", "Northern Borders"): "الحدود الشمالية",
    ("LB", "South"): "الجنوب", ("LB", "North"): "الشمال", ("LB", "Akkar"): "عكار",
    ("LB", "Baalbek-Hermel"): "بعلبك الهرمل",
    ("IL", "Northern"): "الشمال", ("IL", "Central"): "المركز", ("IL", "Southern"): "الجنوب",
    ("SD", "Northern"): "الشمالية",
    ("IR", "Markazi"): "مركزي", ("IR", "Gilan"): "جيلان", ("IR", "Golestan"): "جلستان",
    ("IR", "Hormozgan"): "هرمزغان", ("IR", "West Azarbaijan"): "أذربيجان الغربية",
    ("IR", "East Azerbaijan"): "أذربيجان الشرقية", ("IR", "South Khorasan"): "خراسان الجنوبية",
    ("IR", "North Khorasan"): "خراسان الشمالية", ("IR", "Razavi Khorasan"): "خراسان رضوي",
    ("IR", "Chaharmahal and Bakhtiari"): "جهارمحال وبختياري",
    ("OM", "Muscat"): "مسقط", ("OM", "Al Wusta"): "الوسطى", ("OM", "Ad Dakhiliyah"): "الداخلية",
    ("BH", "Capital"): "العاصمة", ("BH", "Southern"): "الجنوبية", ("BH", "Northern"): "الشمالية",
    ("KW", "Al Asimah"): "العاصمة",
    ("YE", "Amanat Al Asimah"): "أمانة العاصمة", ("YE", "Sana'a"): "صنعاء",
    ("YE", "Adan"): "عدن",
    ("LY", "Zawiya"): "الزاوية", ("LY", "Marj"): "المرج", ("LY", "Jabal al Gharbi"): "الجبل الغربي",
    ("LY", "Jafara"): "الجفارة", ("LY", "Murqub"): "المرقب", ("LY", "Al Butnan"): "البطنان",
    ("DZ", "El Oued"): "الوادي", ("DZ", "Naama"): "النعامة", ("DZ", "Bouïra"): "البويرة",
    ("DZ", "Médéa"): "المدية", ("DZ", "Constantine"): "قسنطينة", ("DZ", "Saïda"): "سعيدة",
    ("DZ", "Mascara"): "معسكر", ("DZ", "M'Sila"): "المسيلة", ("DZ", "Tamanghasset"): "تمنراست",
    ("DZ", "El Menia"): "المنيعة", ("DZ", "In Salah"): "عين صالح", ("DZ", "In Guezzam"): "عين قزام",
    ("DZ", "Mila"): "ميلة", ("DZ", "Bordj Baji Mokhtar"): "برج باجي مختار",
    ("DZ", "Tissemsilt"): "تيسمسيلت", ("DZ", "Touggourt"): "تقرت",
    ("MA", "L'Oriental"): "الشرق",
    ("MA", "Laâyoune-Sakia El Hamra (EH-partial)"): "العيون الساقية الحمراء",
    ("MA", "Guelmim-Oued Noun (EH-partial)"): "كلميم واد نون",
    ("MA", "Dakhla-Oued Ed-Dahab (EH)"): "الداخلة وادي الذهب",
    ("MA", "Marrakesh-Safi"): "مراكش آسفي", ("MA", "Casablanca-Settat"): "الدار البيضاء سطات",
    ("MA", "Fès-Meknès"): "فاس مكناس", ("MA", "Tanger-Tétouan-Al Hoceïma"): "طنجة تطوان الحسيمة",
    ("MA", "Rabat-Salé-Kénitra"): "الرباط سلا القنيطرة",
    ("MA", "Béni Mellal-Khénifra"): "بني ملال خنيفرة", ("MA", "Souss-Massa"): "سوس ماسة",
    ("MA", "Drâa-Tafilalet"): "درعة تافيلالت",
    ("AF", "Kunduz Province"): "قندوز", ("AF", "Sar-e Pol"): "سر بل", ("AF", "Ghōr"): "غور",
    ("AF", "Parwan"): "بروان", ("AF", "Urozgan"): "أوروزغان", ("AF", "Paktia"): "بكتيا",
    ("AF", "Paktika"): "بكتيكا", ("AF", "Nangarhar"): "ننغرهار",
    ("PK", "Islamabad"): None, ("PK", "Khyber Pakhtunkhwa"): "خيبر بختونخوا",
    ("PK", "Balochistan"): "بلوشستان", ("PK", "Azad Kashmir"): "كشمير الحرة",
    ("TR", "İstanbul"): "إسطنبول", ("TR", "Hatay"): "هاتاي", ("TR", "Kilis"): "كلس",
    ("TR", "Batman"): "باطمان", ("TR", "Şanlıurfa"): "شانلي أورفا", ("TR", "Osmaniye"): "عثمانية",
    ("TR", "Kars"): "قارص", ("TR", "Çorum"): "تشوروم", ("TR", "Muş"): "موش",
    ("TR", "Çankırı"): "تشانكيري", ("TR", "Gümüşhane"): "غوموشهانه",
    ("IQ", "Iqlim Kurdistan"): None,  # the Kurdistan Region is written by hand in REGIONS
    ("EG", "Port Said"): "بورسعيد",
}
# Bare names that are ordinary words or belong to something else; only the prefixed form is kept.
GENERIC_AR = {
    "الجنوب", "الشمال", "المركز", "العاصمة", "الشمالية", "الجنوبية", "الشرقية", "الغربية",
    "الوسطى", "الداخلية", "مركزي", "فارس", "الجزيرة", "البحر الأحمر", "الحدود الشمالية",
    "الواحات", "غور", "الشرق", "البيضاء", "الجوف", "عمران", "حجة", "كردستان", "البنجاب",
    "السند", "الوادي", "سعيدة", "أمانة العاصمة", "المرج", "خليج",
    # ordinary words: Ottoman, Urdu, stock exchange, joy, phenomenon, infliction of pain
    "عثمانية", "أوردو", "بورصة", "فرح", "الظاهرة", "إيلام", "موش",
    # difficult, the lake, proposed, eggs, camp, a given name, tribal
    "عسير", "البحيرة", "مطروح", "البيض", "معسكر", "بشار", "قبلي",
    # the corner, the obstacle (the cities are named in qualified form)
    "الزاوية", "العقبة",
}
# Full forms for subdivisions whose name is an adjective (المحافظة الشمالية), replacing prefix + name.
PROVINCE_FULL: dict[tuple[str, str], list[str]] = {
    ("BH", "Northern"): ["المحافظة الشمالية"], ("BH", "Southern"): ["المحافظة الجنوبية"],
    ("IL", "Northern"): ["اللواء الشمالي", "المنطقة الشمالية"],
    ("IL", "Southern"): ["اللواء الجنوبي", "المنطقة الجنوبية"],
    ("IL", "Central"): ["اللواء الأوسط", "المنطقة الوسطى"],
    ("SD", "Northern"): ["الولاية الشمالية"], ("SA", "Eastern Province"): ["المنطقة الشرقية"],
    ("YE", "Amanat Al Asimah"): ["أمانة العاصمة"], ("IR", "Markazi"): ["المحافظة المركزية", "محافظة مركزي"],
}
PROVINCE_ALIASES: dict[tuple[str, str], list[str]] = {
    ("IQ", "Saladin"): ["صلاح الدين"],
    ("IQ", "Erbil"): ["هولير"],
    ("TR", "Hatay"): ["لواء إسكندرون"],
    ("TR", "Şanlıurfa"): ["أورفا"],
    ("SY", "Rif Dimashq"): ["ريف دمشق"],
    ("IR", "Khuzestan"): ["عربستان", "الأحواز"],
    ("IR", "Sistan and Baluchestan"): ["سيستان وبلوشستان", "سيستان بلوشستان"],
    ("AF", "Panjshir"): ["بنجشير", "وادي بنجشير"],
}

# First-level subdivisions of large countries outside the region that news names: type -> prefix
# (the word news puts before the name; "" for none).
WORLD_SUBDIVISIONS: dict[str, dict[str, str]] = {
    "US": {"state": "ولاية", "district": "مقاطعة"},
    "CA": {"province": "مقاطعة", "territory": "إقليم"},
    "AU": {"state": "ولاية", "territory": "إقليم"},
    "CN": {"province": "مقاطعة", "autonomous region": "منطقة", "municipality": ""},
    "IN": {"state": "ولاية", "union territory": "إقليم"},
    "GB": {"country": "", "province": ""},
    "DE": {"land": "ولاية"},
    "ES": {"autonomous community": "إقليم"},
    "RU": {"republic": "جمهورية", "administrative region": "مقاطعة"},
}
WORLD_ALT_PREFIX = {"RU": ["منطقة", "إقليم"]}
# Russian oblasts are named after their main city, and news reads them as one place (منطقة كورسك،
# كورسك), as it does an Arab governorate: those merge into the city's entry. The others do not
# (ولاية نيويورك is not New York City).
WORLD_MERGE_TYPES = {("RU", "administrative region")}
# Russia: the North Caucasus republics, Tatarstan, and the border regions the Ukraine war puts in
# the news (the others are rarely named).
WORLD_SUBDIVISION_ONLY = {
    "RU": {"Chechen", "Dagestan", "Ingushetia", "North Ossetia-Alania", "Kabardino-Balkar",
           "Karachay-Cherkess", "Adygea", "Tatarstan", "Kursk", "Belgorod", "Bryansk", "Kaliningrad",
           "Rostov"},
}
# English names where dr5hn's is not the usual one, or would be confused with a city or a state.
SUBDIVISION_EN: dict[tuple[str, str], str] = {
    ("US", "New York"): "New York State", ("US", "Washington"): "Washington State",
    ("US", "Georgia"): "Georgia (U.S. state)",
    ("CN", "Guangxi"): "Guangxi Zhuang Autonomous Region", ("CN", "Tibet"): "Tibet",
    ("CN", "Ningxia"): "Ningxia Hui Autonomous Region", ("CN", "Inner Mongolia"): "Inner Mongolia",
    ("ES", "Asturias, Principality of"): "Asturias", ("ES", "Region of Murcia"): "Murcia",
    ("ES", "Estremadura"): "Extremadura",
    ("RU", "Chechen"): "Chechnya", ("RU", "Kabardino-Balkar"): "Kabardino-Balkaria",
    ("RU", "Karachay-Cherkess"): "Karachay-Cherkessia", ("RU", "North Ossetia-Alania"): "North Ossetia",
    ("RU", "Kursk"): "Kursk Oblast", ("RU", "Belgorod"): "Belgorod Oblast",
    ("RU", "Bryansk"): "Bryansk Oblast", ("RU", "Kaliningrad"): "Kaliningrad Oblast",
    ("RU", "Rostov"): "Rostov Oblast",
}
# Bare Arabic names for the world subdivisions (None: skipped, because another entry covers the
# place: a capital or a city-state, a state, a hand-written region).
PROVINCE_AR.update({
    ("CN", "Beijing"): None, ("CN", "Shanghai"): None, ("CN", "Taiwan"): None,
    ("CN", "Hong Kong SAR"): None, ("CN", "Macau SAR"): None, ("CN", "Xinjiang"): None,
    ("CN", "Tibet"): "التبت", ("CN", "Guangxi"): "قوانغشي", ("CN", "Ningxia"): "نينغشيا",
    ("CN", "Hebei"): "خبي", ("CN", "Yunnan"): "يوننان",
    ("DE", "Berlin"): None, ("ES", "Andalusia"): None,  # al-Andalus is written in REGIONS
    ("ES", "Ceuta"): None, ("ES", "Melilla"): None,
    ("ES", "Aragon"): None, ("CA", "Prince Edward Island"): None,  # أراغون، إدوارد: people
    ("ES", "Asturias, Principality of"): "أستورياس", ("ES", "Cantabria"): "كانتابريا",
    ("ES", "Estremadura"): "إكستريمادورا", ("ES", "Castilla-La Mancha"): "قشتالة لا مانشا",
    ("ES", "Basque Country"): "الباسك",
    ("RU", "Ingushetia"): "إنغوشيا", ("RU", "Kabardino-Balkar"): "قبردينو بلقاريا",
    ("RU", "Karachay-Cherkess"): "قراتشاي شركيسيا", ("RU", "North Ossetia-Alania"): "أوسيتيا الشمالية",
    ("IN", "Telangana"): "تيلانغانا", ("IN", "Goa"): "غوا",
})
PROVINCE_FULL.update({
    ("US", "District of Columbia"): ["مقاطعة كولومبيا"],
    ("CA", "Northwest Territories"): ["الأقاليم الشمالية الغربية"],
    ("CA", "Prince Edward Island"): ["جزيرة الأمير إدوارد"],
    ("AU", "Northern Territory"): ["الإقليم الشمالي الأسترالي"],
    ("AU", "Australian Capital Territory"): ["إقليم العاصمة الأسترالية"],
    ("AU", "South Australia"): ["ولاية جنوب أستراليا"],
    ("AU", "Western Australia"): ["ولاية غرب أستراليا", "ولاية أستراليا الغربية"],
    ("IN", "Andaman and Nicobar Islands"): ["جزر أندامان ونيكوبار"],
    ("IN", "Dadra and Nagar Haveli and Daman and Diu"): ["دادرا وناجار هافيلي ودامان وديو"],
    ("IN", "Punjab"): ["ولاية البنجاب الهندية", "البنجاب الهندية"],
    ("ES", "Balearic Islands"): ["جزر البليار", "جزر الباليار"],
    ("ES", "Canary Islands"): ["جزر الكناري"],
    ("ES", "Basque Country"): ["إقليم الباسك", "بلاد الباسك"],
    ("ES", "Community of Madrid"): ["منطقة مدريد", "إقليم مدريد"],
    ("ES", "Valencian Community"): ["إقليم فالنسيا", "منطقة فالنسيا"],
    ("CN", "Inner Mongolia"): ["منغوليا الداخلية", "منطقة منغوليا الداخلية"],
})
PROVINCE_ALIASES.update({
    ("GB", "England"): ["إنكلترا"], ("GB", "Scotland"): ["اسكوتلندا"],
    ("CN", "Tibet"): ["إقليم التبت", "منطقة التبت", "منطقة شيزانغ"],
    ("CN", "Guangdong"): ["غوانغدونغ"], ("CN", "Zhejiang"): ["تشيجيانغ"], ("CN", "Henan"): ["خنان"],
    ("CN", "Liaoning"): ["لياونينغ"],
    ("CN", "Sichuan"): ["سيشوان"],
    ("DE", "Hamburg"): ["مدينة هامبورغ"], ("DE", "Hessen"): ["هسن"], ("DE", "Saxony"): ["سكسونيا"],
    ("DE", "North Rhine-Westphalia"): ["شمال الراين فستفاليا", "ولاية شمال الراين"],
    ("DE", "Thuringia"): ["تورينغن"], ("DE", "Brandenburg"): ["براندنبورج"],
    ("DE", "Baden-Württemberg"): ["بادن فورتمبرغ"], ("DE", "Rhineland-Palatinate"): ["راينلاند بفالز"],
    ("ES", "Catalonia"): ["كتالونيا", "إقليم كتالونيا"], ("ES", "Galicia"): ["جاليسيا"],
    ("ES", "Asturias, Principality of"): ["أشتورية"], ("ES", "Cantabria"): ["قنطبرية"],
    ("ES", "Castilla-La Mancha"): ["كاستيا لا مانشا"],
    ("RU", "Ingushetia"): ["إنغوشيتيا"], ("RU", "Kabardino-Balkar"): ["كاباردينو بلقاريا"],
    ("RU", "North Ossetia-Alania"): ["أوسيتيا الشمالية ألانيا"],
    ("IN", "Odisha"): ["أوريسا"], ("IN", "Nagaland"): ["ناغالاند"],
    ("CA", "Quebec"): ["مقاطعة كيبك"], ("AU", "Tasmania"): ["تاسمانيا"],
})
# Bare names that would read as something else: given names (فيكتوريا، يونان), Greece
# (اليونان), the Basques (الباسك), a poet (لويس أراغون), directions (جنوب أستراليا), a football
# club (هامبورغ: ANERcorp tags it ORG twice, LOC once).
GENERIC_AR |= {"فيكتوريا", "يوننان", "الباسك", "أراغون", "هامبورغ"}

# ---------------------------------------------------------------- cities

# (country, dr5hn English name or None, English, Arabic or None (dr5hn's), Arabic aliases)
CITIES: list[tuple[str, str | None, str, str | None, list[str]]] = [
    # Syria
    ("SY", "Aleppo", "Aleppo", None, []), ("SY", "Homs", "Homs", None, []),
    ("SY", None, "Masyaf", "مصياف", []),
    ("SY", "Latakia", "Latakia", None, []), ("SY", "Ar Raqqah", "Raqqa", "الرقة", []),
    ("SY", "Ḩamāh", "Hama", "حماة", []), ("SY", "Al Ḩasakah", "Hasakah", "الحسكة", []),
    ("SY", "Deir ez-Zor", "Deir ez-Zor", "دير الزور", []),
    ("SY", "Idlib", "Idlib", "إدلب", []), ("SY", "Dar‘ā", "Daraa", "درعا", []),
    ("SY", "As-Suwayda", "Suwayda", "السويداء", []),
    ("SY", "Al Qunayţirah", "Quneitra", "القنيطرة", []),
    ("SY", "Tartouss", "Tartus", "طرطوس", []), ("SY", "Al Bāb", "Al-Bab", "مدينة الباب", []),
    ("SY", "Douma", "Douma", "دوما", []), ("SY", "Manbij", "Manbij", "منبج", []),
    ("SY", "As Salamīyah", "Salamiyah", "مدينة السلمية", []), ("SY", "Dārayyā", "Darayya", "داريا", []),
    ("SY", "I‘zāz", "Azaz", "أعزاز", []), ("SY", "Jablah", "Jableh", "جبلة", []),
    ("SY", "Ālbū Kamāl", "Abu Kamal", "البوكمال", ["أبو كمال"]),
    ("SY", "Khān Shaykhūn", "Khan Shaykhun", "خان شيخون", []),
    ("SY", "Al Mayādīn", "Mayadin", "الميادين", []), ("SY", "Ar Rastan", "Rastan", "الرستن", []),
    ("SY", "Tadmur", "Palmyra", "تدمر", []),
    ("SY", "‘Ayn al ‘Arab", "Kobani", "عين العرب", ["كوباني"]),
    ("SY", "‘Afrīn", "Afrin", "عفرين", []), ("SY", "Ḩarastā", "Harasta", "حرستا", []),
    ("SY", "Bāniyās", "Baniyas", "بانياس", []), ("SY", "Al Quşayr", "Al-Qusayr", "القصير", []),
    ("SY", "Yabrūd", "Yabroud", "يبرود", []), ("SY", "Sarāqib", "Saraqib", "سراقب", []),
    ("SY", "Jisr ash Shughūr", "Jisr al-Shughur", "جسر الشغور", []),
    ("SY", "Az Zabadānī", "Zabadani", "الزبداني", []), ("SY", "Tall Rif‘at", "Tal Rifaat", "تل رفعت", []),
    ("SY", "Jarābulus", "Jarablus", "جرابلس", []), ("SY", "Ad Darbāsīyah", "Al-Darbasiyah", "الدرباسية", []),
    ("SY", "Al Qāmishlī", "Qamishli", "القامشلي", []), ("SY", "Tall Abyaḑ", "Tell Abyad", "تل أبيض", []),
    ("SY", "Şaydnāyā", "Saydnaya", "صيدنايا", []), ("SY", "Ma‘lūlā", "Maaloula", "معلولا", []),
    ("SY", "Kafranbel", "Kafr Nabl", "كفرنبل", []),
    ("SY", "Maarrat al-Nu'man", "Maarat al-Numan", "معرة النعمان", []),
    ("SY", "Jaramānā", "Jaramana", "جرمانا", []), ("SY", "Nawá", "Nawa", "مدينة نوى", []),
    ("SY", "Al Atārib", "Al-Atarib", "الأتارب", []),
    ("SY", "Ath Thawrah", "Tabqa", "مدينة الطبقة", ["مدينة الثورة"]),
    ("SY", "Qardaha", "Qardaha", "القرداحة", []), ("SY", "Hajīn", "Hajin", "هجين", []),
    ("SY", "Buşrá ash Shām", "Bosra", "بصرى الشام", ["بصرى"]), ("SY", "Al Kiswah", "Al-Kiswah", "الكسوة", []),
    ("SY", "Dayr Ḩāfir", "Deir Hafer", "دير حافر", []), ("SY", "An Nabk", "Nabek", "النبك", []),
    ("SY", "Ḩārim", "Harem", "حارم", []), ("SY", "Salqīn", "Salqin", "سلقين", []),
    ("SY", "Sarmīn", "Sarmin", "سرمين", []), ("SY", "Binnish", "Binnish", "بنش", []),

    ("SY", "Ash Shaykh Miskīn", "Sheikh Miskin", "الشيخ مسكين", []),
    ("SY", "Tallkalakh", "Talkalakh", "تلكلخ", []), ("SY", "Al Qaryatayn", "Al-Qaryatayn", "القريتين", []),
    ("SY", None, "Ras al-Ayn", "رأس العين", ["سري كانيه"]),
    ("SY", None, "Ain Issa", "عين عيسى", []), ("SY", None, "Madaya", "مضايا", []),
    ("SY", None, "Al-Shaddadi", "الشدادي", []),
    # Iraq
    ("IQ", "Mosul", "Mosul", None, []), ("IQ", "Erbil", "Erbil", "أربيل", ["هولير"]),
    ("IQ", "Basrah", "Basra", "البصرة", []), ("IQ", "Karbala", "Karbala", "كربلاء", []),
    ("IQ", "Kirkuk", "Kirkuk", None, []), ("IQ", "As Sulaymānīyah", "Sulaymaniyah", "السليمانية", []),
    ("IQ", "Nasiriyah", "Nasiriyah", None, []), ("IQ", "Najaf", "Najaf", "النجف", []),
    ("IQ", "Al Ḩillah", "Hillah", "الحلة", []), ("IQ", "Dihok", "Duhok", "دهوك", []),
    ("IQ", "Al ‘Amārah", "Amarah", "مدينة العمارة", []), ("IQ", "Ad Dīwānīyah", "Diwaniyah", "الديوانية", []),
    ("IQ", "Al Kūt", "Kut", "الكوت", []), ("IQ", "Ramadi", "Ramadi", "الرمادي", []),
    ("IQ", "Al Fallūjah", "Fallujah", "الفلوجة", []), ("IQ", "Abū Ghurayb", "Abu Ghraib", "أبو غريب", []),
    ("IQ", "Sāmarrā’", "Samarra", "سامراء", []), ("IQ", "As Samawah", "Samawah", "السماوة", []),
    ("IQ", "Baqubah", "Baqubah", "بعقوبة", []), ("IQ", "Az Zubayr", "Zubair", "الزبير", []),
    ("IQ", "Kufa", "Kufa", "الكوفة", []), ("IQ", "Umm Qaşr", "Umm Qasr", "أم قصر", []),
    ("IQ", "Al Fāw", "Al-Faw", "الفاو", []), ("IQ", "Zaxo", "Zakho", "زاخو", []),
    ("IQ", "Tozkhurmato", "Tuz Khurmatu", "طوزخورماتو", ["طوز خورماتو"]),
    ("IQ", "Ḩalabjah", "Halabja", "حلبجة", []), ("IQ", "Tikrīt", "Tikrit", "تكريت", []),
    ("IQ", "Bayjī", "Baiji", "بيجي", []), ("IQ", "Hīt", "Hit", "هيت", []),
    ("IQ", "Ḩadīthah", "Haditha", "مدينة حديثة", ["قضاء حديثة"]), ("IQ", "‘Anah", "Anah", "عانة", []),
    ("IQ", "Sinjar", "Sinjar", "سنجار", []), ("IQ", "Ar Ruţbah", "Rutba", "الرطبة", []),
    ("IQ", "Tall ‘Afar", "Tal Afar", "تلعفر", ["تل عفر"]),
    ("IQ", "Sadr City", "Sadr City", "مدينة الصدر", []),
    ("IQ", "Kadhimiya", "Kadhimiya", "الكاظمية", []),
    ("IQ", "Green Zone", "Green Zone", "المنطقة الخضراء", []),
    ("IQ", "Karada", "Karrada", "الكرادة", []), ("IQ", "Al Miqdādīyah", "Muqdadiya", "المقدادية", []),
    ("IQ", "Al-Hamdaniya", "Al-Hamdaniya", "الحمدانية", ["قره قوش"]),
    ("IQ", None, "Al-Qaim", "مدينة القائم", ["قضاء القائم"]),
    ("IQ", None, "Jurf al-Sakhar", "جرف الصخر", ["جرف النصر"]),
    ("IQ", None, "Khanaqin", "خانقين", []), ("IQ", "Shaqlāwah", "Shaqlawa", "شقلاوة", []),
    # Lebanon
    ("LB", "Tripoli", "Tripoli (Lebanon)", "طرابلس اللبنانية", ["طرابلس الشام"]),
    ("LB", "Sidon", "Sidon", "صيدا", []), ("LB", "Tyre", "Tyre", "مدينة صور", ["صور اللبنانية", "قضاء صور"]),
    ("LB", "Jounieh", "Jounieh", "جونيه", []), ("LB", "Zahlé", "Zahle", "زحلة", []),
    ("LB", "Baalbek", "Baalbek", "بعلبك", []), ("LB", "En Nâqoûra", "Naqoura", "الناقورة", []),
    ("LB", "Batroûn", "Batroun", "البترون", []), ("LB", "Baabda", "Baabda", "بعبدا", []),
    ("LB", "Jbaïl", "Byblos", "جبيل", []), ("LB", "Marjayoûn", "Marjayoun", "مرجعيون", []),
    ("LB", "Nabatîyé et Tahta", "Nabatieh", "النبطية", []),
    ("LB", "Caza de Bent Jbaïl", "Bint Jbeil", "بنت جبيل", []),
    ("LB", None, "Arsal", "عرسال", []), ("LB", None, "Hermel", "الهرمل", []),
    ("LB", None, "Khiam", "بلدة الخيام", []),
    # Palestine
    ("PS", "Gaza City", "Gaza City", "مدينة غزة", []), ("PS", "Khan Yunis", "Khan Yunis", "خان يونس", []),
    ("PS", "Rafah", "Rafah", "رفح", []), ("PS", "Deir al-Balah", "Deir al-Balah", "دير البلح", []),
    ("PS", "Beit Hanoun", "Beit Hanoun", "بيت حانون", []),
    ("PS", "Beit Lahia", "Beit Lahia", "بيت لاهيا", []),
    ("PS", "Jabalia", "Jabalia", "جباليا", []), ("PS", "Al-Mawasi", "Al-Mawasi", "المواصي", []),
    ("PS", None, "Nuseirat", "النصيرات", []), ("PS", None, "Bureij", "البريج", []),
    ("PS", None, "Maghazi", "المغازي", []), ("PS", "Bani Suheila", "Bani Suheila", "بني سهيلا", []),
    ("PS", "Ramallah", "Ramallah", "رام الله", []), ("PS", "Nablus", "Nablus", "نابلس", []),
    ("PS", "Jenin", "Jenin", "جنين", []), ("PS", "Hebron", "Hebron", "الخليل", []),
    ("PS", "Bethlehem", "Bethlehem", "بيت لحم", []), ("PS", "Jericho", "Jericho", "أريحا", []),
    ("PS", "Tulkarm", "Tulkarm", "طولكرم", []), ("PS", "Qalqilya", "Qalqilya", "قلقيلية", []),
    ("PS", "Tubas", "Tubas", "طوباس", []), ("PS", "Al-Bireh", "Al-Bireh", "البيرة", []),
    ("PS", "Abu Dis", "Abu Dis", "أبو ديس", []), ("PS", "Beit Jala", "Beit Jala", "بيت جالا", []),
    ("PS", "Beit Sahour", "Beit Sahour", "بيت ساحور", []), ("PS", "Yatta", "Yatta", "يطا", []),
    ("PS", "Huwara", "Huwara", "حوارة", []), ("PS", "Silwad", "Silwad", "سلواد", []),
    ("PS", "Qalandiya", "Qalandiya", "قلنديا", []), ("PS", "Halhul", "Halhul", "حلحول", []),
    # Israel
    ("IL", "Tel Aviv", "Tel Aviv", "تل أبيب", ["تل أبيب يافا"]), ("IL", "Haifa", "Haifa", "حيفا", []),
    ("IL", "Ashdod", "Ashdod", "أسدود", ["أشدود"]), ("IL", "Netanya", "Netanya", "نتانيا", []),
    ("IL", "Beersheba", "Beersheba", "بئر السبع", []), ("IL", "H̱olon", "Holon", "حولون", []),
    ("IL", "Bnei Brak", "Bnei Brak", "بني براك", []),
    ("IL", "Ramat Gan", "Ramat Gan", "رمات غان", ["رامات غان"]),
    ("IL", "Reẖovot", "Rehovot", "رحوفوت", []), ("IL", "Ashkelon", "Ashkelon", "عسقلان", []),
    ("IL", "Bat Yam", "Bat Yam", "بات يام", []), ("IL", "Kfar Saba", "Kfar Saba", "كفار سابا", []),
    ("IL", "Hadera", "Hadera", "الخضيرة", []), ("IL", "Jaffa", "Jaffa", "يافا", []),
    ("IL", "Herzliya", "Herzliya", "هرتسليا", []), ("IL", "Nazareth", "Nazareth", "الناصرة", []),
    ("IL", "Lod", "Lod", "اللد", []), ("IL", "Ramla", "Ramla", "الرملة", []),
    ("IL", "Umm el Faḥm", "Umm al-Fahm", "أم الفحم", []), ("IL", "Eilat", "Eilat", "إيلات", []),
    ("IL", "Acre", "Acre", "عكا", []), ("IL", "Afula", "Afula", "العفولة", []),
    ("IL", "Tiberias", "Tiberias", "طبريا", []), ("IL", "Safed", "Safed", "صفد", []),
    ("IL", "Dimona", "Dimona", "ديمونا", ["ديمونة"]), ("IL", "Sederot", "Sderot", "سديروت", []),
    ("IL", "Qiryat Shemona", "Kiryat Shmona", "كريات شمونة", []),
    ("IL", "Nahariyya", "Nahariya", "نهاريا", []), ("IL", "Petaẖ Tiqwa", "Petah Tikva", "بتاح تكفا", []),
    ("IL", "Rishon LeẔiyyon", "Rishon LeZion", "ريشون لتسيون", []), ("IL", "Metulla", "Metula", "المطلة", []),
    ("IL", "Netivot", "Netivot", "نتيفوت", []), ("IL", "Ofaqim", "Ofakim", "أوفاكيم", []),
    ("IL", "Caesarea", "Caesarea", "قيسارية", []), ("IL", "Rahat", "Rahat", "رهط", []),
    ("IL", "West Jerusalem", "West Jerusalem", "القدس الغربية", []),
    ("IL", "Qiryat Gat", "Kiryat Gat", "كريات غات", ["كريات جات"]),
    # Jordan
    ("JO", "Zarqa", "Zarqa", None, []), ("JO", "Irbid", "Irbid", None, []),
    ("JO", "Aqaba", "Aqaba", "مدينة العقبة", ["ميناء العقبة"]), ("JO", "Mafraq", "Mafraq", None, []),
    ("JO", "Ma'an", "Ma'an", None, []), ("JO", "As Salţ", "Salt", "السلط", []),
    ("JO", "Karak City", "Karak", "الكرك", []), ("JO", "Mādabā", "Madaba", None, []),
    ("JO", "Jarash", "Jerash", "جرش", []), ("JO", "Ar Ramthā", "Ramtha", "الرمثا", []),
    # Gulf
    ("SA", "Jeddah", "Jeddah", "جدة", []), ("SA", "Mecca", "Mecca", "مكة المكرمة", ["مكة"]),
    ("SA", "Medina", "Medina", "المدينة المنورة", []), ("SA", "Dammam", "Dammam", None, []),
    ("SA", "Ta'if", "Taif", "الطائف", []), ("SA", "Tabuk", "Tabuk", None, []),
    ("SA", "Abha", "Abha", None, []), ("SA", "Khamis Mushait", "Khamis Mushait", None, []),
    ("SA", "Jizan", "Jazan", "جازان", ["جيزان"]), ("SA", "Najrān", "Najran", "نجران", []),
    ("SA", "Dhahran", "Dhahran", None, []), ("SA", "Buraydah", "Buraydah", None, []),
    ("SA", "Hail", "Hail", "حائل", []), ("SA", "Al Qaţīf", "Qatif", "القطيف", []),
    ("SA", "Yanbu", "Yanbu", "مدينة ينبع", ["ميناء ينبع"]), ("SA", "Abqaiq", "Abqaiq", "بقيق", ["أبقيق"]),
    ("SA", "Al Jubayl", "Jubail", "الجبيل", []), ("SA", None, "Ras Tanura", "رأس تنورة", []),
    ("SA", None, "Neom", "نيوم", []),
    ("OM", "Şalālah", "Salalah", "صلالة", []), ("OM", "Sohar", "Sohar", "صحار", []),
    ("OM", "Nizwá", "Nizwa", "نزوى", []), ("OM", "Khasab", "Khasab", "خصب", []),
    ("OM", None, "Duqm", "الدقم", []),
    ("AE", "Dubai", "Dubai", "دبي", []), ("AE", "Sharjah", "Sharjah", "الشارقة", []),
    ("AE", "Ajman", "Ajman", "عجمان", []), ("AE", "Ras Al Khaimah", "Ras al-Khaimah", "رأس الخيمة", []),
    ("AE", "Fujairah", "Fujairah", "الفجيرة", []), ("AE", "Umm AL Quwain", "Umm al-Quwain", "أم القيوين", []),
    ("AE", "Al Ain City", "Al Ain", "مدينة العين", []),
    ("QA", "Ar Rayyān", "Al Rayyan", "الريان", []), ("QA", None, "Al Wakrah", "الوكرة", []),
    ("QA", None, "Al Khor", "الخور", []),
    ("BH", "Al Muharraq", "Muharraq", "المحرق", []), ("BH", "Ar Rifā‘", "Riffa", "الرفاع", []),
    ("KW", None, "Jahra", "الجهراء", []), ("KW", None, "Ahmadi", "الأحمدي", []),
    ("KW", "Ḩawallī", "Hawalli", "حولي", []),
    # Yemen
    ("YE", "Aden", "Aden", "عدن", []), ("YE", "Ta‘izz", "Taiz", "تعز", []), ("YE", "Ibb", "Ibb", "إب", []),
    ("YE", "Al Ḩudaydah", "Hodeidah", "الحديدة", []), ("YE", "Mukalla", "Mukalla", "المكلا", []),
    ("YE", "Dhamār", "Dhamar", "ذمار", []), ("YE", "Sa'dah", "Saada", "صعدة", []),
    ("YE", "Marib", "Marib", "مأرب", []), ("YE", "Laḩij", "Lahij", "لحج", []),
    ("YE", "Al Ghaydah", "Al Ghaydah", "الغيضة", []), ("YE", "Sayun", "Seiyun", "سيئون", []),
    ("YE", "Tarim", "Tarim", "تريم", []), ("YE", "Shibam", "Shibam", "شبام", []),
    ("YE", "Midi", "Midi", "ميدي", []), ("YE", "Zabīd", "Zabid", "زبيد", []),
    ("YE", "Ad Dali'", "Al Dhale", "الضالع", []), ("YE", "Lawdar", "Lawdar", "لودر", []),
    ("YE", None, "Ras Isa", "رأس عيسى", []), ("YE", None, "Mocha", "المخا", []),
    ("YE", None, "Ataq", "عتق", []), ("YE", "Zinjibār", "Zinjibar", "زنجبار", []),
    # Egypt
    ("EG", "Alexandria", "Alexandria", None, []), ("EG", "Giza", "Giza", None, []),
    ("EG", "Port Said", "Port Said", "بورسعيد", ["بور سعيد"]), ("EG", "Suez", "Suez", None, []),
    ("EG", "Ismailia", "Ismailia", None, []), ("EG", "Luxor", "Luxor", None, []),
    ("EG", "Aswan", "Aswan", None, []), ("EG", "Sharm el-Sheikh", "Sharm el-Sheikh", None, []),
    ("EG", "Hurghada", "Hurghada", None, []), ("EG", "Arish", "Arish", None, []),
    ("EG", "Al Manşūrah", "Mansoura", "المنصورة", []), ("EG", "Zagazig", "Zagazig", None, []),
    ("EG", "Asyūţ", "Asyut", "أسيوط", []), ("EG", "Al Minyā", "Minya", "المنيا", []),
    ("EG", "Sohag", "Sohag", None, []), ("EG", "Al Fayyūm", "Faiyum", "الفيوم", []),
    ("EG", "Damietta", "Damietta", None, []), ("EG", "Mersa Matruh", "Marsa Matruh", "مرسى مطروح", []),
    ("EG", "Qinā", "Qena", "قنا", []), ("EG", "Banī Suwayf", "Beni Suef", "بني سويف", []),
    ("EG", "Al Maḩallah al Kubrá", "El Mahalla el Kubra", "المحلة الكبرى", []),
    ("EG", None, "Sheikh Zuweid", "الشيخ زويد", []), ("EG", None, "El Alamein", "العلمين", []),
    ("EG", None, "Tanta", "طنطا", []),
    ("EG", None, "New Administrative Capital", "العاصمة الإدارية الجديدة", []),
    # Libya
    ("LY", "Benghazi", "Benghazi", None, []), ("LY", "Mişrātah", "Misrata", "مصراتة", []),
    ("LY", "Sirte", "Sirte", "سرت", []), ("LY", "Darnah", "Derna", "درنة", []),
    ("LY", "Tobruk", "Tobruk", "طبرق", []), ("LY", "Sabhā", "Sabha", "سبها", []),
    ("LY", "Az Zāwīyah", "Zawiya", "مدينة الزاوية", []), ("LY", "Zintan", "Zintan", "الزنتان", []),
    ("LY", "Ajdabiya", "Ajdabiya", None, []), ("LY", "Gharyan", "Gharyan", None, []),
    ("LY", "Tarhuna", "Tarhuna", "ترهونة", []), ("LY", "Bani Walid", "Bani Walid", "بني وليد", []),
    ("LY", "Ubari", "Ubari", "أوباري", []), ("LY", "Murzuq", "Murzuq", "مرزق", []),
    ("LY", "Zuwārah", "Zuwara", "زوارة", []), ("LY", "Ghadāmis", "Ghadames", "غدامس", []),
    ("LY", None, "Sabratha", "صبراتة", []), ("LY", None, "Ras Lanuf", "رأس لانوف", []),
    ("LY", None, "Brega", "البريقة", []), ("LY", None, "Kufra", "الكفرة", []),
    # Maghreb
    ("TN", "Sfax", "Sfax", None, []), ("TN", "Sousse", "Sousse", None, []),
    ("TN", "Kairouan", "Kairouan", None, []), ("TN", "Bizerte", "Bizerte", None, []),
    ("TN", "Gabès", "Gabès", None, []), ("TN", "Gafsa", "Gafsa", None, []),
    ("TN", "Kasserine", "Kasserine", None, []), ("TN", "Sidi Bouzid", "Sidi Bouzid", None, []),
    ("TN", "Medenine", "Medenine", None, []), ("TN", "Tataouine", "Tataouine", None, []),
    ("TN", None, "Ben Guerdane", "بن قردان", []), ("TN", None, "Djerba", "جربة", []),
    ("DZ", "Oran", "Oran", None, []), ("DZ", "Constantine", "Constantine", "قسنطينة", []),
    ("DZ", "Annaba", "Annaba", None, []), ("DZ", "Blida", "Blida", None, []),
    ("DZ", "Batna", "Batna", None, []), ("DZ", "Sétif", "Sétif", None, []),
    ("DZ", "Tlemcen", "Tlemcen", None, []), ("DZ", "Bejaïa", "Béjaïa", None, []),
    ("DZ", "Tizi Ouzou", "Tizi Ouzou", None, []), ("DZ", "Ouargla", "Ouargla", None, []),
    ("DZ", "Tamanrasset", "Tamanrasset", None, []), ("DZ", "Ghardaïa", "Ghardaïa", None, []),
    ("DZ", "Tindouf", "Tindouf", None, []), ("DZ", None, "In Amenas", "عين أميناس", []),
    ("MA", "Casablanca", "Casablanca", "الدار البيضاء", []), ("MA", "Marrakesh", "Marrakesh", None, []),
    ("MA", "Fes", "Fez", None, []), ("MA", "Tangier", "Tangier", None, []),
    ("MA", "Agadir", "Agadir", None, []), ("MA", "Meknes", "Meknes", None, []),
    ("MA", "Oujda-Angad", "Oujda", "وجدة", []), ("MA", "Tetouan", "Tetouan", None, []),
    ("MA", "Al-Hoceima", "Al Hoceima", "الحسيمة", []), ("MA", "Nador", "Nador", None, []),
    ("MA", None, "Laayoune", "مدينة العيون", []),
    ("ES", None, "Ceuta", "سبتة", []), ("ES", None, "Melilla", "مليلية", []),
    # Sudan and the Horn
    ("SD", "Omdurman", "Omdurman", "أم درمان", []), ("SD", None, "Khartoum North", "الخرطوم بحري", []),
    ("SD", "Port Sudan", "Port Sudan", "بورتسودان", ["بور سودان"]), ("SD", "Nyala", "Nyala", None, []),
    ("SD", "El Fasher", "El Fasher", "الفاشر", []), ("SD", "Geneina", "El Geneina", "الجنينة", []),
    ("SD", "Kassala", "Kassala", None, []), ("SD", "Wad Medani", "Wad Madani", "ود مدني", []),
    ("SD", "Kadugli", "Kadugli", "كادقلي", []), ("SD", "Atbara", "Atbara", None, []),
    ("SD", "Dongola", "Dongola", None, []), ("SD", "Zalingei", "Zalingei", None, []),
    ("SD", "Kosti", "Kosti", None, []), ("SD", "Sinnar", "Sennar", "سنار", []),
    ("SD", None, "El Obeid", "مدينة الأبيض", []), ("SD", None, "Ed Daein", "الضعين", []),
    ("SO", "Kismayo", "Kismayo", None, []), ("SO", "Hargeisa", "Hargeisa", None, []),
    ("SO", None, "Berbera", "بربرة", []), ("ER", "Massawa", "Massawa", None, []),
    ("MR", "Nouadhibou", "Nouadhibou", None, []),
    # Iran
    ("IR", "Mashhad", "Mashhad", "مدينة مشهد", ["مشهد المقدسة"]), ("IR", "Isfahan", "Isfahan", "أصفهان", []),
    ("IR", "Karaj", "Karaj", "كرج", []), ("IR", "Shiraz", "Shiraz", None, []),
    ("IR", "Tabriz", "Tabriz", None, []), ("IR", "Qom", "Qom", None, []),
    ("IR", "Ahvaz", "Ahvaz", "الأهواز", ["أهواز"]), ("IR", "Kermanshah", "Kermanshah", None, []),
    ("IR", "Urmia", "Urmia", "أرومية", []), ("IR", "Rasht", "Rasht", None, []),
    ("IR", "Zahedan", "Zahedan", None, []), ("IR", "Kerman", "Kerman", None, []),
    ("IR", "Hamadan", "Hamadan", None, []), ("IR", "Yazd", "Yazd", None, []),
    ("IR", "Ardabil", "Ardabil", None, []), ("IR", "Bandar Abbas", "Bandar Abbas", None, []),
    ("IR", "Arak", "Arak", None, []), ("IR", "Zanjan", "Zanjan", None, []),
    ("IR", "Sanandaj", "Sanandaj", None, []), ("IR", "Qazvin", "Qazvin", None, []),
    ("IR", "Khorramabad", "Khorramabad", None, []), ("IR", "Bushehr", "Bushehr", None, []),
    ("IR", "Abadan", "Abadan", None, []), ("IR", "Khorramshahr", "Khorramshahr", "خرمشهر", ["المحمرة"]),
    ("IR", "Dezful", "Dezful", None, []), ("IR", "Natanz", "Natanz", None, []),
    ("IR", "Chabahar", "Chabahar", "تشابهار", ["جابهار", "شابهار"]), ("IR", "Mahabad", "Mahabad", None, []),
    ("IR", "Semnan", "Semnan", None, []), ("IR", None, "Fordow", "فوردو", []),
    ("IR", None, "Parchin", "بارشين", []),
    # Turkey (most provincial capitals share the province's name and are covered there)
    ("TR", "Antakya", "Antakya", "أنطاكيا", []),
    ("TR", "İskenderun", "İskenderun", "الإسكندرونة", ["إسكندرون"]),
    ("TR", "Nusaybin", "Nusaybin", "نصيبين", []), ("TR", "Akçakale", "Akçakale", "أقجة قلعة", []),
    ("TR", "Reyhanlı", "Reyhanlı", "الريحانية", []), ("TR", "Ceylanpınar", "Ceylanpınar", "جيلان بينار", []),
    ("TR", None, "Cizre", "جزيرة ابن عمر", ["جيزرة"]),
    # Afghanistan, Pakistan
    ("AF", "Kandahār", "Kandahar", "قندهار", []), ("AF", "Herāt", "Herat", "هرات", []),
    ("AF", "Mazār-e Sharīf", "Mazar-i-Sharif", "مزار شريف", []),
    ("AF", "Jalālābād", "Jalalabad", "جلال آباد", []),
    ("AF", "Lashkar Gāh", "Lashkar Gah", "لشكر كاه", ["لشكركاه"]), ("AF", None, "Bagram", "باغرام", []),
    ("PK", "Karachi", "Karachi", None, []), ("PK", "Lahore", "Lahore", None, []),
    ("PK", "Rawalpindi", "Rawalpindi", None, []), ("PK", "Peshawar", "Peshawar", None, []),
    ("PK", "Quetta", "Quetta", None, []), ("PK", "Faisalabad", "Faisalabad", None, []),
    ("PK", "Multan", "Multan", None, []), ("PK", "Gwadar", "Gwadar", "جوادر", ["غوادر"]),
    ("PK", "Abbottabad", "Abbottabad", None, []), ("PK", "Muzaffarābād", "Muzaffarabad", None, []),
    # Elsewhere
    ("CY", "Limassol", "Limassol", None, []), ("CY", "Larnaca", "Larnaca", None, []),
    ("UA", "Kharkiv", "Kharkiv", None, []), ("UA", "Odesa", "Odesa", None, []),
    ("UA", "Mariupol", "Mariupol", None, []), ("UA", "Donetsk", "Donetsk", None, []),
    ("UA", "Luhansk", "Luhansk", None, []), ("UA", "Kherson", "Kherson", None, []),
    ("UA", "Sevastopol", "Sevastopol", None, []), ("UA", None, "Zaporizhzhia", "زابوريجيا", []),
    ("UA", None, "Bakhmut", "باخموت", []),
    ("RU", None, "Saint Petersburg", "سانت بطرسبرغ", ["سان بطرسبرغ", "سانت بطرسبورغ"]),
    ("RU", None, "Sochi", "سوتشي", []),
    ("RU", None, "Kursk", "كورسك", []), ("RU", None, "Belgorod", "بيلغورود", ["بيلجورود"]),
    ("RU", None, "Kazan", "قازان", []),
    ("CH", "Geneva", "Geneva", None, []), ("CH", "Lausanne", "Lausanne", None, []),
    ("NL", "The Hague", "The Hague", None, []),
    ("US", None, "New York", "نيويورك", []), ("US", None, "Los Angeles", "لوس أنجلوس", []),
    ("US", None, "Chicago", "شيكاغو", []), ("US", None, "Miami", "ميامي", []),
    ("DE", None, "Munich", "ميونخ", []), ("DE", None, "Frankfurt", "فرانكفورت", []),
    ("FR", None, "Marseille", "مرسيليا", []), ("IT", None, "Milan", "ميلانو", []),
    ("GB", None, "Manchester", "مانشستر", []), ("IN", None, "Mumbai", "مومباي", []),
    ("CN", None, "Shanghai", "شنغهاي", []), ("CN", None, "Hong Kong", "هونغ كونغ", ["هونج كونج", "هونغكونغ"]),
    ("AU", None, "Sydney", "سيدني", []), ("BR", None, "Rio de Janeiro", "ريو دي جانيرو", []),
    ("BR", None, "São Paulo", "ساو باولو", []),
    # The United States and Russia (dr5hn's snapshot has no city file for them), spelt as Arabic
    # news spells them, checked against the CLDR exemplar cities where CLDR has one.
    ("US", None, "Houston", "هيوستن", ["هيوستون"]),
    ("US", None, "San Francisco", "سان فرانسيسكو", ["سان فرنسيسكو"]),
    ("US", None, "Boston", "بوسطن", []), ("US", None, "Seattle", "سياتل", []),
    ("US", None, "Detroit", "ديترويت", []), ("US", None, "Las Vegas", "لاس فيغاس", ["لاس فيجاس"]),
    ("US", None, "New Orleans", "نيو أورلينز", ["نيو أورليانز"]),
    ("US", None, "Philadelphia", "فيلادلفيا", []), ("US", None, "Atlanta", "أتلانتا", []),
    ("US", None, "Dallas", "دالاس", []), ("US", None, "San Diego", "سان دييغو", ["سان دييجو"]),
    ("US", None, "Phoenix", "فينيكس", ["فينكس"]), ("US", None, "Denver", "دنفر", []),
    ("US", None, "Minneapolis", "مينيابوليس", []), ("US", None, "Baltimore", "بالتيمور", []),
    ("US", None, "Pittsburgh", "بيتسبرغ", ["بيتسبيرغ"]), ("US", None, "Honolulu", "هونولولو", []),
    ("US", None, "Anchorage", "أنكوريج", ["أنكوراج", "أنشوراج"]),
    ("US", None, "Palm Beach", "بالم بيتش", []),
    ("RU", None, "Novosibirsk", "نوفوسيبيرسك", ["نوفوسبيرسك"]),
    ("RU", None, "Yekaterinburg", "يكاترينبورغ", ["إيكاترينبورغ", "يكاترينبرغ"]),
    ("RU", None, "Vladivostok", "فلاديفوستوك", ["فلاديفوستك"]),
    ("RU", None, "Murmansk", "مورمانسك", []),
    ("RU", None, "Kaliningrad", "كالينينغراد", ["كالينينجراد"]),
    ("RU", None, "Volgograd", "فولغوغراد", ["فولجوجراد", "ستالينغراد"]),
    ("RU", None, "Rostov-on-Don", "روستوف أون دون", ["روستوف", "روستوف على الدون"]),
    ("RU", None, "Nizhny Novgorod", "نيجني نوفغورود", []), ("RU", None, "Samara", "سامارا", []),
    ("RU", None, "Krasnodar", "كراسنودار", []), ("RU", None, "Chelyabinsk", "تشيليابينسك", []),
    ("RU", None, "Ufa", "أوفا", []), ("RU", None, "Grozny", "غروزني", []),
    ("RU", None, "Makhachkala", "محج قلعة", ["ماخاتشكالا"]), ("RU", None, "Bryansk", "بريانسك", []),
    ("RU", None, "Voronezh", "فورونيج", []), ("RU", None, "Novorossiysk", "نوفوروسيسك", []),
    ("RU", None, "Omsk", "أومسك", []),
    # The other countries whose city files are missing: their best-known cities only. Spanish
    # cities keep their Andalusi Arabic names, as news writes them (إشبيلية، قرطبة، سرقسطة).
    # Left out: برشلونة, فالنسيا and ليون are mostly football clubs in Arabic news (ANERcorp tags
    # them ORG 15, 3 and 6 times, LOC 3, 0 and 0 times), كاليه (Calais) would read آلية and إليه.
    ("DE", None, "Cologne", "كولونيا", []), ("DE", None, "Düsseldorf", "دوسلدورف", []),
    ("DE", None, "Stuttgart", "شتوتغارت", ["شتوتجارت"]), ("DE", None, "Leipzig", "لايبزيغ", []),
    ("DE", None, "Dresden", "دريسدن", []), ("DE", None, "Hanover", "هانوفر", []),
    ("DE", None, "Nuremberg", "نورنبرغ", ["نورمبرغ", "نورنبيرغ"]), ("DE", None, "Dortmund", "دورتموند", []),
    ("FR", None, "Nice", "نيس", []),
    ("FR", None, "Toulouse", "تولوز", []), ("FR", None, "Bordeaux", "بوردو", []),
    ("FR", None, "Strasbourg", "ستراسبورغ", ["ستراسبورج"]), ("FR", None, "Nantes", "نانت", []),
    ("ES", None, "Seville", "إشبيلية", ["سيفيا"]), ("ES", None, "Valencia", "بلنسية", []),
    ("ES", None, "Málaga", "مالقة", ["مالاغا"]),
    ("ES", None, "Granada", "غرناطة", []), ("ES", None, "Córdoba", "قرطبة", []),
    ("ES", None, "Toledo", "طليطلة", []), ("ES", None, "Bilbao", "بلباو", ["بيلباو"]),
    ("ES", None, "Zaragoza", "سرقسطة", []),
    ("IT", None, "Naples", "نابولي", []), ("IT", None, "Turin", "تورينو", []),
    ("IT", None, "Venice", "فينيسيا", ["مدينة البندقية"]),
    ("IT", None, "Florence", "فلورنسا", []), ("IT", None, "Palermo", "باليرمو", []),
    ("IT", None, "Genoa", "جنوة", []), ("IT", None, "Bologna", "بولونيا", []),
    ("IN", None, "Kolkata", "كولكاتا", ["كلكتا", "كالكتا"]), ("IN", None, "Chennai", "تشيناي", []),
    ("IN", None, "Bangalore", "بنغالور", ["بنغالورو", "بنجالور"]),
    ("IN", None, "Ahmedabad", "أحمد آباد", ["أحمدآباد"]), ("IN", None, "Srinagar", "سريناغار", ["سرينغار"]),
    ("IN", None, "Amritsar", "أمريتسار", []), ("IN", None, "Lucknow", "لكناو", []),
    ("IN", None, "Jaipur", "جايبور", []),
    ("BR", None, "Belo Horizonte", "بيلو هوريزونتي", []), ("BR", None, "Recife", "ريسيفي", []),
    ("BR", None, "Manaus", "ماناوس", []),
    ("AU", None, "Melbourne", "ملبورن", ["ميلبورن"]), ("AU", None, "Brisbane", "بريسبان", ["بريزبن"]),
    ("AU", None, "Perth", "بيرث", []), ("AU", None, "Adelaide", "أديلايد", ["أديليد"]),
    ("MX", None, "Guadalajara", "غوادالاخارا", ["جوادالاخارا"]), ("MX", None, "Monterrey", "مونتيري", []),
    ("MX", None, "Tijuana", "تيخوانا", []), ("MX", None, "Ciudad Juárez", "سيوداد خواريز", []),
    ("MX", None, "Cancún", "كانكون", []),
    ("PH", None, "Davao", "دافاو", []), ("PH", None, "Cebu", "سيبو", []), ("PH", None, "Marawi", "مراوي", []),
    ("CN", None, "Shenzhen", "شنتشن", ["شينزين"]),
]

# ---------------------------------------------------------------- world cities

# The large cities of the countries outside the region, from dr5hn's world subset (the region's
# towns are hand-picked above). A record qualifies with WORLD_MIN_POP people, or as an `adm1`
# seat with WORLD_ADM1_MIN_POP; dr5hn often gives a district the population of its whole city,
# so the record types below are left out.
WORLD_MIN_POP = 500_000
WORLD_ADM1_MIN_POP = 300_000
# capital: the capitals are built already, and dr5hn marks districts of capitals so (Yongsan-gu);
# the others are districts, counties and areas. In China, `city` records are county-level cities
# counted with their whole county (Changge, Yiwu): only prefecture-level cities are kept there.
WORLD_SKIP_TYPES = {"capital", "district", "county", "adm3", "adm4", "area", "municipality", "province"}
WORLD_SKIP_TYPES_BY_COUNTRY = {"CN": {"city"}}
# Administrative units that dr5hn files as cities (Departamento de Capital, Wolayita Zone).
WORLD_ADMIN_EN = re.compile(
    r"\b(Department|Departamento|Province|Provincia|Prefecture|Zone|zone|Cercle|Municipio|Distrito"
    r"|Regional|Metropolitan|Cantón|Borough|Autonomous|Capitale-Nationale|Municipality|Thành Phố)\b"
    r"|^City of "
)
# Words dr5hn glues to a name: administrative nouns before it, and the Chinese, Japanese and Korean
# words for city, ward and district after it (اورومتشي شي، توشيما كو، سيونغنام سي).
WORLD_AR_PREFIX = re.compile(r"^(قسم|مقاطعة|محافظة|منطقة|بلدية|دائرة|كانتون|إقليم)\s+")
WORLD_AR_SUFFIX = {"CN": ("شي", "ديكو"), "JP": ("شي", "كو"), "KR": ("سي", "غو", "كون")}

# (country, dr5hn name) -> None to leave the record out, or (Arabic, aliases) to replace dr5hn's.
# Left out: names that are everyday Arabic words or names (بصوت عال "loudly" for Loudi, تغيير
# "change", مسلفة "harrow", دفن "burial", مركز "centre"), names that belong to a better-known
# place (برشلونة and فالنسيا are Spain's, قرطبة Spain's Córdoba, أرمينيا the state), names that
# Arabic news uses mostly for a football club (ليفربول: ANERcorp tags it ORG 8 times out of 8),
# and districts that dr5hn gives the population of their whole city (Victoria Island: Lagos's).
WORLD_CITY_AR: dict[tuple[str, str], tuple[str, list[str]] | None] = {
    ("CN", "Guangzhou"): ("قوانغتشو", ["قوانجتشو", "غوانزو", "غوانغتشو"]),
    ("CH", "Zürich"): ("زيورخ", ["زيوريخ"]),
    # One word: منه ("from him") must not become a gazetteer word (ومنه would read و + منه).
    ("VN", "Ho Chi Minh City"): ("هوشيمنه", ["مدينة هوشيمنه", "سايغون"]),
    ("CN", "Xi’an"): ("شيآن", ["شيان"]),
    ("CN", "Urumqi"): ("أورومتشي", ["أورومجي"]),
    ("VN", "Da Nang"): ("دانانغ", []), ("CN", "Liangshan"): ("ليانغشان", []),
    ("CN", "Xuchang"): ("شيوتشانغ", []), ("AZ", "Ganja"): ("غانجا", ["كنجة"]),
    ("TZ", "Zanzibar"): ("جزيرة زنجبار", ["أرخبيل زنجبار"]),  # زنجبار alone is Abyan's, in Yemen
    ("CA", "Montréal"): ("مونتريال", []),
    ("CA", "Toronto"): ("تورنتو", ["تورونتو"]),
    ("JP", "Osaka"): ("أوساكا", []),
    ("KR", "Busan"): ("بوسان", []),
    ("NG", "Lagos"): ("لاغوس", ["لاجوس"]),
    ("ID", "Kota Tangerang"): ("تانجيرانج", ["تانغيرانغ"]),
    ("ID", "Kota Serang"): ("سيرانج", []),
    ("MM", "Yangon"): ("يانغون", ["رانغون"]),
    ("BY", "Homyel'"): ("غوميل", ["هوميل"]),
    ("SE", "Göteborg"): ("غوتنبرغ", ["يوتيبوري"]),
    ("ET", "Mek'ele"): ("مقلي", ["ميكيلي"]),
    ("ZA", "Cape Town"): ("كيب تاون", ["كيبتاون"]),
    ("BD", "Chittagong"): ("شيتاغونغ", ["تشيتاغونغ"]),
    ("UA", "Dnipro"): ("دنيبرو", ["دنيبروبتروفسك"]),
    ("NG", "Victoria Island"): None, ("CN", "Loudi"): None, ("CN", "Changge"): None,
    ("VE", "Barcelona"): None, ("VE", "Valencia"): None, ("AR", "Córdoba"): None,
    ("CO", "Armenia"): None, ("CA", "Capitale-Nationale"): None, ("CA", "Surrey"): None,
    ("GB", "Surrey"): None, ("CN", "Ji'an"): None, ("GB", "Liverpool"): None,
    # names whose words are people's names: the name finder stops at a gazetteer word (تيد كروز,
    # نجوين, ميازاكي, كلارك كينت); English counties filed as cities; suburbs.
    ("BO", "Santa Cruz de la Sierra"): None, ("CO", "Santa Marta"): None, ("AR", "Santa Fe"): None,
    ("DO", "Santo Domingo Este"): None, ("DO", "Santo Domingo Oeste"): None,
    ("VN", "Thái Nguyên"): None, ("VN", "Nam Định"): None, ("JP", "Miyazaki"): None,
    ("TZ", "Geita"): None, ("MZ", "Tete"): None, ("NG", "Ile-Ife"): None, ("NG", "Ado-Ekiti"): None,
    ("ZM", "Chipata"): None, ("CA", "North York"): None, ("GB", "Kent"): None, ("GB", "Essex"): None,
    ("GB", "Hampshire"): None, ("GB", "Staffordshire"): None, ("GB", "Nottinghamshire"): None,
    ("GB", "Devon"): None, ("GB", "Lincolnshire"): None, ("GB", "Leicestershire"): None,
    ("GB", "Gloucestershire"): None, ("GB", "East Sussex"): None, ("GB", "Wiltshire"): None,
    # everyday words, or one once a proclitic comes off: ميدان "square", كوبي "Cuban", واري (وأرى
    # "and I see"), بيرا (كبيرا "big"), أنسان (إنسان "human"), هيبي، إيزو، نارا (نارًا "fire"),
    # مينا, بيكيني "bikini", كارفور the retailer, كليمان and هاميلتون (people)
    ("ID", "Medan"): None, ("JP", "Kobe"): None, ("NG", "Warri"): None, ("MZ", "Beira"): None,
    ("KR", "Ansan-si"): None, ("CN", "Hebi"): None, ("CN", "Ezhou"): None, ("JP", "Nara-shi"): None,
    ("NG", "Minna"): None, ("SN", "Pikine"): None, ("HT", "Carrefour"): None,
    ("MZ", "Quelimane"): None, ("CA", "Hamilton"): None,
    # names whose words would make common words read as proclitic + word (كان ثو: وكان، كأن;
    # نها ترانج: بنها; بيين هوا; دونغ ينغ: كينغ; شاه علم: بعلم), and wards of Tokyo
    ("VN", "Vinh"): None, ("VN", "Cần Thơ"): None, ("VN", "Nha Trang"): None,
    ("VN", "Qui Nhon"): None, ("VN", "Biên Hòa"): None, ("VN", "Thanh Hóa"): None,
    ("CN", "Dongying"): None, ("MY", "Shah Alam"): None, ("JP", "Honchō"): None,
    ("JP", "Ōta-ku"): None, ("JP", "Toshima-ku"): None,
    # names that read as a proclitic + the article + a word, which the normaliser may take them for
    # (كالابار: ك + الآبار "the wells", كالجاري: ك + الجاري "current", as in العام الجاري)
    ("NG", "Calabar"): None, ("CA", "Calgary"): None,
}
WORLD_CITY_EN = {
    ("BY", "Homyel'"): "Gomel", ("SE", "Göteborg"): "Gothenburg", ("ET", "Mek'ele"): "Mekelle",
    ("KP", "Namp’o"): "Nampo", ("ID", "Kota Tangerang"): "Tangerang", ("ID", "Kota Serang"): "Serang",
    ("CA", "Montréal"): "Montreal",
}

# ---------------------------------------------------------------- regions and sites

# (slug, English, Arabic, aliases, country iso2 or None, ambiguous_ar)
REGIONS: list[tuple[str, str, str, list[str], str | None, list[str]]] = [
    ("middle-east", "Middle East", "الشرق الأوسط", ["منطقة الشرق الأوسط"], None, ["الشرق الأوسط"]),
    ("greater-middle-east", "Greater Middle East", "الشرق الأوسط الكبير", [], None, []),
    ("gulf", "Gulf", "الخليج", ["منطقة الخليج", "الخليج العربي", "الخليج الفارسي"], None, []),
    ("arab-world", "Arab world", "العالم العربي", ["الوطن العربي", "المنطقة العربية"], None, []),
    ("islamic-world", "Muslim world", "العالم الإسلامي", [], None, []),
    ("levant", "Levant", "بلاد الشام", ["المشرق العربي", "الشام"], None, []),
    ("maghreb", "Maghreb", "المغرب العربي", ["بلدان المغرب العربي"], None, []),
    ("north-africa", "North Africa", "شمال أفريقيا", [], None, []),
    ("sahel", "Sahel", "منطقة الساحل", ["الساحل الأفريقي", "دول الساحل"], None, []),
    ("horn-of-africa", "Horn of Africa", "القرن الأفريقي", [], None, []),
    ("arabian-peninsula", "Arabian Peninsula", "شبه الجزيرة العربية", ["الجزيرة العربية"], None, []),
    ("europe", "Europe", "أوروبا", ["القارة الأوروبية", "القارة العجوز"], None, []),
    ("eastern-europe", "Eastern Europe", "أوروبا الشرقية", ["شرق أوروبا"], None, []),
    ("western-europe", "Western Europe", "أوروبا الغربية", ["غرب أوروبا"], None, []),
    ("asia", "Asia", "آسيا", ["القارة الآسيوية"], None, []),
    ("central-asia", "Central Asia", "آسيا الوسطى", [], None, []),
    ("south-asia", "South Asia", "جنوب آسيا", [], None, []),
    ("southeast-asia", "Southeast Asia", "جنوب شرق آسيا", ["جنوب شرقي آسيا"], None, []),
    ("east-asia", "East Asia", "شرق آسيا", [], None, []),
    ("africa", "Africa", "أفريقيا", ["القارة الأفريقية", "القارة السمراء"], None, []),
    ("sub-saharan-africa", "Sub-Saharan Africa", "أفريقيا جنوب الصحراء", [], None, []),
    ("latin-america", "Latin America", "أمريكا اللاتينية", ["أميركا اللاتينية"], None, []),
    ("north-america", "North America", "أمريكا الشمالية", ["أميركا الشمالية"], None, []),
    ("south-america", "South America", "أمريكا الجنوبية", ["أميركا الجنوبية"], None, []),
    ("caucasus", "Caucasus", "القوقاز", ["منطقة القوقاز"], None, []),
    ("balkans", "Balkans", "البلقان", ["منطقة البلقان"], None, []),
    ("indo-pacific", "Indo-Pacific", "المحيطين الهندي والهادئ", ["منطقة المحيطين الهندي والهادئ"], None, []),
    ("arctic", "Arctic", "القطب الشمالي", [], None, []),
    # the political West (الغرب دعم الإرهابيين); الغرب من, west of, is a direction (actors/places.py)
    ("the-west", "the West", "الغرب", [], None, []),
    # seas, straits, waterways, rivers
    ("mediterranean", "Mediterranean Sea", "البحر المتوسط", ["البحر الأبيض المتوسط"], None, []),
    ("red-sea", "Red Sea", "البحر الأحمر", [], None, []),
    ("arabian-sea", "Arabian Sea", "بحر العرب", [], None, []),
    ("gulf-of-aden", "Gulf of Aden", "خليج عدن", [], None, []),
    ("gulf-of-oman", "Gulf of Oman", "خليج عمان", ["بحر عمان"], None, []),
    ("caspian-sea", "Caspian Sea", "بحر قزوين", [], None, []),
    ("black-sea", "Black Sea", "البحر الأسود", [], None, []),
    ("aegean-sea", "Aegean Sea", "بحر إيجه", [], None, []),
    ("baltic-sea", "Baltic Sea", "بحر البلطيق", [], None, []),
    ("south-china-sea", "South China Sea", "بحر الصين الجنوبي", [], None, []),
    ("indian-ocean", "Indian Ocean", "المحيط الهندي", [], None, []),
    ("atlantic-ocean", "Atlantic Ocean", "المحيط الأطلسي", [], None, []),
    ("pacific-ocean", "Pacific Ocean", "المحيط الهادئ", ["المحيط الهادي"], None, []),
    ("strait-of-hormuz", "Strait of Hormuz", "مضيق هرمز", [], None, []),
    ("bab-el-mandeb", "Bab el-Mandeb", "باب المندب", ["مضيق باب المندب"], None, []),
    ("bosphorus", "Bosphorus", "مضيق البوسفور", ["البوسفور"], "TR", []),
    ("taiwan-strait", "Taiwan Strait", "مضيق تايوان", [], None, []),
    ("suez-canal", "Suez Canal", "قناة السويس", [], "EG", []),
    ("euphrates", "Euphrates", "نهر الفرات", ["الفرات"], None, []),
    ("tigris", "Tigris", "نهر دجلة", ["دجلة"], None, []),
    ("nile", "Nile", "نهر النيل", ["النيل"], None, []),
    ("litani", "Litani River", "نهر الليطاني", ["الليطاني"], "LB", []),
    ("jordan-valley", "Jordan Valley", "غور الأردن", ["الأغوار"], None, []),
    # territories and regions of the conflicts
    ("west-bank", "West Bank", "الضفة الغربية", ["الضفة الغربية المحتلة"], "PS", []),
    ("gaza-strip", "Gaza Strip", "قطاع غزة", ["غزة"], "PS", []),
    ("gaza-envelope", "Gaza envelope", "غلاف غزة", ["مستوطنات غلاف غزة"], "IL", []),
    ("golan-heights", "Golan Heights", "الجولان", ["هضبة الجولان", "مرتفعات الجولان", "الجولان المحتل",
                                                   "الجولان السوري المحتل"], "SY", []),
    ("sinai", "Sinai Peninsula", "سيناء", ["شبه جزيرة سيناء"], "EG", []),
    ("negev", "Negev", "النقب", ["صحراء النقب"], "IL", []),
    ("galilee", "Galilee", "الجليل", ["الجليل الأعلى"], "IL", []),
    ("kurdistan", "Kurdistan", "كردستان", [], None, []),
    ("kurdistan-region", "Kurdistan Region (Iraq)", "إقليم كردستان", ["إقليم كردستان العراق",
                                                                     "كردستان العراق"], "IQ", []),
    ("eastern-ghouta", "Eastern Ghouta", "الغوطة الشرقية", [], "SY", []),
    ("western-ghouta", "Western Ghouta", "الغوطة الغربية", [], "SY", []),
    ("ghouta", "Ghouta", "الغوطة", [], "SY", []),
    ("qalamoun", "Qalamoun", "القلمون", ["جبال القلمون"], "SY", []),
    ("syrian-desert", "Syrian Desert", "البادية السورية", ["البادية", "بادية الشام"], None, []),
    ("west-coast-yemen", "West Coast", "الساحل الغربي", [], "YE", []),
    ("hauran", "Hauran", "حوران", ["سهل حوران"], "SY", []),
    ("syrian-jazira", "Syrian Jazira", "الجزيرة السورية", [], "SY", []),
    ("jabal-al-zawiya", "Jabal al-Zawiya", "جبل الزاوية", [], "SY", []),
    ("al-tanf", "Al-Tanf", "التنف", ["قاعدة التنف", "منطقة التنف"], "SY", []),
    ("hmeimim", "Hmeimim Air Base", "قاعدة حميميم", ["حميميم", "مطار حميميم"], "SY", []),
    ("shayrat", "Shayrat Air Base", "مطار الشعيرات", ["قاعدة الشعيرات"], "SY", []),
    ("t4", "T-4 Air Base", "مطار التيفور",
     ["قاعدة التيفور", "مطار تي فور", "قاعدة تي فور", "تي فور", "التيفور"], "SY", []),
    ("kuweires", "Kuweires Air Base", "مطار كويرس", ["مطار كويرس العسكري"], "SY", []),
    ("sayyida-zaynab", "Sayyida Zaynab Shrine", "ضريح السيدة زينب",
     ["مقام السيدة زينب", "السيدة زينب"], "SY", []),
    ("mezzeh", "Mezzeh", "المزة", ["مطار المزة"], "SY", []),
    ("republican-palace", "Republican Palace", "القصر الجمهوري", [], None, []),
    ("damascus-airport", "Damascus International Airport", "مطار دمشق الدولي", ["مطار دمشق"], "SY", []),
    ("south-lebanon", "South Lebanon", "جنوب لبنان", ["الجنوب اللبناني"], "LB", []),
    ("dahieh", "Dahieh (southern suburbs of Beirut)", "الضاحية الجنوبية",
     ["ضاحية بيروت الجنوبية", "الضاحية الجنوبية لبيروت"], "LB", []),
    ("shebaa-farms", "Shebaa Farms", "مزارع شبعا", [], None, []),
    ("bekaa-valley", "Beqaa Valley", "سهل البقاع", [], "LB", []),
    ("blue-line", "Blue Line", "الخط الأزرق", [], None, []),
    ("beirut-port", "Port of Beirut", "مرفأ بيروت", [], "LB", []),
    ("al-aqsa", "Al-Aqsa Mosque", "المسجد الأقصى", ["باحات المسجد الأقصى"], None, []),
    ("rafah-crossing", "Rafah Border Crossing", "معبر رفح", [], None, []),
    ("kerem-shalom", "Kerem Shalom crossing", "معبر كرم أبو سالم", ["كرم أبو سالم"], None, []),
    ("erez-crossing", "Erez crossing", "معبر بيت حانون", ["معبر إيرز"], None, []),
    ("allenby-bridge", "Allenby Bridge", "جسر الملك حسين", ["جسر اللنبي", "معبر الكرامة"], None, []),
    ("bab-al-hawa", "Bab al-Hawa crossing", "معبر باب الهوى", ["باب الهوى"], "SY", []),
    ("bab-al-salama", "Bab al-Salameh crossing", "معبر باب السلامة", [], "SY", []),
    ("nasib-crossing", "Nasib crossing", "معبر نصيب", ["معبر جابر"], None, []),
    ("al-qaim-crossing", "Al-Qaim border crossing", "معبر القائم", ["معبر البوكمال"], None, []),
    ("philadelphi-corridor", "Philadelphi Corridor", "محور فيلادلفيا", ["محور صلاح الدين"], None, []),
    ("netzarim-corridor", "Netzarim Corridor", "محور نتساريم", [], None, []),
    ("al-shifa", "Al-Shifa Hospital", "مجمع الشفاء الطبي", ["مستشفى الشفاء"], "PS", []),
    ("jenin-camp", "Jenin refugee camp", "مخيم جنين", [], "PS", []),
    ("jabalia-camp", "Jabalia refugee camp", "مخيم جباليا", [], "PS", []),
    ("nur-shams-camp", "Nur Shams refugee camp", "مخيم نور شمس", [], "PS", []),
    ("yarmouk-camp", "Yarmouk refugee camp", "مخيم اليرموك", [], "SY", []),
    ("al-hol-camp", "Al-Hol camp", "مخيم الهول", [], "SY", []),
    ("rukban-camp", "Rukban camp", "مخيم الركبان", [], "SY", []),
    ("zaatari-camp", "Zaatari refugee camp", "مخيم الزعتري", [], "JO", []),
    ("ain-al-hilweh", "Ain al-Hilweh camp", "مخيم عين الحلوة", ["عين الحلوة"], "LB", []),
    ("ain-al-asad", "Ain al-Asad Air Base", "قاعدة عين الأسد", ["عين الأسد"], "IQ", []),
    ("al-udeid", "Al Udeid Air Base", "قاعدة العديد", [], "QA", []),
    ("incirlik", "Incirlik Air Base", "قاعدة إنجرليك", ["إنجرليك", "إنجيرليك"], "TR", []),
    ("kharg-island", "Kharg Island", "جزيرة خرج", ["جزيرة خارك"], "IR", []),
    ("kish-island", "Kish Island", "جزيرة كيش", [], "IR", []),
    ("abu-musa", "Abu Musa", "جزيرة أبو موسى", ["أبو موسى"], None, []),
    ("greater-tunb", "Greater and Lesser Tunbs", "طنب الكبرى", ["جزر طنب", "طنب الصغرى"], None, []),
    ("socotra-island", "Socotra", "جزيرة سقطرى", [], "YE", []),
    ("perim", "Perim Island", "جزيرة ميون", ["جزيرة بريم"], "YE", []),
    ("darfur", "Darfur", "دارفور", ["إقليم دارفور"], "SD", []),
    ("kordofan", "Kordofan", "كردفان", ["إقليم كردفان"], "SD", []),
    ("western-sahara", "Western Sahara", "الصحراء الغربية", [], None, []),
    ("sahara", "Sahara", "الصحراء الكبرى", [], None, []),
    ("tigray", "Tigray", "تيغراي", ["إقليم تيغراي"], "ET", []),
    ("somaliland", "Somaliland", "أرض الصومال", ["صوماليلاند"], "SO", []),
    ("puntland", "Puntland", "بونتلاند", ["أرض البنط"], "SO", []),
    ("crimea", "Crimea", "القرم", ["شبه جزيرة القرم"], "UA", []),
    ("donbas", "Donbas", "دونباس", ["إقليم دونباس"], "UA", []),
    ("nagorno-karabakh", "Nagorno-Karabakh", "ناغورني قره باغ", ["قره باغ", "ناغورنو كاراباخ"], "AZ", []),
    ("kashmir", "Kashmir", "كشمير", ["إقليم كشمير"], None, []),
    ("xinjiang", "Xinjiang", "شينجيانغ", ["شينجيانج", "تركستان الشرقية"], "CN", []),
    ("gibraltar", "Gibraltar", "جبل طارق", ["مضيق جبل طارق"], None, []),
    ("greenland", "Greenland", "غرينلاند", ["جرينلاند"], "DK", []),
    ("northern-cyprus", "Northern Cyprus", "شمال قبرص",
     ["قبرص التركية", "جمهورية شمال قبرص التركية"], None, []),
    ("abkhazia", "Abkhazia", "أبخازيا", [], None, []),
    ("transnistria", "Transnistria", "ترانسنيستريا", [], None, []),
    ("diego-garcia", "Diego Garcia", "دييغو غارسيا", [], None, []),
    ("dimona-reactor", "Negev Nuclear Research Center (Dimona)", "مفاعل ديمونا", ["مفاعل ديمونة"], "IL", []),
    ("bushehr-plant", "Bushehr Nuclear Power Plant", "محطة بوشهر النووية", ["مفاعل بوشهر"], "IR", []),
    ("natanz-facility", "Natanz enrichment facility", "منشأة نطنز", ["منشأة نطنز النووية"], "IR", []),
    ("fordow-facility", "Fordow enrichment plant", "منشأة فوردو", ["منشأة فوردو النووية"], "IR", []),
    ("zaporizhzhia-plant", "Zaporizhzhia Nuclear Power Plant", "محطة زابوريجيا النووية", [], "UA", []),
    ("camp-david", "Camp David", "كامب ديفيد", [], "US", []),
    ("tora-bora", "Tora Bora", "تورا بورا", [], "AF", []),
    ("khyber-pass", "Khyber Pass", "ممر خيبر", [], None, []),
    ("marib-dam", "Marib Dam", "سد مأرب", [], "YE", []),
    ("mosul-dam", "Mosul Dam", "سد الموصل", [], "IQ", []),
    ("tishrin-dam", "Tishrin Dam", "سد تشرين", [], "SY", []),
    ("gerd", "Grand Ethiopian Renaissance Dam", "سد النهضة", ["سد النهضة الإثيوبي"], "ET", []),
    # historic regions and former states (LOC: a GPE is a present state, with a capital and
    # demonyms), and regions and islands outside the Middle East
    ("al-andalus", "Al-Andalus", "الأندلس", ["بلاد الأندلس", "إقليم الأندلس", "منطقة الأندلس"], "ES", []),
    ("khorasan", "Khorasan", "خراسان", ["بلاد خراسان", "إقليم خراسان"], None, []),
    ("hejaz", "Hejaz", "الحجاز", ["منطقة الحجاز", "بلاد الحجاز"], "SA", []),
    ("tihama", "Tihama", "سهل تهامة", ["تهامة"], None, []),
    ("persia", "Persia", "بلاد فارس", [], "IR", []),
    ("mesopotamia", "Mesopotamia", "بلاد الرافدين", [], None, []),
    ("anatolia", "Anatolia", "هضبة الأناضول", ["شبه جزيرة الأناضول", "آسيا الصغرى"], "TR", []),
    ("constantinople", "Constantinople", "القسطنطينية", [], "TR", []),
    ("abyssinia", "Abyssinia", "الحبشة", ["بلاد الحبشة"], "ET", []),
    ("nubia", "Nubia", "بلاد النوبة", ["النوبة"], None, []),
    ("cyrenaica", "Cyrenaica", "إقليم برقة", ["برقة"], "LY", []),
    ("fezzan", "Fezzan", "فزان", ["إقليم فزان"], "LY", []),
    ("kabylie", "Kabylie", "منطقة القبائل", ["بلاد القبائل"], "DZ", []),
    ("azawad", "Azawad", "أزواد", ["إقليم أزواد"], "ML", []),
    ("ogaden", "Ogaden", "أوغادين", ["إقليم أوغادين"], "ET", []),
    ("soviet-union", "Soviet Union", "الاتحاد السوفيتي", ["الاتحاد السوفياتي", "الاتحاد السوفييتي"],
     None, []),
    ("yugoslavia", "Yugoslavia", "يوغسلافيا", ["يوغوسلافيا"], None, []),
    ("czechoslovakia", "Czechoslovakia", "تشيكوسلوفاكيا", [], None, []),
    ("ottoman-empire", "Ottoman Empire", "الدولة العثمانية",
     ["الإمبراطورية العثمانية", "السلطنة العثمانية", "الخلافة العثمانية"], None, []),
    ("indochina", "Indochina", "الهند الصينية", [], None, []),
    ("siberia", "Siberia", "سيبيريا", [], "RU", []),
    ("scandinavia", "Scandinavia", "إسكندنافيا", ["اسكندينافيا", "الدول الإسكندنافية"], None, []),
    ("baltic-states", "Baltic states", "دول البلطيق", [], None, []),
    ("eurasia", "Eurasia", "أوراسيا", [], None, []),
    ("far-east", "Far East", "الشرق الأقصى", [], None, []),
    ("central-america", "Central America", "أمريكا الوسطى", ["أميركا الوسطى"], None, []),
    ("caribbean", "Caribbean", "الكاريبي", ["منطقة الكاريبي", "منطقة البحر الكاريبي", "جزر الكاريبي"],
     None, []),
    ("oceania", "Oceania", "أوقيانوسيا", [], None, []),
    ("antarctica", "Antarctica", "القارة القطبية الجنوبية", ["أنتاركتيكا", "القطب الجنوبي"], None, []),
    ("amazon", "Amazon rainforest", "غابات الأمازون", ["غابة الأمازون", "منطقة الأمازون", "نهر الأمازون"],
     None, []),
    ("punjab", "Punjab", "البنجاب", ["منطقة البنجاب"], None, []),
    ("bengal", "Bengal", "البنغال", ["إقليم البنغال", "منطقة البنغال"], None, []),
    ("java", "Java", "جاوة", ["جزيرة جاوة", "جزيرة جاوا"], "ID", []),
    ("sumatra", "Sumatra", "سومطرة", ["جزيرة سومطرة"], "ID", []),
    ("borneo", "Borneo", "بورنيو", ["جزيرة بورنيو"], None, []),
    ("sicily", "Sicily", "صقلية", ["جزيرة صقلية"], "IT", []),
    ("sardinia", "Sardinia", "سردينيا", ["جزيرة سردينيا"], "IT", []),
    ("lampedusa", "Lampedusa", "لامبيدوسا", ["جزيرة لامبيدوسا"], "IT", []),
    ("corsica", "Corsica", "كورسيكا", ["جزيرة كورسيكا"], "FR", []),
    ("crete", "Crete", "جزيرة كريت", ["كريت"], "GR", []),
    ("macau", "Macau", "ماكاو", ["مكاو"], "CN", []),
    ("falklands", "Falkland Islands", "جزر فوكلاند", ["جزر الفوكلاند", "الفوكلاند"], None, []),
    ("silicon-valley", "Silicon Valley", "وادي السيليكون", [], "US", []),
    ("bay-of-bengal", "Bay of Bengal", "خليج البنغال", [], None, []),
    ("caribbean-sea", "Caribbean Sea", "البحر الكاريبي", ["بحر الكاريبي"], None, []),
    ("north-sea", "North Sea", "بحر الشمال", [], None, []),
    ("east-china-sea", "East China Sea", "بحر الصين الشرقي", [], None, []),
    ("sea-of-azov", "Sea of Azov", "بحر آزوف", [], None, []),
    ("kerch-strait", "Kerch Strait", "مضيق كيرتش", [], None, []),
    ("strait-of-malacca", "Strait of Malacca", "مضيق ملقا", [], None, []),
    ("english-channel", "English Channel", "بحر المانش", ["القنال الإنجليزي", "قناة المانش"], None, []),
    ("guantanamo", "Guantanamo Bay", "غوانتانامو",
     ["جوانتانامو", "خليج غوانتانامو", "قاعدة غوانتانامو", "معتقل غوانتانامو"], "CU", []),
    ("mar-a-lago", "Mar-a-Lago", "منتجع مارالاغو", ["مارالاغو"], "US", []),
    ("ramstein", "Ramstein Air Base", "قاعدة رامشتاين", ["رامشتاين"], "DE", []),
]
# English aliases of regions (the Spanish community of Andalusia is al-Andalus's entry).
REGION_ALIASES_EN = {"al-andalus": ["Andalusia"], "anatolia": ["Asia Minor"],
                     "soviet-union": ["USSR", "Union of Soviet Socialist Republics"]}

# fmt: on

# Place names that are also the name of an organisation in actors_orgs.yaml (the town of
# Mayadin and the Al Mayadeen channel, the town of Qena and the Qatar News Agency): declared
# ambiguous here, and in the organisation's entry, so that the loader accepts the shared surface.
AMBIGUOUS_WITH_ORGS = ("الميادين", "قنا")

# ---------------------------------------------------------------- build


def slugify(text: str) -> str:
    text = text.replace("ı", "i")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def key(text: str) -> str:
    return re.sub(r"[^a-z]", "", slugify(text))


def split_paren(name: str) -> list[str]:
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    return [m.group(1).strip(), m.group(2).strip()] if m else [name.strip()]


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def clean_world_ar(ar: str, cc: str, en: str) -> tuple[str, list[str]] | None:
    """dr5hn's Arabic for a world city, without the words glued to it, or None if unusable."""
    text = " ".join(ar.replace("-", " ").split())
    # Untranslated (Latin letters) or numbered (خان 7 ماكارا) names are not names news writes.
    if not text or re.search(r"[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0660-\u0669]", text):
        return None
    text = WORLD_AR_PREFIX.sub("", text)
    aliases = []
    if text.startswith("مدينة "):
        text = text[len("مدينة ") :]
        if re.search(r"\bCity\b", en):  # Ho Chi Minh City: مدينة هوشي منه is natural
            aliases.append(f"مدينة {text}")
    words = text.split()
    if len(words) > 1 and words[-1] in WORLD_AR_SUFFIX.get(cc, ()):
        text = " ".join(words[:-1])
    # Names of three letters or fewer are mostly everyday words too (أبا، جوس، سري).
    if letters(text) <= 3:
        return None
    return text, aliases


def uniq(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for s in items:
        s = re.sub(r"\s+", " ", s).strip()
        f = fold(s)
        if s and f not in seen:
            seen.add(f)
            out.append(s)
    return out


class Builder:
    def __init__(self, ref: Path) -> None:
        d = ref / "dr5hn-countries-states-cities"
        self.countries = json.loads((d / "countries.json").read_text("utf-8"))
        self.mledoze = {
            x["cca2"]: x for x in json.loads((ref / "mledoze-countries/countries.json").read_text("utf-8"))
        }
        cldr = json.loads((ref / "cldr-arabic/localenames/ar/territories.json").read_text("utf-8"))
        self.cldr_terr = cldr["main"]["ar"]["localeDisplayNames"]["territories"]
        tz = json.loads((ref / "cldr-arabic/timezones/ar/timeZoneNames.json").read_text("utf-8"))
        self.tz = tz["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
        self.states = [
            json.loads(line) for line in (d / "states.jsonl").read_text("utf-8").splitlines() if line
        ]
        cities: list[dict[str, Any]] = []
        for f in sorted(glob.glob(str(d / "cities_mena" / "*.json"))):
            cities += json.loads(Path(f).read_text("utf-8"))
        self.world_cities = [
            json.loads(line)
            for line in (d / "cities_world_subset.jsonl").read_text("utf-8").splitlines()
            if line
        ]
        self.cities = cities + self.world_cities
        self.entries: list[dict[str, Any]] = []
        self.state_qid: dict[str, str] = {}
        self.log: list[str] = []

    # ---- lookups
    def city(self, cc: str, name: str, prefer_capital: bool = False) -> dict[str, Any] | None:
        recs = [c for c in self.cities if c["country_code"] == cc and key(c["name"]) == key(name)]
        if not recs:
            return None
        recs.sort(
            key=lambda c: (
                0 if (prefer_capital and c["type"] == "capital") else 1,
                -(c.get("population") or 0),
                c["id"],
            )
        )
        return recs[0]

    def exemplar(self, tzid: str) -> str:
        node: Any = self.tz
        for part in tzid.split("/"):
            node = node[part]
        return str(node["exemplarCity"])

    # ---- parts
    def build_states(self) -> None:
        for c in sorted(self.countries, key=lambda c: c["iso2"]):
            cc = c["iso2"]
            m = self.mledoze.get(cc)
            if not m or not (m.get("unMember") or cc in EXTRA_STATES):
                continue
            qid = c["wikiDataId"]
            self.state_qid[cc] = qid
            canon, extra = STATE_AR.get(cc, (None, []))
            sources = [
                c["translations"].get("ar") or "",
                m["translations"]["ara"]["common"],
                m["translations"]["ara"]["official"],
                self.cldr_terr.get(cc, ""),
            ]
            sources += [v for k, v in sorted(self.cldr_terr.items()) if k.startswith(cc + "-alt")]
            names: list[str] = []
            for s in sources:
                names += split_paren(s) if s else []
            names = [n for n in names if n and n not in BAD_AR]
            canon = canon or names[0]
            ar = uniq([canon, *extra, *names])
            en = EN_FIX.get(cc, c["name"])
            en_alias = [m["name"]["common"], m["name"]["official"], *m.get("altSpellings", [])]
            en_alias = [a for a in en_alias if len(a) > 3 and a.isascii() and a != en]
            masc = DEMONYMS.get(cc, "")
            dem = [masc, masc + "ة"] if masc else []
            dem += DEMONYM_EXTRA.get(cc, [])
            entry: dict[str, Any] = {
                "id": qid,
                "type": "GPE",
                "en": en,
                "ar": ar[0],
                "aliases_ar": ar[1:],
                "aliases_en": sorted(set(en_alias)),
                "demonym_ar": uniq(dem),
                "demonym_en": DEMONYM_EN_FIX.get(cc, m["demonyms"]["eng"]["m"]),
                "_prio": 0,
                "_cc": cc,
            }
            if cc == "OM":
                entry["ambiguous_ar"] = ["عمان"]
            self.entries.append(entry)

    def build_capitals(self) -> None:
        for c in sorted(self.countries, key=lambda c: c["iso2"]):
            cc = c["iso2"]
            if cc not in self.state_qid:
                continue
            rec_name, ar, aliases, en, tzid = CAPITALS.get(cc, (c["capital"], None, [], None, None))
            rec = self.city(cc, rec_name, prefer_capital=True) if rec_name else None
            if rec_name and rec is None:
                self.log.append(f"capital {cc}: no dr5hn record named {rec_name!r}")
            if ar is None:
                ar = self.exemplar(tzid) if tzid else ((rec or {}).get("translations") or {}).get("ar")
            if not ar:
                raise SystemExit(f"capital of {cc}: no Arabic name")
            en = en or (rec["name"] if rec else c["capital"])
            aliases = [*aliases, *CAPITAL_ALIASES.get(cc, [])]
            entry = {
                "id": (rec or {}).get("wikiDataId") or f"place:{cc.lower()}-{slugify(en)}",
                "type": "LOC",
                "en": en,
                "ar": ar,
                "aliases_ar": aliases,
                "country": self.state_qid[cc],
                "capital_of": self.state_qid[cc],
                "_prio": 1,
                "_cc": cc,
            }
            if cc == "JO":
                entry["ambiguous_ar"] = ["عمان"]
            self.entries.append(entry)

    def build_cities(self) -> None:
        for cc, rec_name, en, ar, aliases in CITIES:
            rec = self.city(cc, rec_name) if rec_name else None
            if rec_name and rec is None:
                self.log.append(f"city {cc}: no dr5hn record named {rec_name!r}")
            ar = ar or ((rec or {}).get("translations") or {}).get("ar")
            if not ar:
                raise SystemExit(f"city {cc} {en}: no Arabic name")
            self.entries.append(
                {
                    "id": (rec or {}).get("wikiDataId") or f"place:{cc.lower()}-{slugify(en)}",
                    "type": "LOC",
                    "en": en,
                    "ar": ar,
                    "aliases_ar": list(aliases),
                    "country": self.state_qid[cc],
                    "_prio": 3,
                    "_cc": cc,
                }
            )

    def build_regions(self) -> None:
        for slug, en, ar, aliases, cc, amb in REGIONS:
            entry: dict[str, Any] = {
                "id": f"place:{slug}",
                "type": "LOC",
                "en": en,
                "ar": ar,
                "aliases_ar": list(aliases),
                "_prio": 2,
                "_cc": cc or "",
            }
            if cc:
                entry["country"] = self.state_qid[cc]
            if amb:
                entry["ambiguous_ar"] = list(amb)
            if slug in REGION_ALIASES_EN:
                entry["aliases_en"] = list(REGION_ALIASES_EN[slug])
            self.entries.append(entry)

    # Cities news writes for a state's government, besides capitals (which stand for theirs).
    STANDS_FOR: ClassVar[dict[tuple[str, str], str]] = {("IL", "Tel Aviv"): "IL"}

    # Names that are also everyday words ("إب" father, "ماليه" financial, "فان" then-indeed,
    # "القصير" the short one, "الجليل" the great): matched only after a place word (في، مدينة …).
    # Also: النوبة "the fit" (Nubia), برقة "a flash" (Cyrenaica), لفيف "a crowd" (Lviv), دار السلام
    # "the abode of peace", كانو (كانوا "they were" misspelt), تهامة a given name, المطلة
    # "overlooking" (Metula).
    CONTEXT_ONLY: ClassVar[set[str]] = {
        *"إب ماليه فان القصير الجليل غات ريمة النوبة برقة لفيف كانو تهامة المطلة".split(),
        "دار السلام",
    }

    def mark_context_only(self) -> None:
        for e in self.entries:
            shared = [s for s in [e["ar"], *e["aliases_ar"]] if s in self.CONTEXT_ONLY]
            if shared:
                e["context_only_ar"] = shared
                e["aliases_ar"] = [a for a in e["aliases_ar"] if a not in shared]

    def mark_stands_for(self) -> None:
        for e in self.entries:
            target = self.STANDS_FOR.get((e["_cc"], e["en"]))
            if target and e["type"] == "LOC":
                e["stands_for"] = self.state_qid[target]

    def merge_provinces_into_cities(self) -> None:
        """A governorate named after its main city is one actor with it: محافظة حمص is Homs.

        Analysts (and the gold annotations) read "حمص" and "محافظة حمص" as the same place; two
        actors with one English name would only split its mentions.
        """
        cities: dict[tuple[str, str], dict[str, Any]] = {}
        for e in self.entries:
            if e["type"] == "LOC" and e["_prio"] in (1, 3):
                for surface in [e["ar"], *e["aliases_ar"]]:
                    cities.setdefault((e["_cc"], fold(surface)), e)
        kept = []
        for e in self.entries:
            bare = e.get("_bare") or ""
            city = cities.get((e["_cc"], fold(bare))) if e["_prio"] == 4 and bare else None
            if city is None:
                kept.append(e)
                continue
            city["aliases_ar"] = uniq(
                [*city["aliases_ar"], *(f for f in [e["ar"], *e["aliases_ar"]] if fold(f) != fold(bare))]
            )
            city.setdefault("aliases_en", [])
            city["aliases_en"] = uniq([*city["aliases_en"], e["en"]])
            self.log.append(f"province {e['en']} merged into the city {city['en']}")
        self.entries = kept

    def build_provinces(self) -> None:
        rows = [s for s in self.states if s["country_code"] in PROVINCE_COUNTRIES]
        rows = [s for s in rows if not (s["country_code"] == "MA" and s["type"] != "region")]
        for s in sorted(rows, key=lambda s: (s["country_code"], s["name"])):
            cc, name = s["country_code"], s["name"]
            bare = PROVINCE_AR.get((cc, name), (s.get("translations") or {}).get("ar"))
            if (cc, name) in PROVINCE_AR and PROVINCE_AR[(cc, name)] is None:
                continue
            if not bare:
                self.log.append(f"province {cc} {name}: no Arabic name, skipped")
                continue
            bare = re.sub(r"^(محافظة|ولاية|منطقة|إقليم|شعبية|جهة)\s+", "", bare.replace("-", " ")).strip()
            prefixes = [PREFIX[cc], *ALT_PREFIX.get(cc, [])]
            forms = PROVINCE_FULL.get((cc, name)) or [f"{p} {bare}" for p in prefixes]
            if bare not in GENERIC_AR and (cc, name) not in PROVINCE_FULL:
                forms.append(bare)
            forms += PROVINCE_ALIASES.get((cc, name), [])
            forms = uniq(forms)
            en_name = re.sub(r"\s+Province$", "", name.strip())
            self.entries.append(
                {
                    "id": s.get("wikiDataId") or f"place:{cc.lower()}-{slugify(en_name)}-province",
                    "type": "LOC",
                    "en": f"{en_name} {province_word(cc, s['type'])}",
                    "ar": forms[0],
                    "aliases_ar": forms[1:],
                    "country": self.state_qid[cc],
                    "_prio": 4,
                    "_cc": cc,
                    "_bare": bare,
                    "aliases_en": [en_name],
                }
            )

    def build_world_subdivisions(self) -> None:
        """States, provinces and regions of WORLD_SUBDIVISIONS, as LOC with the provinces' rank."""
        rows = [
            s
            for s in self.states
            if s["type"] in WORLD_SUBDIVISIONS.get(s["country_code"], {})
            and s["name"] in WORLD_SUBDIVISION_ONLY.get(s["country_code"], {s["name"]})
        ]
        for s in sorted(rows, key=lambda s: (s["country_code"], s["name"])):
            cc, name = s["country_code"], s["name"]
            if (cc, name) in PROVINCE_AR and PROVINCE_AR[(cc, name)] is None:
                continue
            bare = PROVINCE_AR.get((cc, name)) or (s.get("translations") or {}).get("ar")
            if not bare:
                self.log.append(f"subdivision {cc} {name}: no Arabic name, skipped")
                continue
            bare = re.sub(r"^(ولاية|مقاطعة|منطقة|إقليم|جمهورية)\s+", "", bare.replace("-", " ")).strip()
            prefix = WORLD_SUBDIVISIONS[cc][s["type"]]
            prefixes = [prefix, *WORLD_ALT_PREFIX.get(cc, [])] if prefix else []
            forms = list(PROVINCE_FULL.get((cc, name)) or [f"{p} {bare}" for p in prefixes])
            if (cc, name) not in PROVINCE_FULL and bare not in GENERIC_AR and letters(bare) > 3:
                forms.append(bare)
            forms = uniq([*forms, *PROVINCE_ALIASES.get((cc, name), [])])
            en = SUBDIVISION_EN.get((cc, name), name)
            self.entries.append(
                {
                    "id": s.get("wikiDataId") or f"place:{cc.lower()}-{slugify(en)}",
                    "type": "LOC",
                    "en": en,
                    "ar": forms[0],
                    "aliases_ar": forms[1:],
                    "country": self.state_qid[cc],
                    "_prio": 4,
                    "_cc": cc,
                    "_bare": bare if (cc, s["type"]) in WORLD_MERGE_TYPES else None,
                }
            )

    def build_world_cities(self) -> None:
        """The large cities of dr5hn's world subset, last in rank: every name already claimed
        stays with its owner, and a city whose name is taken is left out (or, when a province
        or state of its own country has the name, written "مدينة X")."""
        taken: dict[str, dict[str, Any]] = {}
        for e in self.entries:
            for form in [e["ar"], *e["aliases_ar"]]:
                taken.setdefault(fold(form), e)
        known_qids = {e["id"] for e in self.entries}
        rank = {"city": 0, "adm1": 1, "prefecture": 2, "gov_seat": 3, "adm2": 4, "section": 5}
        recs = [
            r
            for r in self.world_cities
            if r["country_code"] in self.state_qid
            and r["type"] not in WORLD_SKIP_TYPES | WORLD_SKIP_TYPES_BY_COUNTRY.get(r["country_code"], set())
            and (
                (r.get("population") or 0) >= WORLD_MIN_POP
                or (r["type"] == "adm1" and (r.get("population") or 0) >= WORLD_ADM1_MIN_POP)
            )
        ]
        # Biggest first, so that of two records for one place (SuZhou, Suzhou) the better is kept.
        recs.sort(
            key=lambda r: (
                -r["population"],
                rank.get(r["type"], 9),
                bool(re.search(r"[a-z][A-Z]", r["name"])),
                r["id"],
            )
        )
        seen: set[str] = set()
        for r in recs:
            cc, name, qid = r["country_code"], r["name"], r.get("wikiDataId")
            override = WORLD_CITY_AR.get((cc, name), ())
            if not qid or qid in known_qids or qid in seen:
                continue
            if override is None:
                seen.add(qid)  # the place is left out, whichever record names it
                continue
            if not override and WORLD_ADMIN_EN.search(name):
                continue
            seen.add(qid)
            en = WORLD_CITY_EN.get((cc, name), name)
            if re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", en):
                en = en.capitalize()  # dr5hn capitalises some Chinese names inside (NanJing)
            cleaned = override or clean_world_ar((r.get("translations") or {}).get("ar") or "", cc, name)
            if not cleaned:
                continue
            forms = uniq([cleaned[0], *cleaned[1]])
            owner = taken.get(fold(forms[0]))
            if owner is not None:
                # Quebec City beside the province of Quebec: "مدينة كيبيك". A name another country's
                # place or another city has is left to it.
                qualified = f"مدينة {forms[0]}"
                own_province = owner["_cc"] == cc and owner["_prio"] in (0, 2, 4)
                if (own_province or re.search(r"\bCity\b", en)) and fold(qualified) not in taken:
                    forms = [qualified, *forms[1:]]
                else:
                    self.log.append(f"world city {cc} {en}: {forms[0]!r} is {owner['en']}'s, left out")
                    continue
            forms = [f for f in forms if fold(f) not in taken]
            entry = {
                "id": qid,
                "type": "LOC",
                "en": en,
                "ar": forms[0],
                "aliases_ar": forms[1:],
                "country": self.state_qid[cc],
                "_prio": 5,
                "_cc": cc,
            }
            for form in forms:
                taken[fold(form)] = entry
            self.entries.append(entry)

    # ---- consistency
    def fix_ids(self) -> None:
        by_id: dict[str, list[dict[str, Any]]] = {}
        for e in self.entries:
            by_id.setdefault(e["id"], []).append(e)
        for qid, group in by_id.items():
            if len(group) < 2:
                continue
            # The most important holder keeps the QID when it is alone at its rank (a capital
            # over the governorate dr5hn gave the same QID); the others get slugs.
            group = sorted(group, key=lambda e: e["_prio"])
            keeper = group[0] if group[0]["_prio"] < group[1]["_prio"] else None
            for e in group:
                if e is keeper:
                    continue
                new = f"place:{e['_cc'].lower()}-{slugify(e['en'])}"
                self.log.append(f"id {qid} shared by {len(group)} entries: {e['en']} -> {new}")
                e["id"] = new
        seen: set[str] = set()
        for e in self.entries:
            if e["id"] in seen:
                raise SystemExit(f"duplicate id after renaming: {e['id']}")
            seen.add(e["id"])

    def resolve_surfaces(self) -> None:
        owner: dict[str, dict[str, Any]] = {}
        order = sorted(range(len(self.entries)), key=lambda i: (self.entries[i]["_prio"], i))
        for i in order:
            e = self.entries[i]
            amb = {fold(a) for a in e.get("ambiguous_ar", [])}
            keep: list[str] = []
            for s in [e["ar"], *e["aliases_ar"]]:
                f = fold(s)
                if f in {fold(k) for k in keep}:
                    continue  # a spelling variant the matcher folds anyway
                other = owner.get(f)
                if other is None or other is e:
                    owner[f] = e
                    keep.append(s)
                    continue
                if f in amb and f in {fold(a) for a in other.get("ambiguous_ar", [])}:
                    keep.append(s)
                    continue
                if s == e["ar"] and e["_prio"] == 4:
                    # Two provinces with one name (محافظة العاصمة in Kuwait and Bahrain): qualify.
                    state = next(x for x in self.entries if x["type"] == "GPE" and x["_cc"] == e["_cc"])
                    e["ar"] = s = f"{s} في {state['ar']}"
                    owner[fold(s)] = e
                    keep.append(s)
                    self.log.append(
                        f"surface {e['ar']!r}: canonical qualified, the bare one is {other['en']}'s"
                    )
                    continue
                if s == e["ar"]:
                    raise SystemExit(f"canonical Arabic {s!r} of {e['en']} already belongs to {other['en']}")
                self.log.append(
                    f"surface {s!r}: kept by {other['en']} ({other['id']}), dropped from {e['en']}"
                )
            e["aliases_ar"] = keep[1:]

    def declare_ambiguous(self) -> None:
        shared = {fold(s) for s in AMBIGUOUS_WITH_ORGS}
        for e in self.entries:
            for s in [e["ar"], *e["aliases_ar"]]:
                if fold(s) in shared and s not in e.get("ambiguous_ar", []):
                    e.setdefault("ambiguous_ar", []).append(s)

    def output(self) -> list[dict[str, Any]]:
        out = []
        fields = (
            "id",
            "type",
            "en",
            "ar",
            "aliases_ar",
            "aliases_en",
            "ambiguous_ar",
            "demonym_ar",
            "demonym_en",
            "country",
            "capital_of",
            "stands_for",
            "context_only_ar",
        )
        for e in self.entries:
            item = {k: e[k] for k in fields if e.get(k)}
            out.append(item)
        return out


def province_word(cc: str, kind: str) -> str:
    if PREFIX.get(cc) == "محافظة":
        return "Governorate"  # the usual English for an Arab muhafaza
    return {
        "governorate": "Governorate",
        "province": "Province",
        "region": "Region",
        "state": "State",
        "district": "District",
        "emirate": "(emirate)",
        "municipality": "Municipality",
        "popularate": "District",
    }.get(kind, "Province")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REF)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    b = Builder(args.reference)
    b.build_states()
    b.build_capitals()
    b.build_regions()
    b.build_cities()
    b.build_provinces()
    b.build_world_subdivisions()
    b.merge_provinces_into_cities()
    b.build_world_cities()
    b.mark_stands_for()
    b.fix_ids()
    b.mark_context_only()
    b.resolve_surfaces()
    b.declare_ambiguous()
    items = b.output()
    text = HEADER + yaml.safe_dump({"actors": items}, allow_unicode=True, sort_keys=False, width=120)
    args.out.write_text(text, encoding="utf-8")
    for line in b.log:
        print(line, file=sys.stderr)
    counts: dict[str, int] = {}
    for e in b.entries:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    print(f"wrote {len(items)} entries to {args.out} ({counts})")


if __name__ == "__main__":
    main()
