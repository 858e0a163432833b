"""Plain-text rendering of one Extraction, for `briefing extract --format table`."""

from __future__ import annotations

from briefing.model.contract import Extraction


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_extraction(ex: Extraction) -> str:
    a = ex.article
    lines = [f"== {a.id}" + (f" — {_clip(a.title, 70)}" if a.title else "")]
    if ex.title_en:
        lines.append(f"   {_clip(ex.title_en, 100)}  (gist)")
    if ex.themes:
        lines.append("themes:  " + ", ".join(f"{t.id} ({t.score:.2f})" for t in ex.themes))
    lines.append(f"actors ({len(ex.actors)}):")
    for actor in sorted(ex.actors, key=lambda x: -len(x.mentions)):
        mark = " *" if actor.transliterated else ""
        lines.append(
            f"  {actor.type:<6} {actor.name_en}{mark} | {actor.name_ar}  ×{len(actor.mentions)}  [{actor.id}]"
        )
    lines.append(f"figures ({len(ex.figures)}):")
    for f in ex.figures:
        lines.append(f"  {f.category:<10} {f.en:<32} | {_clip(f.text, 40)}")
    lines.append(f"claims ({len(ex.claims)}; English: rule-based gist):")
    for c in ex.claims:
        lines.append(f"  {c.stance:<8} {_clip(c.en, 110)}")
        lines.append(f"           {c.cue.text} … {_clip(c.content.text, 90)}")
    return "\n".join(lines)
