"""Generate briefing/resources/actors_anercorp.yaml from the TRAIN split of ANERcorp (CAMeL Lab splits).

Run from the repository root:  .venv/bin/python scripts/build_ner_lexicon.py [--train FILE] [--out FILE]

The test split is never read: it is for reporting only. The output is deterministic (same inputs,
same bytes). It also depends on the other actors*.yaml files (their surfaces are skipped), on
given_names.yaml and on person_names.json (the English names): re-run the script when they change.

Rules, in the order they apply (each decided on the train split; see scripts/eval_ner_cv.py):

1. Entities: IOB2 chunks of type PERS, LOC or ORG, read as ../shared/eval/ner_eval.py reads them
   (an I- after O opens a chunk). MISC is not an actor type and is skipped. PERS → PERSON,
   ORG → ORG, LOC → LOC (the states ANERcorp tags LOC are already GPE entries of the gazetteer).
2. Surface: the chunk's tokens with punctuation removed from its edges; a chunk without an Arabic
   letter, or with fewer than MIN_LETTERS letters, is dropped.
3. Proclitics: ANERcorp tags the whole token, clitics included (بواشنطن, وأسامة). A leading
   proclitic (و ف ب ل ك and their pairs; لل and ولل read as ل + ال) is removed when the rest is
   itself an annotated entity string or a surface of the existing gazetteer, or when the split
   writes the first word without it more often (لجامعة برينستون → جامعة برينستون). The matcher removes
   proclitics by itself when the rest is a known word, so only the bare form is listed. A chunk
   with such a word after its first (ايطاليا وفرنسا: two names tagged as one) is dropped.
4. Counting: every place in train where the surface occurs as the same token sequence (folded;
   the first token may carry a proclitic, as the matcher allows) is classed as: an entity of
   type T exactly there; untagged (all tokens O); inside or across another entity (a match
   there would be wrong); or touching MISC (the scorer ignores those, so they are not counted).
5. Type: the type T the surface is tagged with most often (ties: PERSON, then ORG, then LOC).
   Kept when the count as T is at least the count of every place where a match would be
   wrong (untagged + other entities), SINGLE_MARGIN times that count for a one-token surface
   — so everyday words that are sometimes names (فارس, حمد, سنة, العربي, نيسان) drop out — and
   at least MIN_COUNT_SINGLE (one-token surfaces) or MIN_COUNT_MULTI (longer ones) times.
   Cross-validation on train alone (scripts/eval_ner_cv.py) prefers 1/1 (every surface seen
   once) by 0.4 point of F1 over 2/1, but one-token surfaces seen once bring everyday words into
   the seed articles (الفقيه "the jurist" as a place); multi-token surfaces seen once cost the
   seeds nothing, so the defaults are 2/1. A person's name seen once that holds a common word
   (rule 8) is dropped: the split has annotation slips (أينشتاين فاتهمه الوطنيون الإشتراكيون).
6. Skipped: a surface (folded) that the other actors*.yaml files already claim, whatever its
   type, or that their generated government phrases use (الحكومة السورية); a surface that ends
   with one of their people's names (هانس بليكس: the resolver joins هانس to بليكس itself); a one-token person
   surface that is a given name (given_names.yaml): the name finder builds full names from
   those, and a lexicon hit on the given name alone would cut the name short; a person surface
   whose first word is neither a given name nor a word of the gazetteer already (صدام حسين,
   شون ماكورماك): every word of a surface joins the matcher's vocabulary, and the name finder
   does not open a name with a known word that is not a given name, so صدام الجاسر and
   شون رايان would no longer be found; a one-token surface that is, with or without its
   article, one of the resolver's common words (actor_rules.yaml) or a title word (الريف is
   "the countryside" in Syrian news far more often than the Moroccan Rif).
7. Entries: one per folded surface; surfaces that differ only in spaces (عبد الله / عبدالله)
   are one entry, the more frequent spelling as `ar` and the others as aliases_ar. `ar` is the
   spelling seen most often (then the first in Unicode order). `en` comes from
   briefing.text.transliterate (ANERcorp has no English side), so it is a reading aid, not a
   checked English name. Ids are "ner:<type>:<slug of en>", numbered when two would collide.
8. Common words: every folded word the split tags O at least COMMON_MIN times and at least
   COMMON_MARGIN times as often as inside an entity, written as `common_words`. The actor
   resolver's name finders never read these as names (أمل "hope", رمضان the month): the name
   lexicon alone cannot tell a name from an everyday word spelt like one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import srsly
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from briefing.text.normalize import fold  # noqa: E402
from briefing.text.transliterate import Transliterator  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "eval" / "anercorp" / "ANERCorp_CamelLab_train.txt"
RESOURCES = ROOT / "briefing" / "resources"
DEFAULT_OUT = RESOURCES / "actors_anercorp.yaml"
DOC_SENTENCES = 40  # ner_eval.py groups sentences into documents of this size

MIN_LETTERS = 3
MIN_COUNT_SINGLE = 2
MIN_COUNT_MULTI = 1
# A one-token surface must be right this many times as often as a match would be wrong.
SINGLE_MARGIN = 2

# A word is common (not a name) when seen outside names this often, and this many times as often
# as inside one.
COMMON_MIN = 2
COMMON_MARGIN = 4

TYPES = {"PERS": "PERSON", "ORG": "ORG", "LOC": "LOC"}
TYPE_ORDER = ("PERSON", "ORG", "LOC")
# Longest first; each is removed only when the rest is a known entity string.
CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
ARTICLE_CLITICS = ("ولل", "فلل", "لل")  # ل + ال, written لل
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")

HEADER = """\
# Named-entity gazetteer learned from ANERcorp: people, organisations and places that the
# corpus tags as such more often than not, and that the hand-made actors_*.yaml files lack.
#
# GENERATED by scripts/build_ner_lexicon.py: do not edit by hand; change the script and re-run it.
#
# Derived from the TRAIN split only (ANERCorp_CamelLab_train.txt) of ANERcorp, as split by
# CAMeL Lab ("ANERcorp-CamelLabSplits"); the test split was not used. Facts only: entity
# strings and their types. English names are machine transliterations (briefing.text.transliterate).
# Source: ANERcorp, Benajiba, Rosso & Benedí 2007, licence CC BY-SA 4.0 (Attribution-ShareAlike
# 4.0 International). This derived file is offered under CC BY-SA 4.0 as the share-alike clause
# asks. Please cite:
# - Yassine Benajiba, Paolo Rosso and José Miguel Benedí Ruiz. "ANERsys: An Arabic Named Entity
#   Recognition System Based on Maximum Entropy". CICLing 2007, LNCS 4394, pp. 143-153.
# - Ossama Obeid et al. "CAMeL Tools: An Open Source Python Toolkit for Arabic Natural Language
#   Processing". LREC 2020 (the train/test splits).
"""

COMMON_HEADER = """
# Words the corpus uses outside names (at least COMMON_MIN times, and COMMON_MARGIN times as
# often as inside one), folded: the name finders do not read them as names.
"""

# --------------------------------------------------------------------------- corpus


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag), split the way ner_eval.py splits them."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def documents(sents: Sequence[list[tuple[str, str]]]) -> list[list[list[tuple[str, str]]]]:
    return [list(sents[i : i + DOC_SENTENCES]) for i in range(0, len(sents), DOC_SENTENCES)]


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every IOB2 chunk, as ner_eval.spans_from_bio reads them."""
    out: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != kind):
            if start is not None:
                out.append((start, i, kind))
                start, kind = None, ""
            if t.startswith(("B-", "I-")):
                start, kind = i, t[2:]
    return out


def clean(token: str) -> str:
    """A token without the punctuation glued to its edges (بكابول؛ → بكابول)."""
    return _EDGE.sub("", token)


def key_of(tokens: Iterable[str]) -> str:
    return " ".join(fold(t) for t in tokens if t)


# --------------------------------------------------------------------------- existing resources


@dataclass
class Known:
    """What the rest of the resources already say."""

    claimed: set[str] = field(default_factory=set)  # folded surfaces of the other actors files
    people: set[str] = field(default_factory=set)  # ... of their people
    given: set[str] = field(default_factory=set)  # folded given names
    words: set[str] = field(default_factory=set)  # folded words of the claimed surfaces
    # folded common words the resolver reasons with (ريف, مدينة, صحيفة …) and title words
    rule_words: set[str] = field(default_factory=set)


def load_known(resources: Path, out_name: str) -> Known:
    known = Known()
    demonyms: list[str] = []
    for path in sorted(resources.glob("actors*.yaml")):
        if path.name == out_name:
            continue
        for item in srsly.read_yaml(path)["actors"]:
            for k in ("ar", "aliases_ar", "ambiguous_ar", "context_only_ar"):
                value = item.get(k) or []
                for s in [value] if isinstance(value, str) else value:
                    known.claimed.add(" ".join(fold(s).split()))
                    if item.get("type") == "PERSON":
                        known.people.add(" ".join(fold(s).split()))
            if item.get("type") == "GPE":
                demonyms += item.get("demonym_ar") or []
    # The resolver's generated government phrases (الحكومة الإيرانية, النظام السوري) are claimed too.
    rules = srsly.read_yaml(resources / "actor_rules.yaml")
    for d in demonyms:
        adjective = " ".join(w if w.startswith("ال") else "ال" + w for w in d.split())
        nouns = (
            rules.get("government_nouns_f", []) if d.endswith("ة") else rules.get("government_nouns_m", [])
        )
        for noun in nouns:
            known.claimed.add(" ".join(fold(f"{noun} {adjective}").split()))
    known.given = {fold(n) for n in srsly.read_yaml(resources / "given_names.yaml")["given_names"]}
    known.words = {w for s in known.claimed for w in s.split()}
    for values in rules.values():
        known.rule_words |= {fold(w) for w in values if isinstance(w, str)}
    for title in srsly.read_yaml(resources / "titles.yaml")["titles"]:
        forms = title["ar"] if isinstance(title["ar"], list) else [title["ar"]]
        known.rule_words |= {fold(w) for f in forms for w in f.split()}
    return known


# --------------------------------------------------------------------------- building


def strip_clitic(tokens: list[str], targets: set[str]) -> list[str]:
    """`tokens` without a leading proclitic when what remains is in `targets` (folded keys)."""
    first, rest = tokens[0], tokens[1:]
    options = [("ال" + first[len(c) :]) for c in ARTICLE_CLITICS if first.startswith(c)]
    options += [first[len(c) :] for c in CLITICS if first.startswith(c)]
    for option in options:
        # The letters that must remain are counted over the whole name (تل أبيب), not its first word.
        if len(fold(option + "".join(rest))) >= MIN_LETTERS and key_of([option, *rest]) in targets:
            return [option, *rest]
    return tokens


def strip_clitic_of_word(tokens: list[str], seen: Counter[str]) -> list[str]:
    """`tokens` without the proclitic of their first word when the corpus writes that word
    without it more often (لجامعة برينستون → جامعة برينستون): a listed لجامعة would stop the
    normaliser from taking ل off every other لجامعة."""
    first = tokens[0]
    options = [(c, "ال" + first[len(c) :]) for c in ARTICLE_CLITICS] + [(c, first[len(c) :]) for c in CLITICS]
    for c, rest in options:
        if (
            first.startswith(c)
            and len(rest) >= 3
            and seen[fold(rest)] >= 3
            and seen[fold(rest)] > seen[fold(first)]
        ):
            return [rest, *tokens[1:]]
    return tokens


def clitic_variants(folded: str) -> list[str]:
    """The folded token and every form the matcher could read after removing a proclitic.

    The resolver also reads a known one-word name glued after "ال" (the folded آل of آل سعود is
    among its glue heads), so المشهد is read as ال + مشهد: such places count too.
    """
    out = [folded]
    if folded.startswith("ال") and len(folded) >= 6:
        out.append(folded[2:])
    out += ["ال" + folded[len(c) :] for c in ARTICLE_CLITICS if folded.startswith(c)]
    out += [folded[len(c) :] for c in CLITICS if folded.startswith(c) and len(folded) - len(c) >= 2]
    return out


@dataclass
class Candidate:
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    tagged: Counter[str] = field(default_factory=Counter)  # actor type → exact occurrences
    untagged: int = 0  # all tokens O
    wrong: int = 0  # inside or across another entity


def build(
    docs: Sequence[list[list[tuple[str, str]]]],
    known: Known,
    translit: Transliterator,
    *,
    min_single: int = MIN_COUNT_SINGLE,
    min_multi: int = MIN_COUNT_MULTI,
    single_margin: int = SINGLE_MARGIN,
) -> list[dict[str, Any]]:
    sents = [s for d in docs for s in d]
    parsed = []
    for sent in sents:
        toks = [clean(t) for t, _ in sent]
        tags = [tag for _, tag in sent]
        parsed.append((toks, tags, chunks(tags)))

    # 1–3: entity strings as annotated, then without their proclitic.
    raw_entities: list[list[str]] = []
    for toks, _tags, spans in parsed:
        for s, e, kind in spans:
            if kind not in TYPES:
                continue
            words = [t for t in toks[s:e] if t]
            if words and _ARABIC.search(" ".join(words)):
                raw_entities.append(words)
    annotated = {key_of(w) for w in raw_entities}
    targets = annotated | known.claimed
    seen = Counter(fold(t) for toks, _tags, _spans in parsed for t in toks if t)
    cands: dict[str, Candidate] = {}
    for words in raw_entities:
        words = strip_clitic(words, targets)
        words = strip_clitic_of_word(words, seen)
        # Two names tagged as one chunk (ايطاليا وفرنسا): its words would join the matcher's
        # vocabulary with their proclitic (وفرنسا), and the normaliser would stop removing it.
        if any(strip_clitic([w], targets) != [w] for w in words[1:]):
            continue
        key = key_of(words)
        if sum(1 for ch in key if _ARABIC.match(ch)) < MIN_LETTERS:
            continue
        cands.setdefault(key, Candidate(key)).spellings[" ".join(words)] += 1

    # 4: every occurrence of every candidate in running text, classed by its gold tags.
    by_first: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands.values():
        by_first[c.key.split()[0]].append(c)
    for toks, tags, spans in parsed:
        folded = [fold(t) for t in toks]
        exact = {(s, e): kind for s, e, kind in spans}
        misc = [(s, e) for s, e, kind in spans if kind == "MISC"]
        for i, word in enumerate(folded):
            seen: set[str] = set()
            for variant in clitic_variants(word):
                for c in by_first.get(variant, ()):
                    if c.key in seen:
                        continue
                    rest = c.key.split()[1:]
                    j = i + 1 + len(rest)
                    if folded[i + 1 : j] != rest:
                        continue
                    seen.add(c.key)
                    if any(i < me and ms < j for ms, me in misc):
                        continue
                    gold = exact.get((i, j))
                    if gold in TYPES:
                        c.tagged[TYPES[gold]] += 1
                    elif all(t == "O" for t in tags[i:j]):
                        c.untagged += 1
                    else:
                        c.wrong += 1

    # 5–6: the filters.
    common = set(common_words(docs)) - known.given
    kept: dict[str, tuple[str, Candidate]] = {}
    for key, c in sorted(cands.items()):
        if key in known.claimed or not c.tagged:
            continue
        # A longer form of a listed person (هانس بليكس for بليكس): the resolver joins the given
        # name to the known one itself, and a second entry would split the person in two.
        words = key.split()
        if any(" ".join(words[i:]) in known.people for i in range(1, len(words))):
            continue
        atype = max(TYPE_ORDER, key=lambda t: (c.tagged[t], -TYPE_ORDER.index(t)))
        n = c.tagged[atype]
        # A person's name seen once with an everyday word in it is an annotation slip
        # (أينشتاين فاتهمه الوطنيون الإشتراكيون), not a name.
        if atype == "PERSON" and n == 1 and any(w in common for w in key.split()):
            continue
        errors = c.untagged + c.wrong + sum(v for t, v in c.tagged.items() if t != atype)
        single = " " not in key
        if n < errors * (single_margin if single else 1) or n < (min_single if single else min_multi):
            continue
        if single and atype == "PERSON" and key in known.given:
            continue
        # A one-word name that is one of the resolver's common words (الريف "the countryside",
        # a title) is that word far more often in news than a name.
        if single and (key in known.rule_words or key.removeprefix("ال") in known.rule_words):
            continue
        first = key.split()[0]
        if atype == "PERSON" and first not in known.given and first not in known.words:
            continue
        kept[key] = (atype, c)

    # 7: entries, spellings that differ only in spaces grouped.
    groups: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for key, (atype, c) in kept.items():
        groups[(atype, key.replace(" ", ""))].append(c)
    entries: list[dict[str, Any]] = []
    used: Counter[str] = Counter()
    for (atype, _), members in sorted(groups.items(), key=lambda kv: (TYPE_ORDER.index(kv[0][0]), kv[0][1])):
        members.sort(key=lambda c: (-sum(c.spellings.values()), c.key))
        names = [min(c.spellings, key=lambda s: (-c.spellings[s], s)) for c in members]
        en = translit.name_en(names[0])
        slug = re.sub(r"[^a-z0-9]+", "-", en.lower()).strip("-") or "x"
        base = f"ner:{atype.lower()}:{slug}"
        used[base] += 1
        entry: dict[str, Any] = {
            "id": base if used[base] == 1 else f"{base}-{used[base]}",
            "type": atype,
            "en": en,
            "ar": names[0],
        }
        if len(names) > 1:
            entry["aliases_ar"] = names[1:]
        entries.append(entry)
    return entries


def common_words(docs: Sequence[list[list[tuple[str, str]]]]) -> list[str]:
    """Folded words the corpus uses outside names COMMON_MIN times or more, and at least
    COMMON_MARGIN times as often as inside one: evidence against reading a word as a name."""
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for d in docs:
        for sent in d:
            for token, tag in sent:
                word = fold(clean(token))
                if word and _ARABIC.search(word):
                    (outside if tag == "O" else inside)[word] += 1
    return sorted(w for w, c in outside.items() if c >= COMMON_MIN and inside[w] * COMMON_MARGIN <= c)


def render(entries: list[dict[str, Any]], words: list[str]) -> str:
    # No entries (minimum counts above any surface's: common words alone) is an empty list.
    lines = [HEADER.rstrip("\n"), "actors:" if entries else "actors: []"]
    for e in entries:
        flow = yaml.safe_dump(e, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10**6)
        lines.append("  - " + flow.strip())
    lines.append(COMMON_HEADER.rstrip("\n"))
    flow = yaml.safe_dump(words, allow_unicode=True, default_flow_style=True, width=100).strip()
    lines.append("common_words: " + flow.replace("\n", "\n  "))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--hold-out",
        metavar="A:B",
        help="leave out documents A..B-1 (40 sentences each), for cross-validation",
    )
    ap.add_argument("--min-single", type=int, default=MIN_COUNT_SINGLE)
    ap.add_argument("--min-multi", type=int, default=MIN_COUNT_MULTI)
    ap.add_argument("--single-margin", type=int, default=SINGLE_MARGIN)
    args = ap.parse_args(argv)

    if "test" in args.train.name.lower():
        ap.error("the test split is for reporting only; build from the train split")
    docs = documents(read_conll(args.train))
    if args.hold_out:
        a, b = (int(x) for x in args.hold_out.split(":"))
        docs = docs[:a] + docs[b:]
    known = load_known(RESOURCES, DEFAULT_OUT.name)
    translit = Transliterator.from_data(srsly.read_json(RESOURCES / "person_names.json"))
    entries = build(
        docs,
        known,
        translit,
        min_single=args.min_single,
        min_multi=args.min_multi,
        single_margin=args.single_margin,
    )
    words = common_words(docs)
    args.out.write_text(render(entries, words), encoding="utf-8")
    counts = Counter(e["type"] for e in entries)
    print(
        f"{args.out}: {len(entries)} entries ({', '.join(f'{t} {counts[t]}' for t in TYPE_ORDER)}), "
        f"{len(words)} common words"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
