"""More answer candidates: the noun phrases the fact extractor passed over.

People ask about plain noun phrases as often as about names and numbers ("a museum", "the
teachers"): in SQuAD they are 44% of the answers. The fact extractor keeps only key terms, so
the quiz adds every other noun chunk of the tagger as a low-prior TERM candidate (marked
``extra["source"] = "chunk"``) and lets the learned ranker decide which deserve a question.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..document import Document
from ..facts.model import Fact, FactType
from ..facts.terms import name_after_descriptor
from .text import contains_tokens, normalize

_SKIP_FIRST = {"DT", "PRP$", "POS", "WDT", "WP$", "PDT"}
_NOT_ANSWERS = {"PRP", "WP", "EX", "DT"}
_VAGUE = {
    "part",
    "parts",
    "one",
    "ones",
    "thing",
    "things",
    "way",
    "ways",
    "lot",
    "kind",
    "kinds",
    "number",
    "example",
    "time",
    "times",
    "other",
    "others",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "this",
    "that",
    "these",
    "those",
}
MAX_WORDS = 6
_TITLES = re.compile(r"^(?:mr|mrs|ms|dr|president|prime minister|sir|king|queen)\s+")


def _key(text: str) -> str:
    return _TITLES.sub("", normalize(text))


def chunk_facts(doc: Document, facts: Sequence[Fact]) -> list[Fact]:
    """TERM candidates for noun chunks that overlap no fact in ``facts``."""
    try:
        from ..nlp.analysis import analyze
    except ImportError:  # pragma: no cover - the language layer ships with the app
        return []
    analysis = analyze(doc)
    taken = sorted((f.start, f.end) for f in facts)
    # Other mentions of the facts' entities ("Mr. Xi" again, "President Xi Jinping") are the
    # extractor's business: it typed them and knows their aliases.
    known = {_key(form) for f in facts for form in (f.text, f.entity, *f.aliases) if form}
    known.discard("")
    heads = Counter(
        s.lemmas[c.head].lower()
        for s in analysis.sentences
        for c in s.chunks
        if c.head < len(s.tags)
    )
    out: list[Fact] = []
    for s in analysis.sentences:
        if doc.sentences[s.index].heading:
            continue
        for chunk in s.chunks:
            first, last = chunk.first, chunk.last
            while first < last and s.tags[first] in _SKIP_FIRST:
                first += 1
            first = name_after_descriptor(s, first, last)
            if first >= last or last - first > MAX_WORDS:
                continue
            if last - first == 1 and (
                s.tags[first] in _NOT_ANSWERS or s.tokens[first].norm.lower() in _VAGUE
            ):
                continue
            start, end = s.span(first, last)
            if any(a < end and start < b for a, b in taken):
                continue
            text = doc.text[start:end]
            if not any(ch.isalnum() for ch in text):
                continue
            key = _key(text)
            if key in known or any(
                contains_tokens(key, k) for k in known if " " in k or k.isupper()
            ):
                continue
            if not s.tags[min(chunk.head, len(s.tags) - 1)].startswith(("NN", "CD")):
                continue
            head = s.lemmas[chunk.head].lower() if chunk.head < len(s.lemmas) else ""
            out.append(
                Fact(
                    FactType.TERM,
                    text,
                    start,
                    end,
                    s.index,
                    entity=text,
                    subtype=head,
                    importance=0.0,
                    mentions=heads[head] if head else 1,
                    extra={"source": "chunk"},
                )
            )
    return out
