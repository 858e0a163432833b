"""The README's English-only picture: a page of a built brief with its Arabic side hidden, as a
reader of English alone takes it in (every English line there is the rule-based gist).

usage: .venv/bin/python scripts/english_page.py out/latest/brief.html docs/brief-english.png [--page 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HIDE_ARABIC = """<style>
[lang=ar], [dir=rtl], td.ar, th.ar, .ar { display: none !important; }
td.en, th.en { width: 100% !important; }
</style></head>"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--page", type=int, default=2)
    ap.add_argument("--dpi", type=int, default=90)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from briefing.render import Renderer

    html = args.html.read_text(encoding="utf-8").replace("</head>", HIDE_ARABIC, 1)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "english.pdf"
        pdf.write_bytes(Renderer().pdf(html))
        prefix = Path(tmp) / "page"
        page = str(args.page)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(args.dpi),
                "-f",
                page,
                "-l",
                page,
                "-singlefile",
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
        args.png.write_bytes(prefix.with_suffix(".png").read_bytes())
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
