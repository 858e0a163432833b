"""The user's layer over the packaged data files: a folder whose files override them entry by entry.

The folder is `--resources DIR`, else BRIEFING_RESOURCES, else the config file's `resources`,
else the user data folder (platformdirs: ~/.local/share/briefing on Linux) when it exists. It
may hold:

    actors*.yaml     gazetteer entries (the schema of the packaged actors*.yaml): a new id adds
                     an actor, a packaged id replaces that actor whole
    themes.yaml      themes (the schema of the packaged themes.yaml): a new id adds a theme; a
                     packaged id changes the fields given, and its keywords are added to the
                     packaged ones (a pattern already there takes the user's weight)
    watchlist.yaml   `watch:` a list of actor ids the brief always reports on
    templates/       Jinja2 templates; one named like a packaged template replaces it

Any other YAML file there is an error (a misspelt name must not be ignored in silence). The
extraction reads the gazetteer and the themes, so their content hash (`layer_hash`) goes into
the resources version: stored extractions are made again when these files change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.errors import ResourceError
from briefing.resources.schema import ActorsFile, Entry, ThemesFile, WatchlistFile, validate

THEMES = "themes.yaml"
WATCHLIST = "watchlist.yaml"
TEMPLATES = "templates"
KNOWN = "actors*.yaml, themes.yaml, watchlist.yaml, templates/"


def default_user_dir() -> Path:
    """The user data folder of briefing (platformdirs), which holds the user layer by default."""
    import platformdirs

    return Path(platformdirs.user_data_dir("briefing"))


def _extraction_files(directory: Path) -> list[Path]:
    """The files of the layer that the extraction reads, in a stable order."""
    files = sorted(directory.glob("actors*.yaml"))
    if (directory / THEMES).is_file():
        files.append(directory / THEMES)
    return files


def layer_hash(directory: Path | None) -> str:
    """A content hash of what the extraction reads from the user layer ('' when there is none).

    The resources version includes it, so that an extraction stored before the user changed
    their gazetteer or themes is made again.
    """
    if directory is None or not directory.is_dir():
        return ""
    files = _extraction_files(directory)
    if not files:
        return ""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + _read(path) + b"\0")
    return digest.hexdigest()[:16]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _parse(path: Path, parse: Callable[[bytes], Any]) -> Any:
    raw = _read(path)
    try:
        return parse(raw)
    except Exception as exc:  # the parser's own message says where
        raise ResourceError(f"{path}: cannot parse: {exc}") from exc


@dataclass(frozen=True)
class UserLayer:
    """The files of one user layer, parsed and (those that stand alone) validated."""

    directory: Path
    actors: Mapping[str, ActorsFile] = field(default_factory=dict)  # by the file's path
    themes: tuple[Path, Any] | None = None  # parsed; validated once merged with the packaged themes
    watch: tuple[Path, WatchlistFile] | None = None
    templates: Path | None = None
    version: str = ""  # layer_hash

    @classmethod
    def read(cls, directory: Path, parse: Callable[[bytes], Any]) -> UserLayer:
        """The layer in `directory`, each YAML file read with `parse` (the loader's reader)."""
        if not directory.is_dir():
            raise ResourceError(f"{directory}: the resources folder does not exist")
        for path in sorted(directory.iterdir()):
            if path.suffix in (".yaml", ".yml") and not _known(path.name):
                raise ResourceError(f"{path}: not a user resource file (known: {KNOWN})")
        gazetteer = sorted(directory.glob("actors*.yaml"))
        actors = {str(p): validate(ActorsFile, _parse(p, parse), str(p)) for p in gazetteer}
        themes_path = directory / THEMES
        watch_path = directory / WATCHLIST
        templates = directory / TEMPLATES
        return cls(
            directory=directory,
            actors=actors,
            themes=(themes_path, _parse(themes_path, parse)) if themes_path.is_file() else None,
            watch=(watch_path, validate(WatchlistFile, _parse(watch_path, parse), str(watch_path)))
            if watch_path.is_file()
            else None,
            templates=templates if templates.is_dir() else None,
            version=layer_hash(directory),
        )


def _known(name: str) -> bool:
    return name in (THEMES, WATCHLIST) or (name.startswith("actors") and name.endswith(".yaml"))


def merge_actor_files(packaged: Mapping[str, ActorsFile], layer: UserLayer | None) -> dict[str, ActorsFile]:
    """The packaged gazetteer files without the entries the user replaces, then the user's files."""
    if layer is None or not layer.actors:
        return dict(packaged)
    replaced = {e.id for f in layer.actors.values() for e in f.actors}
    out: dict[str, ActorsFile] = {
        name: f.model_copy(update={"actors": tuple(e for e in f.actors if e.id not in replaced)})
        for name, f in packaged.items()
    }
    out.update(layer.actors)
    return out


def merge_themes(packaged: Any, layer: UserLayer | None) -> ThemesFile | None:
    """The packaged themes with the user's merged in (see the module's docstring); None when the
    layer has no themes. Validated as one themes file named after the user's."""
    if layer is None or layer.themes is None:
        return None
    path, data = layer.themes
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise ResourceError(f"{path}: expected a mapping with a list under 'themes'")
    merged = [dict(t) for t in packaged["themes"]]
    by_id = {t.get("id"): t for t in merged}
    for entry in data["themes"]:
        if not isinstance(entry, dict):
            raise ResourceError(f"{path}: every theme is a mapping (id, label_en, label_ar, keywords)")
        base = by_id.get(entry.get("id"))
        if base is None:
            merged.append({"eval_id": None, **entry})  # a theme of the user's own maps to no evaluation id
            continue
        keywords = dict(base.get("keywords") or {})
        base.update(entry)
        if isinstance(entry.get("keywords"), dict):
            base["keywords"] = {**keywords, **entry["keywords"]}
    return validate(ThemesFile, {**data, "themes": merged}, str(path))


def watched(layer: UserLayer | None, known: Sequence[Entry]) -> tuple[str, ...]:
    """The watch-list's actor ids, each checked against the merged gazetteer."""
    if layer is None or layer.watch is None:
        return ()
    path, watch = layer.watch
    ids = {getattr(e, "id", None) for e in known}
    for actor_id in watch.watch:
        if actor_id not in ids:
            raise ResourceError(
                f"{path}: {actor_id}: not an actor id of the gazetteer (packaged or actors*.yaml beside it)"
            )
    return watch.watch
