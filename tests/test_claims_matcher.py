"""The claims' NormMatcher: what spaCy's PhraseMatcher on NORM gives, in its order."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import NORM
from spacy.matcher import PhraseMatcher

from briefing.pipeline.claims.matcher import NormMatcher
from briefing.pipeline.claims.tables import cue_words, head_words
from briefing.pipeline.columns import token_array
from briefing.resources.schema import CuesFile, SpeakersFile


def test_claims_matcher_by_start_then_shorter_first() -> None:
    matcher = NormMatcher([([1, 2, 3], 10), ([1], 11), ([2, 3], 12), ([1, 2], 13), ([1], 14), ([9, 9], 15)])
    norms = numpy.array([1, 2, 3, 1, 9], dtype="uint64")
    assert matcher(norms) == [
        (11, 0, 1),
        (14, 0, 1),
        (13, 0, 2),
        (10, 0, 3),
        (12, 1, 3),
        (11, 3, 4),
        (14, 3, 4),
    ]
    assert matcher(numpy.array([5, 6], dtype="uint64")) == []


@pytest.mark.parametrize(
    "text",
    [
        "وقال المتحدث باسم الخارجية إن الوزير سيزور دمشق.",
        "وأكدت مصادر مطلعة، وفقا لما نقلته وكالة الأنباء الرسمية، أن الاتفاق قريب.",
        "ونفى مسؤول إيراني رفيع ما نشرته الصحيفة، بحسب تعبيره.",
        "أعلن الرئيس الروسي فلاديمير بوتين دعوته إلى وقف إطلاق النار",
    ],
)
def test_claims_matcher_agrees_with_the_phrase_matcher(nlp, resources, text) -> None:
    cues = cue_words(resources.get("cues", CuesFile))
    heads = head_words(resources.get("speakers", SpeakersFile), resources.titles)
    phrase = PhraseMatcher(nlp.vocab, attr="NORM")
    for key, eid in [(k, v.key) for k, v in cues.items()] + [(k, "head:" + v.id) for k, v in heads.items()]:
        pattern = nlp.make_doc(key)
        for tok in pattern:
            tok.norm_ = tok.text
        phrase.add(eid, [pattern])
    skip = [n for n in nlp.pipe_names if n not in ("briefing_normalizer", "briefing_sentences")]
    with nlp.select_pipes(disable=skip):
        doc = nlp(text)
    found = nlp.get_pipe("briefing_claims").tables.matcher(token_array(doc, [NORM]))
    assert found == phrase(doc)
    assert found  # each sentence holds a cue or a head
