"""Where the transfer is in a span: the words, the position, and what was rendered last."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.pipeline.gist.words import ADJ, NAME, NUM, PHRASE, N, Word

NOMINAL = frozenset({N, NAME, NUM, PHRASE})  # (a set: the rules ask whether a class is one at every step)


@dataclass(slots=True)
class State:
    """The words of one span and the transfer's position in them."""

    words: list[Word]
    i: int = 0
    last: str = ""  # the class of the last phrase rendered
    governs: tuple[str, str] | None = None  # the preposition the verb just rendered governs
    last_plural: bool = False  # the last noun phrase rendered is plural
    relative: bool = False  # a relative pronoun was just rendered: the next verb's object refers back

    @property
    def comparative(self) -> bool:
        """Is the word before the current one a comparative (أكثر, أقل, أكبر: more, less, bigger)?"""
        prev = self.words[self.i - 1] if self.i else None
        return (
            prev is not None
            and prev.pos == ADJ
            and (prev.en.startswith(("more", "less")) or prev.en.endswith("er"))
        )
