"""The appendix's PDF in parts: its articles in chunks, laid out in worker processes, joined.

One WeasyPrint layout of a long appendix holds every page's boxes at once (gigabytes at a few
hundred articles) on one core. Here each part (the cover and the first articles, then the next
articles …, the actors index with the last) is rendered alone, in at most one process per core,
each holding one part's layout at a time, and the parts are joined in order with pypdf:

- the outline is rebuilt from every part's bookmarks with their levels, as WeasyPrint nests
  them in one document (each article under "Articles");
- named destinations (#src-N, #ref-N …) are kept, and a link to an anchor in another part (the
  actors index to its articles) leaves its part as "#name" and is pointed back at the name;
- the parts are rendered without their running header and footer; once the number of pages is
  known, blank pages bearing only them ("Page N of M") are laid over the joined pages, so the
  numbers run on across parts.

The joined file is not tagged (pypdf keeps no structure tree); the brief proper, one piece,
is. A part leaves its worker without its structure tree (laid out and drawn tagged, as the one
piece is, so its content streams and their order are the same): pypdf reads every object of a
part it joins (they share one object stream) and keeps them until the joined file is written,
and the tree's elements (some 15,000 in 40 articles) made the join of a 300-article window hold
0.6 GB instead of 0.2 GB, and twice as long (bench/bench_memory.py).

A window of fewer than two parts is rendered in one piece, in process, as before.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from io import BytesIO
from multiprocessing import get_context
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from briefing import collector
from briefing.config import Paths
from briefing.errors import RenderError
from briefing.model.brief import Brief
from briefing.render import AppendixPart, Renderer

# Articles per part: enough that a part's fixed cost (a process's fonts, a PDF's font subsets)
# is spread, few enough that a part's layout stays small. BRIEFING_APPENDIX_CHUNK overrides it
# (the tests force parts on a small window with it). 20, not 40: the 300-article window's tree
# peaked at 0.79 GB instead of 1.03 GB (two workers of 0.15-0.25 GB instead of 0.25-0.33 GB),
# for 6% more CPU (one run).
CHUNK = 20
CHUNK_ENV = "BRIEFING_APPENDIX_CHUNK"
# Each worker holds about 0.1 GB (Python, WeasyPrint, fonts) and one part's layout (0.05-0.15 GB
# for 20 articles, more for the last with the actors index, bench/bench_memory.py): more cores
# than this would buy speed with memory.
MAX_WORKERS = 4

# A part has no running header or footer of its own: the overlay of appendix_pages.html draws
# them. !important beats the brief's @page rules whatever their page name or pseudo-class.
_BOXES = (
    "top-left-corner top-left top-center top-right top-right-corner bottom-left-corner bottom-left "
    "bottom-center bottom-right bottom-right-corner left-top left-middle left-bottom right-top "
    "right-middle right-bottom"
).split()
NO_MARGIN_BOXES = "\n@page { " + " ".join(f"@{b} {{ content: none !important; }}" for b in _BOXES) + " }\n"

PARENT_CHECK = 0.5  # seconds between a worker's looks at whether its build is still there


def chunk_size() -> int:
    """Articles per part: CHUNK, or a positive BRIEFING_APPENDIX_CHUNK."""
    value = os.environ.get(CHUNK_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else CHUNK


def worker_count(parts: int) -> int:
    """Processes for `parts` parts: one per available core, at most MAX_WORKERS."""
    return max(1, min(parts, available_cores(), MAX_WORKERS))


def available_cores() -> int:
    """The cores this process may run on (its affinity, which a container or taskset narrows)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def split(brief: Brief, size: int, css: str = NO_MARGIN_BOXES) -> list[AppendixPart]:
    """The appendix's parts: `size` articles each, the cover with the first, the index with the last."""
    articles = brief.articles
    starts = range(0, len(articles), size)
    last = starts[-1] if starts else 0
    return [AppendixPart(articles[i : i + size], cover=i == 0, index=i == last, css=css) for i in starts]


def chunked(renderer: Renderer, brief: Brief) -> bool:
    """Whether the appendix's PDF is rendered in parts: two parts at least, and the packaged
    appendix template (a user's own knows nothing of parts)."""
    own = renderer.user_templates is not None and (renderer.user_templates / "appendix.html").is_file()
    return not brief.empty and not own and len(brief.articles) > chunk_size()


@dataclass(frozen=True)
class RenderedPart:
    """A part's PDF, its page count, and its bookmarks: (level, label, page, x, y, state), the
    page counted in the part and x, y in PDF points."""

    pdf: bytes
    pages: int
    bookmarks: tuple[tuple[int, str, int, float, float, str], ...]


def appendix_pdf(
    renderer: Renderer,
    brief: Brief,
    *,
    arabic_digits: bool = False,
    proper: str = "brief.pdf",
    progress: Callable[[str | None], None] | None = None,
    workers: int | None = None,
) -> bytes:
    """The appendix's PDF rendered in parts (see the module) and joined; `progress` hears each
    part done (with what it was)."""
    parts = split(brief, chunk_size())
    htmls = [
        renderer.appendix_html(brief, arabic_digits=arabic_digits, proper=proper, part=p, printed=True)
        for p in parts
    ]
    count = min(workers or worker_count(len(htmls)), len(htmls))
    collector.give_back()  # what the build is done with, before the workers add theirs
    rendered = list(_render_all(renderer, htmls, count, progress or (lambda note: None)))
    total = sum(r.pages for r in rendered)
    overlay = renderer.pdf(renderer.appendix_pages_html(brief, total, arabic_digits=arabic_digits))
    return join(rendered, overlay)


def _render_all(
    renderer: Renderer, htmls: Sequence[str], workers: int, progress: Callable[[str | None], None]
) -> Iterator[RenderedPart]:
    """Every part rendered, in order, in `workers` processes; a worker's failure is a RenderError,
    and an interrupted run (Ctrl-C) stops the workers before it goes on.

    The parts go in rounds of `workers`, each round in fresh processes: a worker that went on
    to the next part kept what the last had left (WeasyPrint's caches, a fragmented heap) and
    grew from 0.17 GB after its first part to 0.38 GB (300 articles, bench/bench_memory.py),
    for a second or two of start-up per part."""
    for start in range(0, len(htmls), workers):
        for number, part in enumerate(_render_round(renderer, htmls[start : start + workers]), start + 1):
            progress(f"part {number}/{len(htmls)}, {part.pages} pages")
            yield part


def _render_round(renderer: Renderer, htmls: Sequence[str]) -> Iterator[RenderedPart]:
    """`htmls` rendered in order, one process each."""
    context = get_context("spawn")  # a fresh interpreter: no copy of the pipeline in the workers
    pool = ProcessPoolExecutor(
        max_workers=len(htmls),
        mp_context=context,
        initializer=_start_worker,
        initargs=(renderer.paths, renderer.user_templates, os.getpid()),
    )
    try:
        futures: list[Future[RenderedPart]] = [pool.submit(render_part, html) for html in htmls]
        for future in futures:
            yield _result(future)
    finally:
        _stop(pool)


def _result(future: Future[RenderedPart]) -> RenderedPart:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise RenderError(f"appendix PDF: a rendering process ended abruptly (out of memory?) {exc}") from exc


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down without waiting for parts nobody will read (after a failure or Ctrl-C)."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
        process.join()


_worker: Renderer | None = None
_worker_args: tuple[Paths, Path | None] | None = None


def _start_worker(paths: Paths, templates: Path | None, parent: int) -> None:
    """A worker's start: Ctrl-C is the parent's to handle (it stops the workers), and the
    Renderer is made on the first part, so that its failure comes back as that part's error."""
    global _worker_args
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_args = (paths, templates)
    threading.Thread(target=_end_with_parent, args=(parent,), daemon=True).start()


def _end_with_parent(parent: int) -> None:
    """A worker whose build was killed (cron's timeout, kill -9) ends at once instead of
    finishing a part nobody will read: it is adopted by another process then (perhaps before
    this worker started, so `parent` is the pid the build passed, not the worker's own look)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def _renderer() -> Renderer:
    """The worker's Renderer, made on its first part."""
    global _worker
    if _worker is None:
        paths, templates = _worker_args or (None, None)
        _worker = Renderer(paths, templates)
    return _worker


def render_part(html: str) -> RenderedPart:
    """One part's PDF (in a worker): its links to other parts made "#name" links (join points
    them back), its bookmarks and page count read from the layout."""
    seen: dict[str, Any] = {}

    def inspect(document: Any) -> None:
        seen["pages"] = len(document.pages)
        seen["bookmarks"] = tuple(_bookmarks(document))
        _unresolved_links_by_name(document)

    try:
        pdf = _without_structure(_renderer().pdf(html, laid_out=inspect))
    except RenderError:
        raise
    except Exception as exc:  # anything else must still cross back as one picklable error
        raise RenderError(f"PDF: {type(exc).__name__}: {exc}") from None
    return RenderedPart(pdf, seen["pages"], seen["bookmarks"])


def _without_structure(pdf: bytes) -> bytes:
    """The part's PDF without its structure tree, which the joined file would not keep (see the
    module): the rest (pages, links, named destinations, metadata) copied as it is."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(BytesIO(pdf))
    for key in ("/StructTreeRoot", "/MarkInfo"):
        reader.root_object.pop(key, None)
    out = BytesIO()
    PdfWriter(clone_from=reader).write(out)
    return out.getvalue()


def _bookmarks(document: Any) -> Iterator[tuple[int, str, int, float, float, str]]:
    """Each page's bookmarks in PDF points (origin bottom left), as WeasyPrint writes them."""
    scale = 0.75  # CSS px to PDF points
    for number, page in enumerate(document.pages):
        for level, label, (x, y), state in page.bookmarks:
            yield level, label, number, x * scale, (page.height - y) * scale, state


def _unresolved_links_by_name(document: Any) -> None:
    """Links to an anchor of another part: "#name" links (WeasyPrint drops internal links to
    anchors it has not laid out), which join() turns back into links to the named destination."""
    anchors = {name for page in document.pages for name in page.anchors}
    for page in document.pages:
        page.links = [
            ("external", f"#{target}", rect, box) if kind == "internal" and target not in anchors else link
            for link in page.links
            for kind, target, rect, box in (link,)
        ]


def join(parts: Sequence[RenderedPart], overlay: bytes) -> bytes:
    """The parts' pages in order with their named destinations and links, one outline over
    all of them, and the overlay's page i laid over page i."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(BytesIO(part.pdf)), import_outline=False)
    first = PdfReader(BytesIO(parts[0].pdf))
    if first.metadata:
        writer.add_metadata(dict(first.metadata))
    root = first.root_object
    for key in ("/Lang", "/ViewerPreferences"):
        if key in root:
            writer.root_object[NameObject(key)] = root[key].clone(writer)
    _lay_over(writer, PdfReader(BytesIO(overlay)))
    _links_by_name(writer)
    _outline(writer, parts)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _lay_over(writer: Any, overlay: Any) -> None:
    if len(overlay.pages) != len(writer.pages):
        raise RenderError(
            f"appendix PDF: {len(overlay.pages)} pages of running headers for {len(writer.pages)} pages"
        )
    for page, over in zip(writer.pages, overlay.pages, strict=True):
        page.merge_page(over)
        page.compress_content_streams()  # merging leaves the page's content uncompressed (4x the file)


def _links_by_name(writer: Any) -> None:
    """The "#name" links of _unresolved_links_by_name, to the named destination of that name."""
    from pypdf.generic import NameObject, TextStringObject

    names = set(writer.named_destinations)
    for page in writer.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            action = annot.get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if uri.startswith("#") and uri[1:] in names:
                del annot["/A"]
                annot[NameObject("/Dest")] = TextStringObject(uri[1:])


def _outline(writer: Any, parts: Sequence[RenderedPart]) -> None:
    """One outline over the joined pages, nested by the bookmarks' levels as WeasyPrint nests
    those of one document (its own function, over stand-ins for the pages)."""
    from pypdf.generic import Fit
    from weasyprint.anchors import make_page_bookmark_tree
    from weasyprint.matrix import Matrix

    pages: list[SimpleNamespace] = []
    for part in parts:
        here = [SimpleNamespace(bookmarks=[]) for _ in range(part.pages)]
        for level, label, number, x, y, state in part.bookmarks:
            here[number].bookmarks.append((level, label, (x, y), state))
        pages.extend(here)
    root: list[Any] = []
    skipped: list[int] = []
    last_by_depth: list[list[Any]] = [root]
    previous = 0
    for number, page in enumerate(pages):
        previous = make_page_bookmark_tree(page, skipped, last_by_depth, previous, number, Matrix())

    def add(tree: list[Any], parent: Any) -> None:
        for label, (number, x, y), children, state in tree:
            item = writer.add_outline_item(
                label, number, parent=parent, fit=Fit.xyz(x, y, 0), is_open=state != "closed"
            )
            add(children, item)

    add(root, None)
