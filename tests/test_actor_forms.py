from briefing.pipeline.actors.document import Tokens
from briefing.pipeline.actors.forms import PROPER, SURNAME, UNKNOWN, UNREADABLE, Forms
from briefing.pipeline.actors.words import WordCaches, Words


def test_actor_records_opening_kinds_only_for_unknown_words(nlp) -> None:
    # The analyser is asked for a foreign name's opening kinds only where a rule reads them: the
    # words no resource knows (UNKNOWN); a first run meets mostly new words.
    pipe = nlp.get_pipe("briefing_actors")
    t = pipe.tables
    doc = nlp("وقال الرئيس إن بريدراغ ميياتوفيتش وعبدالفتاح التقيا في الدوحة أمس")
    w = Words(Tokens.of(doc, pipe.strings, t.phrases), t.words, WordCaches())
    bits = Forms(w, t.people, t.glue, t.words.known).bits
    foreign = PROPER | UNREADABLE | SURNAME
    assert all(b & UNKNOWN for b in bits if b & foreign)
    assert not bits[[tok.text for tok in doc].index("الرئيس")] & foreign
