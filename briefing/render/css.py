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
VAR = re.compile(r"var\(\s*(?P<name>--[\w-]+)\s*(?P<fallback>,[^()]*(?:\([^()]*\)[^()]*)*)?\)")


def resolve_variables(css: str) -> str:
    """`css` without custom properties: each var(--name) replaced by the value the first `:root`
    block declares (values may use earlier variables), that block removed. A custom property
    declared in another rule (a user's stylesheet may scope one to a block) and a var() with a
    fallback are left for WeasyPrint; a var() declared nowhere and without a fallback is a
    RenderError naming it (a typo would otherwise drop the rule silently)."""
    root = ROOT_BLOCK.search(css)
    if root is None:
        return css
    rest = css[: root.start()] + css[root.end() :]
    scoped = {found.group("name") for found in DECLARATION.finditer(rest)}
    values: dict[str, str] = {}
    for found in DECLARATION.finditer(root.group("body")):
        values[found.group("name")] = _substitute(found.group("value"), values, scoped)
    return _substitute(rest, values, scoped)


def _substitute(text: str, values: dict[str, str], scoped: set[str]) -> str:
    def value(found: re.Match[str]) -> str:
        name = found.group("name")
        if name in scoped or (name not in values and found.group("fallback")):
            return found.group(0)
        if name not in values:
            raise RenderError(f"stylesheet: var({name}) is declared nowhere and has no fallback")
        return values[name]

    return VAR.sub(value, text)
