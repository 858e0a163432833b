"""briefing: Arabic news in, a bilingual Arabic/English intelligence brief out."""

from briefing import native as _native

__version__ = "0.1.0"

# Before any extraction module is imported: the compiled build, or the sources when it is stale.
_native.install()
