"""The opening paragraph of the brief, in English and Arabic, from the top stories.

"Between 7 and 14 April, 15 articles from 5 outlets. <first headline>; <second>; <third>." The
phrases are data (resources/stories.yaml, with plural forms chosen by CLDR's rules through
Babel); the headlines are the stories' own, so nothing is said that the articles do not say.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel import Locale
from babel.dates import format_date

from briefing.model.brief import Story
from briefing.resources.loader import packaged
from briefing.resources.schema import OpeningWords, StoriesFile

OPENING_STORIES = 3


def _count(words: OpeningWords, kind: str, n: int, lang: str) -> str:
    forms = words.articles if kind == "articles" else words.outlets
    category = Locale.parse(lang).plural_form(n)
    form = next((text for key, text in forms.items() if key == category), forms["other"])
    return form.format(n=n)


def _span(words: OpeningWords, start: date, end: date, lang: str) -> str:
    last = format_date(end, "d MMMM" if start.year == end.year else "d MMMM y", locale=lang)
    if start == end:
        return words.day.format(start=last)
    if (start.year, start.month) == (end.year, end.month):
        first = str(start.day)
    else:
        first = format_date(start, "d MMMM" if start.year == end.year else "d MMMM y", locale=lang)
    return words.span.format(start=first, end=last)


def opening(lang: str, start: date, end: date, articles: int, outlets: int, stories: Sequence[Story]) -> str:
    """The opening paragraph in `lang` (en | ar)."""
    words = next(w for key, w in packaged("stories", StoriesFile).opening.items() if key == lang)
    counts = (words.counts if outlets else words.counts_no_outlet).format(
        span=_span(words, start, end, lang),
        articles=_count(words, "articles", articles, lang),
        outlets=_count(words, "outlets", outlets, lang),
    )
    heads = [s.headline_en if lang == "en" else s.headline_ar for s in stories[:OPENING_STORIES]]
    heads = [h.strip().rstrip(".") for h in heads if h and h.strip()]
    if not heads:
        return counts
    told = words.join.join(heads)
    return f"{counts} {told}."
