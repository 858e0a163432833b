"""Cumulative war tolls: casualty figures that count a war's dead since it began, not the window's.

"The conflict, which has killed 350,000 people since 2011" is background to the window's story even
when nothing dates the sentence: counted into Story.casualties it would make a week's clash the
deadliest story of every window. A figure's sentence is a cumulative toll when it names a war,
conflict or crisis (stories.yaml `tolls.wars_ar`) and either counts from a past time (`since_ar`,
or a year before the window's) or says what that war did (`verbs_ar`: أسفر، خلّف).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from briefing.resources.loader import packaged
from briefing.resources.schema import StoriesFile

_CONJUNCTIONS = frozenset("وف")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


class Tolls:
    """Tells cumulative tolls, comparing words in the form `bare` gives (units.Words.bare)."""

    def __init__(self, bare: Callable[[str], Iterable[str]]) -> None:
        words = packaged("stories", StoriesFile).tolls
        self._bare = bare
        self.wars = frozenset(w for t in words.wars_ar for w in bare(t))
        self.since = frozenset(w for t in words.since_ar for w in bare(t))
        self.verbs = frozenset(w for t in words.verbs_ar for w in bare(t))

    def cumulative(self, sentence: str, year: int | None) -> bool:
        """Does this sentence give a war's toll since a past time (`year`: the window's)?"""
        found = set(self._bare(sentence))
        # A verb after و/ف keeps its conjunction when the window never writes it alone (وأدى).
        found |= {w[1:] for w in found if w[:1] in _CONJUNCTIONS and len(w) > 3}
        if not found & self.wars:
            return False
        past = year is not None and any(int(y) < year for y in _YEAR.findall(sentence))
        return past or bool(found & (self.since | self.verbs))


def window_year(start: date | None, published: date | None) -> int | None:
    """The year a toll's "since" is compared with: the window's first, else the article's."""
    day = start or published
    return day.year if day else None
