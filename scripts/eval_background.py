"""Background marking against a stories file's "background" list (../shared/eval/stories/*.json).

Reads the extraction JSONL of the window's articles (`briefing extract DIR --format jsonl`) and
the articles' texts, and reports the recall of the listed background sentences (a listed text
counts as found when a sentence marked background contains it), the marked sentences the list
does not hold (printed, to be looked at: the list may be incomplete) and the precision against
the list.

usage: python scripts/eval_background.py EXTRACTION.jsonl [--stories FILE] [--texts DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def _norm(text: str) -> str:
    return " ".join(text.split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extraction", type=Path)
    ap.add_argument("--stories", type=Path, default=SHARED / "stories" / "2018-06-12_2018-06-22.json")
    ap.add_argument("--texts", type=Path, default=SHARED / "dev")
    args = ap.parse_args()
    listed = json.loads(args.stories.read_text(encoding="utf-8"))["background"]
    articles = {x["article"] for x in listed}
    marked: dict[str, list[tuple[str, str]]] = {}
    for line in args.extraction.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("article") not in articles:
            continue
        text = (args.texts / f"{record['article']}.txt").read_text(encoding="utf-8")
        spans = record["sentences"]
        marked[record["article"]] = [
            (_norm(text[slice(*spans[b["sentence"]])]), b["reason"]) for b in record["background"]
        ]
    found = 0
    for item in listed:
        hit = any(_norm(item["text"]) in s for s, _ in marked.get(item["article"], ()))
        found += hit
        if not hit:
            print(f"missed  {item['article']}  {item['text']}  ({item['why']})")
    extra = 0
    total = 0
    for article, sentences in sorted(marked.items()):
        texts = [_norm(x["text"]) for x in listed if x["article"] == article]
        for sentence, reason in sentences:
            total += 1
            if not any(t in sentence for t in texts):
                extra += 1
                print(f"extra   {article}  [{reason}]  {sentence[:110]}")
    recall = found / len(listed) if listed else 0.0
    precision = (total - extra) / total if total else 0.0
    print(
        f"listed {len(listed)}, found {found} (recall {recall:.2f}); "
        f"marked {total}, not listed {extra} (precision {precision:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
