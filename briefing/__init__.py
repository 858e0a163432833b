"""briefing: Arabic news in, a bilingual Arabic/English intelligence brief out."""

__version__ = "0.1.0"
