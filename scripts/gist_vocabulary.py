"""The most frequent words of the shared corpus with the gist's English for each: what to review
when growing briefing/resources/glossary.yaml.

The development and seed articles are left out of the counts, so that the glossary is grown from
news Arabic at large and not from the sentences it is scored on. Each line: count, the word as
written most often, its English in context (the gist of the word with its neighbours), and the
lexicon's readings.

    .venv/bin/python scripts/gist_vocabulary.py --top 500 [--unknown-only]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--skip", type=int, default=0, help="start after this many words")
    parser.add_argument("--unknown-only", action="store_true", help="only words the glossary lacks")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from briefing.pipeline.gist import Gister
    from briefing.resources import Resources
    from briefing.text.bama import shared_analyzer
    from briefing.text.normalize import fold

    held_out = {
        p.name.split(".")[0] for d in ("dev", "seeds") for p in (SHARED / "eval" / d).glob("*.gold.json")
    }
    counts: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = {}
    for line in (SHARED / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] in held_out:
            continue
        for word in re.findall(r"[\u0621-\u064a]+", rec["text"]):
            key = fold(word)
            counts[key] += 1
            spelling.setdefault(key, Counter())[word] += 1
    gister = Gister.from_resources(Resources.load(), shared_analyzer())
    analyzer = gister.tables.analyzer
    shown = 0
    for key, n in counts.most_common()[args.skip :]:
        if shown >= args.top:
            break
        if args.unknown_only and key in gister.tables.words:
            continue
        word = spelling[key].most_common(1)[0][0]
        readings = analyzer.analyse(word) if analyzer else ()
        lexicon = "; ".join(f"{a.stem.pos}:{a.senses[0] if a.senses else ''}" for a in readings[:4])
        print(f"{n:6d}  {word:<14} {gister.gist(word):<32} | {lexicon}")
        shown += 1


if __name__ == "__main__":
    main()
