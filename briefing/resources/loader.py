"""Load and validate the data files under briefing/resources/, once per process.

Every data file is a YAML document (YAML 1.2 booleans), read with libyaml's C parser. This
module parses the files that several stages share (actors, titles, themes) into frozen entries
and checks them; component-specific files (numbers, units, cues …) are handed to their
components raw through `Resources.data`, and each component validates its own file when it
loads it. Every error names the file, the
entry and the reason.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import srsly
import yaml

from briefing.errors import ResourceError
from briefing.model.vocab import ACTOR_TYPES
from briefing.text.normalize import fold

RESOURCES_DIR = Path(__file__).parent


# PyYAML's wheels carry libyaml; a build without it falls back to the pure-Python safe loader.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_SafeLoader):
    """libyaml's parser with YAML 1.2 booleans: "on", "yes" and "no" stay strings (cues.yaml has
    a complement named "on"), as in srsly's pure-Python reader, which is ten times slower here."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(raw: bytes | str) -> Any:
    """Parse one YAML document the way every resource file is read."""
    return yaml.load(raw, Loader=_Yaml12Loader)


@dataclass(frozen=True)
class ActorEntry:
    id: str
    type: str
    en: str
    ar: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    # Forms shared on purpose with an entry of another type (عمان: Amman and Oman).
    ambiguous_ar: tuple[str, ...] = ()
    demonym_ar: tuple[str, ...] = ()  # masculine, feminine (and plural) adjectives: إيراني، إيرانية
    country: str | None = None  # id of the state a city, province, person or body belongs to
    capital_of: str | None = None  # id of the state this city is the capital of
    # A city whose name stands for a state's government in news (a capital, or تل أبيب for Israel).
    stands_for: str | None = None
    # Surfaces that are also everyday words (صور "pictures", مالي "financial"): matched only in a
    # place context such as "في صور" or "مدينة صور".
    context_only_ar: tuple[str, ...] = ()
    role: str | None = None  # free text: "President of Russia (2012–)"

    @property
    def surfaces_ar(self) -> tuple[str, ...]:
        return (self.ar, *self.aliases_ar)


@dataclass(frozen=True)
class TitleEntry:
    id: str
    ar: tuple[str, ...]
    en: str
    kind: str  # "role" (رئيس الوزراء) | "rank" (اللواء) | "profession" (المحلل) | "honorific" (الشيخ)


@dataclass(frozen=True)
class ThemeEntry:
    id: str
    eval_id: str | None
    label_en: str
    label_ar: str
    keywords: tuple[tuple[str, float], ...]  # Arabic pattern, weight


@dataclass(frozen=True)
class Resources:
    """All data files, read once; pass this object down, never reload it."""

    directory: Path
    version: str
    actors: tuple[ActorEntry, ...]
    titles: tuple[TitleEntry, ...]
    themes: tuple[ThemeEntry, ...]
    data: Mapping[str, Any] = field(default_factory=dict)  # every file by stem, as parsed

    @classmethod
    def load(cls, directory: Path | None = None) -> Resources:
        directory = Path(directory or RESOURCES_DIR)
        files = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
        if not files:
            raise ResourceError(f"{directory}: no resource files")
        digest = hashlib.sha256()
        data: dict[str, Any] = {}
        for path in files:
            raw = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + raw)
            try:
                data[path.stem] = read_yaml(raw) if path.suffix != ".json" else srsly.json_loads(raw)
            except Exception as exc:  # the parser's own message says where
                raise ResourceError(f"{path.name}: cannot parse: {exc}") from exc
        return cls(
            directory=directory,
            version=digest.hexdigest()[:16],
            actors=_load_actors(data, [p.name for p in files if p.stem.startswith("actors")]),
            titles=_load_titles(data.get("titles"), "titles.yaml"),
            themes=_load_themes(data.get("themes"), "themes.yaml"),
            data=data,
        )

    def file(self, stem: str) -> Any:
        """The parsed content of `<stem>.yaml`; a ResourceError when it is missing."""
        if stem not in self.data:
            raise ResourceError(f"{stem}.yaml: missing from {self.directory}")
        return self.data[stem]


def _entries(doc: Any, fname: str, key: str) -> list[dict[str, Any]]:
    if doc is None:
        raise ResourceError(f"{fname}: missing")
    items = doc.get(key) if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ResourceError(f"{fname}: expected a list under '{key}'")
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("id"):
            raise ResourceError(f"{fname}: entry #{i + 1} has no id")
    return items


def _unique_entries(doc: Any, fname: str, key: str) -> list[tuple[str, dict[str, Any]]]:
    """(id, entry) of every entry under `key`; an id used twice in the file is an error."""
    seen: set[str] = set()
    out = []
    for item in _entries(doc, fname, key):
        eid = str(item["id"])
        if eid in seen:
            raise ResourceError(f"{fname}: {eid}: duplicate id")
        seen.add(eid)
        out.append((eid, item))
    return out


def _strs(value: Any, fname: str, eid: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(f"{fname}: {eid}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _load_actors(data: Mapping[str, Any], fnames: list[str]) -> tuple[ActorEntry, ...]:
    """Entries of every actors*.yaml file (places, people, organisations), checked together."""
    if not fnames:
        raise ResourceError("actors*.yaml: no actor gazetteer file")
    out: list[ActorEntry] = []
    seen: dict[str, str] = {}
    surface_owner: dict[str, ActorEntry] = {}
    items = [(f, item) for f in fnames for item in _entries(data[Path(f).stem], f, "actors")]
    for fname, item in items:
        eid = str(item["id"])
        if eid in seen:
            raise ResourceError(f"{fname}: {eid}: duplicate id (also in {seen[eid]})")
        seen[eid] = fname
        if item.get("type") not in ACTOR_TYPES:
            raise ResourceError(f"{fname}: {eid}: type must be one of {', '.join(ACTOR_TYPES)}")
        if not item.get("en") or not item.get("ar"):
            raise ResourceError(f"{fname}: {eid}: both 'en' and 'ar' names are required")
        entry = ActorEntry(
            id=eid,
            type=item["type"],
            en=str(item["en"]),
            ar=str(item["ar"]),
            aliases_ar=_strs(item.get("aliases_ar"), fname, eid, "aliases_ar"),
            aliases_en=_strs(item.get("aliases_en"), fname, eid, "aliases_en"),
            ambiguous_ar=_strs(item.get("ambiguous_ar"), fname, eid, "ambiguous_ar"),
            demonym_ar=_strs(item.get("demonym_ar"), fname, eid, "demonym_ar"),
            country=item.get("country"),
            capital_of=item.get("capital_of"),
            role=item.get("role"),
            stands_for=item.get("stands_for"),
            context_only_ar=_strs(item.get("context_only_ar"), fname, eid, "context_only_ar"),
        )
        ambiguous = {fold(s) for s in entry.ambiguous_ar}
        for surface in entry.surfaces_ar:
            key = fold(surface)
            other = surface_owner.get(key)
            if other and other.id != eid and other.type != entry.type:
                if key not in ambiguous or key not in {fold(s) for s in other.ambiguous_ar}:
                    raise ResourceError(
                        f"{fname}: {eid}: Arabic surface '{surface}' is also claimed by {other.id} "
                        f"({other.type}); list it under ambiguous_ar in both entries if that is meant"
                    )
            surface_owner.setdefault(key, entry)
        out.append(entry)
    for e in out:
        for ref in (e.country, e.capital_of, e.stands_for):
            if ref and ref not in seen:
                raise ResourceError(f"{seen[e.id]}: {e.id}: refers to unknown id {ref}")
    return tuple(out)


def _load_titles(doc: Any, fname: str) -> tuple[TitleEntry, ...]:
    out: list[TitleEntry] = []
    for eid, item in _unique_entries(doc, fname, "titles"):
        ar = _strs(item.get("ar"), fname, eid, "ar")
        if not ar or not item.get("en"):
            raise ResourceError(f"{fname}: {eid}: both 'ar' and 'en' are required")
        kind = item.get("kind", "role")
        if kind not in ("role", "rank", "profession", "honorific", "relation"):
            raise ResourceError(f"{fname}: {eid}: unknown kind '{kind}'")
        out.append(TitleEntry(id=eid, ar=ar, en=str(item["en"]), kind=kind))
    return tuple(out)


EVAL_THEME_IDS = frozenset(
    {
        "military-presence",
        "strikes-escalation",
        "ground-fighting",
        "diplomacy",
        "alliances",
        "nuclear-sanctions",
        "economy-funding",
        "casualties-humanitarian",
        "domestic-politics",
        "proxies-militias",
        "arms-supply",
        "terrorism",
        "health",
    }
)


def _load_themes(doc: Any, fname: str) -> tuple[ThemeEntry, ...]:
    out: list[ThemeEntry] = []
    for eid, item in _unique_entries(doc, fname, "themes"):
        eval_id = item.get("eval_id")
        if eval_id is not None and eval_id not in EVAL_THEME_IDS:
            raise ResourceError(f"{fname}: {eid}: eval_id '{eval_id}' is not an evaluation theme id")
        if not item.get("label_en") or not item.get("label_ar"):
            raise ResourceError(f"{fname}: {eid}: both labels are required")
        kws = item.get("keywords")
        if not isinstance(kws, dict) or not kws:
            raise ResourceError(f"{fname}: {eid}: 'keywords' must map Arabic patterns to weights")
        pairs: list[tuple[str, float]] = []
        for pattern, weight in kws.items():
            if not isinstance(weight, (int, float)) or weight <= 0:
                raise ResourceError(f"{fname}: {eid}: keyword '{pattern}' needs a positive weight")
            pairs.append((str(pattern), float(weight)))
        out.append(
            ThemeEntry(
                id=eid,
                eval_id=eval_id,
                label_en=str(item["label_en"]),
                label_ar=str(item["label_ar"]),
                keywords=tuple(pairs),
            )
        )
    return tuple(out)
