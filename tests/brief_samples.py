"""Hand-made Extractions for the compose/render/deliver tests (no pipeline needed).

Offsets are found in the text, so every span satisfies text[start:end] == span text.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.model.brief import (
    ActorItem,
    Brief,
    ChangeRow,
    Changes,
    Citation,
    CitedSentence,
    FigureLine,
    FigureReport,
    Section,
    Story,
    StoryClaim,
    StoryOutlet,
)
from briefing.model.contract import Actor, Article, Claim, Extraction, Figure, Mention, Speaker, ThemeScore

HOSTILE = "<script>alert('x')</script> {{ 7 * 7 }} {% raw %}"

IRAN = ("Q794", "GPE", "Iran", "إيران")
RUSSIA = ("Q159", "GPE", "Russia", "روسيا")
JAZAYERI = ("Q_jazayeri", "PERSON", "Masoud Jazayeri", "مسعود جزايري")
SYRIA = ("Q858", "GPE", "Syria", "سوريا")

THEMES = {
    "military-presence": ("Foreign military presence", "الوجود العسكري الأجنبي"),
    "economy-funding": ("Economy and funding", "الاقتصاد والتمويل"),
    "casualties-humanitarian": ("Casualties", "الضحايا"),
}


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and i + 1 > start:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


def _sentence_of(sents: tuple[tuple[int, int], ...], pos: int) -> int:
    return next(i for i, (a, b) in enumerate(sents) if a <= pos < b)


def _mention(text: str, surface: str, nth: int = 0) -> Mention:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return Mention(pos, pos + len(surface), surface)


def make_extraction(
    article_id: str,
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    published: str | None = None,
    url: str | None = None,
    actors: tuple[tuple[str, str, str, str], ...] = (),
    figures: tuple[
        tuple[str, float, str | None, str, str, str], ...
    ] = (),  # surface, value, unit, cat, qual, en
    claims: tuple[
        tuple[tuple[str, str, str, str] | None, str, str, str, str], ...
    ] = (),  # speaker, cue, stance, content, en
    themes: tuple[tuple[str, float], ...] = (),
) -> Extraction:
    sents = _sentences(text)
    actor_objs = []
    for aid, typ, en, ar in actors:
        mentions, pos = [], text.find(ar)
        while pos != -1:
            mentions.append(Mention(pos, pos + len(ar), ar))
            pos = text.find(ar, pos + 1)
        actor_objs.append(Actor(aid, typ, en, ar, tuple(mentions)))
    fig_objs = []
    for surface, value, unit, cat, qual, en in figures:
        m = _mention(text, surface)
        fig_objs.append(
            Figure(value, None, unit, cat, qual, m.start, m.end, surface, en, _sentence_of(sents, m.start))
        )
    claim_objs = []
    for speaker, cue, stance, content, en in claims:
        cm = _mention(text, cue)
        km = _mention(text, content)
        sp = Speaker(speaker[0], speaker[2], speaker[3]) if speaker else None
        claim_objs.append(Claim(sp, cm, stance, km, en, _sentence_of(sents, cm.start)))
    theme_objs = tuple(ThemeScore(tid, *THEMES[tid], score=score, eval_id=tid) for tid, score in themes)
    return Extraction(
        article=Article(article_id, text, title=title, source=source, published=published, url=url),
        actors=tuple(actor_objs),
        figures=tuple(fig_objs),
        claims=tuple(claim_objs),
        themes=theme_objs,
        sentences=sents,
        resources_version="test",
    )


TEXT_A = (
    "أعلنت إيران أنها باقية في سوريا.\n"
    "ونفى مسعود جزايري وجود مطالب بانسحاب القوات الإيرانية من سوريا.\n"
    "وقالت روسيا إن الاتفاق يشمل الجنوب، وإن كلفة الحرب بلغت أكثر من 30 مليار دولار.\n"
    "وقتل 12 شخصا في غارة على دير الزور.\n"
)
TEXT_B = (
    "ذكرت تقارير أن إيران أنفقت أكثر من 30.1 مليار دولار في سوريا.\n"
    "وحذر مسعود جزايري من أي هجوم على القوات الإيرانية.\n"
    "وقالت روسيا إن 3 آلاف جندي ينتشرون في الجنوب.\n"
)
TEXT_HOSTILE = "قال مسؤول في إيران إن " + HOSTILE + " هو نص المقال.\nوأضاف أن 5 أشخاص قتلوا.\n"


def sample_extractions() -> list[Extraction]:
    """Three articles: two report the same event (shared actors and a shared figure), one is hostile."""
    a = make_extraction(
        "art-a",
        TEXT_A,
        title="إيران باقية في سوريا",
        source="Al Arabiya",
        published="2018-05-09",
        url="https://example.org/a",
        actors=(IRAN, SYRIA, JAZAYERI, RUSSIA),
        figures=(
            ("أكثر من 30 مليار دولار", 30e9, "USD", "money", "more_than", "more than $30 billion"),
            ("12 شخصا", 12, None, "killed", "exact", "12 people"),
        ),
        claims=(
            (
                JAZAYERI,
                "نفى",
                "deny",
                "وجود مطالب بانسحاب القوات الإيرانية من سوريا",
                "Masoud Jazayeri denied demands for an Iranian withdrawal from Syria",
            ),
            (RUSSIA, "قالت", "assert", "الاتفاق يشمل الجنوب", "Russia said the agreement covers the south"),
        ),
        themes=(("military-presence", 0.8), ("economy-funding", 0.3)),
    )
    b = make_extraction(
        "art-b",
        TEXT_B,
        title="جزايري يحذر",
        source="BBC News Arabic",
        published="2018-05-11",
        url="https://example.org/b",
        actors=(IRAN, SYRIA, JAZAYERI, RUSSIA),
        figures=(
            ("أكثر من 30.1 مليار دولار", 30.1e9, "USD", "money", "more_than", "more than $30.1 billion"),
            ("3 آلاف جندي", 3000, None, "personnel", "exact", "3,000 troops"),
        ),
        claims=(
            (
                JAZAYERI,
                "حذر",
                "warn",
                "من أي هجوم على القوات الإيرانية",
                "Masoud Jazayeri warned against any attack on Iranian forces",
            ),
            (
                None,
                "ذكرت",
                "report",
                "إيران أنفقت أكثر من 30.1 مليار دولار في سوريا",
                "Reports said Iran spent more than $30.1 billion in Syria",
            ),
        ),
        themes=(("military-presence", 0.6),),
    )
    c = make_extraction(
        "art-c",
        TEXT_HOSTILE,
        title="عنوان " + HOSTILE,
        source="Outlet " + HOSTILE,
        published="2018-05-10",
        url="javascript:alert(1)",
        actors=(IRAN,),
        figures=(("5 أشخاص", 5, None, "killed", "exact", "5 people " + HOSTILE),),
        claims=((None, "قال", "assert", HOSTILE + " هو نص المقال", "An official said " + HOSTILE),),
        themes=(("casualties-humanitarian", 0.5),),
    )
    return [a, b, c]


# --- The brief proper, by hand (issue 14): stories over the sample articles, as compose makes them.

AR_OUTLETS = {"Al Arabiya": ("Al Arabiya", "العربية"), "BBC News Arabic": ("BBC", "بي بي سي")}


# The sample sentences the hand-made stories cite, by name: (source number, how it starts).
SENTENCES = {
    "deny": (1, "ونفى مسعود"),
    "russia-a": (1, "وقالت روسيا"),
    "killed-12": (1, "وقتل 12"),
    "official": (2, "قال مسؤول"),
    "killed-5": (2, "وأضاف"),
    "spent": (3, "ذكرت تقارير"),
    "warn": (3, "وحذر"),
    "russia-b": (3, "وقالت روسيا"),
}


def ref_number(brief: Brief, name: str) -> int:
    """The reference number compose gave a sample sentence (SENTENCES)."""
    source, start = SENTENCES[name]
    return next(
        r.number
        for r in brief.refs
        if r.source == source and "".join(seg.text for seg in r.segments).startswith(start)
    )


def _citation(brief: Brief, name: str) -> Citation:
    ref = ref_number(brief, name)
    r = next(r for r in brief.refs if r.number == ref)
    source = brief.sources[r.source - 1]
    en, ar = AR_OUTLETS.get(source.outlet or "", (source.outlet or "", source.outlet or ""))
    return Citation(source=source.number, outlet_en=en, outlet_ar=ar, date=source.date, ref=ref)


def _cited(brief: Brief, ext: Extraction, name: str) -> CitedSentence:
    ref = ref_number(brief, name)
    r = next(r for r in brief.refs if r.number == ref)
    return CitedSentence(ext.article.id, r.start, r.end, ext.article.text[r.start : r.end])


def _claim(
    brief: Brief,
    speaker: tuple[str, str, str, str] | None,
    cue: str,
    stance: str,
    content: str,
    en: str,
    *refs: int,
) -> StoryClaim:
    return StoryClaim(
        speaker_id=speaker[0] if speaker else None,
        speaker_en=speaker[2] if speaker else None,
        speaker_ar=speaker[3] if speaker else None,
        stance=stance,
        cue_ar=cue,
        content_ar=content,
        en=en,
        date=None,
        citations=tuple(_citation(brief, r) for r in refs),
    )


def _report(
    brief: Brief, value: float, en: str, ar: str, *refs: str, qualifier: str = "exact"
) -> FigureReport:
    return FigureReport(value, None, qualifier, en, ar, None, tuple(_citation(brief, r) for r in refs))


def story_brief(brief: Brief, exts: list[Extraction], *, changes: Changes | None = None) -> Brief:
    """`brief` (composed from sample_extractions) with two key developments, one other story, key
    figure lines (a conflict and a corroborated figure), two sections and, when given, changes."""
    a, b, c = (next(e for e in exts if e.article.id == i) for i in ("art-a", "art-b", "art-c"))
    money = FigureLine(
        "Iran",
        "إيران",
        "money",
        "USD",
        (
            _report(
                brief,
                30e9,
                "more than $30 billion",
                "أكثر من 30 مليار دولار",
                "russia-a",
                qualifier="more_than",
            ),
            _report(
                brief,
                30.1e9,
                "more than $30.1 billion",
                "أكثر من 30.1 مليار دولار",
                "spent",
                qualifier="more_than",
            ),
        ),
        conflict=True,
        story="iran-syria",
    )
    killed = FigureLine(
        "Deir ez-Zor",
        "دير الزور",
        "killed",
        None,
        (_report(brief, 12, "12 people", "12 شخصا", "killed-12"),),
        False,
        "deir",
    )
    iran = Story(
        id="iran-syria",
        rank=1,
        anchor="story-iran-syria",
        headline_en="Iran says it stays in Syria",
        headline_ar="إيران باقية في سوريا",
        date="2018-05-09",
        date_end="2018-05-11",
        outlets=(
            StoryOutlet("Al Arabiya", "العربية", "2018-05-09", (1,)),
            StoryOutlet("BBC", "بي بي سي", "2018-05-11", (3,)),
        ),
        sources=(1, 3),
        countries=("Q858",),
        themes=("military-presence",),
        actors=("Q794", "Q_jazayeri"),
        claims=(
            _claim(
                brief,
                JAZAYERI,
                "نفى",
                "deny",
                "وجود مطالب بانسحاب القوات الإيرانية من سوريا",
                "Masoud Jazayeri denied demands for an Iranian withdrawal from Syria",
                "deny",
            ),
            _claim(
                brief,
                JAZAYERI,
                "حذر",
                "warn",
                "من أي هجوم على القوات الإيرانية",
                "Masoud Jazayeri warned against any attack on Iranian forces",
                "warn",
            ),
            _claim(
                brief,
                RUSSIA,
                "قالت",
                "assert",
                "الاتفاق يشمل الجنوب",
                "Russia said the agreement covers the south",
                "russia-a",
                "russia-b",
            ),
        ),
        figures=(money,),
        refs=tuple(
            _cited(brief, e, r)
            for e, r in ((a, "deny"), (b, "warn"), (a, "russia-a"), (b, "russia-b"), (b, "spent"))
        ),
        salience=3.0,
    )
    deir = Story(
        id="deir",
        rank=2,
        anchor="story-deir",
        headline_en="12 killed in a strike on Deir ez-Zor",
        headline_ar="مقتل 12 شخصا في غارة على دير الزور",
        date="2018-05-09",
        date_end=None,
        outlets=(StoryOutlet("Al Arabiya", "العربية", "2018-05-09", (1,)),),
        sources=(1,),
        countries=("Q858",),
        themes=("casualties-humanitarian",),
        actors=(),
        claims=(),
        figures=(killed,),
        refs=(_cited(brief, a, "killed-12"),),
        salience=2.0,
        casualties=12,
    )
    other = Story(
        id="official",
        rank=3,
        anchor="story-official",
        headline_en="An official speaks " + HOSTILE,
        headline_ar="مسؤول " + HOSTILE,
        date="2018-05-10",
        date_end=None,
        outlets=(StoryOutlet("Outlet", "Outlet", "2018-05-10", (2,)),),
        sources=(2,),
        countries=("Q794",),
        themes=("casualties-humanitarian",),
        actors=("Q794",),
        claims=(
            _claim(
                brief,
                None,
                "قال",
                "assert",
                HOSTILE + " هو نص المقال",
                "An official said " + HOSTILE,
                "official",
            ),
        ),
        figures=(
            FigureLine(
                "Iran",
                "إيران",
                "killed",
                None,
                (_report(brief, 5, "5 people", "5 أشخاص", "killed-5"),),
                False,
                "official",
            ),
        ),
        refs=(_cited(brief, c, "official"), _cited(brief, c, "killed-5")),
        salience=1.0,
        casualties=5,
    )
    sections = (
        Section(
            "theme",
            "military-presence",
            *THEMES["military-presence"],
            "section-military-presence",
            ("iran-syria",),
        ),
        Section(
            "theme",
            "casualties-humanitarian",
            *THEMES["casualties-humanitarian"],
            "section-casualties",
            ("deir", "official"),
        ),
    )
    return replace(
        brief,
        opening_en="Between 9 and 11 May, 3 articles from 3 outlets. Iran says it stays in Syria.",
        opening_ar="بين 9 و11 مايو، 3 مقالات من 3 وسائل إعلام. إيران باقية في سوريا.",
        key_developments=(iran, deir),
        stories=(other,),
        key_figure_lines=(money, killed),
        sections=sections,
        changes=changes,
    )


def sample_changes(previous_articles: int = 4) -> Changes:
    return Changes(
        previous_start="2018-05-02",
        previous_end="2018-05-08",
        previous_articles=previous_articles,
        rows=(
            ChangeRow("country", "Q858", "Syria", "سوريا", 2, 1, 3, 1, 12, 0, "up"),
            ChangeRow(
                "theme",
                "casualties-humanitarian",
                *THEMES["casualties-humanitarian"],
                2,
                2,
                1,
                4,
                17,
                20,
                "down",
            ),
        ),
        new_actors=(ActorItem("Q_jazayeri", "PERSON", "Masoud Jazayeri", "مسعود جزايري", 3, (1, 3)),),
    )


def story_of(brief: Brief, article_id: str) -> Story:
    """The story (key development or other) that holds the article `article_id`."""
    ids = {s.number: s.id for s in brief.sources}
    return next(
        s for s in brief.key_developments + brief.stories if article_id in {ids[n] for n in s.sources}
    )
