"""The English gist on the gold's own Arabic spans: chrF of claims, figures and titles.

Scores the gist alone (the extraction's spans set aside): every gold claim's `content_ar`, every
gold figure's `surface_ar` and every title (from the sidecar) is gisted and compared with the
gold English references by the scorer's own chrF (../shared/eval/score.py).

    .venv/bin/python scripts/eval_gist.py [--set dev] [--show 20]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"{EVAL / 'score.py'}: not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", default="dev")
    parser.add_argument("--show", type=int, default=0, help="print this many worst claims")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from briefing.pipeline import build_nlp
    from briefing.pipeline.gist import Gister, Known
    from briefing.resources import Resources
    from briefing.text.bama import shared_analyzer

    score = _scorer()
    resources = Resources.load()
    nlp = build_nlp(resources)
    gister = Gister.from_resources(resources, shared_analyzer())

    def known(arabic: str) -> list[Known]:
        """Names and figures the pipeline finds in the span, as it would in the article."""
        doc = nlp(arabic)
        out = [Known(f.start, f.end, f.en, "NUM") for f in doc._.figures if f.en]
        out += [Known(m.start, m.end, a.name_en) for a in doc._.actors for m in a.mentions]
        return out

    totals = {k: [[0, 0, 0] for _ in range(6)] for k in ("claims", "figures", "titles")}
    worst = []
    for gold_path in sorted((EVAL / args.set).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pairs = [("claims", c["content_ar"], c.get("content_en")) for c in gold.get("claims", [])]
        pairs += [("figures", f["surface_ar"], f.get("surface_en")) for f in gold.get("figures", [])]
        side = gold_path.with_name(gold_path.name.replace(".gold.json", ".json"))
        if gold.get("title_en") and side.is_file():
            pairs.append(
                ("titles", json.loads(side.read_text(encoding="utf-8")).get("title", ""), gold["title_en"])
            )
        for kind, arabic, refs in pairs:
            refs = [r for r in (refs if isinstance(refs, list) else [refs]) if r]
            if not refs or not arabic:
                continue
            hyp = gister.gist(arabic, known(arabic) if kind != "figures" else ())
            best = max((score.chrf_stats(hyp, r) for r in refs), key=score.chrf)
            for n, (m, h, r) in enumerate(best):
                for k, v in enumerate((m, h, r)):
                    totals[kind][n][k] += v
            if kind == "claims":
                worst.append((score.chrf(best), arabic, hyp, refs[0]))
    for kind, stats in totals.items():
        print(f"{kind}: chrF {score.chrf([tuple(s) for s in stats]):.1f}")
    for chrf, arabic, hyp, ref in sorted(worst)[: args.show]:
        print(f"\n{chrf:.0f}  {arabic}\n    gist: {hyp}\n    ref:  {ref}")


if __name__ == "__main__":
    main()
