"""The stylesheet with its custom properties written out: `var(--accent)` becomes the value that
`:root` gives it, and the `:root` block goes.

WeasyPrint resolves a var() each time it computes a style that uses it, and parses a colour
again each time: a computed style per element and pseudo-element (14,000 in the 15-article
appendix), so that resolving variables was some 5% of the appendix's PDF time under cProfile.
styles/brief.css keeps its variables, one place to change a colour or a size; what is rendered
(HTML and PDF) has their values.
"""

from __future__ import annotations

import re

from briefing.errors import RenderError

ROOT_BLOCK = re.compile(r":root\s*\{(?P<body>[^{}]*)\}\s*")
DECLARATION = re.compile(r"(?P<name>--[\w-]+)\s*:\s*(?P<value>[^;]+?)\s*(?:;|$)")
VAR = re.compile(r"var\(\s*(?P<name>--[\w-]+)\s*\)")


def resolve_variables(css: str) -> str:
    """`css` without custom properties: each var(--name) replaced by the value the first `:root`
    block declares (values may use earlier variables), that block removed. A var() that no
    `:root` declares is a RenderError naming it (a typo would otherwise drop the rule silently)."""
    root = ROOT_BLOCK.search(css)
    if root is None:
        return css
    values: dict[str, str] = {}
    for found in DECLARATION.finditer(root.group("body")):
        values[found.group("name")] = _substitute(found.group("value"), values)
    return _substitute(css[: root.start()] + css[root.end() :], values)


def _substitute(text: str, values: dict[str, str]) -> str:
    def value(found: re.Match[str]) -> str:
        name = found.group("name")
        if name not in values:
            raise RenderError(f"stylesheet: var({name}) is not declared in :root")
        return values[name]

    return VAR.sub(value, text)
