"""Fuzzing: mutated inputs through every reader, and odd values through the command line's
options, never give a traceback or a hang; each input ends as an article, a notice or a
one-line failure. Bounded (examples, sizes, no deadline flakiness) and derandomized, so that a
run is the same in CI and takes well under a minute."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode
from briefing.ingest.dates import parse_published
from briefing.ingest.items import Document, Failure, Notice
from briefing.ingest.read import Reader
from briefing.ingest.web import Fetched, Fetcher, FetchError, Web

DATA = Path(__file__).resolve().parent / "data" / "ingest"
FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Offline(Fetcher):
    """No network in a fuzz run: a feed entry's page is a failure like any unreachable one."""

    def fetch(self, url: str) -> Fetched:
        raise FetchError("offline")


def _seeds() -> dict[str, bytes]:
    jsonl = "\n".join(
        json.dumps(
            {"id": f"r{i}", "title": "عنوان", "published": "2026-11-10", "source": "وكالة", "text": text},
            ensure_ascii=False,
        )
        for i, text in enumerate(["قال الوزير إن المحادثات ستستأنف.", "أعلنت الحكومة موازنة جديدة."])
    )
    return {
        ".txt": (DATA / "front_matter.txt").read_bytes(),
        ".html": (DATA / "page_aid.html").read_bytes(),
        ".xml": (DATA / "feed_rss.xml").read_bytes(),
        ".atom": (DATA / "feed_atom.xml").read_bytes(),
        ".jsonl": jsonl.encode(),
    }


SEEDS = _seeds()
# Bytes that break formats: quotes, brackets, YAML and JSON syntax, NULs, BOMs, bidi controls,
# invalid UTF-8, the start of a UTF-8 Arabic letter.
SPICE = [
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xd8",
    b"\xc3\x28",
    b"---\n",
    b"&a [*a,*a]",
    b"*a",
    b"[" * 50,
    b"{",
    b'"',
    b"<",
    b"]]>",
    b"<![CDATA[",
    b"\n",
    "\u202e".encode(),
    b"9999-12-31T23:00:00-05:00",
    b"0001-01-01T01:00:00+05:00",
    b"\\u0000",
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed of one kind with a few bytes cut, replaced or inserted."""
    suffix = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "spice", "truncate"]))
        if action == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif action == "spice":
            data[at:at] = draw(st.sampled_from(SPICE))
        else:
            del data[at:]
    return suffix, bytes(data)


def _read_all(path: Path) -> list[object]:
    reader = Reader(Web(Offline(timeout=1)), max_bytes=1_000_000)
    return list(reader.read(str(path)))


@FUZZ
@given(case=mutated())
def test_fuzz_readers_give_documents_notices_or_one_line_failures(tmp_path_factory, case):
    suffix, data = case
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    for item in _read_all(path):
        assert isinstance(item, Document | Failure | Notice), item
        if isinstance(item, Failure):
            assert "\n" not in item.reason, item.reason
        if isinstance(item, Document):
            assert not any(
                ch in item.article.text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
            )


@FUZZ
@given(data=st.binary(max_size=3000))
def test_fuzz_random_bytes_in_every_kind_of_file(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("raw")
    for suffix in SEEDS:
        (folder / f"input{suffix}").write_bytes(data)
    for item in _read_all(folder):
        assert isinstance(item, Document | Failure | Notice), item


@FUZZ
@given(
    value=st.one_of(
        st.text(max_size=60), st.integers(), st.floats(), st.none(), st.lists(st.text(max_size=5))
    )
)
def test_fuzz_published_values_never_raise(value):
    got = parse_published(value)
    assert got is None or isinstance(got[0], str)


NUMBERS = st.one_of(
    st.sampled_from(
        ["inf", "-inf", "nan", "-1", "0", "1e309", "1e-309", "99999999999999999999", "0x10", " 5 ", ""]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=8),
)
WHENS = st.one_of(
    st.sampled_from(
        ["9999999w", "99999999999d", "9999-12-31", "0001-01-01", "last", "today", "2026-02-30", "-1d", "7d"]
    ),
    st.builds(lambda n, u: f"{n}{u}", st.integers(-(10**20), 10**20), st.sampled_from("hdwy")),
    st.text(max_size=12),
)
KNOWN = {int(code) for code in ExitCode} | {2}  # 2: click's own usage errors


@FUZZ
@given(timeout=NUMBERS, max_bytes=NUMBERS)
def test_fuzz_ingest_numeric_options(tmp_path_factory, timeout, max_bytes):
    folder = tmp_path_factory.mktemp("opts")
    env = {"BRIEFING_CONFIG": os.devnull, "BRIEFING_DB": str(folder / "b.db")}
    args = ["ingest", str(folder / "missing.txt"), f"--timeout={timeout}", f"--max-bytes={max_bytes}"]
    result = CliRunner().invoke(app, args, env=env)
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit | None), repr(result.exception)
    assert result.exit_code in KNOWN


@settings(FUZZ, max_examples=25)
@given(since=WHENS, until=st.one_of(st.none(), WHENS))
def test_fuzz_build_windows(tmp_path_factory, since, until):
    folder = tmp_path_factory.mktemp("win")
    env = {"BRIEFING_CONFIG": os.devnull, "BRIEFING_DB": str(folder / "b.db")}
    args = ["build", f"--since={since}", "--no-pdf", "--out", str(folder / "out")]
    args += [f"--until={until}"] if until is not None else []
    result = CliRunner().invoke(app, args, env=env)
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit | None), repr(result.exception)
    assert result.exit_code in KNOWN


@pytest.mark.parametrize("var", ["BRIEFING_SMTP_TIMEOUT", "BRIEFING_SMTP_RETRIES", "BRIEFING_SMTP_BACKOFF"])
@settings(FUZZ, max_examples=15)
@given(value=NUMBERS.filter(lambda v: v.strip() != "" and "\x00" not in v))
def test_fuzz_smtp_numbers(tmp_path_factory, var, value):
    folder = tmp_path_factory.mktemp("smtp")
    env = {
        "BRIEFING_CONFIG": os.devnull,
        "BRIEFING_SMTP_HOST": "127.0.0.1",
        "BRIEFING_SMTP_PORT": "9",
        "BRIEFING_MAIL_FROM": "b@example.org",
        var: value,
    }
    result = CliRunner().invoke(app, ["email", "--from-brief", str(folder), "--to", "a@example.org"], env=env)
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit | None), repr(result.exception)
    assert result.exit_code in {ExitCode.CONFIG, ExitCode.INPUT, ExitCode.MAIL}, result.output
