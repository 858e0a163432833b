"""Verb morphology: the forms of an Arabic reporting verb from its citation forms.

cues.yaml lists a reporting verb by its perfect and imperfect (أكد، يؤكد), and where it has them
by its active participle (مؤكد) and verbal nouns (تأكيد); the forms a text uses are made here:

- third person, one or two, masculine or feminine subjects (أكدت أكدا أكدتا أكدوا، تؤكد يؤكدون);
- first person plural, as quoted speakers speak (نؤكد، أكدنا);
- an object pronoun (أكده، نفته، تعتبرها، ينفونه), with the spelling changes it brings (نفى → نفاه,
  نفوا → نفوه);
- the participle's accusative, feminine and plural forms (مؤكدا، مؤكدة، مؤكدين، مؤكدون);
- a verbal noun with a possessive pronoun (تأكيده، إدانتها).

Defective verbs, whose last radical is weak (نفى ينفي، دعا يدعو، رأى يرى، خشي يخشى), change their
ending in these forms; the rules below follow them. Forms are written in ordinary spelling and
folded when matched, so hamza seats and alef forms need no care here.
"""

from __future__ import annotations

PRONOUNS = ("ه", "ها", "هم", "هما")  # third-person object and possessive pronouns
_WEAK_ENDINGS = ("ى", "ا", "ي", "و")


def defective(perfect: str | None, imperfect: str | None) -> bool:
    """Is the verb's last radical weak (نفى ينفي، دعا يدعو، رأى يرى)?"""
    return bool(
        (perfect and perfect.endswith(("ى", "ا"))) or (imperfect and imperfect.endswith(_WEAK_ENDINGS))
    )


def inflect(perfect: str | None, imperfect: str | None) -> list[str]:
    """Third-person forms: أكد → أكدت أكدا أكدتا أكدوا; يؤكد → تؤكد يؤكدان تؤكدان يؤكدون."""
    out: list[str] = []
    if perfect:
        out += _perfect(perfect)
    if imperfect:
        out += _imperfect(imperfect)
    return out


def _perfect(p: str) -> list[str]:
    if p.endswith(("ى", "ا")):  # نفى نفت نفيا نفتا نفوا; دعا دعت دعوا دعتا
        stem, dual = p[:-1], p[:-1] + ("يا" if p.endswith("ى") else "وا")
        return [p, stem + "ت", dual, stem + "تا", stem + "وا"]
    if p.endswith("ي"):  # خشي خشيت خشيا خشيتا خشوا
        return [p, p + "ت", p + "ا", p + "تا", p[:-1] + "وا"]
    return [p, p + "ت", p + "ا", p + "تا", p + "وا"]


def _imperfect(i: str) -> list[str]:
    fem = "ت" + i[1:]
    if i.endswith("ى"):  # يرى ترى يريان تريان يرون
        dual, plural = i[:-1] + "يان", i[:-1] + "ون"
    elif i.endswith(("ي", "و")):  # ينفي ينفيان ينفون; يدعو يدعوان يدعون
        dual, plural = i + "ان", i[:-1] + "ون"
    else:
        dual, plural = i + "ان", i + "ون"
    return [i, fem, dual, "ت" + dual[1:], plural]


def first_person(perfect: str | None, imperfect: str | None) -> list[str]:
    """First person plural, as a quoted body speaks: نؤكد، ندين، ندعو، أكدنا."""
    out: list[str] = []
    if imperfect:
        out.append("ن" + imperfect[1:])
    if perfect and not perfect.endswith(_WEAK_ENDINGS):
        out.append(perfect + "نا")
    return out


def attach(form: str, pronoun: str) -> str:
    """A form with a pronoun suffix: نفى → نفاه، نفوا → نفوه، إدانة → إدانتها، أكد → أكده."""
    if form.endswith("ى"):
        return form[:-1] + "ا" + pronoun
    if form.endswith("وا"):
        return form[:-1] + pronoun
    if form.endswith("ة"):
        return form[:-1] + "ت" + pronoun
    return form + pronoun


def with_pronouns(forms: list[str] | tuple[str, ...]) -> list[str]:
    """Every form with each third-person pronoun suffix."""
    return [attach(form, pronoun) for form in forms for pronoun in PRONOUNS]


def participle_forms(stem: str, weak: bool, perfect: str | None = None) -> list[str]:
    """An active participle's accusative, feminine and plural forms: مؤكد → مؤكدا مؤكدة مؤكدين
    مؤكدون; of a defective verb (ناف، داع) → نافيا نافية نافين نافون. A form III verb's (طالب،
    ناشد) feminine participle is written like its verbal noun (مطالبة، مناشدة): left out."""
    if weak:
        return [stem + "يا", stem + "ية", stem + "ين", stem + "ون"]
    form_three = perfect is not None and len(perfect) == 4 and perfect[1] == "ا"
    return [stem + "ا", *(() if form_three else (stem + "ة",)), stem + "ين", stem + "ون"]
