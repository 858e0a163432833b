"""Missed and false entities of one ANERcorp cross-validation fold, sentence by sentence (TRAIN only).

Run from the repository root:
    .venv/bin/python scripts/ner_errors.py --fold 2 [--folds 5] [--config S:M] [--cli PATH] [--out FILE]
        [--summary]

Builds the lexicon from the other folds (as scripts/eval_ner_cv.py does), extracts the fold's
documents with the briefing CLI, maps the actor mentions to tokens the way ../shared/eval/ner_eval.py
does (a mention covers every token it overlaps; predictions touching a gold MISC entity are left
out), and prints each sentence that has an error: `- [TYPE] tokens` for a gold entity not found
exactly, `+ [TYPE] tokens` for a prediction that is not gold. `--summary` prints the counts of
errors by kind (missed, false, wrong type, wrong span) and the most frequent missed tokens.
`--config S:M[:K]` builds the fold's lexicon as eval_ner_cv.py's `--configs` does (99999:99999:
its common words and no names, the figure that transfers to unseen text). At the end the lexicon
is rebuilt from the whole train split. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from build_ner_lexicon import documents, read_conll  # noqa: E402
from eval_ner_cv import CLI, TRAIN, build  # noqa: E402

TYPE = {"PERSON": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}
Span = tuple[int, int, str]


def spans_from_bio(tags: list[str]) -> list[Span]:
    """IOB2 chunks, an I- after O opening one (as ner_eval.py reads them)."""
    out: list[Span] = []
    start, kind = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != kind):
            if start >= 0:
                out.append((start, i, kind))
                start, kind = -1, ""
            if t[:2] in ("B-", "I-"):
                start, kind = i, t[2:]
    return out


def layout(doc: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]], list[str], list[str]]:
    """The document's text as ner_eval.py writes it, token offsets, tokens and tags."""
    text, offs, toks, tags = "", [], [], []
    for sent in doc:
        for j, (tok, tag) in enumerate(sent):
            if j:
                text += " "
            offs.append((len(text), len(text) + len(tok)))
            text += tok
            toks.append(tok)
            tags.append(tag)
        text += "\n"
    return text, offs, toks, tags


def predicted(obj: dict, offs: list[tuple[int, int]], misc: list[tuple[int, int]]) -> set[Span]:
    pred: set[Span] = set()
    for actor in obj.get("actors", []):
        kind = TYPE.get(actor.get("type"))
        if not kind:
            continue
        for m in actor.get("mentions", []):
            toks = [i for i, (a, b) in enumerate(offs) if a < m["end"] and m["start"] < b]
            if toks and not any(toks[0] < me and ms < toks[-1] + 1 for ms, me in misc):
                pred.add((toks[0], toks[-1] + 1, kind))
    return pred


def report(toks: list[str], gold: set[Span], pred: set[Span], tally: Counter, missed: Counter) -> list[str]:
    lines = []
    for s, e, k in sorted(gold - pred):
        over = [p for p in pred if p[0] < e and s < p[1]]
        why = "type" if any(p[:2] == (s, e) for p in over) else "span" if over else "missed"
        tally[f"{k} {why}"] += 1
        if why == "missed":
            missed[f"{k} {' '.join(toks[s:e])}"] += 1
        lines.append(f"  - [{k}] {' '.join(toks[s:e])} ({why})")
    for s, e, k in sorted(pred - gold):
        over = [g for g in gold if g[0] < e and s < g[1]]
        tally[f"{k} false{'' if not over else ' overlap'}"] += 1
        lines.append(f"  + [{k}] {' '.join(toks[s:e])}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fold", type=int, required=True, help="1-based")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cli", type=Path, default=CLI)
    ap.add_argument("--config", default=None, help="S:M[:K] minimum counts, as eval_ner_cv.py --configs")
    ap.add_argument("--out", type=Path, default=None, help="write the report here (default stdout)")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--save", type=Path, default=None, help="write the CLI's JSONL output here")
    args = ap.parse_args(argv)
    docs = documents(read_conll(TRAIN))
    size = -(-len(docs) // args.folds)
    a, b = (args.fold - 1) * size, min(len(docs), args.fold * size)
    lines: list[str] = []
    tally: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    try:
        build(f"{a}:{b}", args.config)
        with tempfile.TemporaryDirectory() as tmp:
            # ner_eval.py groups the fold's sentences into documents of 40, as documents() does.
            layouts = {}
            for d, doc in enumerate(docs[a:b]):
                name = f"doc{d:04d}"
                text, offs, toks, tags = layout(doc)
                Path(tmp, name + ".txt").write_text(text, encoding="utf-8")
                layouts[name] = (doc, offs, toks, tags)
            cmd = [str(args.cli), "extract", tmp, "--format", "jsonl"]
            run = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if args.save:
                args.save.write_text(run.stdout, encoding="utf-8")
            preds = {o["article"]: o for o in map(json.loads, filter(str.strip, run.stdout.splitlines()))}
    finally:
        build(None, None)
    tp = n_pred = n_gold = 0
    for name, (doc, offs, toks, tags) in layouts.items():
        chunks = spans_from_bio(tags)
        misc = [(s, e) for s, e, k in chunks if k == "MISC"]
        gold = {c for c in chunks if c[2] != "MISC"}
        pred = predicted(preds.get(name, {}), offs, misc)
        tp, n_pred, n_gold = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold)
        pos = 0
        for j, sent in enumerate(doc):
            end = pos + len(sent)
            g = {x for x in gold if pos <= x[0] < end}
            p = {x for x in pred if pos <= x[0] < end}
            errs = report(toks, g, p, tally, missed)
            if errs:
                lines.append(f"{name}/{j}: {' '.join(toks[pos:end])}")
                lines += errs
            pos = end
    pr, rc = tp / max(n_pred, 1), tp / max(n_gold, 1)
    lines.append(f"fold {args.fold}: P {pr:.3f} R {rc:.3f} F1 {2 * pr * rc / max(pr + rc, 1e-9):.3f}")
    if args.summary:
        lines += [f"{n:5d} {k}" for k, n in tally.most_common()]
        lines += [f"{n:5d} missed {k}" for k, n in missed.most_common(60)]
    out = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
