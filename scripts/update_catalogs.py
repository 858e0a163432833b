"""Refresh the brief's message catalogs after template changes.

Extracts messages.pot from templates/ and briefing/model/vocab.py (babel.cfg), then merges it into
briefing/resources/locales/{ar,en}/LC_MESSAGES/messages.po, keeping existing translations. The
English catalog translates each message to itself; new Arabic messages are left empty (and the
catalog test fails until someone translates them).

    .venv/bin/python scripts/update_catalogs.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "briefing" / "resources" / "locales"
POT = LOCALES / "messages.pot"
# Babel's built-in Arabic rule sends 11..99 to the "other" form and 100..102 to "many" (its
# hard-coded table disagrees with CLDR); this is the GNU gettext / CLDR rule:
# zero, one, two, few (3..10), many (11..99), other (100, 101, 102 …).
PLURAL_FORMS = {
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
}


def main() -> int:
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [
            str(pybabel),
            "extract",
            "-F",
            "babel.cfg",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(POT),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with POT.open("rb") as fh:
        template = read_po(fh)
    for lang in ("ar", "en"):
        po = LOCALES / lang / "LC_MESSAGES" / "messages.po"
        old: Catalog | None = None
        if po.exists():
            with po.open("rb") as fh:
                old = read_po(fh, locale=lang)
        catalog = Catalog(locale=lang, project="briefing", version="0.1.0", fuzzy=False)
        if lang in PLURAL_FORMS:
            catalog.mime_headers = [
                (k, PLURAL_FORMS[lang] if k == "Plural-Forms" else v) for k, v in catalog.mime_headers
            ]
        for msg in template:
            if not msg.id:
                continue
            prev = old.get(msg.id) if old is not None else None
            if (
                prev is not None
                and prev.string
                and any(prev.string if isinstance(prev.string, tuple) else [prev.string])
            ):
                string = prev.string
            elif lang == "en":
                string = tuple(msg.id) if isinstance(msg.id, tuple) else msg.id
            else:
                string = ("",) * catalog.num_plurals if isinstance(msg.id, tuple) else ""
            catalog.add(msg.id, string, flags=msg.flags)
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as fh:
            write_po(fh, catalog, omit_header=False, no_location=True, sort_output=True, width=110)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
