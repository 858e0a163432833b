"""appendix.pdf rendered in parts (render/chunks.py) through the command line: the same text as
the one-piece render, every article in order in the outline, links within and across parts and
back to brief.pdf, page numbers that run on; progress by part on a terminal, nothing under
--quiet; a worker's failure as one RenderError.

The seeds (5 articles) are split into parts of 2 with BRIEFING_APPENDIX_CHUNK.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import psutil
import pytest
from pypdf import PdfReader
from test_brief_outputs import _seed_jsonl
from test_cli_ux import on_a_terminal
from test_outputs import cli, env  # noqa: F401  (a fixture)

from briefing.config import Paths
from briefing.errors import ExitCode, RenderError
from briefing.render import Renderer, chunks

ROOT = Path(__file__).resolve().parent.parent
WINDOW = ("--since", "2018-05-07", "--until", "2018-05-13")
# The actors index's header, repeated on each page, as pypdf extracts it (Arabic in visual order).
INDEX_HEAD = "Name · type النوع· الاسم Mentions Articles"


def _appendix(folder: Path) -> PdfReader:
    return PdfReader(BytesIO((folder / "appendix.pdf").read_bytes()))


def _body_text(pdf: PdfReader) -> str:
    """The words of every page without its running header and footer (drawn last on a page, in
    one piece as over parts) or the index's repeated header, whitespace folded."""
    pages = [p.extract_text() for p in pdf.pages]
    pages = [pages[0]] + [text.rsplit("Appendix · ", 1)[0] for text in pages[1:]]
    folded = " ".join(" ".join(pages).split())
    return " ".join(folded.replace(INDEX_HEAD, " ").split())


def _outline(pdf: PdfReader, items: list | None = None, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page) of every outline item, in order."""
    out = []
    for item in pdf.outline if items is None else items:
        if isinstance(item, list):
            out.extend(_outline(pdf, item, depth + 1))
        else:
            out.append((depth, item.title, pdf.get_destination_page_number(item)))
    return out


def _links(pdf: PdfReader) -> list[tuple[int, str, str]]:
    """(page, "dest" or "uri", target) of every link annotation."""
    out = []
    for number, page in enumerate(pdf.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if "/Dest" in annot:
                out.append((number, "dest", str(annot["/Dest"])))
            elif "/A" in annot and "/URI" in annot["/A"]:
                out.append((number, "uri", str(annot["/A"]["/URI"])))
    return out


@pytest.fixture
def built(env, monkeypatch):  # noqa: F811
    """The seeds' window built twice from one store: the appendix in parts of 2 articles
    (--quiet) and in one piece. Their folders and the quiet run's output."""
    db = env / "b.db"
    assert cli("ingest", _seed_jsonl(env), "--db", db, "--quiet").exit_code == ExitCode.OK
    monkeypatch.setenv(chunks.CHUNK_ENV, "2")
    parts = cli("build", *WINDOW, "--db", db, "--out", env / "parts", "--appendix-pdf", "--quiet")
    assert parts.exit_code == ExitCode.OK, parts.output
    monkeypatch.delenv(chunks.CHUNK_ENV)
    whole = cli("build", *WINDOW, "--db", db, "--out", env / "whole", "--appendix-pdf")
    assert whole.exit_code == ExitCode.OK, whole.output
    assert " parts (" not in whole.output  # 5 articles: one piece
    assert "━" not in whole.output  # no bar drawn where standard error is not a terminal
    name = "2018-05-07_2018-05-13"
    return env / "parts" / name, env / "whole" / name, parts.output


def test_chunks_appendix_in_parts_against_the_one_piece_render(built):
    """One pair of builds (they are slow), three checks."""
    parts, whole, quiet_output = built
    assert quiet_output == ""  # --quiet: no progress, no line
    joined, one = _appendix(parts), _appendix(whole)
    _reads_as_one_piece(joined, one)
    _links_resolve_within_the_file_and_back_to_the_brief(joined)
    _page_numbers_run_on(joined)


def _reads_as_one_piece(joined: PdfReader, one: PdfReader) -> None:
    assert _body_text(joined) == _body_text(one)
    # The outline: the same entries, nested alike (each article under "Articles"), in order.
    outline = _outline(joined)
    assert [(d, t) for d, t, _ in outline] == [(d, t) for d, t, _ in _outline(one)]
    articles = [(d, t, p) for d, t, p in outline if re.match(r"\d+\. ", t)]
    assert [t.split(".")[0] for _, t, _ in articles] == ["1", "2", "3", "4", "5"]
    assert {d for d, _, _ in articles} == {2}
    pages = [p for _, _, p in articles]
    assert pages == sorted(pages)
    assert len(set(pages)) >= 3
    assert joined.metadata.title == one.metadata.title


def _links_resolve_within_the_file_and_back_to_the_brief(pdf: PdfReader) -> None:
    named = pdf.named_destinations
    assert {f"src-{n}" for n in range(1, 6)} <= set(named)
    links = _links(pdf)
    internal = [(page, target) for page, kind, target in links if kind == "dest"]
    assert internal
    assert all(target in named for _, target in internal)
    # The actors index, in the last part, links to articles of the first parts by name.
    index_page = next(p for d, t, p in _outline(pdf) if t.startswith("Actors index"))
    first_part_pages = {pdf.get_destination_page_number(named[f"src-{n}"]) for n in (1, 2)}
    across = [t for page, t in internal if page >= index_page and t in ("src-1", "src-2")]
    assert across
    assert max(first_part_pages) < index_page
    assert not [t for _, kind, t in links if kind == "uri" and t.startswith("#")]  # none left dangling
    assert ("uri", "brief.pdf") in {(kind, t) for _, kind, t in links}


def _page_numbers_run_on(pdf: PdfReader) -> None:
    total = len(pdf.pages)
    assert "Page 1 of" not in pdf.pages[0].extract_text()  # the cover page has no footer
    for number, page in enumerate(pdf.pages[1:], 2):
        assert f"Page {number} of {total}" in page.extract_text()
    # and each page has one footer, not a part's own as well
    assert all(page.extract_text().count("Page ") == 1 for page in pdf.pages[1:])


def test_chunks_progress_counts_parts_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setenv(chunks.CHUNK_ENV, "2")
    args = ["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--appendix-pdf"]
    with on_a_terminal(args, tmp_path) as drawn:
        pass
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(drawn).decode("utf-8", "replace"))
    bars = [line for line in screen.replace("\r", "\n").split("\n") if "━" in line]
    assert any(line.startswith("appendix PDF: part 3/3") and " 3/3 " in line for line in bars), bars
    assert "in 3 parts" in screen


def test_chunks_a_workers_failure_is_one_render_error(tmp_path):
    """A worker whose renderer cannot start (no catalogs here) fails its part with a
    RenderError naming the cause; the pool is stopped, nothing hangs."""
    renderer = Renderer()
    broken = Renderer()
    broken.paths = replace(Paths.default(), locales=tmp_path / "missing")
    parts = ["<html><body><p>one</p></body></html>"] * 3
    with pytest.raises(RenderError, match="missing"):
        list(chunks._render_all(broken, parts, 2, lambda note: None))
    # the same parts with a working renderer: in order, one page each
    done = list(chunks._render_all(renderer, parts, 2, lambda note: None))
    assert [p.pages for p in done] == [1, 1, 1]


KILLED_BUILD = """
import sys
sys.path.insert(0, {root!r})
from briefing.render import Renderer, chunks
long = "<html><body>" + "<p>a paragraph of a long part</p>" * 30000 + "</body></html>"
list(chunks._render_all(Renderer(), [long, long], 2, print))
"""


def test_chunks_workers_end_when_their_build_is_killed(tmp_path):
    """kill -9 of a build (cron's timeout) leaves no worker laying out a part nobody will read."""
    build = subprocess.Popen([sys.executable, "-c", KILLED_BUILD.format(root=str(ROOT))], cwd=tmp_path)
    try:
        parent = psutil.Process(build.pid)
        workers: list[psutil.Process] = []
        while len(workers) < 2 and build.poll() is None:
            workers = [p for p in parent.children() if "spawn_main" in " ".join(p.cmdline())]
            psutil.wait_procs([], timeout=0.05)
        assert len(workers) == 2
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    _gone, alive = psutil.wait_procs(workers, timeout=20)  # they look every PARENT_CHECK seconds
    assert alive == []


def test_chunks_parts_carry_no_structure_tree():
    """A part leaves its worker without its structure tree: the join (pypdf) holds every object
    of every part, and the tree, which the joined file does not keep, held 0.4 GB more at 300
    articles. Its words and links are those of the tagged render; the brief proper stays tagged."""
    html = "<html lang='en'><body><h1 id='a'>Title</h1><p>one <a href='#a'>two</a></p></body></html>"
    part = PdfReader(BytesIO(chunks.render_part(html).pdf))
    assert "/StructTreeRoot" not in part.root_object
    whole = PdfReader(BytesIO(Renderer().pdf(html)))
    assert "/StructTreeRoot" in whole.root_object
    assert part.pages[0].extract_text() == whole.pages[0].extract_text()
    assert part.pages[0].get_contents().get_data() == whole.pages[0].get_contents().get_data()
    assert len(part.pages[0]["/Annots"]) == len(whole.pages[0]["/Annots"]) == 1
