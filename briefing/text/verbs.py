"""Verb morphology: the third-person forms of a sound Arabic verb from its two citation forms.

cues.yaml lists a reporting verb by its perfect and imperfect (أكد، يؤكد); the forms a text uses
for one or two, masculine or feminine subjects, are made here.
"""

from __future__ import annotations


def inflect(perfect: str | None, imperfect: str | None, object_forms: bool = False) -> list[str]:
    """Third-person forms of a sound verb: أكد → أكدت أكدا أكدتا أكدوا; يؤكد → تؤكد يؤكدان ...

    With `object_forms`, the forms with an object pronoun too: نقلها، نقلتها، ينقلها.
    """
    out: list[str] = []
    if perfect:
        out += [perfect, perfect + "ت", perfect + "ا", perfect + "تا", perfect + "وا"]
        if object_forms:
            out += [
                stem + obj for stem in (perfect, perfect + "ت", perfect + "و") for obj in ("ه", "ها", "هم")
            ]
    if imperfect:
        fem = "ت" + imperfect[1:]
        out += [imperfect, fem, imperfect + "ان", fem + "ان", imperfect + "ون"]
        if object_forms:
            out += [stem + obj for stem in (imperfect, fem) for obj in ("ه", "ها")]
    return out
