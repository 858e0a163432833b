"""Snapshot `briefing extract` JSONL on seeds, dev and the corpus, and diff two snapshots.

A change that should not alter output is checked by a snapshot before it and one after:

    python scripts/compare_extraction.py snapshot /tmp/before
    … change the code …
    python scripts/compare_extraction.py snapshot /tmp/after
    python scripts/compare_extraction.py diff /tmp/before /tmp/after

The corpus (../shared/corpus/articles.jsonl) is written out as one text file per record, so that
the same files go through `extract` before and after a change to how JSONL is read. Fields that a
sidecar or front matter may newly fill (title, published, source, url) are compared apart
(`--metadata`), since reading them is a wanted change, and the version fields are ignored.

A change to compose is checked on the brief instead: `brief A B` compares two brief.json files
(or two `briefing build --out` folders, through their latest/brief.json) apart from "generated",
the one field that differs between two builds of the same articles:

    python -m briefing build seeds/ --out /tmp/before --no-pdf
    … change the code …
    python -m briefing build seeds/ --out /tmp/after --no-pdf
    python scripts/compare_extraction.py brief /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": SHARED / "eval" / "seeds",
    "dev": SHARED / "eval" / "dev",
}
CORPUS = SHARED / "corpus" / "articles.jsonl"
METADATA = ("title", "published", "source", "url")
IGNORED = ("resources_version", "version", "extraction_version")


def _write_corpus_texts(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    return folder


def snapshot(out: Path, briefing: str) -> None:
    """Write <out>/<set>.jsonl for seeds, dev and the corpus."""
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: not found (../shared is needed)")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = dict(SETS, corpus=_write_corpus_texts(Path(tmp) / "corpus"))
        for name, folder in inputs.items():
            target = out / f"{name}.jsonl"
            with target.open("w", encoding="utf-8") as fh:
                run = subprocess.run(
                    [briefing, "extract", str(folder), "--format", "jsonl"], stdout=fh, check=False
                )
            lines = sum(1 for _ in target.open(encoding="utf-8"))
            print(f"{name}: {lines} records → {target} (exit {run.returncode})")


def _load(path: Path) -> dict[str, dict[str, object]]:
    records: dict[str, dict[str, object]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[str(record["article"])] = record
    return records


def _split(record: dict[str, object], metadata: bool) -> dict[str, object]:
    return {
        k: v for k, v in record.items() if k not in IGNORED and (k in METADATA) == metadata and k != "article"
    }


def diff(before: Path, after: Path, show: int) -> int:
    """Print the articles whose extraction differs; the number of differing sets is the exit status."""
    changed_sets = 0
    for name in (*SETS, "corpus"):
        a, b = _load(before / f"{name}.jsonl"), _load(after / f"{name}.jsonl")
        missing, added = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
        content = [k for k in sorted(a.keys() & b.keys()) if _split(a[k], False) != _split(b[k], False)]
        meta = [k for k in sorted(a.keys() & b.keys()) if _split(a[k], True) != _split(b[k], True)]
        status = "identical" if not (missing or added or content) else "DIFFERENT"
        print(f"{name}: {len(a)} → {len(b)} articles; extraction {status}; metadata changed in {len(meta)}")
        for label, keys in (("missing", missing), ("added", added), ("extraction differs", content)):
            if keys:
                print(f"  {label}: {', '.join(keys[:show])}{' …' if len(keys) > show else ''}")
        for key in content[:show]:
            ra, rb = _split(a[key], False), _split(b[key], False)
            fields = sorted(f for f in ra.keys() | rb.keys() if ra.get(f) != rb.get(f))
            print(f"    {key}: fields {', '.join(fields)}")
        for key in meta[:show]:
            ma, mb = _split(a[key], True), _split(b[key], True)
            old, new = json.dumps(ma, ensure_ascii=False), json.dumps(mb, ensure_ascii=False)
            print(f"    {key} metadata: {old[:120]} → {new[:120]}")
        changed_sets += status != "identical"
    return changed_sets


def _brief_json(path: Path) -> dict[str, object]:
    file = path / "latest" / "brief.json" if path.is_dir() else path
    data: dict[str, object] = json.loads(file.read_text(encoding="utf-8"))
    data.pop("generated", None)  # the build time: the one field two builds never share
    return data


def _differences(a: object, b: object, where: str) -> list[str]:
    """Paths (e.g. `themes[2].speakers`) where two JSON values differ, deepest first found."""
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(a.keys() | b.keys())
        return [d for k in keys for d in _differences(a.get(k), b.get(k), f"{where}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _differences(x, y, f"{where}[{i}]")
        ]
    return [] if a == b else [where or "."]


def brief(before: Path, after: Path, show: int) -> int:
    """Compare two briefs apart from "generated"; exit status 1 when they differ."""
    found = _differences(_brief_json(before), _brief_json(after), "")
    if not found:
        print("brief identical")
        return 0
    print(f"brief DIFFERENT at {len(found)} places:")
    for where in found[:show]:
        print(f"  {where}")
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="write <dir>/{seeds,dev,corpus}.jsonl")
    snap.add_argument("dir", type=Path)
    snap.add_argument("--briefing", default=str(ROOT / ".venv" / "bin" / "briefing"))
    cmp_ = sub.add_parser("diff", help="compare two snapshots")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    cmp_.add_argument("--show", type=int, default=10, help="articles listed per set")
    cmp_brief = sub.add_parser("brief", help="compare two brief.json (or build folders) apart from generated")
    cmp_brief.add_argument("before", type=Path)
    cmp_brief.add_argument("after", type=Path)
    cmp_brief.add_argument("--show", type=int, default=10, help="differing places listed")
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.dir, args.briefing)
    elif args.command == "brief":
        sys.exit(brief(args.before, args.after, args.show))
    else:
        sys.exit(diff(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
