"""The page budget of the brief proper (issue 14): the shared corpus's week of 7-14 April 2018
(15 articles, 5 outlets) in at most 10 A4 pages, built from a store through the command line.

The whole corpus's budget (at most 12 pages) takes minutes: scripts/check_pages.py checks it.
"""

from __future__ import annotations

from pypdf import PdfReader
from test_outputs import cli, env  # noqa: F401  (a fixture)

from briefing.errors import ExitCode

WEEK = ("--since", "2018-04-07", "--until", "2018-04-14")
MAX_PAGES = 10


def test_pages_corpus_week_fits_its_budget(env, shared_dir):  # noqa: F811
    db, out = env / "corpus.db", env / "out"
    assert (
        cli("ingest", shared_dir / "corpus" / "articles.jsonl", "--db", db, "--quiet").exit_code
        == ExitCode.OK
    )
    result = cli("build", *WEEK, "--db", db, "--out", out, "--quiet")
    assert result.exit_code == ExitCode.OK, result.output
    folder = out / "2018-04-07_2018-04-14"
    pages = len(PdfReader(folder / "brief.pdf").pages)
    assert 1 < pages <= MAX_PAGES
    assert (folder / "appendix.html").is_file()
