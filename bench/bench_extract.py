"""Extraction speed and memory over ../shared/corpus/articles.jsonl, against spaCy's tokenizer.

Reports articles/s, words/s, the peak resident memory, and the ratio of the full pipeline's time
to the tokenizer's alone on the same texts in the same run (target: at most 4x, the English gist
of claims, figures and titles included). Each is timed `--repeat` times and the best run kept,
since the machines are noisy; the ratios are given in wall-clock and in CPU time (the process's
own, which other processes on a busy machine do not inflate). For reference, the ratio to a blank
spaCy Arabic pipeline's tokenizer (spaCy's defaults, its own vocabulary) is printed too.

usage: .venv/bin/python bench/bench_extract.py [--corpus PATH] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def best_of(repeat: int, fn) -> tuple[float, float]:
    """The best wall-clock and the best CPU time of `repeat` runs of `fn`."""
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def stage_times(nlp, texts: list[str]) -> dict[str, tuple[float, float]]:
    """Each component's wall-clock and CPU time over the texts, once."""
    per_stage = {}
    for name, proc in nlp.pipeline:
        docs = [nlp.make_doc(t) for t in texts]
        # Run the earlier components first so each stage sees its real input.
        for earlier, p in nlp.pipeline:
            if earlier == name:
                break
            docs = [p(d) for d in docs]
        w0, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            proc(d)
        per_stage[name] = (time.perf_counter() - w0, time.process_time() - c0)
    return per_stage


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} is absent (the shared corpus is needed for this benchmark)")
        return 0

    import spacy

    from briefing.extract import extract_articles
    from briefing.model.contract import Article
    from briefing.pipeline import build_nlp
    from briefing.resources import Resources

    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    t0 = time.perf_counter()
    resources = Resources.load(
        Path(__import__("os").environ["BRIEFING_RES"]) if "BRIEFING_RES" in __import__("os").environ else None
    )
    nlp = build_nlp(resources)
    load_time = time.perf_counter() - t0
    # Warm the caches (lexemes, fold cache) the way a long batch would, then time.
    list(extract_articles(nlp, articles[:20], resources.version))

    def tokenize() -> None:
        for text in texts:
            nlp.make_doc(text)

    def pipeline() -> None:
        for _ in extract_articles(nlp, articles, resources.version):
            pass

    blank = spacy.blank("ar")

    def tokenize_blank() -> None:
        for text in texts:
            blank.make_doc(text)

    tokenize_blank()  # its vocabulary learns the corpus's words first, as the pipeline's has
    tok, tok_cpu = best_of(args.repeat, tokenize)
    full, full_cpu = best_of(args.repeat, pipeline)
    spacy_tok, spacy_tok_cpu = best_of(args.repeat, tokenize_blank)
    per_stage = stage_times(nlp, texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {len(articles)} articles, {words} words")
    print(f"pipeline load: {load_time:.2f} s (once per process)")
    print(f"tokenizer alone: {tok:.3f} s (CPU {tok_cpu:.3f} s)")
    print(f"blank spaCy tokenizer: {spacy_tok:.3f} s (CPU {spacy_tok_cpu:.3f} s)")
    print(
        f"full extraction: {full:.3f} s (CPU {full_cpu:.3f} s) = {len(articles) / full:.1f} articles/s, "
        f"{words / full:,.0f} words/s"
    )
    print(f"ratio full / tokenizer: {full / tok:.2f}x, CPU {full_cpu / tok_cpu:.2f}x (target <= 4x)")
    print(f"ratio full / blank spaCy tokenizer: {full / spacy_tok:.2f}x, CPU {full_cpu / spacy_tok_cpu:.2f}x")
    for name, (secs, cpu) in per_stage.items():
        print(
            f"  {name:<22} {secs:.3f} s  ({secs / tok:.2f}x tokenizer; CPU {cpu:.3f} s, {cpu / tok_cpu:.2f}x)"
        )
    print(f"peak resident memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
