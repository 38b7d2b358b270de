"""Hand-made facts for quiz tests: the quiz is tested apart from the fact extractor."""

from __future__ import annotations

from gistquiz.core.document import Document, build_document
from gistquiz.core.facts.model import Fact, FactType

ARTICLE = (
    "The International Criminal Court (ICC) issued an arrest warrant for the president on "
    "Friday. The warrant means he could be detained in 123 nations that accept the court.\n\n"
    "Mr. Xi traveled to Moscow on Monday to begin a three-day tour. Fumio Kishida, the prime "
    "minister of Japan, went to Kyiv to meet Volodymyr Zelensky.\n\n"
    "John Kirby said a cease-fire would not suffice. The talks lasted more than four hours "
    "and ended with a 12-point plan. The United Nations Security Council met in 2022."
)

# (surface text, type, fine type, aliases)
SPECS = [
    ("International Criminal Court", FactType.ORG, "court", ("ICC",)),
    ("123 nations", FactType.NUMBER, "nations", ()),
    ("Moscow", FactType.PLACE, "city", ()),
    ("Monday", FactType.DATE, "", ()),
    ("three-day tour", FactType.DURATION, "tour", ()),
    ("Fumio Kishida", FactType.PERSON, "prime minister", ()),
    ("Japan", FactType.PLACE, "country", ()),
    ("Kyiv", FactType.PLACE, "city", ()),
    ("Volodymyr Zelensky", FactType.PERSON, "president", ()),
    ("John Kirby", FactType.PERSON, "spokesperson", ()),
    ("cease-fire", FactType.TERM, "", ()),
    ("more than four hours", FactType.DURATION, "hours", ()),
    ("12-point plan", FactType.NUMBER, "plan", ()),
    ("United Nations Security Council", FactType.ORG, "council", ()),
    ("2022", FactType.DATE, "", ()),
    ("arrest warrant", FactType.TERM, "", ()),
]


def sentence_of(doc: Document, offset: int) -> int:
    return next(s.index for s in doc.sentences if s.start <= offset < s.end)


def make_facts(doc: Document, specs=SPECS) -> list[Fact]:
    facts = []
    for rank, (text, kind, subtype, aliases) in enumerate(specs):
        start = doc.text.find(text)
        assert start >= 0, text
        facts.append(
            Fact(
                kind,
                text,
                start,
                start + len(text),
                sentence_of(doc, start),
                entity=text,
                aliases=aliases,
                subtype=subtype,
                importance=1.0 - rank / len(specs),
            )
        )
    return facts


def article() -> tuple[Document, list[Fact]]:
    doc = build_document(ARTICLE, title="Test article", language="en")
    return doc, make_facts(doc)
