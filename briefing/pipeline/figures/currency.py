"""Money: which ISO 4217 code a currency noun stands for.

An adjective after the noun decides (ليرة سورية → SYP); a bare noun whose currency has country
variants (ليرة، ريال، دينار) takes the code used earlier in the article, else the one its country
words point to, else the default. Symbols ($10) and Latin codes after a number (42 KWD) are read
by the number steps (numbers.py) from the tables.
"""

from __future__ import annotations

from collections import Counter

from briefing.pipeline.figures.found import Found
from briefing.pipeline.figures.lexicon import Currency, FigureTables
from briefing.pipeline.figures.tokens import Tok, strip_acc
from briefing.pipeline.figures.units import noun_in


def currency_code(toks: list[Tok], k: int, currency: Currency) -> str | None:
    """The code an adjective at k or k+1 gives; the default when the currency has one code only;
    None when the article must decide (ArticleMoney.settle)."""
    code = code_by_adjective(toks, k, currency)
    if code is not None:
        return code
    if not currency.context:
        return currency.default
    return None


def code_by_adjective(toks: list[Tok], k: int, currency: Currency) -> str | None:
    """The code an adjective at k or k+1 names (ريال يمني → YER), else None."""
    for j in range(k, min(k + 2, len(toks))):
        code = currency.adjectives.get(toks[j].norm)
        if code is not None:
            return code
    return None


class ArticleMoney:
    """The currency codes of one article, as its money figures are found in order."""

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.codes: dict[str, str] = {}  # currency id -> the first code the article gave it
        self._counts: Counter[str] | None = None  # the article's words, counted when first needed

    def settle(self, t: FigureTables, f: Found) -> None:
        """Give a money figure without a code the article's code; remember the code it has."""
        if f.category != "money":
            return
        if f.unit is None:
            f.unit = self._default(t, f)
        if f.unit:
            noun = noun_in(t, self.toks, f.start, f.end)
            if noun is not None and noun.currency is not None:
                self.codes.setdefault(noun.currency.id, f.unit)

    def _default(self, t: FigureTables, f: Found) -> str | None:
        """A bare ليرة / ريال / دينار: the code used earlier in the article, else its country words."""
        for k in range(f.start, f.end):
            tok = self.toks[k]
            noun = t.nouns.get(tok.norm) or t.nouns.get(strip_acc(tok.norm))
            if noun is None or noun.currency is None:
                continue
            currency = noun.currency
            if currency.id in self.codes:
                return self.codes[currency.id]
            return _most_named(currency, self._article_counts())
        return None

    def _article_counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(tok.norm for tok in self.toks)
        return self._counts


def _most_named(currency: Currency, counts: Counter[str]) -> str:
    """The code whose country words the article names most (the first such code on a tie), else
    the default."""
    best, best_count = currency.default, 0
    by_code: Counter[str] = Counter()
    for word, code in currency.context.items():
        by_code[code] += counts.get(word, 0)
    for code, c in by_code.items():
        if c > best_count:
            best, best_count = code, c
    return best
