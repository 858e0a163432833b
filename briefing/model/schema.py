"""The JSON Schema of brief.json, made from the Brief dataclasses themselves.

docs/brief.schema.json is this schema, written by scripts/update_brief_schema.py; a test checks
that the file is fresh and that a built brief.json validates against it. Descriptions come from
each dataclass's docstring and from the comment beside (or above) each field, so that the schema
documents what the code says and cannot drift from it.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

from briefing.model.brief import Brief

SCHEMA_ID = "https://github.com/briefing/briefing/docs/brief.schema.json"
_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}
_FIELD = re.compile(r"^\s{4}(\w+): [^#]*?(?:#\s*(.*))?$")
_COMMENT = re.compile(r"^\s{4}#\s?(.*)$")


def brief_schema() -> dict[str, Any]:
    """The schema of Brief.to_json(), every nested dataclass under $defs."""
    defs: dict[str, Any] = {}
    root = _object(Brief, defs)
    root["properties"]["empty"] = {"type": "boolean", "description": "No source article: the brief says so."}
    root["required"].append("empty")
    # The version is what a reader checks first; it changes when a field changes meaning.
    root["properties"]["schema_version"] = {
        "const": Brief.__dataclass_fields__["schema_version"].default,
        "description": "The version of this schema.",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "brief.json",
        "description": (
            "A bilingual brief as `briefing build` writes it beside brief.html: the brief proper "
            "(opening, key_developments, stories, key_figure_lines, sections, changes, actors) and "
            "the appendix's per-article listing (articles, refs). Offsets (start, end) are "
            "character offsets into the article's text as stored; refs' text is that slice."
        ),
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    notes = _field_notes(cls)
    props: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        prop = _type(hints[f.name], defs)
        if f.name in notes:
            prop = {**prop, "description": notes[f.name]}
        props[f.name] = prop
    doc = inspect.getdoc(cls) or ""
    out: dict[str, Any] = {"type": "object"}
    if doc and not doc.startswith(f"{cls.__name__}("):  # dataclasses make up a docstring
        out["description"] = " ".join(doc.split())
    out.update(properties=props, required=list(props), additionalProperties=False)
    return out


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # a placeholder first: no recursion on itself
            defs[tp.__name__] = _object(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        options = [_type(a, defs) for a in get_args(tp) if a is not type(None)]
        nullable = type(None) in get_args(tp)
        return {"anyOf": [*options, {"type": "null"}] if nullable else options}
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0], defs)}
        items = [_type(a, defs) for a in args]
        return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
    if tp in _SCALARS:
        if tp is float:  # JSON has one number type; an integral float may be written as 30
            return {"type": "number"}
        return {"type": _SCALARS[tp]}
    return {}


def _field_notes(cls: type) -> dict[str, str]:
    """Each field's comment: the one on its line, else the comment lines just above it."""
    notes: dict[str, str] = {}
    above: list[str] = []
    for line in inspect.getsource(cls).splitlines():
        comment = _COMMENT.match(line)
        if comment:
            above.append(comment.group(1))
            continue
        field = _FIELD.match(line)
        if field and not line.strip().startswith(("def ", "@")):
            note = field.group(2) or " ".join(above)
            if note:  # brief.json says null where the code says None
                notes[field.group(1)] = re.sub(r"\bNone\b", "null", note.strip())
        above = []
    return notes
