"""Time each stage of a brief over the whole shared corpus: read, extract, compose, HTML, PDF.

    .venv/bin/python bench/bench_build.py [--corpus ../shared/corpus/articles.jsonl] [--limit N] [--out DIR]

Reads the JSONL corpus (id, title, published, source, url, text) into Article objects, runs the
pipeline, composes one brief over all of them and renders it. Prints seconds per stage and each
stage's share of the run; the brief is written to a temporary directory (or --out).
Skips with a message when the shared corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--out", type=Path, default=None, help="write the brief here (default: a temp dir)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} is absent (the shared corpus is not available here)")
        return 0

    sys.path.insert(0, str(ROOT))
    from briefing.compose import compose
    from briefing.deliver.files import brief_dir_name, brief_json, write_brief
    from briefing.extract import extract_articles
    from briefing.model.contract import Article
    from briefing.pipeline import build_nlp
    from briefing.render import Renderer
    from briefing.resources import Resources

    times: dict[str, float] = {}

    t = time.perf_counter()
    articles = []
    with args.corpus.open(encoding="utf-8") as fh:
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
            if args.limit and len(articles) >= args.limit:
                break
    times["read"] = time.perf_counter() - t

    t = time.perf_counter()
    resources = Resources.load()
    nlp = build_nlp(resources)
    times["load pipeline"] = time.perf_counter() - t

    t = time.perf_counter()
    extractions = list(extract_articles(nlp, articles, resources.version))
    times["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    brief = compose(extractions)
    times["compose"] = time.perf_counter() - t

    t = time.perf_counter()
    renderer = Renderer()
    html = renderer.html(brief)
    times["render HTML"] = time.perf_counter() - t

    t = time.perf_counter()
    pdf = renderer.pdf(html)
    times["render PDF"] = time.perf_counter() - t

    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        day = write_brief(
            out,
            brief_dir_name(brief),
            {
                "brief.html": html.encode("utf-8"),
                "brief.json": brief_json(brief),
                "brief.pdf": pdf,
            },
        )
        where = str(day) if args.out else "(temporary directory, removed)"
    times["write"] = time.perf_counter() - t

    total = sum(times.values())
    chars = sum(len(a.text) for a in articles)
    from io import BytesIO

    from pypdf import PdfReader  # dev dependency; only for the page count

    pages = len(PdfReader(BytesIO(pdf)).pages)
    print(
        f"corpus: {len(articles)} articles, {chars:,} characters; brief: {len(brief.refs)} references, "
        f"{brief.actors_total} actors, {pages} PDF pages, "
        f"HTML {len(html) / 1e6:.1f} MB, PDF {len(pdf) / 1e6:.1f} MB; {where}"
    )
    print(f"{'stage':<14} {'seconds':>8} {'share':>7}")
    for stage, secs in times.items():
        print(f"{stage:<14} {secs:>8.2f} {secs / total:>7.1%}")
    print(f"{'total':<14} {total:>8.2f}")
    if times["extract"]:
        print(
            f"extract: {len(articles) / times['extract']:.1f} articles/s; "
            f"PDF / HTML render time: {times['render PDF'] / max(times['render HTML'], 1e-9):.0f}x; "
            f"PDF / extract: {times['render PDF'] / times['extract']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
