"""Delivery and `briefing build`: atomic out/<date>/, out/latest, brief.json, the CLI end to end."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from brief_samples import sample_extractions
from typer.testing import CliRunner

import briefing.deliver.files as deliver
from briefing.cli import app
from briefing.deliver.files import write_brief
from briefing.errors import RenderError, WriteError
from briefing.jobs import BuildOptions, build_brief
from briefing.render import Renderer

DAY1 = datetime(2018, 5, 12, 9, 0)
DAY2 = datetime(2018, 5, 13, 9, 0)
FILES = ("appendix.html", "brief.html", "brief.json", "brief.pdf")


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


@pytest.fixture(scope="module")
def built(tmp_path_factory, renderer):
    out = tmp_path_factory.mktemp("out")
    day = build_brief(sample_extractions(), out, generated=DAY1, renderer=renderer)
    return out, day


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(deliver.LEFTOVERS)]


def test_deliver_writes_three_files_and_latest(built):
    out, day = built
    assert day == out / "2018-05-09_2018-05-11"  # the period its articles cover
    for name in FILES:
        assert (day / name).stat().st_size > 0
    assert (day / "brief.pdf").read_bytes().startswith(b"%PDF")
    latest = out / "latest"
    assert latest.is_symlink()
    assert os.readlink(latest) == "2018-05-09_2018-05-11"
    assert (latest / "brief.html").read_bytes() == (day / "brief.html").read_bytes()
    assert leftovers(out) == []  # no temp dirs left


def test_deliver_json_lists_cited_sources(built):
    _, day = built
    data = json.loads((day / "brief.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["sources"]] == ["art-a", "art-c", "art-b"]
    first = data["sources"][0]
    assert (first["title"], first["outlet"], first["date"], first["url"]) == (
        "إيران باقية في سوريا",
        "Al Arabiya",
        "2018-05-09",
        "https://example.org/a",
    )
    assert data["schema_version"] == 2
    assert data["key_developments"]
    assert data["key_figure_lines"]
    assert data["refs"]


@pytest.mark.parametrize("chunk", [7, 1 << 20])  # pieces cut mid-string, and in one piece
def test_deliver_streams_brief_json_as_one_dump_writes_it(tmp_path, monkeypatch, chunk):
    from briefing.compose import compose

    brief = compose(sample_extractions(), generated=DAY1)
    monkeypatch.setattr(deliver, "_STREAM_CHUNK", chunk)
    day = write_brief(tmp_path, "2018-05-09_2018-05-11", {"brief.json": deliver.brief_json_writer(brief)})
    one_dump = json.dumps(brief.to_json(), ensure_ascii=False, indent=1) + "\n"
    assert (day / "brief.json").read_bytes() == one_dump.encode("utf-8")
    assert deliver.brief_json(brief) == one_dump.encode("utf-8")


def test_deliver_failed_run_leaves_previous_brief(tmp_path, renderer, monkeypatch):
    day = build_brief(
        sample_extractions(), tmp_path, generated=DAY1, renderer=renderer, options=BuildOptions(pdf=False)
    )
    before = {p.name: p.read_bytes() for p in day.iterdir()}

    def broken(_html, **_kwargs):
        raise RenderError("PDF: boom")

    monkeypatch.setattr(renderer, "pdf", broken)
    with pytest.raises(RenderError):
        build_brief(sample_extractions()[:1], tmp_path, generated=DAY1, renderer=renderer)
    assert {p.name: p.read_bytes() for p in day.iterdir()} == before
    assert leftovers(tmp_path) == []


def test_deliver_appendix_pdf_failure_writes_nothing(tmp_path, renderer, monkeypatch):
    """The appendix PDF is rendered last: when it fails, not even brief.pdf is written."""
    real = renderer.pdf
    calls: list[str] = []

    def second_fails(html, **kwargs):
        calls.append(html)
        if len(calls) == 2:
            raise RenderError("PDF: boom")
        return real(html, **kwargs)

    monkeypatch.setattr(renderer, "pdf", second_fails)
    with pytest.raises(RenderError):
        build_brief(
            sample_extractions(),
            tmp_path,
            generated=DAY1,
            renderer=renderer,
            options=BuildOptions(appendix_pdf=True),
        )
    assert len(calls) == 2
    assert "appendix.pdf#" in calls[0]  # the brief's PDF links to the appendix's PDF
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []
    assert leftovers(tmp_path) == []


def test_deliver_write_failure_leaves_previous_brief(tmp_path, monkeypatch):
    write_brief(tmp_path, "2018-05-12", {"brief.html": b"old"})
    real_rename = os.rename

    def failing_rename(src, dst):
        if Path(src).name.startswith(".tmp-"):
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(deliver.os, "rename", failing_rename)
    with pytest.raises(WriteError, match="No space left"):
        write_brief(tmp_path, "2018-05-12", {"brief.html": b"new"})
    assert (tmp_path / "2018-05-12" / "brief.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2018-05-12", "latest"]


def test_deliver_keeps_every_run_of_a_period(tmp_path):
    write_brief(tmp_path, "2018-05-07_2018-05-13", {"brief.html": b"one", "stray.txt": b"x"})
    second = write_brief(tmp_path, "2018-05-07_2018-05-13", {"brief.html": b"two"})
    third = write_brief(tmp_path, "2018-05-07_2018-05-13", {"brief.html": b"three"})
    assert (second.name, third.name) == ("2018-05-07_2018-05-13-2", "2018-05-07_2018-05-13-3")
    assert (tmp_path / "2018-05-07_2018-05-13" / "stray.txt").read_bytes() == b"x"
    assert (tmp_path / "latest" / "brief.html").read_bytes() == b"three"  # the newest run of it


def test_deliver_latest_names_the_period_that_ends_last(tmp_path):
    write_brief(tmp_path, "2018-05-07_2018-05-13", {"brief.html": b"may"})
    write_brief(tmp_path, "2018-04-01_2018-04-30", {"brief.html": b"april"})  # an older period, built later
    assert os.readlink(tmp_path / "latest") == "2018-05-07_2018-05-13"
    write_brief(tmp_path, "2018-05-14", {"brief.html": b"undated, built on the 14th"})
    assert os.readlink(tmp_path / "latest") == "2018-05-14"
    (tmp_path / "2018-05-14" / "brief.html").unlink()
    (tmp_path / "2018-05-14").rmdir()  # latest now dangles: the next write repairs it
    write_brief(tmp_path, "2018-03-01_2018-03-31", {"brief.html": b"march"})
    assert os.readlink(tmp_path / "latest") == "2018-05-07_2018-05-13"


def test_deliver_copies_latest_where_links_fail(tmp_path, monkeypatch):
    def no_symlink(*_args, **_kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(deliver.os, "symlink", no_symlink)
    write_brief(tmp_path, "2018-05-12", {"brief.html": b"12"})
    write_brief(tmp_path, "2018-05-13", {"brief.html": b"13"})
    write_brief(tmp_path, "2018-05-01_2018-05-11", {"brief.html": b"older"})
    latest = tmp_path / "latest"
    assert latest.is_dir()
    assert not latest.is_symlink()
    assert (latest / "brief.html").read_bytes() == b"13"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["../etc", "2018-05-12-2", "2018-02-30", "latest", "2018-05-12_x"])
def test_deliver_rejects_what_is_not_a_period(tmp_path, name):
    with pytest.raises(WriteError):
        write_brief(tmp_path, name, {"x": b""})


def test_build_cli_bad_input_is_one_line(tmp_path):
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\0\1\2 binary")
    out = tmp_path / "out"
    for args in ([str(tmp_path / "missing.txt")], [str(binary)]):
        result = CliRunner().invoke(app, ["build", *args, "--out", str(out)])
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert any(line.startswith(args[0]) for line in result.output.splitlines())
    assert not out.exists()  # nothing written


def test_build_cli_help_ends_with_example():
    result = CliRunner().invoke(app, ["build", "--help"])
    assert result.exit_code == 0
    assert "Example: briefing build seeds/ --out out/" in result.output


def test_build_cli_seeds_writes_all_three(tmp_path, seeds_dir):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(seeds_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    latest = out / "latest"
    for name in FILES:
        assert (latest / name).stat().st_size > 0
    data = json.loads((latest / "brief.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == 5
    assert all(s["file"].endswith(".txt") for s in data["sources"])
