"""Facts as the CLI prints them: a stable JSON schema and a readable text table."""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Document
from .model import Fact

FACTS_SCHEMA = "gistquiz.facts/1"


def fact_json(doc: Document, fact: Fact) -> dict:
    return {
        "type": fact.type.value,
        "text": fact.text,
        "start": fact.start,
        "end": fact.end,
        "sentence": fact.sentence,
        "entity": fact.entity,
        "aliases": list(fact.aliases),
        "subtype": fact.subtype,
        "importance": fact.importance,
        "mentions": fact.mentions,
        "sentence_text": doc.clean_sentence(fact.sentence),
    }


def facts_json(doc: Document, facts: Sequence[Fact], algorithm: str) -> dict:
    return {
        "schema": FACTS_SCHEMA,
        "document": {"id": doc.id, "title": doc.title, "sentences": len(doc.sentences)},
        "algorithm": algorithm,
        "facts": [fact_json(doc, f) for f in facts],
    }


def facts_text(doc: Document, facts: Sequence[Fact]) -> str:
    """One block per fact: rank, type/subtype, answer, entity and aliases, its sentence."""
    lines = []
    for rank, f in enumerate(facts, 1):
        kind = f.type.value + (f"/{f.subtype}" if f.subtype else "")
        name = f" = {f.entity}" if f.entity and f.entity != f.text else ""
        aka = f"  (also: {'; '.join(f.aliases)})" if f.aliases else ""
        lines.append(f"{rank:>3}. {f.importance:.3f}  {kind:<22} {f.text}{name}{aka}")
        lines.append(f"       s{f.sentence}: {doc.clean_sentence(f.sentence)}")
    return "\n".join(lines)
