"""Short forms: a name used alone after the article named it in full. A person's family name
(روحاني after حسن روحاني), a person's first name alone, after the full name and not beside
another name word (لوسي after لوسي يعقوب), an organisation's head noun (الهيئة after هيئة تحرير
الشام, never before it), and a one-word name found from its context (وقال فيرغسون إن) wherever it
recurs.
"""

from __future__ import annotations

from operator import attrgetter

from spacy.strings import get_string_id

from briefing.pipeline.actors.document import Hit
from briefing.pipeline.actors.words import NOUN_PROCLITICS, Words, fold_word
from briefing.text.normalize import raw_prefix_length, strip_proclitics

ShortForms = dict[str, tuple[str, str, int]]  # folded form → (actor id, type, token it may follow)
FAMILY_MIN, LONE_MIN = 3, 4  # letters of a family name, of a one-word name used as a short form
_FORM_IDS: dict[str, frozenset[int]] = {}  # short form → hashes of it and its proclitic forms
_MAX_FORMS = 100_000


def _form_ids(form: str) -> frozenset[int]:
    """The hashes of a short form as written alone or after a proclitic; kept, since articles
    name the same people again and again."""
    ids = _FORM_IDS.get(form)
    if ids is None:
        ids = frozenset(get_string_id(p + form) for p in ("", *NOUN_PROCLITICS))
        if len(_FORM_IDS) < _MAX_FORMS:
            _FORM_IDS[form] = ids
    return ids


class Shorts:
    """Short forms in one document."""

    def __init__(
        self, w: Words, org_heads: frozenset[str], nationalities: frozenset[str] = frozenset()
    ) -> None:
        self.w = w
        self.a = w.a
        self.org_heads = org_heads
        self.nationalities = nationalities  # folded, with the article (الإسباني)
        self.firsts: set[str] = set()  # the first names among the short forms (forms sets them)
        self.rest: dict[str, set[str]] = {}  # first name → the other words of its full names

    def forms(self, hits: list[Hit], *, first_names: bool = False) -> ShortForms:
        """The short forms of the names the hits hold, first hit first; people's first names too
        when `first_names` (once the people rules have had their turn: خالد السويدي after خالد
        العطية is another man, not Khalid Al Attiyah and an orphaned word)."""
        t = self.w.t
        short: ShortForms = {}
        firsts: dict[str, tuple[str, str, int]] = {}
        self.rest = {}
        shared: set[str] = set()  # first names of two people: neither's short form
        shared_orgs: set[str] = set()  # names of two organisations with a nationality: neither's
        # Most hits have no surface (places and states, which have no short form): passed over.
        for h in filter(attrgetter("surface"), hits):
            words = h.surface.split()
            if h.type == "PERSON" and len(words) >= 2:
                last = words[-1]
                if len(last) >= FAMILY_MIN and last not in t.non_name and last not in t.name_endings:
                    # A given name closing a full name is its family name too (رمضان after طه
                    # ياسين رمضان), but only after it: before, it may be anyone's given name.
                    short.setdefault(last, (h.actor, h.type, h.start))
                if first_names and self._first_name(words):
                    if firsts.setdefault(words[0], (h.actor, h.type, h.start))[0] != h.actor:
                        shared.add(words[0])
                    self.rest.setdefault(words[0], set()).update(words[1:])
            elif h.type == "ORG" and len(words) >= 2:
                self._org_form(words, h, short, shared_orgs)
            elif len(words) == 1 and ":ar:" in h.actor and h.type in ("PERSON", "ORG", "LOC"):
                # A one-word name found from its context (وقال فيرغسون إن, فريق أسيك) names the
                # same actor wherever the article uses it, context or not.
                w = words[0]
                if len(w) >= LONE_MIN and not (w in t.given or w in t.common or w in t.resource_words):
                    short.setdefault(w, (h.actor, h.type, -1))
        for name in shared_orgs:
            short.pop(name, None)
        for first, value in firsts.items():
            if first not in shared:
                short.setdefault(first, value)
        self.firsts = {f for f, value in firsts.items() if f not in shared and short[f] == value}
        return short

    def _org_form(self, words: list[str], h: Hit, short: ShortForms, shared: set[str]) -> None:
        """An organisation's head noun (الهيئة of هيئة تحرير الشام); a club or company named with
        its country's adjective (برشلونة الإسباني, ليون الفرنسي) is named by its first word alone
        later in the article, in sport above all: the club, not its city. Not an everyday word,
        nor a name two such organisations share."""
        name = words[0]
        if name in self.org_heads:
            short.setdefault(name if name.startswith("ال") else "ال" + name, (h.actor, h.type, h.start))
            return
        t = self.w.t
        if len(words) != 2 or words[1] not in self.nationalities:
            return
        if len(name) < LONE_MIN or name in t.common or name in self.nationalities:
            return
        if short.setdefault(name, (h.actor, h.type, h.start))[0] != h.actor:
            shared.add(name)

    def _first_name(self, words: list[str]) -> bool:
        """May the first of a person's name words stand for the person later on (لوسي of لوسي
        يعقوب)? A name word that is no everyday word, no kunya or عبد (أبو محمد, عبد الله are
        one name in two words) and no article word (a family name, which the last word covers)."""
        t, first = self.w.t, words[0]
        return (
            len(first) >= FAMILY_MIN
            and not first.startswith("ال")
            and first not in t.compound_first
            and first not in t.connectors
            and first not in t.weak_given
            and first not in t.common
            and first not in t.non_name
            and (first not in t.resource_words or first in t.given)
            and self.w.name_word(first)
        )

    def hits(self, hits: list[Hit], taken: set[int], *, first_names: bool = False) -> list[Hit]:
        """Hits for the short forms of `hits` in the tokens not `taken` (see `forms`)."""
        short = self.forms(hits, first_names=first_names)
        if not short:
            return []
        a = self.a
        # The form itself, or with a proclitic the normaliser did not know to remove (وكريمي).
        wanted = set().union(*map(_form_ids, short))
        alpha = a.array[:, 3]
        out = []
        for i in a.where(wanted):
            if i in taken or not alpha[i]:
                continue
            hit = self._use(i, short, taken)
            if hit is not None:
                out.append(hit)
        return out

    def _use(self, i: int, short: ShortForms, taken: set[int]) -> Hit | None:
        """A hit for token i when it is a short form of `short`."""
        a = self.a
        norm, raw, idx = a.word(i), a.raw(i), a.idx[i]
        if raw in self.w.t.non_name_raw:
            return None  # على, folded علي: the preposition as written, never Ali's short form
        if norm in short:
            form, start_char = norm, idx + a.clitics.get(i, 0)
        else:
            form, removed = strip_proclitics(norm, short.keys())
            start_char = idx + raw_prefix_length(raw, removed)
        if form not in short:
            return None
        actor, atype, first = short[form]
        if atype == "ORG" and i < first:
            return None  # "الهيئة" refers back, never forward
        if (form in self.w.t.given or form in self.firsts) and (i < first or self._in_a_name(i)):
            # A given name as a family name, a first name: back, and alone (not حمد of عيسى حمد
            # بوشهاب, not محمد of محمد رفعت after محمد بنيس).
            return None
        if form in self.firsts and (
            (fold_word(raw) != form and not self.w.may_be_name(raw))
            or (i + 1 < len(a.norms) and a.word(i + 1) in self.rest[form])
        ):
            # بآيات "with verses", not ب + the name آيات: the analyser reads the word; حسين الحوثي
            # after حسين بدر الدين الحوثي is a shorter full name, for the rules after this one.
            return None

        start = i
        if atype == "PERSON" and i and i - 1 not in taken and self._keeps(i - 1):
            # عبد الناصر after جمال عبد الناصر: the short form keeps its عبد or أبو; فان باستن
            # after ماركو فان باستن its particle.
            start, start_char = i - 1, a.idx[i - 1] + self.w.skip(i - 1)
        elif self._everyday(form, raw, actor, atype):
            return None
        return Hit(start, i + 1, start_char, idx + len(raw), actor, atype)

    def _everyday(self, form: str, raw: str, actor: str, atype: str) -> bool:
        """Is the family name of a name found by pattern, used alone, that word rather than the
        name: one no name table holds that the analyser reads, and never as a name (كرة "ball"
        after ديارا كرة, الورود "roses"; كريمي after سهيل كريمي stays Karimi)? First names have
        their own test (آيات after آيات حسن, read as "verses", is the woman)."""
        return (
            atype == "PERSON"
            and ":ar:" in actor
            and form not in self.firsts
            and not self.w.name_token(form)
            and self.w.everyday(raw, bare=True)
        )

    def _keeps(self, j: int) -> bool:
        """Does a family name used alone keep token j before it: a connector (عبد, أبو, بن) or a
        particle of three letters or more as written (فان, فون; not لا "no")? Not ولد, a
        connector only inside a name and "was born" before one (ولد أينشتاين في أولم)."""
        t, raw, word = self.w.t, self.a.raw(j), self.a.word(j)
        joins = word in t.patronymics or word in t.compound_first or word in t.family
        return (word in t.connectors and joins) or (len(raw) > 2 and raw in t.particles)

    def _in_a_name(self, i: int) -> bool:
        """Is a neighbour of token i a given name or a name token of the table (a longer name)?"""
        a, t = self.a, self.w.t
        for j in (i - 1, i + 1):
            if 0 <= j < len(a.norms) and not a.punct[j]:
                norm = a.word(j)
                if norm in t.given or self.w.name_token(norm):
                    return True
        return False
