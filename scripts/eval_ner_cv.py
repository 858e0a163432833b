"""k-fold cross-validation of the ANERcorp lexicon on the TRAIN split, with the real CLI and scorer.

Run from the repository root:
    .venv/bin/python scripts/eval_ner_cv.py [--folds 5] [--only 2] [--configs 2:1,1:1] [--no-baseline]
        [--cli PATH] [--keep DIR]

The train documents (40 sentences each, as ../shared/eval/ner_eval.py groups them) are cut into
`--folds` contiguous blocks. For each block: the lexicon is built by scripts/build_ner_lexicon.py
from the other blocks and written to briefing/resources/actors_anercorp.yaml (the CLI loads it
from there), the held-out block is written as a CoNLL file, and ner_eval.py scores
`.venv/bin/briefing` on it; the baseline runs the same block with no lexicon file. A config
"S:M[:K]" sets the minimum count of one-token (S) and multi-token (M) surfaces and the
margin K of one-token surfaces (right K times as often as wrong; default 1). Folds run one after
the other, since the resources directory holds one lexicon at a time; at the end the lexicon is
rebuilt from the whole train split with the script's defaults. The test split is never read.

`--only K` runs fold K alone (1-based), for quick iteration; `--cli` names the briefing command
that ner_eval.py runs (default `.venv/bin/briefing` of this checkout; a worktree without its own
venv passes a wrapper that runs `python -m briefing` with its PYTHONPATH); `--keep DIR` writes
each held-out fold's CoNLL file there (scripts/ner_errors.py prints a fold's errors).

The CLI runs with its cache (BRIEFING_CACHE) in a temporary folder removed at the end: each
fold's lexicon makes another pipeline of about 18 MB, which would otherwise stay in the user's
cache for a day (hundreds of them after a few runs).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
TRAIN = SHARED / "anercorp" / "ANERCorp_CamelLab_train.txt"
LEXICON = ROOT / "briefing" / "resources" / "actors_anercorp.yaml"
BUILD = ROOT / "scripts" / "build_ner_lexicon.py"
TYPES = ("PERS", "LOC", "ORG", "ALL")
_LINE = re.compile(r"^(PERS|LOC|ORG|NER\b.*?): P ([\d.]+) R ([\d.]+) F1 ([\d.]+)")

sys.path.insert(0, str(ROOT / "scripts"))
from build_ner_lexicon import documents, read_conll  # noqa: E402

CLI = ROOT / ".venv" / "bin" / "briefing"


def score(conll: Path, cli: Path = CLI, cache: str | None = None) -> dict[str, tuple[float, float, float]]:
    run = subprocess.run(
        [
            sys.executable,
            str(SHARED / "ner_eval.py"),
            "--conll",
            str(conll),
            "--cli",
            str(cli),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BRIEFING_CACHE": cache} if cache else None,
    )
    out: dict[str, tuple[float, float, float]] = {}
    for line in run.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            kind = m.group(1) if m.group(1) in TYPES else "ALL"
            out[kind] = (float(m.group(2)), float(m.group(3)), float(m.group(4)))
    if set(out) != set(TYPES):
        raise RuntimeError(f"ner_eval.py gave no scores: {run.stdout[-300:]} {run.stderr[-300:]}")
    return out


def build(hold_out: str | None, config: str | None) -> None:
    cmd = [sys.executable, str(BUILD), "--train", str(TRAIN), "--out", str(LEXICON)]
    if hold_out:
        cmd += ["--hold-out", hold_out]
    if config:
        single, multi, margin = [*config.split(":"), "1"][:3]
        cmd += ["--min-single", single, "--min-multi", multi, "--single-margin", margin]
    subprocess.run(cmd, check=True, capture_output=True)


def table(name: str, rows: list[dict[str, tuple[float, float, float]]]) -> None:
    print(f"\n{name}")
    print("fold  " + "  ".join(f"{k:>4} P     R     F1 " for k in TYPES))
    for i, r in enumerate(rows, 1):
        print(f"{i:>4}  " + "  ".join(f"     {r[k][0]:.3f} {r[k][1]:.3f} {r[k][2]:.3f}" for k in TYPES))
    mean = {k: tuple(sum(r[k][j] for r in rows) / len(rows) for j in range(3)) for k in TYPES}
    print("mean  " + "  ".join(f"     {mean[k][0]:.3f} {mean[k][1]:.3f} {mean[k][2]:.3f}" for k in TYPES))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--configs", default="", help="comma-separated S:M minimum counts; empty: the defaults")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--only", type=int, default=0, help="run this fold alone (1-based)")
    ap.add_argument("--cli", type=Path, default=CLI, help="the briefing command ner_eval.py runs")
    ap.add_argument("--keep", type=Path, default=None, help="write each held-out fold's CoNLL file here")
    args = ap.parse_args(argv)
    if not TRAIN.is_file():
        print(f"{TRAIN} is absent")
        return 1

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    docs = documents(read_conll(TRAIN))
    size = -(-len(docs) // args.folds)
    configs = [c for c in args.configs.split(",") if c] or [""]
    results: dict[str, list[dict[str, tuple[float, float, float]]]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory(prefix="cv-") as cache:
            for k in range(args.folds):
                if args.only and k + 1 != args.only:
                    continue
                a, b = k * size, min(len(docs), (k + 1) * size)
                conll = Path(args.keep or tmp, f"fold{k + 1}.conll")
                sents = [s for d in docs[a:b] for s in d]
                conll.write_text(
                    "\n\n".join("\n".join(f"{t} {g}" for t, g in s) for s in sents) + "\n", encoding="utf-8"
                )
                if not args.no_baseline:
                    LEXICON.unlink(missing_ok=True)
                    results.setdefault("without lexicon", []).append(score(conll, args.cli, cache))
                    print(
                        f"fold {k + 1} without lexicon: {results['without lexicon'][-1]['ALL']}", flush=True
                    )
                for config in configs:
                    build(f"{a}:{b}", config)
                    name = f"with lexicon {config or 'defaults'}"
                    results.setdefault(name, []).append(score(conll, args.cli, cache))
                    print(f"fold {k + 1} {name}: {results[name][-1]['ALL']}", flush=True)
    finally:
        build(None, None)
    for name, rows in results.items():
        table(name, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
