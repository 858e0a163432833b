"""The data files of briefing (YAML and JSON, one file per kind) and the code that loads them.

`Resources.load()` reads and validates every file once; pass the object down, never reload it.
"""

from briefing.errors import ResourceError
from briefing.resources.loader import (
    RESOURCES_DIR,
    ActorEntry,
    Resources,
    ThemeEntry,
    TitleEntry,
    read_yaml,
)

__all__ = [
    "RESOURCES_DIR",
    "ActorEntry",
    "ResourceError",
    "Resources",
    "ThemeEntry",
    "TitleEntry",
    "read_yaml",
]
