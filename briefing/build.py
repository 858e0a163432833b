"""Build a brief from Extractions: compose, render HTML and PDF, write out/<date>/ atomically.

This is the library entry point behind `briefing build`; it takes Extractions from anywhere
(files run through the pipeline now, the SQLite store later).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from briefing.compose import Brief, ComposeOptions, compose
from briefing.deliver.files import write_brief
from briefing.model.contract import Extraction
from briefing.render import Renderer


@dataclass(frozen=True)
class BuildOptions:
    arabic_digits: bool = False  # Arabic-Indic digits in Arabic text (quotes stay verbatim)
    pdf: bool = True
    compose: ComposeOptions = field(default_factory=ComposeOptions)


def brief_json(brief: Brief) -> bytes:
    return (json.dumps(brief.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build_brief(
    extractions: Sequence[Extraction],
    out_dir: Path,
    *,
    generated: datetime | None = None,
    period: tuple[date, date] | None = None,
    options: BuildOptions | None = None,
    renderer: Renderer | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Compose and render one brief into out_dir/<generation date>/ and point out_dir/latest at it.

    Writes brief.html, brief.json and (unless options.pdf is False) brief.pdf. Nothing under
    out_dir changes unless every file was produced. Returns the date directory.
    """
    opts = options or BuildOptions()
    say = progress or (lambda _msg: None)
    generated = generated or datetime.now().astimezone()
    say(f"composing the brief from {len(extractions)} articles")
    brief = compose(extractions, generated=generated, period=period, options=opts.compose)
    renderer = renderer or Renderer()
    say("rendering HTML")
    html = renderer.html(brief, arabic_digits=opts.arabic_digits)
    files = {"brief.html": html.encode("utf-8"), "brief.json": brief_json(brief)}
    if opts.pdf:
        say("rendering PDF")
        files["brief.pdf"] = renderer.pdf(html)
    return write_brief(Path(out_dir), generated.date().isoformat(), files)
