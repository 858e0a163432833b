"""Measure briefing.text.transliterate on the google/transliteration Arabic→English pairs.

The pairs (google/transliteration @ b2265a64, Apache-2.0, mined from Wikipedia) are single words,
so this scores token_en (table + rules) and romanize (rules alone) by exact, case-insensitive
match. The dataset drops the Arabic article (القذافي → gaddafi), so a second figure also ignores
a leading "al-" and hyphens. Use --split train to tune rules; test/eval are for reporting only.

usage: python scripts/eval_transliteration.py [--split test] [--shared ../shared] [--errors 30]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.text.transliterate import Transliterator, romanize  # noqa: E402

# fmt: off
SAMPLE = [
    "مسعود جزايري", "مهدي همتي", "صدام الجاسر", "سهيل كريمي", "عباس عراقجي", "علي شمخاني",
    "نيكولاي باتروشيف", "جيمس جيفري", "عبد الله الثاني", "محمد بن سلمان", "حسن نصر الله",
    "أبو بكر البغدادي", "عبد الرحمن الراشد", "إسماعيل هنية", "يحيى السنوار", "تميم بن حمد آل ثاني",
    "بنيامين نتنياهو", "رجب طيب أردوغان", "عبدالملك الحوثي", "فؤاد حسين", "مقتدى الصدر",
    "محمد شياع السوداني", "نجيب ميقاتي", "أحمد الشرع", "سيرغي لافروف",
]
# fmt: on


def loose(word: str) -> str:
    word = word.lower()
    if word.startswith("al-"):
        word = word[3:]
    return word.replace("-", "").replace(" ", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["train", "eval", "test"])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of each system")
    args = parser.parse_args()

    import srsly

    t = Transliterator.from_data(srsly.read_json(ROOT / "briefing" / "resources" / "person_names.json"))
    path = args.shared / "reference" / "google-transliteration-ar2en" / f"ar2en-{args.split}.txt"
    pairs = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]
    rules_only = Transliterator(table={}, stopwords=frozenset())
    systems = {"table+rules": t.token_en, "rules only": rules_only.token_en, "romanize()": romanize}
    print(f"{path.name}: {len(pairs)} pairs")
    covered = sum(1 for ar, _ in pairs if t.in_table(ar))
    print(f"  table coverage: {covered} ({covered / len(pairs):.1%})")
    for name, fn in systems.items():
        outs = [(ar, en, fn(ar)) for ar, en in pairs]
        strict = sum(out.lower() == en.lower() for _, en, out in outs)
        lenient = sum(loose(out) == loose(en) for _, en, out in outs)
        print(
            f"  {name:12s} exact {strict / len(pairs):.1%} ({strict})   ignoring al-/hyphens "
            f"{lenient / len(pairs):.1%} ({lenient})"
        )
        if name == "table+rules":
            in_t = [(en, out) for ar, en, out in outs if t.in_table(ar)]
            out_t = [(en, out) for ar, en, out in outs if not t.in_table(ar)]
            for label, group in (("in table", in_t), ("not in table", out_t)):
                if group:
                    hits = sum(loose(o) == loose(e) for e, o in group)
                    print(f"      {label:12s} {hits / len(group):.1%} of {len(group)}")
        for ar, en, out in [o for o in outs if loose(o[2]) != loose(o[1])][: args.errors]:
            print(f"      {ar}\t{en}\t{out}")
    print("\nsample names:")
    for name in SAMPLE:
        print(f"  {name}\t{t.name_en(name)}")


if __name__ == "__main__":
    main()
