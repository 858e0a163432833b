"""Load the data files under briefing/resources/ once per process and validate every one of them.

Every data file is a YAML document (YAML 1.2 booleans), read with libyaml's C parser, or JSON.
Each is checked against its typed schema (briefing.resources.schema) as it loads; what needs
several files at once is checked here: every actor id is unique across the actors*.yaml files,
no Arabic surface is claimed by two actors of different types unless both declare it
ambiguous, and every reference (country, capital_of, stands_for) names a known actor. Every
error names the file, the entry and the reason.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import srsly
import yaml

from briefing.errors import ResourceError
from briefing.resources.schema import (
    ActorEntry,
    ActorsFile,
    Entry,
    ThemeEntry,
    ThemesFile,
    TitleEntry,
    TitlesFile,
    schema_for,
    validate,
)
from briefing.resources.user import UserLayer, merge_actor_files, merge_themes, watched
from briefing.text.normalize import fold

RESOURCES_DIR = Path(__file__).parent


# PyYAML's wheels carry libyaml; a build without it falls back to the pure-Python safe loader.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_SafeLoader):  # type: ignore[misc]  # PyYAML ships no types for it
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


F = TypeVar("F", bound=Entry)


@dataclass(frozen=True)
class Resources:
    """All data files, read and validated once; pass this object down, never reload it."""

    directory: Path
    version: str
    actors: tuple[ActorEntry, ...]
    titles: tuple[TitleEntry, ...]
    themes: tuple[ThemeEntry, ...]
    data: Mapping[str, Any] = field(default_factory=dict)  # every file by stem, as parsed
    files: Mapping[str, Entry] = field(default_factory=dict)  # every file by stem, validated
    watch: tuple[str, ...] = ()  # actor ids of the user's watch-list (user.py)
    templates: Path | None = None  # the user's templates/, searched before the packaged ones
    user: Path | None = None  # the user layer's folder, when one was read

    @classmethod
    def load(cls, directory: Path | None = None, user: Path | None = None) -> Resources:
        """Every packaged file, validated; with `user`, that folder's layer over them (user.py)."""
        directory = Path(directory or RESOURCES_DIR)
        paths = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
        if not paths:
            raise ResourceError(f"{directory}: no resource files")
        digest = hashlib.sha256()
        data: dict[str, Any] = {}
        files: dict[str, Entry] = {}
        for path in paths:
            raw = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + raw)
            try:
                data[path.stem] = read_yaml(raw) if path.suffix != ".json" else srsly.json_loads(raw)
            except Exception as exc:  # the parser's own message says where
                raise ResourceError(f"{path.name}: cannot parse: {exc}") from exc
            schema = schema_for(path.stem)
            if schema is None:
                raise ResourceError(f"{path.name}: no schema for this file (add one to resources/schema.py)")
            files[path.stem] = validate(schema, data[path.stem], path.name)
        actors = {stem: f for stem, f in files.items() if isinstance(f, ActorsFile)}
        if user is not None:
            layer = UserLayer.read(user, read_yaml)
            return _with_layer(directory, digest.hexdigest()[:16], data, files, layer)
        return cls(
            directory=directory,
            version=digest.hexdigest()[:16],
            actors=_check_actors({f"{stem}.yaml": f for stem, f in actors.items()}),
            titles=_required(files, "titles", TitlesFile).titles,
            themes=_required(files, "themes", ThemesFile).themes,
            data=data,
            files=files,
        )

    def file(self, stem: str) -> Any:
        """The parsed content of `<stem>.yaml`; a ResourceError when it is missing."""
        if stem not in self.data:
            raise ResourceError(f"{stem}.yaml: missing from {self.directory}")
        return self.data[stem]

    def get(self, stem: str, model: type[F]) -> F:
        """The validated content of `<stem>.yaml`, as its schema `model`."""
        return _required(self.files, stem, model)


def _required(files: Mapping[str, Entry], stem: str, model: type[F]) -> F:
    found = files.get(stem)
    if found is None:
        raise ResourceError(f"{stem}.yaml: missing")
    if not isinstance(found, model):
        raise ResourceError(f"{stem}.yaml: read as {type(found).__name__}, not {model.__name__}")
    return found


def _check_actors(files: Mapping[str, ActorsFile]) -> tuple[ActorEntry, ...]:
    """Entries of every actors*.yaml file (places, people, organisations), checked together."""
    if not files:
        raise ResourceError("actors*.yaml: no actor gazetteer file")
    out: list[ActorEntry] = []
    seen: dict[str, str] = {}
    surface_owner: dict[str, ActorEntry] = {}
    for fname, doc in files.items():
        for entry in doc.actors:
            eid = entry.id
            if eid in seen:
                raise ResourceError(f"{fname}: {eid}: duplicate id (also in {seen[eid]})")
            seen[eid] = fname
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


def _with_layer(
    directory: Path, version: str, data: Mapping[str, Any], files: Mapping[str, Entry], layer: UserLayer
) -> Resources:
    """The packaged resources with the user's layer over them, checked together as one gazetteer;
    the version then covers the layer's gazetteer and themes too."""
    packaged = {f"{stem}.yaml": f for stem, f in files.items() if isinstance(f, ActorsFile)}
    actors = _check_actors(merge_actor_files(packaged, layer))
    themes = merge_themes(data.get("themes"), layer) or _required(files, "themes", ThemesFile)
    if layer.version:
        version = hashlib.sha256(f"{version}+{layer.version}".encode()).hexdigest()[:16]
    return Resources(
        directory=directory,
        version=version,
        actors=actors,
        titles=_required(files, "titles", TitlesFile).titles,
        themes=themes.themes,
        data=data,
        files=files,
        watch=watched(layer, actors),
        templates=layer.templates,
        user=layer.directory,
    )


def packaged(stem: str, model: type[F]) -> F:
    """One packaged file, `<stem>.yaml`, validated as `model`: read once per process, for the
    stages that need a single table and have no Resources in hand (compose's outlets)."""
    found = _packaged(stem)
    if not isinstance(found, model):
        raise ResourceError(f"{stem}.yaml: read as {type(found).__name__}, not {model.__name__}")
    return found


@functools.cache
def _packaged(stem: str) -> Entry:
    path = RESOURCES_DIR / f"{stem}.yaml"
    schema = schema_for(stem)
    if schema is None:
        raise ResourceError(f"{path.name}: no schema for this file (add one to resources/schema.py)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ResourceError(f"{path.name}: cannot read: {exc.strerror or exc}") from None
    try:
        data = read_yaml(raw)
    except Exception as exc:  # the parser's own message says where
        raise ResourceError(f"{path.name}: cannot parse: {exc}") from exc
    return validate(schema, data, path.name)
