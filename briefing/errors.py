"""Exit codes and the exceptions every layer raises; the CLI turns one into the other in one place.

Each exception names its exit code, so a library function only says what went wrong and the
command line decides nothing: `cli.errors.fail` prints the one-line message and exits with
`exc.exit_code`. The codes are documented in `briefing --help` and the README:

    0   ok
    1   input: a file, URL, feed entry or address could not be used (the rest went on)
    2   usage: a bad option or argument (click's own code), a bad --since, nothing named to work on
    3   store: the database is corrupt, locked by another program, or cannot be written
    4   build: composing, rendering or writing the brief failed
    5   mail: the digest was not delivered (the brief is kept)
    75  locked: another briefing run holds the lock (EX_TEMPFAIL; cron simply tries again later)
    78  config or resources: the config file, an environment variable or a data file is unusable
        (EX_CONFIG of sysexits.h)
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import ClassVar


class ExitCode(IntEnum):
    OK = 0
    INPUT = 1
    USAGE = 2  # click exits with 2 on a bad option: one code for every usage error
    STORE = 3
    BUILD = 4
    MAIL = 5
    LOCKED = 75  # EX_TEMPFAIL
    CONFIG = 78  # EX_CONFIG


class BriefingError(Exception):
    """A failure with a one-line message and the exit code it ends a command with."""

    exit_code: ClassVar[ExitCode] = ExitCode.INPUT


class InputError(BriefingError, ValueError):
    """A bad argument or input that stops the run."""

    exit_code = ExitCode.INPUT


class UsageError(InputError):
    """The command line itself is wrong: a bad --since, options that exclude each other, nothing named."""

    exit_code = ExitCode.USAGE


class ConfigError(BriefingError, ValueError):
    """The config file or an environment variable holds something unusable."""

    exit_code = ExitCode.CONFIG


class ResourceError(BriefingError, ValueError):
    """A data file under briefing/resources/ is missing, malformed or inconsistent."""

    exit_code = ExitCode.CONFIG


class StoreError(BriefingError, RuntimeError):
    """The database cannot be opened, read or written; the message names the file."""

    exit_code = ExitCode.STORE


class BuildError(BriefingError, RuntimeError):
    """The brief could not be composed, rendered or written."""

    exit_code = ExitCode.BUILD


class RenderError(BuildError):
    """A template or catalog problem, or WeasyPrint failed."""


class WriteError(BuildError, OSError):
    """The brief could not be written under out/ (the previous one is left as it was)."""


class LockedError(BriefingError):
    """Another run holds the lock."""

    exit_code = ExitCode.LOCKED


class MailError(BriefingError):
    """A mail problem that becomes a one-line message."""

    exit_code = ExitCode.MAIL


class AddressError(MailError, ValueError):
    """An address that is not a valid mailbox."""

    exit_code = ExitCode.INPUT


class HeaderInjectionError(AddressError):
    """A header value (subject or address) holding a line break or another control character."""


class MailDeliveryError(MailError):
    """The message was not delivered to every recipient.

    `temporary` is True when the last failure was temporary (4xx, connection refused, timeout)
    and the retries ran out: running again later may well succeed.
    """

    def __init__(self, message: str, *, temporary: bool, delivered: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.temporary = temporary
        self.delivered = tuple(delivered)


class BriefFileError(InputError):
    """A built brief (brief.json) that is missing, unreadable, stale or of another version."""
