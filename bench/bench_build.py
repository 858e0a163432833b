"""Time each stage of a brief over the shared corpus: read, extract, compose, HTML, PDF, and the
PDF engine's floor.

    .venv/bin/python bench/bench_build.py [--corpus ../shared/corpus/articles.jsonl] [--limit N]
        [--out DIR] [--profile FILE] [--repeat N]

Reads the JSONL corpus (id, title, published, source, url, text) into Article objects, runs the
pipeline, composes one brief over all of them and renders it as `briefing build --appendix-pdf`
does (jobs.render_files): the brief proper's PDF (its links to appendix.pdf) and the appendix's
PDF, each from the page build makes it from (Renderer.html and Renderer.appendix_html with
printed=True: lighter markup than brief.html and appendix.html), through the same Renderer
methods.

The floor: the words of those two documents, in order, as plain paragraphs of 60 words (Arabic
in Amiri 11.5 pt right-to-left, English in Noto Sans 9.5 pt, A4 with the brief's margins),
rendered by the same Renderer.pdf (same WeasyPrint, same options, tagged). `PDF / floor` is the
real PDFs' render time over the floor's, in the same run: what the brief's structure and styling
cost beyond what WeasyPrint needs for that much text (issue 15: at most 2.5x).

The words are taken from the HTML, not from the PDFs: the HTML holds the text in logical order
with its language (each element's lang=, as the real render chooses its font), while text
extracted from a PDF comes in visual order, Arabic often reversed or in presentation forms,
which would shape differently. Only the body's text counts: the head (title, styles) and the
hidden running strings (the header and footer text) are left out, as is generated content.
Before the timed renders, one small untimed render (the floor of the first 600 words) pays the
engine's first-use costs, which would otherwise fall on the brief (rendered first) and never on
the floor (rendered last).

Steady and fair: the documents are rendered in rounds (brief, appendix, the appendix as build
renders it, floor; `--repeat` rounds, 3 by default) and each keeps its best wall clock and its
best CPU time over the rounds, as bench_extract does; before each timed render the previous
one's garbage is collected and the freed memory handed back (collector.give_back), so that no
render pays a collection of another's boxes. The same appendix's CPU time varied by a third
between two runs of one render each (6.32 s and 4.55 s, the machine shared with other
benchmarks); the best of three varies far less.

The build's path: `PDF / floor` above renders the appendix in one piece in this process, so
that its CPU time is the engine's work. A real build renders a long appendix (over 20 articles)
in parts in worker processes (jobs.render_appendix_pdf, render/chunks.py); the appendix is
rendered a second time that way in each round, and two more ratios are printed: wall clock of brief + appendix
over the floor's wall clock (what a user waits), and CPU time of all processes (this one and the
workers, resource.getrusage(RUSAGE_CHILDREN)) over the floor's (what the machine spends).

Prints seconds per stage with its share of the run, then per document its render time and
pages. The files are written to a temporary directory, or to --out with the floor's PDF beside
them. --profile writes cProfile statistics of the real PDF renders of the first round and prints
the top entries.
Skips with a message when the shared corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from io import BytesIO
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
FLOOR_WORDS = 60  # words per paragraph of the floor

# The floor's page: the brief's A4 and margins (styles/brief.css @page), its two fonts and
# sizes and line heights, nothing else.
FLOOR_CSS = """
@page { size: A4; margin: 17mm 14mm 15mm 14mm; }
html { font-family: "Noto Sans"; font-size: 9.5pt; line-height: 1.4; }
body { margin: 0; }
p { margin: 0 0 1.5mm 0; }
p.ar { font-family: "Amiri"; font-size: 11.5pt; line-height: 1.55; direction: rtl; }
"""
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"head", "style", "script", "title"}


class _Words(HTMLParser):
    """The visible words of a page in document order, each with the language of its element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", "en", False)]  # tag, lang, hidden
        self.words: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _, lang, hidden = self.stack[-1]
        found = dict(attrs)
        hidden = hidden or tag in SKIPPED or "running-strings" in (found.get("class") or "").split()
        if tag not in VOID:
            self.stack.append((tag, found.get("lang") or lang, hidden))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        _, lang, hidden = self.stack[-1]
        if not hidden:
            self.words.extend((word, lang) for word in data.split())


def page_words(html: str) -> list[tuple[str, str]]:
    parser = _Words()
    parser.feed(html)
    parser.close()
    return parser.words


def floor_html(pages: list[str], limit: int = 0) -> tuple[str, int]:
    """The floor's page for these HTML pages, and its number of words: each language's words in
    order, in paragraphs of FLOOR_WORDS, a paragraph written when it is full (so that the two
    languages interleave roughly as in the documents). `limit`: only the first words (0: all)."""
    from html import escape

    paragraphs: list[str] = []
    buffers: dict[str, list[str]] = {"ar": [], "en": []}
    count = 0

    def flush(lang: str) -> None:
        if buffers[lang]:
            text = escape(" ".join(buffers[lang]))
            attrs = ' class="ar" dir="rtl" lang="ar"' if lang == "ar" else ' lang="en"'
            paragraphs.append(f"<p{attrs}>{text}</p>")
            buffers[lang] = []

    words = (pair for html in pages for pair in page_words(html))
    for word, lang in islice(words, limit or None):
        key = "ar" if lang == "ar" else "en"
        buffers[key].append(word)
        count += 1
        if len(buffers[key]) == FLOOR_WORDS:
            flush(key)
    flush("ar")
    flush("en")
    body = "\n".join(paragraphs)
    head = f'<head><meta charset="utf-8"><style>{FLOOR_CSS}</style></head>'
    page = f'<!DOCTYPE html><html lang="en">{head}<body>{body}</body></html>'
    return page, count


@dataclass
class Rendered:
    html: str
    pdf: bytes
    seconds: float
    cpu: float  # this process's CPU seconds: steadier than wall time on a busy machine
    pages: int


def pdf_pages(pdf: bytes) -> int:
    from pypdf import PdfReader  # dev dependency; only for the page count

    return len(PdfReader(BytesIO(pdf)).pages)


def timed_pdf(render: Callable[[str], bytes], html: str) -> Rendered:
    """One render of `html`, after the earlier renders' garbage is collected and handed back."""
    from briefing import collector

    collector.give_back()
    t, cpu = time.perf_counter(), time.process_time()
    pdf = render(html)
    return Rendered(html, pdf, time.perf_counter() - t, time.process_time() - cpu, pdf_pages(pdf))


def build_path_pdf(renderer: Any, brief: Any) -> Rendered:
    """The appendix's PDF as `briefing build` renders it (in parts in workers above 20 articles);
    its CPU time counts this process and the workers (reaped when the pool stops)."""
    import resource

    from briefing.jobs import no_progress, render_appendix_pdf

    def children() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = children()
    html = renderer.appendix_html(brief, proper="brief.pdf", printed=True)
    done = timed_pdf(lambda _: render_appendix_pdf(brief, renderer, False, no_progress, lambda _: None), html)
    done.cpu += children() - before
    return done


def read_articles(corpus: Path, limit: int) -> list[Any]:
    from briefing.model.contract import Article

    articles = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            articles.append(
                Article(
                    id=rec["id"],
                    text=rec["text"],
                    title=rec.get("title"),
                    source=rec.get("source"),
                    published=rec.get("published"),
                    url=rec.get("url"),
                )
            )
            if limit and len(articles) >= limit:
                break
    return articles


class Stages:
    """Seconds per stage, in the order they ran."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        t = time.perf_counter()
        value = fn()
        self.times[name] = self.times.get(name, 0.0) + time.perf_counter() - t
        return value


def compose_brief(args: argparse.Namespace, stages: Stages) -> tuple[list[Any], Any]:
    from briefing.compose import compose
    from briefing.extract import extract_articles
    from briefing.pipeline import build_nlp
    from briefing.resources import Resources

    articles = stages.run("read", lambda: read_articles(args.corpus, args.limit))
    resources = stages.run("load pipeline", Resources.load)
    nlp = stages.run("load pipeline", lambda: build_nlp(resources))
    extractions = stages.run("extract", lambda: list(extract_articles(nlp, articles, resources.version)))
    return articles, stages.run("compose", lambda: compose(extractions))


def render_documents(brief: Any, stages: Stages, profile: Path | None, repeat: int) -> dict[str, Rendered]:
    """The brief proper and the appendix, HTML then PDF, as `build --appendix-pdf` renders them,
    and the floor: `repeat` rounds, each document's best kept."""
    from briefing.render import APPENDIX_PDF, Renderer

    renderer = Renderer()
    html = stages.run("render HTML", lambda: renderer.html(brief, appendix=APPENDIX_PDF, printed=True))
    appendix = stages.run(
        "render HTML", lambda: renderer.appendix_html(brief, proper="brief.pdf", printed=True)
    )
    # The engine's first-use costs (font lookup, its caches) fall on whichever render comes first,
    # and the floor comes last: one small untimed render first, so that no document pays them.
    stages.run("warm-up PDF", lambda: renderer.pdf(floor_html([html, appendix], limit=600)[0]))
    page, words = floor_html([html, appendix])
    docs: dict[str, Rendered] = {}
    for round_ in range(repeat):
        with profiled(profile if round_ == 0 else None):
            for name, doc in (("brief.pdf", html), ("appendix.pdf", appendix)):
                keep_best(docs, name, stages.run("render PDF", lambda d=doc: timed_pdf(renderer.pdf, d)))
        built = stages.run("build path PDF", lambda: build_path_pdf(renderer, brief))
        keep_best(docs, "appendix build", built)
        keep_best(docs, "floor.pdf", stages.run("floor PDF", lambda: timed_pdf(renderer.pdf, page)))
    print(
        f"floor: {words:,} words of brief.html and appendix.html, paragraphs of {FLOOR_WORDS}; "
        f"each document's best wall clock and best CPU time of {repeat} round(s), garbage collected "
        f"before each render"
    )
    return docs


def keep_best(docs: dict[str, Rendered], name: str, done: Rendered) -> None:
    """`done`, or the best wall clock and the best CPU time of it and the earlier rounds'."""
    before = docs.get(name)
    if before is not None:
        done.seconds = min(done.seconds, before.seconds)
        done.cpu = min(done.cpu, before.cpu)
    docs[name] = done


@contextmanager
def profiled(path: Path | None) -> Iterator[None]:
    """cProfile of the block into `path`, its top entries printed (nothing without a path)."""
    if path is None:
        yield
        return
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    try:
        yield
    finally:
        prof.disable()
        prof.dump_stats(str(path))
        stats = pstats.Stats(str(path))
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)


def write_files(out: Path | None, brief: Any, docs: dict[str, Rendered]) -> str:
    from briefing.deliver.files import brief_dir_name, brief_json, write_brief

    files = {"brief.html": docs["brief.pdf"].html.encode("utf-8"), "brief.json": brief_json(brief)}
    files["appendix.html"] = docs["appendix.pdf"].html.encode("utf-8")
    files.update((name, doc.pdf) for name, doc in docs.items() if name.endswith(".pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        day = write_brief(out or Path(tmp), brief_dir_name(brief), files)
        return str(day) if out else "(temporary directory, removed)"


def report(articles: list[Any], brief: Any, docs: dict[str, Rendered], stages: Stages, where: str) -> None:
    times = stages.times
    total = sum(times.values())
    chars = sum(len(a.text) for a in articles)
    print(
        f"corpus: {len(articles)} articles, {chars:,} characters; brief: {len(brief.refs)} references, "
        f"{brief.actors_total} actors; {where}"
    )
    print(f"{'stage':<14} {'seconds':>8} {'share':>7}  (the PDF stages: all rounds)")
    for stage, secs in times.items():
        print(f"{stage:<14} {secs:>8.2f} {secs / total:>7.1%}")
    print(f"{'total':<14} {total:>8.2f}")
    print(f"{'document':<14} {'seconds':>8} {'CPU s':>7} {'pages':>6} {'HTML MB':>8} {'PDF MB':>7}")
    for name, doc in docs.items():
        sizes = f"{len(doc.html) / 1e6:>8.2f} {len(doc.pdf) / 1e6:>7.2f}"
        print(f"{name:<14} {doc.seconds:>8.2f} {doc.cpu:>7.2f} {doc.pages:>6} {sizes}")
    real = docs["brief.pdf"].seconds + docs["appendix.pdf"].seconds
    real_cpu = docs["brief.pdf"].cpu + docs["appendix.pdf"].cpu
    floor, floor_cpu = docs["floor.pdf"].seconds, docs["floor.pdf"].cpu
    print(
        f"PDF / floor: {real / floor:.1f}x (brief + appendix in one piece in this process, "
        f"{real:.2f} s, floor {floor:.2f} s; CPU time: {real_cpu / floor_cpu:.1f}x)"
    )
    build = docs["appendix build"]
    print(
        f"build path (appendix as `build` renders it, in parts of 20 articles in workers above 20): "
        f"wall clock / floor's: "
        f"{(docs['brief.pdf'].seconds + build.seconds) / floor:.1f}x; "
        f"CPU of all processes / floor: {(docs['brief.pdf'].cpu + build.cpu) / floor_cpu:.1f}x"
    )
    if times["extract"]:
        print(
            f"extract: {len(articles) / times['extract']:.1f} articles/s; "
            f"PDF / HTML render time: {real / max(times['render HTML'], 1e-9):.0f}x; "
            f"PDF / extract: {real / times['extract']:.2f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--out", type=Path, default=None, help="write the brief here (default: a temp dir)")
    parser.add_argument("--profile", type=Path, default=None, help="cProfile the real PDF renders into FILE")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of renders, each document's best kept")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} is absent (the shared corpus is not available here)")
        return 0
    sys.path.insert(0, str(ROOT))
    stages = Stages()
    articles, brief = compose_brief(args, stages)
    docs = render_documents(brief, stages, args.profile, max(1, args.repeat))
    where = stages.run("write", lambda: write_files(args.out, brief, docs))
    report(articles, brief, docs, stages, where)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
