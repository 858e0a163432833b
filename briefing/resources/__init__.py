"""The data files of briefing (YAML and JSON, one file per kind) and the code that loads them.

`Resources.load()` reads every file once and validates it against its schema (schema.py); pass
the object down, never reload it.
"""

from briefing.errors import ResourceError
from briefing.resources.loader import RESOURCES_DIR, Resources, read_yaml
from briefing.resources.schema import ActorEntry, ThemeEntry, TitleEntry
from briefing.resources.user import default_user_dir, layer_hash

__all__ = [
    "RESOURCES_DIR",
    "ActorEntry",
    "ResourceError",
    "Resources",
    "ThemeEntry",
    "TitleEntry",
    "default_user_dir",
    "layer_hash",
    "read_yaml",
]
