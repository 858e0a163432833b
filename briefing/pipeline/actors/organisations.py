"""Organisations found by the noun that introduces them (org_patterns.yaml): a noun that belongs to
the name (جامعة زيورخ, حزب الاستقلال, منظمة أوبك) or one that only introduces it (صحيفة تايمز,
فريق أسيك; a place after a club's or a newspaper's noun is that: فريق ليون, صحيفة القدس). The name
is one to three words that are not everyday words, or any words between quotes (صحيفة «الشرق
الأوسط»).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefing.pipeline.actors.candidates import nationalities
from briefing.pipeline.actors.club_adjectives import ClubAdjectives, ClubTables, masculine_adjectives
from briefing.pipeline.actors.datelines import dateline_outlets
from briefing.pipeline.actors.document import Hit, Tokens
from briefing.pipeline.actors.fixtures import MAX_WORDS as MAX_CLUB_WORDS
from briefing.pipeline.actors.fixtures import bracketed_states, in_fixture
from briefing.pipeline.actors.match_sides import MatchSides, MatchTables
from briefing.pipeline.actors.org_phrases import Phrases
from briefing.pipeline.actors.output import FoundActors
from briefing.pipeline.actors.triggered import TriggeredMatcher
from briefing.pipeline.actors.words import ARTICLE_PROCLITICS, FOREIGN_MIN_LETTERS, Words, fold_word, folded
from briefing.resources import ActorEntry, Resources
from briefing.resources.schema import ActorRulesFile, OrgPatternsFile
from briefing.text.normalize import fold

MAX_NAME_WORDS = 3  # an organisation's name outside quotes
MAX_QUOTED = 5  # words between quotes


def closing_quote(a: Tokens, j: int) -> int:
    """The closing quote of the quoted words (no punctuation, at most MAX_QUOTED) that open at
    token j, or 0."""
    for close in range(j + 2, min(len(a.norms), j + MAX_QUOTED + 2)):
        if a.is_quote(close):
            return close if not any(a.punct[i] for i in range(j + 1, close)) else 0
    return 0


@dataclass(frozen=True)
class OrgPattern:
    # "named": the noun belongs to the name; "before": it only introduces it; "quoted": it introduces
    # a name between quotes only; "described": a definite noun named by its adjectives
    kind: str
    en: str  # English: a pattern with {name} when named, else what the noun says
    place_named: bool  # a place right after it names it: a club (فريق ليون), a paper (صحيفة القدس)
    genitive: bool = False  # a definite genitive names it too (منظمة التحرير الفلسطينية)
    city_only: bool = False  # a city names it, a state does not (صفوف مانشستر; لاعبي إيطاليا)
    club: bool = False  # a sports club's: the city it names is the club all through the article
    place_only: bool = False  # only a place after it names it (صفوف مانشستر; not صفوف قادتها)

    @property
    def named(self) -> bool:
        return self.kind == "named"

    @property
    def place_types(self) -> tuple[str, ...]:
        return ("LOC",) if self.city_only else ("GPE", "LOC")


@dataclass(frozen=True)
class OrgTables:
    nouns: TriggeredMatcher  # on NORM; match key "kind:id"
    patterns: Mapping[str, OrgPattern]  # match key → pattern
    nationalities: frozenset[str]  # adjectives, never words of an organisation's name
    describing: frozenset[str]  # adjectives that never open a described organisation's name
    gazetteer_words: frozenset[str]  # words of the gazetteer's names
    heads: frozenset[str]  # head nouns of organisation names (short forms: الهيئة)
    everyday_markers: frozenset[str] = frozenset()  # هذه, شبه: an everyday noun follows
    # شمال, جنوب: a direction makes a place of what follows, so an everyday noun follows too (not
    # في or إلى, which as often join a member or a message to its group: القيادي في حماس)
    place_markers: frozenset[str] = frozenset()
    clubs: ClubTables = field(default_factory=ClubTables)  # ليون الفرنسي in a sports report
    matches: MatchTables = field(default_factory=MatchTables)  # فاز بورتسموث على بلاكبيرن
    dateline_sources: frozenset[str] = frozenset()  # وكالات, خاص: no outlet's name in a dateline

    @functools.cached_property
    def adjectives(self) -> frozenset[str]:
        """The adjectives that open no organisation's name, state's or describing (the union of
        two large sets: made once, not per article)."""
        return self.nationalities | self.describing

    @functools.cached_property
    def markers(self) -> frozenset[str]:
        """The words after which a one-word organisation is an everyday noun (everyday_nouns)."""
        return self.everyday_markers | self.place_markers


def build_org_tables(resources: Resources, vocab: Vocab, pattern_doc: Callable[[str], Doc]) -> OrgTables:
    nouns = TriggeredMatcher(vocab, "organisations")
    patterns: dict[str, OrgPattern] = {}
    for kind, entries in resources.get("org_patterns", OrgPatternsFile).kinds():
        for entry in entries:
            key = f"{kind}:{entry.id}"
            patterns[key] = OrgPattern(
                kind,
                entry.en,
                entry.place_named,
                genitive=entry.genitive,
                city_only=entry.city_only,
                club=entry.club,
                place_only=entry.place_only,
            )
            nouns.add(key, [pattern_doc(form) for form in entry.ar])
    adjectives = nationalities(resources)
    rules = resources.get("actor_rules", ActorRulesFile)
    return OrgTables(
        nouns=nouns,
        patterns=patterns,
        nationalities=adjectives,
        describing=folded(rules.describing_adjectives),
        # Words of the gazetteer's names may be words of an unknown organisation's name too
        # (مانشستر of نادي مانشستر سيتي); nationality adjectives (الإيطالي) are not.
        gazetteer_words=frozenset(w for e in resources.actors for s in e.surfaces_ar for w in fold(s).split())
        - adjectives,
        heads=folded(rules.org_head_nouns),
        everyday_markers=folded(rules.everyday_markers),
        place_markers=folded(rules.directions),
        dateline_sources=folded(rules.dateline_sources),
        matches=MatchTables(
            verbs=frozenset(vocab.strings.add(w) for w in folded(rules.match_verbs)),
            links=frozenset(vocab.strings.add(w) for w in folded(rules.match_links)),
            hosts=frozenset(vocab.strings.add(w) for w in folded(rules.match_hosts)),
        ),
        clubs=ClubTables(
            sports=frozenset(vocab.strings.add(w) for w in folded(rules.sports_words)),
            adjectives=frozenset(
                vocab.strings.add(w) for w in masculine_adjectives(adjectives, folded(rules.club_adjectives))
            ),
        ),
    )


class Organisations:
    """Finds the organisations of one document by their nouns."""

    def __init__(
        self, w: Words, tables: OrgTables, entries: Mapping[str, ActorEntry], found: FoundActors
    ) -> None:
        self.a = w.a
        self.w = w
        self.t = tables
        self.entries = entries
        self.found = found
        self.phrases = Phrases(w.a, w.t.analyzer, tables.adjectives)
        self.clubs: dict[str, str] = {}  # a city's actor id → the club it names in this article

    def word(self, j: int, first: bool) -> bool:
        """Can token j be a word of an organisation's name (not an everyday or function word)?"""
        w = self.w
        if not w.nameish(j):
            return False
        norm = self.a.word(j)
        if norm in w.t.common or norm in self.t.nationalities or len(norm) < 3:
            return False
        if norm in self.t.gazetteer_words:
            return True
        raw = self.a.raw(j)
        # An indefinite nisba the analyser reads as an adjective describes (فريق علمي "a
        # scientific team"), even one that is a family name too.
        if norm.endswith("ي") and not norm.startswith("ال") and self._read_as_adjective(raw):
            return False
        if norm in w.t.only_names:
            return True
        if norm in w.t.resource_words:
            return False
        if len(norm) >= FOREIGN_MIN_LETTERS and not norm.endswith("ه") and w.name_like(raw):
            # A word the analyser reads only as a name or not at all is a name, whatever it opens
            # with: صحيفة لوموند "Le Monde" (no ل there); not with the feminine ending of an
            # adjective, though (صحيفة لندنية "a London paper").
            return True
        # A preposition or conjunction glued to an unknown word opens a phrase, not a name
        # (للإنتاج, بالنتيجة, فسيبذل); an indefinite nisba is an adjective (شركة إماراتية).
        if fold_word(raw).startswith(ARTICLE_PROCLITICS) or raw.startswith(
            ("و", "ف") if not first else ("ل",)
        ):
            return False
        # An indefinite feminine word is an adjective (شركة إماراتية, منظمة ضعيفة), not a name.
        return not (norm.endswith("ه") and not norm.startswith("ال"))

    def _read_as_adjective(self, raw: str) -> bool:
        analyzer = self.w.t.analyzer
        return analyzer is not None and any(
            x.stem.pos == "ADJ" and x.stem.gloss[:1].islower() for x in analyzer.analyse(raw)
        )

    def name(self, j: int, taken: set[int], *, strict: bool = False) -> tuple[int, int]:
        """Tokens (start, end) of the name that begins at token j, or (j, j); `strict`: of words
        the analyser reads only as names or not at all (صفوف قادتها "the ranks of its leaders")."""
        a = self.a
        n = len(a.norms)
        if j < n and a.is_quote(j):
            # Between quotes any words make the name: صحيفة «الشرق الأوسط».
            close = self.closing(j)
            if close and all(i not in taken for i in range(j + 1, close)):
                return j + 1, close
            return j, j
        end = j
        while end < n and end - j < MAX_NAME_WORDS and end not in taken and self.word(end, end == j):
            if strict and not self.w.name_like(a.raw(end)):
                break
            end += 1
        return j, end

    def described_en(self, head: int, end: int, pattern: OrgPattern) -> str:
        """English of a described organisation: its adjectives before the noun's English
        (الوكالة الدولية → International Agency; المعهد الوطني الأميركي → American National
        Institute), or the name transliterated."""
        name, of = self.phrases.english(head + 1, end)
        return f"{name} {pattern.en}{of}" if name else self.w.t.translit.name_en(self.a.mention(head, end))

    def _described_hit(
        self, head: int, after: int, pattern: OrgPattern, hits: list[Hit], taken: set[int]
    ) -> list[Hit]:
        """The hit of a definite noun named by its adjectives, if they follow it; `taken` grows."""
        if self.a.word(head) in self._heads_before(hits, head):
            return []  # المنظمة الإسلامية after منظمة التعاون الإسلامي: that one (short_forms.py)
        end = self.phrases.described(head, after, taken)
        if end == after:
            return []
        taken.update(range(head, end))
        return [self._hit(head, end, self.described_en(head, end, pattern))]

    def _heads_before(self, hits: list[Hit], i: int) -> set[str]:
        """The head nouns, with the article, of the organisations the gazetteer found before token i."""
        out = set()
        for h in hits:
            if h.type == "ORG" and h.start < i and h.surface:
                first = h.surface.split()[0]
                out.add(first if first.startswith("ال") else "ال" + first)
        return out

    def closing(self, j: int) -> int:
        """The closing quote of the quoted words (no punctuation) that open at token j, or 0."""
        return closing_quote(self.a, j)

    def quoted_over(self, j: int, hits: list[Hit], taken: set[int]) -> None:
        """The quoted name after an outlet's noun is one name: the gazetteer's matches of part of
        it are dropped (قناة "تي ار تي" is not RT, ار تي; صحيفة "نيويورك تايمز" no city)."""
        close = self.closing(j)
        if not close:
            return
        inside = [h for h in hits if j < h.start and h.end <= close]
        if inside and not any(h.start == j + 1 and h.end == close for h in inside):
            for h in inside:
                hits.remove(h)
                taken.difference_update(range(h.start, h.end))

    def _quoted_place(self, j: int, by_start: Mapping[int, Hit]) -> bool:
        """A place's name alone between the quotes that open at token j, after a noun that
        introduces an organisation, names the organisation (صحيفة " بابل " is a newspaper): the
        place's hit is made the organisation's. Did it?"""
        g = by_start.get(j + 1)
        if g is None or g.type not in ("GPE", "LOC") or g.end != self.closing(j):
            return False
        entry = self.entries.get(g.actor)
        name_en = entry.en if entry is not None else self.w.t.translit.name_en(self.a.mention(g.start, g.end))
        g.actor = self.found.add("ORG", self.a.mention(g.start, g.end), name_en)
        g.type = "ORG"
        return True

    def _named_after(self, g: Hit, head: int, pattern: OrgPattern, taken: set[int]) -> None:
        """A noun before a gazetteer match: منظمة أوبك is OPEC; جامعة زيورخ an organisation named
        after a place; فريق ليون a club, صحيفة القدس a newspaper, and with the name words after
        the place, صحيفة إسرائيل هايوم the newspaper Israel Hayom."""
        a = self.a
        entry = self.entries.get(g.actor)
        if pattern.named and g.type == "ORG":
            g.start, g.start_char = head, a.start_char(head)
        elif entry is not None and (pattern.named or (pattern.place_named and g.type in pattern.place_types)):
            start = head if pattern.named else g.start
            name_en = pattern.en.format(name=entry.en) if pattern.named else entry.en
            end = g.end
            # Words the analyser reads only as names, or not at all (هايوم, تايمز), go on with it;
            # not a number (فوزه على الوكرة 3 - 1) nor an article word.
            while not pattern.named and end < g.end + 2 and self.phrases.free(end, taken):
                raw = a.raw(end)
                if not raw.isalpha() or raw.startswith("ال") or not self.w.name_like(raw):
                    break
                end += 1
            alone = end == g.end  # the city alone, not the first word of a longer name
            if end > g.end:
                name_en = f"{name_en} {self.w.t.translit.name_en(a.mention(g.end, end))}"
                taken.update(range(g.end, end))
                g.end, g.end_char = end, a.end_char(end)
            place = g.actor if g.type == "LOC" and pattern.club and alone else ""
            g.actor = self.found.add("ORG", a.mention(start, g.end), name_en)
            g.type, g.start, g.start_char = "ORG", start, a.start_char(start)
            if place:
                self.clubs.setdefault(place, g.actor)

    def hits(self, hits: list[Hit], taken: set[int]) -> list[Hit]:
        """Hits for the organisations the nouns introduce; gazetteer hits after a noun are
        extended or renamed in place. `taken` grows by the new hits' tokens."""
        a = self.a
        out: list[Hit] = []
        self.without_adjective(hits)
        self.everyday_nouns(hits)
        by_start = {h.start: h for h in hits}
        matches = list(self.t.nouns.on(a))
        heads = {head for _, head, _ in matches}
        for match_id, head, after in matches:
            if any(i in taken for i in range(head, after)):
                continue
            if fold_word(a.raw(head)[: a.clitics.get(head, 0)]).endswith("ك"):
                continue  # كقناة لتسليح: "as a channel for", not a name
            pattern = self.t.patterns[a.strings[match_id]]
            if pattern.city_only and after in heads:
                continue  # مدرب نادي مانشستر: the next noun introduces the name
            if pattern.kind == "described":
                out += self._described_hit(head, after, pattern, hits, taken)
                continue
            quote = after < len(a.norms) and a.is_quote(after)
            if pattern.kind == "quoted" and not quote:
                continue  # مؤسسة خيرية: a description, not a name
            g = by_start.get(after)
            if g is not None:
                self._named_after(g, head, pattern, taken)
                continue
            if pattern.place_only:
                continue
            if quote and not pattern.named:
                if self._quoted_place(after, by_start):
                    continue
                self.quoted_over(after, hits, taken)
            out += self._name_hit(head, after, pattern, taken)
        out += self.fixtures(hits, taken)
        out += ClubAdjectives(self.w, self.t.clubs, self.found, self.entries).hits(hits, taken, self.clubs)
        out += MatchSides(self.w, self.t.matches, self.t.clubs, self.found, self.entries).hits(
            hits, taken, self.clubs
        )
        out += dateline_outlets(self.w, hits, taken, self.found, self.t.dateline_sources)
        self.city_clubs(hits)
        return out

    def fixtures(self, hits: list[Hit], taken: set[int]) -> list[Hit]:
        """Clubs in a list of fixtures or results (fixtures.py): a city the gazetteer found before
        a bracketed state is made the club; unknown name words there are a new club, returned."""
        a, out = self.a, []
        by_end = {h.end: h for h in hits}
        for opening, closing in list(bracketed_states(a, hits)):
            g = by_end.get(opening)
            start = g.start if g is not None else self._name_before(opening, taken)
            if start == opening or not in_fixture(a, start, closing):
                continue
            if g is None:
                out.append(self._hit(start, opening, self.w.t.translit.name_en(a.mention(start, opening))))
                taken.update(range(start, opening))
            elif g.type == "LOC" and g.actor in self.entries:
                place = g.actor
                g.actor = self.found.add("ORG", a.mention(g.start, g.end), self.entries[place].en)
                g.type = "ORG"
                self.clubs.setdefault(place, g.actor)
        return out

    def _name_before(self, end: int, taken: set[int]) -> int:
        """Start of the name words (read only as names, or not at all) that end before token
        `end`, or `end`."""
        start = end
        while start > 0 and end - start < MAX_CLUB_WORDS and start - 1 not in taken:
            if not self.word(start - 1, True) or not self.w.name_like(self.a.raw(start - 1)):
                break
            start -= 1
        return start

    def city_clubs(self, hits: list[Hit]) -> None:
        """A city that names a club in the article (صفوف مانشستر, فاز على ليون) names the club
        wherever the article names it alone: an article about the club means the club by its
        city (ANERcorp tags خارج مانشستر, بمانشستر so)."""
        if not self.clubs:
            return
        for h in hits:
            club = self.clubs.get(h.actor) if h.type == "LOC" else None
            if club is not None:
                h.actor, h.type = club, "ORG"

    def _name_hit(self, head: int, after: int, pattern: OrgPattern, taken: set[int]) -> list[Hit]:
        """The hit of the name that the noun at `head` introduces at `after`, if one does;
        `taken` grows by its tokens."""
        a = self.a
        start, end = self.name(after, taken, strict=pattern.city_only)
        if pattern.club and not pattern.city_only and end == start and self._definite_nisba(after, taken):
            # فريق العربي, نادي الأهلي: a definite nisba after a club's own noun names it (not after
            # a match verb: تغلبه على الفرنسي أرنو كليمان, a player's nationality)
            end = after + 1
            while end - after < MAX_NAME_WORDS and self._definite_nisba(end, taken):
                if a.word(end) in self.t.nationalities:
                    break  # فريق المكناسي المغربي: the country's adjective describes the club
                end += 1  # فريق النادي المكناسي
        genitive = self.phrases.genitive(after, taken) if pattern.genitive and start == after else after
        common = genitive >= max(end, after + 1)
        if common:  # a genitive of common words: read, not transliterated (منظمة التحرير الفلسطينية)
            end = genitive
        if end == start:
            return []
        if pattern.genitive and not common:
            end = self.phrases.of(end, taken)  # معهد ماساشوسيتس للتكنولوجيا
        name, of = self.phrases.english(start, end) if common else ("", "")
        name_en = name or self.w.t.translit.name_en(a.mention(start, end))
        if pattern.named:
            start, name_en = head, pattern.en.format(name=name_en) + of
        taken.update(range(start, end))
        return [self._hit(start, end, name_en)]

    def _definite_nisba(self, i: int, taken: set[int]) -> bool:
        """Is token i a definite nisba (العربي, الإسماعيلي)? After an indefinite noun it cannot be
        the noun's adjective, which would agree with it in definiteness (فريق عربي "an Arab
        team"): it is the noun's genitive, a club's name."""
        norm = self.a.word(i)
        return self.phrases.free(i, taken) and norm.startswith("ال") and norm.endswith("ي") and len(norm) >= 6

    def without_adjective(self, hits: list[Hit]) -> None:
        """A club or company the gazetteer names with its country's adjective (ميلان الإيطالي,
        برشلونة الإسباني, رينو الفرنسية: the adjective tells the club from its city) is
        mentioned by its name alone: the adjective describes it (ANERcorp tags ميلان). Not a
        definite name (الجيش اللبناني, الكونغرس الأمريكي: the state's body, named with it)."""
        a = self.a
        for h in hits:
            if h.type != "ORG" or h.end - h.start != 2 or a.word(h.end - 1) not in self.t.nationalities:
                continue
            if h.actor not in self.entries or a.word(h.start).startswith("ال"):  # (norm: للجيش is الجيش)
                continue
            h.end -= 1
            h.end_char = a.end_char(h.end)

    def everyday_nouns(self, hits: list[Hit]) -> None:
        """Drops the gazetteer's one-word organisations that are everyday nouns after a
        demonstrative or شبه (هذه القاعدة "this rule", شبه الجزيرة "the peninsula"), or after a
        direction (شمال الجزيرة "the north of the island", جنوب القاعدة "south of the base")."""
        a, analyzer = self.a, self.w.t.analyzer
        if analyzer is None:
            return
        markers = self.t.markers
        for h in [h for h in hits if h.type == "ORG" and h.end - h.start == 1 and h.start]:
            if a.clitics.get(h.start) or a.word(h.start - 1) not in markers:
                continue
            if any(
                x.stem.pos == "NOUN" and x.stem.gloss[:1].islower() for x in analyzer.analyse(a.raw(h.start))
            ):
                hits.remove(h)

    def _hit(self, start: int, end: int, name_en: str) -> Hit:
        a = self.a
        aid = self.found.add("ORG", a.mention(start, end), name_en)
        return Hit(start, end, a.start_char(start), a.end_char(end), aid, "ORG", a.surface(start, end))
