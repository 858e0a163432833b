"""The shape of the code: functions stay short enough to read (ruff's C901 covers complexity)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
MAX_LINES = 60


def _functions(path: Path) -> list[tuple[str, int, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.name, node.lineno, (node.end_lineno or node.lineno) - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_code_shape_no_function_over_60_lines(path):
    long = [f"{name} (line {line}: {n} lines)" for name, line, n in _functions(path) if n > MAX_LINES]
    assert not long, f"{path.name}: split these: {', '.join(long)}"
