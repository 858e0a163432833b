"""Organisations named by everyday words after their noun (organisations.py finds the nouns): a
definite noun's relative adjectives (البنك التجاري, الوكالة الدولية للطاقة الذرية), a genitive and
the adjectives after it (منظمة التحرير الفلسطينية, معهد الدراسات المتقدمة), a لل genitive after a
name (معهد ماساشوسيتس للتكنولوجيا), and their English, read from the analyser's senses.
"""

from __future__ import annotations

from briefing.pipeline.actors.document import Tokens
from briefing.text.bama import Analyzer

MAX_WORDS = 3  # adjectives after a definite noun, words of a genitive


class Phrases:
    """Reads the phrases of one document."""

    def __init__(self, a: Tokens, analyzer: Analyzer | None, nationalities: frozenset[str]) -> None:
        self.a = a
        self.analyzer = analyzer
        self.nationalities = nationalities  # folded, with the article: no name's first adjective
        # (a state's, or a describing one: الرسمية)

    def described(self, head: int, j: int, taken: set[int]) -> int:
        """End of the relative adjectives (ال + a word ending in ي or ية) that open at token j and
        name the definite noun at `head` (البنك التجاري الدولي), with a genitive after them
        (الاتحاد الدولي للشرطة, الوكالة الدولية للطاقة الذرية), or j. They agree with the noun
        (متطلبات البنك الرأسمالية: not the bank's); the first is not a state's (الجامعة السورية
        describes a university, it does not name one), nor an elative (الجامعة الأخرى)."""
        a = self.a
        ending = "يه" if a.word(head).endswith("ه") else "ي"
        end = j
        while end < len(a.norms) and end - j < MAX_WORDS and self.adjective(end, ending, taken):
            if end == j and a.word(end) in self.nationalities:
                break
            end += 1
        if end == j or not self.free(end, taken) or not a.raw(end).startswith("لل"):
            return end
        # لل + a noun and its own adjectives (a plural's are feminine: للبحوث الفلكية); ل + a bare
        # noun is mostly a purpose (لتحقيق النجاح).
        tail = end + 1
        while tail - end <= 2 and self.adjective(tail, ("ي", "يه"), taken):
            tail += 1
        return tail

    def genitive(self, j: int, taken: set[int]) -> int:
        """End of a genitive at token j, definite (التحرير) or a construct (حقوق الإنسان), and the
        adjectives after it (الأقطار المصدرة للنفط, الدراسات المتقدمة), or j: words the analyser
        reads as adjectives, then a لل genitive. A day or any other noun ends it (منظمة الصحة
        الأربعاء)."""
        a, analyzer = self.a, self.analyzer
        if analyzer is None or not self.free(j, taken):
            return j
        end = j + 1
        if not a.raw(j).startswith("ال"):
            # A construct: a word read only as a noun, before a definite one (not a verb: تعنى).
            readings = {x.stem.pos for x in analyzer.analyse(a.raw(j))}
            if a.clitics.get(j) or readings != {"NOUN"} or not self.free(end, taken):
                return j
            if not a.raw(end).startswith("ال"):
                return j
            end += 1
        end = self._adjectives(end, j + MAX_WORDS + 1, taken)
        return self.of(end, taken) if end - j <= MAX_WORDS else end

    def of(self, end: int, taken: set[int]) -> int:
        """End of the لل genitive at token `end` and the adjectives after it (معهد ماساشوسيتس
        للتكنولوجيا, منظمة الأقطار المصدرة للنفط), or `end`."""
        if self.analyzer is None or not self.free(end, taken) or not self.a.raw(end).startswith("لل"):
            return end
        return self._adjectives(end + 1, end + 3, taken)

    def _adjectives(self, i: int, limit: int, taken: set[int]) -> int:
        """End of the definite words from token i, before `limit`, that the analyser reads as
        adjectives (المصدرة, المتقدمة)."""
        a, analyzer = self.a, self.analyzer
        while analyzer is not None and i < limit and self.free(i, taken) and a.raw(i).startswith("ال"):
            if not any(x.stem.pos == "ADJ" for x in analyzer.analyse(a.raw(i))):
                break
            i += 1
        return i

    def english(self, start: int, end: int) -> tuple[str, str]:
        """The English of the common words that name an organisation after its noun, read by the
        analyser, in English order, and of the genitive after them (التحرير الفلسطينية →
        Palestinian Liberation; الدراسات المتقدمة للعلوم الطبية → Advanced Studies, for Medical
        Science), or ("", "") when a word has no sense."""
        a, analyzer = self.a, self.analyzer
        if analyzer is None:
            return "", ""
        parts: list[list[str]] = [[], []]  # the name's words, the genitive's
        for i in range(start, end):
            readings = [
                x for x in analyzer.analyse(a.raw(i)) if x.first_sense and x.stem.pos in ("ADJ", "NOUN")
            ]
            if not readings:
                return "", ""
            genitive = bool(parts[1]) or (i > start and a.raw(i).startswith("لل"))
            first = i == start or (genitive and not parts[1])
            # A noun's sense for the head word, an adjective's after it (الفلسطينية: Palestinian).
            readings.sort(key=lambda x: x.stem.pos != ("NOUN" if first else "ADJ"))
            sense = readings[0].first_sense
            parts[genitive].append(sense[:1].upper() + sense[1:])
        name, of = (" ".join(reversed(words)) for words in parts)
        return name, f" for {of}" if of else ""

    def adjective(self, i: int, ending: str | tuple[str, ...], taken: set[int]) -> bool:
        """Is token i a definite relative adjective with this ending (ي or يه)?"""
        if not self.free(i, taken):
            return False
        norm, raw = self.a.word(i), self.a.raw(i)
        return raw.startswith("ال") and norm.endswith(ending) and len(norm) >= 5 and not raw.endswith("ى")

    def free(self, i: int, taken: set[int]) -> bool:
        """Is token i a word no hit holds?"""
        return i < len(self.a.norms) and i not in taken and not self.a.punct[i]
