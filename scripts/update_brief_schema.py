"""Write docs/brief.schema.json, the JSON Schema of brief.json, from the Brief dataclasses.

Run it after changing a field of briefing/model/brief.py (tests/test_brief_schema.py fails until
the file is fresh); raise Brief.schema_version when a field changes meaning or goes away.

    .venv/bin/python scripts/update_brief_schema.py
"""

from __future__ import annotations

import json
from pathlib import Path

from briefing.model.schema import brief_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "brief.schema.json"


def render() -> str:
    return json.dumps(brief_schema(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    SCHEMA.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
