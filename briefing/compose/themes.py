"""An article's leading themes, as the appendix names them (the brief proper's sections group
stories: grouping.py)."""

from __future__ import annotations

from briefing.model.contract import Extraction, ThemeScore


def _ranked(ext: Extraction) -> list[ThemeScore]:
    return sorted((t for t in ext.themes if t.score > 0), key=lambda t: -t.score)


def article_themes(ext: Extraction, limit: int = 3) -> tuple[tuple[str, str], ...]:
    """The labels (English, Arabic) of an article's leading themes."""
    return tuple((t.label_en, t.label_ar) for t in _ranked(ext))[:limit]
