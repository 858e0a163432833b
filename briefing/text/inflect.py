"""Arabic inflected forms generated from a listed singular, for the tables that match words."""

from __future__ import annotations


def duals(sg: str) -> list[str]:
    """The dual forms of a folded singular: -ان and -ين, on ت where the singular ends in ة."""
    stem = sg[:-1] + "ت" if sg.endswith("ه") else sg
    return [stem + "ان", stem + "ين"]
