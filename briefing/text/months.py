"""Month names of the Arab press that dateparser does not know, and the Hijri months.

Keys are folded by text.normalize.fold (alef forms → ا, ta marbuta → ه, alef maqsura → ي).
"""

from __future__ import annotations

# Levantine/Iraqi (Syriac), Moroccan, Algerian/Tunisian and Mauritanian names, and spellings without hamza,
# mapped to the Egyptian/Gulf names dateparser reads.
REGIONAL_MONTHS: dict[str, str] = {
    # Levantine and Iraqi
    "كانون الثاني": "يناير",
    "شباط": "فبراير",
    "اذار": "مارس",
    "نيسان": "أبريل",
    "ايار": "مايو",
    "حزيران": "يونيو",
    "تموز": "يوليو",
    "اب": "أغسطس",
    "ايلول": "سبتمبر",
    "تشرين الاول": "أكتوبر",
    "تشرين الثاني": "نوفمبر",
    "كانون الاول": "ديسمبر",
    # the same without the article, as some Levantine papers write them
    "كانون ثاني": "يناير",
    "تشرين اول": "أكتوبر",
    "تشرين ثاني": "نوفمبر",
    "كانون اول": "ديسمبر",
    # Moroccan
    "ماي": "مايو",
    "يوليوز": "يوليو",
    "غشت": "أغسطس",
    "شتنبر": "سبتمبر",
    "نونبر": "نوفمبر",
    "دجنبر": "ديسمبر",
    # Algerian and Tunisian
    "جانفي": "يناير",
    "فيفري": "فبراير",
    "افريل": "أبريل",
    "جوان": "يونيو",
    "جويليه": "يوليو",
    "اوت": "أغسطس",
    # Mauritanian
    "اغشت": "أغسطس",
    "شتمبر": "سبتمبر",
    "دجمبر": "ديسمبر",
    # the Egyptian/Gulf names written without hamza
    "ابريل": "أبريل",
    "اغسطس": "أغسطس",
    "اكتوبر": "أكتوبر",
}

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الاول": 3,
    "ربيع الاخر": 4,
    "ربيع الثاني": 4,
    "جمادي الاولي": 5,
    "جمادي الاول": 5,
    "جمادي الاخره": 6,
    "جمادي الثانيه": 6,
    "جمادي الاخر": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعده": 11,
    "ذي القعده": 11,
    "ذو الحجه": 12,
    "ذي الحجه": 12,
}
