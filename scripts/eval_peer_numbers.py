"""Score the number grammar and the figures component on the peer suites of ../shared/eval/peer.

Phrase suites (Duckling numerals and ordinals, pyarabic, Humanizer, num2words): the whole phrase
must read as one number with the expected value. Sentence suites (Recognizers-Text number,
percent, number range): an expected span counts as found when a figure overlaps it with the same
value (0.5%); precision counts figures that overlap no expected span in sentences that have
some. Money (Duckling): value, currency and qualifier of the figure over the whole phrase.
Cases the peer README marks `suspect` or `inconsistent` are skipped. Usage:

    .venv/bin/python scripts/eval_peer_numbers.py [--peer ../shared/eval/peer] [--show 5]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.resources import Resources
from briefing.resources.schema import NumbersFile
from briefing.text.numbers import NumberGrammar, split_words

ROOT = Path(__file__).resolve().parent.parent
PHRASE_SUITES = {
    "duckling_ar_numeral.json": "cardinal",
    "duckling_ar_ordinal.json": "ordinal",
    "pyarabic_numbers.json": "any",
    "humanizer_ar_numbers.json": "any",
    "num2words_ar.json": "any",
}
SENTENCE_SUITES = (
    "recognizers_ar_number.json",
    "recognizers_ar_percent.json",
    "recognizers_ar_number_range.json",
)


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def phrase_value(grammar: NumberGrammar, text: str, mode: str) -> float | None:
    words = [w for _, _, w in split_words(text)]
    if not words:
        return None
    parsers = []
    if mode in ("cardinal", "any"):
        parsers.append(grammar.parse)
    if mode in ("ordinal", "any"):
        parsers.append(grammar.parse_ordinal)
    for parse in parsers:
        p = parse(words, 0)
        if p is not None and p.end == len(words):
            return p.value
    return None


def score_phrases(grammar: NumberGrammar, peer: Path, show: int) -> None:
    for name, mode in PHRASE_SUITES.items():
        path = peer / name
        if not path.exists():
            continue
        rows = [r for r in json.loads(path.read_text()) if not r.get("suspect") and not r.get("negative")]
        if name == "num2words_ar.json":
            rows = [
                r for r in rows if r.get("to") in ("cardinal", "ordinal") and isinstance(r.get("value"), int)
            ]
        if name in ("humanizer_ar_numbers.json", "pyarabic_numbers.json"):
            rows = [r for r in rows if isinstance(r.get("value"), (int, float))]
        if name == "duckling_ar_numeral.json":
            rows = [r for r in rows if "/" not in r["text"]]  # ١١/١٠ fractions: dates in news
        ok, misses = 0, []
        for r in rows:
            kind = r.get("kind", mode)
            got = phrase_value(grammar, r["text"], "ordinal" if kind == "ordinal" else mode)
            if close(got, float(r["value"])):
                ok += 1
            else:
                misses.append((r["text"], r["value"], got))
        print(f"{name:32} {ok}/{len(rows)} = {ok / max(len(rows), 1):.3f}")
        for miss in misses[:show]:
            print("    miss:", miss)


def score_sentences(figures: Callable[[str], list[dict[str, Any]]], peer: Path, show: int) -> None:
    for name in SENTENCE_SUITES:
        path = peer / name
        if not path.exists():
            continue
        found = expected = predicted = correct_pred = 0
        misses: list[Any] = []
        for row in json.loads(path.read_text()):
            if row.get("inconsistent"):
                continue
            gold = [
                e
                for e in row.get("expected", [])
                if isinstance(e.get("value"), (int, float)) or isinstance(e.get("interval"), dict)
            ]
            preds = figures(row["text"])
            for e in gold:
                expected += 1
                low = e.get("interval", {}).get("low") if "interval" in e else e["value"]
                high = e.get("interval", {}).get("high") if "interval" in e else None
                hit = any(
                    f["start"] < e["end"]
                    and e["start"] < f["end"]
                    and (
                        close(f["value"], low)
                        or (low is None and close(f["value"], high))
                        # fractions of something are reported as percent figures (نصف → 50)
                        or (f["category"] == "percent" and low is not None and close(f["value"], low * 100))
                        or (f.get("high") is not None and close(f["high"], high))
                    )
                    for f in preds
                )
                found += hit
                if not hit:
                    misses.append(
                        (row["text"], e["span"], low, high, [(f["text"], f["value"]) for f in preds])
                    )
            if gold:
                predicted += len(preds)
                correct_pred += sum(
                    any(f["start"] < e["end"] and e["start"] < f["end"] for e in gold) for f in preds
                )
        print(
            f"{name:32} recall {found}/{expected} = {found / max(expected, 1):.3f}   "
            f"precision {correct_pred}/{predicted} = {correct_pred / max(predicted, 1):.3f}"
        )
        for miss in misses[:show]:
            print("    miss:", miss)


def score_money(figures: Callable[[str], list[dict[str, Any]]], peer: Path, show: int) -> None:
    path = peer / "duckling_ar_money.json"
    if not path.exists():
        return
    ok, misses, rows = 0, [], json.loads(path.read_text())
    for r in rows:
        value = r["value"]
        low, high = (value.get("low"), value.get("high")) if isinstance(value, dict) else (value, None)
        preds = [f for f in figures(r["text"]) if f["category"] == "money"]
        want_unit = r.get("currency")
        good = any(
            (close(f["value"], low) if low is not None else close(f["value"], high))
            and (high is None or low is None or close(f.get("high"), high))
            and (want_unit is None or f["unit"] == want_unit)
            for f in preds
        )
        ok += good
        if not good:
            misses.append((r["text"], value, want_unit, [(f["value"], f["high"], f["unit"]) for f in preds]))
    print(f"{'duckling_ar_money.json':32} {ok}/{len(rows)} = {ok / len(rows):.3f}")
    for miss in misses[:show]:
        print("    miss:", miss)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer", type=Path, default=ROOT.parent / "shared" / "eval" / "peer")
    ap.add_argument("--show", type=int, default=5, help="misses to print per suite")
    args = ap.parse_args()
    if not args.peer.is_dir():
        raise SystemExit(f"{args.peer}: peer suites not found")
    resources = Resources.load()
    grammar = NumberGrammar(resources.get("numbers", NumbersFile).numbers)
    score_phrases(grammar, args.peer, args.show)
    from briefing.pipeline import build_nlp

    nlp = build_nlp(resources)

    def figures(text: str) -> list[dict[str, Any]]:
        return [f.to_contract() for f in nlp(text)._.figures]

    score_sentences(figures, args.peer, args.show)
    score_money(figures, args.peer, args.show)


if __name__ == "__main__":
    main()
