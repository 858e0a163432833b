"""Where things live: the one place that resolves the project's directories and settings.

templates/ and styles/ sit at the top of the checkout (next to the package); a built wheel
carries them inside the package (briefing/templates, briefing/styles). The installed copy is
used when there is one, else the checkout's; BRIEFING_HOME points elsewhere when needed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.errors import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    home = os.environ.get("BRIEFING_HOME")
    return Path(home).resolve() if home else PACKAGE_DIR.parent


@dataclass(frozen=True)
class Paths:
    root: Path
    templates: Path
    styles: Path
    resources: Path
    locales: Path

    @classmethod
    def default(cls) -> Paths:
        root = project_root()
        resources = PACKAGE_DIR / "resources"
        return cls(
            root=root,
            templates=_shipped("templates", root),
            styles=_shipped("styles", root),
            resources=resources,
            locales=resources / "locales",
        )


def _shipped(name: str, root: Path) -> Path:
    """briefing/<name> in an installed wheel; <root>/<name> in a checkout or with BRIEFING_HOME."""
    installed = PACKAGE_DIR / name
    if "BRIEFING_HOME" not in os.environ and installed.is_dir():
        return installed
    return root / name


def config_file_path() -> Path:
    """BRIEFING_CONFIG, else $XDG_CONFIG_HOME/briefing/config.toml (~/.config/briefing/config.toml).

    The default file may be absent; a file named by BRIEFING_CONFIG must exist (ConfigError),
    so that a typo in a crontab does not silently run with other settings.
    """
    explicit = os.environ.get("BRIEFING_CONFIG")
    if explicit:
        path = Path(explicit).expanduser()
        if not path.exists():
            raise ConfigError(f"{path}: no such file (named by BRIEFING_CONFIG)")
        return path
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base).expanduser() / "briefing" / "config.toml"


def _default_out() -> Path:
    """out/ in the current directory, for every command and however briefing was installed."""
    return Path("out")


def _default_db() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "briefing" / "briefing.db"


@dataclass(frozen=True)
class Settings:
    """Run settings, each from (first found): a flag, BRIEFING_<NAME>, the config file, the default.

    db           SQLite store (created on first use)
    out          folder the builds write into
    log          file that gets a timestamped copy of every message (None: no log file)
    sources      what `briefing ingest` reads when no PATH|URL is named (files, folders, URLs;
                 in BRIEFING_SOURCES, separated by spaces)
    timeout      seconds to wait for one URL
    max_bytes    largest document (file, page, feed) read, in bytes; JSONL is read line by line
    first_since  window of the first `build --since last`, before any build was recorded
    allow_private  follow redirects and feed links to private, loopback and link-local addresses
                 (a URL the user names is fetched wherever it is, with its own server's links)
    run_timeout  seconds all the fetches of one `ingest` run may take together
    """

    db: Path
    out: Path
    log: Path | None = None
    sources: tuple[str, ...] = ()
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    first_since: str = "7d"
    config_file: Path | None = None  # the file that was read, if any
    allow_private: bool = False  # fetch redirects and feed links to private/loopback/link-local hosts
    run_timeout: float = 1800.0  # seconds all the fetches of one ingest run may take together
    resources: Path | None = None  # the user layer's folder (else the user data folder, if any)
    title: str | None = None  # the brief's title, on its cover and in the digest
    logo: Path | None = None  # an image on the brief's cover and in the digest
    group_by: str = "theme"  # the sections of the brief: theme | country

    @property
    def lock_path(self) -> Path:
        """The lock file that keeps two runs on the same store from overlapping."""
        return self.db.with_name(self.db.name + ".lock")

    @classmethod
    def resolve(cls, **flags: object) -> Settings:
        """Settings from flags (None: not given) over environment over config file over defaults."""
        unknown = set(flags) - set(_KINDS)
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        path = config_file_path()
        from_file = _read_config(path)
        values: dict[str, object] = {
            "db": _default_db(),
            "out": _default_out(),
            "log": None,
            "sources": (),
            "timeout": 20.0,
            "max_bytes": 5_000_000,
            "first_since": "7d",
            "allow_private": False,
            "run_timeout": 1800.0,
        }
        for name, kind in _KINDS.items():
            where = f"BRIEFING_{name.upper()}"
            raw: object = None
            if flags.get(name) is not None:
                raw, where = flags[name], f"--{name.replace('_', '-')}"
            elif os.environ.get(f"BRIEFING_{name.upper()}"):
                raw = os.environ[f"BRIEFING_{name.upper()}"]
            elif name in from_file:
                raw, where = from_file[name], f"{path}: {name}"
            if raw is not None:
                values[name] = convert(raw, kind, where)
        return cls(config_file=path if from_file else None, **values)  # type: ignore[arg-type]


_KINDS: dict[str, str] = {
    "db": "path",
    "out": "path",
    "log": "path",
    "sources": "words",
    "timeout": "timeout",
    "max_bytes": "size",
    "first_since": "str",
    "allow_private": "bool",
    "run_timeout": "run_timeout",
    "resources": "folder",
    "title": "str",
    "logo": "image",
    "group_by": "group_by",
}


# Tables of the config file that their own modules read: [smtp] (mail.SmtpSettings).
_TABLES = ("smtp",)


def read_toml(path: Path) -> dict[str, Any]:
    """The config file as a dict ({} when it does not exist); ConfigError names it and why."""
    import tomllib

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _read_config(path: Path) -> dict[str, object]:
    data = read_toml(path)
    unknown = sorted(set(data) - set(_KINDS) - set(_TABLES))
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)} (known: {', '.join(_KINDS)})")
    return data


def _path(raw: object) -> Path:
    return Path(str(raw)).expanduser()


def _words(raw: object) -> tuple[str, ...]:
    """A list of strings; from the environment, separated by spaces (shell quoting allowed)."""
    if isinstance(raw, str):
        import shlex

        return tuple(shlex.split(raw))
    if isinstance(raw, list | tuple) and all(isinstance(s, str) for s in raw):
        return tuple(raw)
    raise ValueError("expected a list of strings")


def _addresses(raw: object) -> tuple[str, ...]:
    """Mail addresses: a@x,b@y, or a list of them."""
    items = raw.split(",") if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or not all(isinstance(s, str) for s in items):
        raise ValueError("expected addresses separated by commas, or a list of them")
    return tuple(s.strip() for s in items if s.strip())


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise ValueError("expected a string")
    return raw.strip()


def _numeric(raw: object, integer: bool) -> float | int:
    """A number from TOML (int, float) or the environment (a string)."""
    if isinstance(raw, bool):
        raise ValueError("expected a number")
    try:
        if isinstance(raw, int | float):
            return int(raw) if integer else float(raw)
        return int(str(raw).strip()) if integer else float(str(raw).strip())
    except OverflowError:  # int(inf) from a TOML float
        raise ValueError("must be a finite number") from None
    except (TypeError, ValueError):
        raise ValueError("expected a whole number" if integer else "expected a number") from None


def _number(
    raw: object, *, minimum: float, strict: bool, integer: bool = False, maximum: float = math.inf
) -> float | int:
    value = _numeric(raw, integer)
    if math.isfinite(value) and (minimum < value if strict else minimum <= value) and value <= maximum:
        return value
    if maximum == math.inf:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        raise ValueError("must be positive" if strict else f"must be {minimum:g} or more")
    low = f"more than {minimum:g} and at most" if strict else f"from {minimum:g} to"
    raise ValueError(f"must be {low} {maximum:,.0f}")


# Bounds of the numeric settings: a fetch or an SMTP session longer than an hour, a document
# over 1 GB or more than 10 retries (30 s doubled ten times is eight hours) is a typo.
MAX_SECONDS = 3600.0
MAX_SIZE = 1_000_000_000
MAX_RETRIES = 10
MAX_HOURS = 24 * 366
MAX_RUN_SECONDS = 86400.0


def _bool(raw: object) -> bool:
    """true/false in TOML; 1/0, true/false, yes/no, on/off in the environment."""
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off"):
        return False
    raise ValueError("expected true or false")


def _port(raw: object) -> int:
    port = int(_numeric(raw, integer=True))
    if not 0 < port < 65536:
        raise ValueError("not a port number")
    return port


def _folder(raw: object) -> Path:
    path = _path(raw)
    if not path.is_dir():
        raise ValueError("no such folder")
    return path


IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


def _image(raw: object) -> Path:
    path = _path(raw)
    if path.suffix.lower() not in IMAGE_TYPES:
        raise ValueError(f"not an image file ({', '.join(t[1:] for t in IMAGE_TYPES)})")
    if not path.is_file():
        raise ValueError("no such file")
    return path


GROUP_BY = ("theme", "country")  # the brief's sections: by Story.themes[0] or Story.countries[0]


def _group_by(raw: object) -> str:
    value = _text(raw).lower()
    if value not in GROUP_BY:
        raise ValueError(f"expected {' or '.join(GROUP_BY)}")
    return value


# Every kind of setting value, for the config file, the environment and flags alike.
CONVERTERS: dict[str, Callable[[object], object]] = {
    "path": _path,
    "words": _words,
    "addresses": _addresses,
    "str": _text,
    "lower": lambda raw: _text(raw).lower(),
    "port": _port,
    "positive": lambda raw: _number(raw, minimum=0, strict=True),
    "positive_int": lambda raw: _number(raw, minimum=0, strict=True, integer=True),
    "count": lambda raw: _number(raw, minimum=0, strict=False, integer=True),
    "seconds": lambda raw: _number(raw, minimum=0, strict=False),
    "timeout": lambda raw: _number(raw, minimum=0, strict=True, maximum=MAX_SECONDS),
    "backoff": lambda raw: _number(raw, minimum=0, strict=False, maximum=MAX_SECONDS),
    "retries": lambda raw: _number(raw, minimum=0, strict=False, integer=True, maximum=MAX_RETRIES),
    "hours": lambda raw: _number(raw, minimum=0, strict=False, maximum=MAX_HOURS),
    "bool": _bool,
    "run_timeout": lambda raw: _number(raw, minimum=0, strict=True, maximum=MAX_RUN_SECONDS),
    "size": lambda raw: _number(raw, minimum=0, strict=True, integer=True, maximum=MAX_SIZE),
    "folder": _folder,
    "image": _image,
    "group_by": _group_by,
}


def convert(raw: object, kind: str, where: str) -> object:
    """`raw` as a setting of `kind`; ConfigError names where it came from and why it is unusable."""
    try:
        return CONVERTERS[kind](raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {raw!r}: {exc}") from None
