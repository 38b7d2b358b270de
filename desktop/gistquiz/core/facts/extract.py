"""Key facts of a document: typed answer spans, aliases resolved, ranked by importance.

Every fact is a span of ``Document.text`` tied to one sentence. Mentions of one entity
("International Criminal Court" / "ICC", "President Xi Jinping" / "Mr. Xi" / "Xi") are
grouped under a canonical name; by default one Fact stands for the group, placed in the
mention whose sentence the summary ranks highest. Importance mixes that sentence's summary
score, a prior per type and how often the entity is mentioned.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ..nlp.analysis import SentenceAnalysis, analyze
from ..nlp.entities import ORG, PERSON, PLACE
from ..nlp.gazetteer import PERSON_TITLES
from ..progress import NEVER_CANCELLED, CancelToken
from ..summarize import Ranking
from .model import Fact, FactType
from .quantities import dates, quantities
from .terms import terms

# How much a fact of each type is worth as a quiz answer, before context.
TYPE_PRIOR = {
    FactType.NUMBER: 1.0,
    FactType.DURATION: 0.95,
    FactType.PERSON: 1.0,
    FactType.ORG: 0.95,
    FactType.DATE: 0.65,
    FactType.PLACE: 0.7,
    FactType.TERM: 0.65,
}
W_SENTENCE, W_TYPE, W_MENTIONS = 0.3, 0.5, 0.2
_ENTITY_TYPES = {PERSON: FactType.PERSON, ORG: FactType.ORG, PLACE: FactType.PLACE}
_SPACE = re.compile(r"\s+")
_NAME_GLUE = frozenset(["of", "the", "and", "for", "&", "on", "in", "de"])
_PLACE_KEYS = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
}


@dataclass(slots=True)
class Mention:
    type: FactType
    sentence: int
    start: int
    end: int
    subtype: str
    text: str
    title: str = ""
    key: str = ""
    entity: str = ""
    boost: float = 1.0  # how good an answer this form is within its type


def extract_facts(
    doc: Document,
    ranking: Ranking | None = None,
    *,
    per_mention: bool = False,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list[Fact]:
    """Typed facts of ``doc`` sorted by importance (highest first).

    ``ranking`` is a summary ranking of ``doc`` (the default algorithm's if None).
    ``per_mention`` returns every mention as its own Fact (sharing entity and aliases)
    instead of one Fact per entity.
    """
    if ranking is None:
        from ..pipeline import DEFAULT_ALGORITHM, summarize

        ranking = summarize(doc, DEFAULT_ALGORITHM, 5, cancel=cancel)
    analysis = analyze(doc, cancel=cancel)
    weights = sentence_weights(doc, ranking.scores)
    mentions: list[Mention] = []
    for s in analysis.sentences:
        cancel.check()
        if doc.sentences[s.index].heading:
            continue
        mentions.extend(sentence_mentions(doc, s))
    groups = resolve(mentions)
    facts: list[Fact] = []
    for group in groups:
        text = group[0].text
        if group[0].type == FactType.TERM and len(group) == 1 and not re.search(r"[\s-]", text):
            continue  # a one-word noun said once is rarely a key term
        aliases = _aliases(group)
        count = len(group)
        mention_score = min(1.0, math.log2(1 + count) / 3)
        if any(_is_acronym_of(m.text, group[0].entity) for m in group):
            for m in group:
                m.boost *= 1.15  # the article defines an acronym for it: a key player
        chosen = group
        if not per_mention:
            # The mention in the best sentence, preferring the fullest form ("Xi Jinping").
            full = max(len(m.text) for m in group)
            chosen = [max(group, key=lambda m: weights[m.sentence] + 0.15 * (len(m.text) == full))]
        for m in chosen:
            importance = (
                W_SENTENCE * weights[m.sentence]
                + W_TYPE * min(1.0, TYPE_PRIOR[m.type] * m.boost)
                + W_MENTIONS * mention_score
            )
            extra = {"title": m.title} if m.title else {}
            facts.append(
                Fact(
                    type=m.type,
                    text=doc.text[m.start : m.end],
                    start=m.start,
                    end=m.end,
                    sentence=m.sentence,
                    entity=m.entity,
                    aliases=aliases,
                    subtype=m.subtype,
                    importance=round(importance, 4),
                    mentions=count,
                    extra=extra,
                )
            )
    facts.sort(key=lambda f: (-f.importance, f.start))
    return facts


def sentence_weights(doc: Document, scores: Sequence[float]) -> list[float]:
    """Summary scores scaled to [0, 1] (rank and value mixed: scales differ per algorithm)."""
    n = len(scores)
    if n == 0:
        return []
    lo, hi = min(scores), max(scores)
    order = sorted(range(n), key=lambda i: (-scores[i], i))
    rank = {i: r for r, i in enumerate(order)}
    out = []
    for i in range(n):
        value = (scores[i] - lo) / (hi - lo) if hi > lo else 1.0
        by_rank = 1.0 - rank[i] / max(1, n - 1)
        out.append(0.5 * value + 0.5 * by_rank)
    return out


def sentence_mentions(doc: Document, s: SentenceAnalysis) -> list[Mention]:
    """Every typed span of one sentence; entities left untyped keep type None-ish ("")."""
    taken: set[int] = set()
    found: list[Mention] = []

    def add(kind: FactType, first: int, last: int, subtype: str, title: str = "") -> None:
        a, b = s.span(first, last)
        found.append(
            Mention(
                kind,
                s.index,
                a,
                b,
                subtype,
                doc.text[a:b],
                title,
                boost=_boost(kind, s, first, last),
            )
        )
        taken.update(range(first, last))

    for span in dates(s):
        add(FactType.DATE, span.first, span.last, span.subtype)
    for kind, span in quantities(s, taken):
        add(FactType(kind), span.first, span.last, span.subtype)
    for e in s.entities:
        if any(k in taken for k in range(e.first, e.last)):
            continue
        kind = _ENTITY_TYPES.get(e.type)
        if kind is None:
            # Untyped name: kept as a candidate that document-level aliasing may type.
            a, b = e.start, e.end
            found.append(Mention(FactType.TERM, s.index, a, b, "?", doc.text[a:b]))
            taken.update(range(e.first, e.last))
            continue
        subtype = e.subtype or (
            apposition_role(s, e.first, e.last) if kind == FactType.PERSON else ""
        )
        add(kind, e.first, e.last, subtype, e.title)
    for first, last, head in terms(s, taken):
        add(FactType.TERM, first, last, head)
    return found


ROLE_NOUNS = frozenset(v for v in PERSON_TITLES.values() if v) | frozenset(
    [
        "leader",
        "director",
        "official",
        "founder",
        "author",
        "editor",
        "analyst",
        "envoy",
        "chief",
        "head",
        "commander",
        "officer",
        "spokesman",
        "spokeswoman",
        "adviser",
        "advisor",
        "economist",
        "scientist",
        "researcher",
        "lawyer",
        "owner",
        "manager",
        "candidate",
        "actor",
        "singer",
        "writer",
        "player",
        "journalist",
        "reporter",
    ]
)


def apposition_role(s: SentenceAnalysis, first: int, last: int) -> str:
    """A person's role from an apposition: "Mr. Kirby, the US security spokesperson," or
    "the prime minister of Japan, Fumio Kishida"."""
    heads = {c.first: c for c in s.chunks}
    if last + 1 < len(s.tokens) and s.tokens[last].norm == ",":
        chunk = heads.get(last + 1)
        if chunk is not None and s.lemmas[chunk.head] in ROLE_NOUNS:
            return s.lemmas[chunk.head]
    if first >= 2 and s.tokens[first - 1].norm == ",":
        for chunk in s.chunks:
            if chunk.last <= first - 1 and first - 1 - chunk.last <= 3:
                between = s.tags[chunk.last : first - 1]
                linked = all(t in ("IN", "NNP", "NNPS", "DT") for t in between)
                if linked and s.lemmas[chunk.head] in ROLE_NOUNS:
                    return s.lemmas[chunk.head]
    return ""


def _boost(kind: FactType, s: SentenceAnalysis, first: int, last: int) -> float:
    """Within a type, some forms make better answers: a noun compound ("arrest warrant")
    more than an adjective phrase ("unexpected trip"), a counted number ("123 nations")
    more than a bare one, a full name more than a single word."""
    tags = s.tags[first:last]
    if kind == FactType.TERM:
        if len(tags) == 1:
            return 0.6
        if all(t in ("NN", "NNS", "HYPH") for t in tags):
            return 1.0
        return 0.7
    if kind in (FactType.NUMBER, FactType.DURATION):
        if first > 0 and s.tokens[first - 1].norm.lower() in ("the", "these", "those", "both"):
            return 0.5  # "the two countries" points back at things already named
        return 1.0 if last - first > 1 else 0.6
    if kind in (FactType.PERSON, FactType.ORG, FactType.PLACE):
        return 1.0 if last - first > 1 else 0.9
    return 1.0


def _is_acronym_of(text: str, name: str) -> bool:
    return " " not in text and len(text) > 1 and text.isupper() and _initials(name) == text


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'")).strip().lower()


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w and w.lower() not in _NAME_GLUE]
    return "".join(w[0] for w in words).upper()


def resolve(mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions into entities; set each mention's ``key``, ``entity`` and final type."""
    typed = [m for m in mentions if m.subtype != "?" or m.type != FactType.TERM]
    untyped = [m for m in mentions if m.subtype == "?" and m.type == FactType.TERM]
    persons = [m for m in typed if m.type == FactType.PERSON]
    full_names = [m.text for m in persons if " " in m.text]
    orgs = [m for m in typed if m.type == FactType.ORG and " " in m.text]
    by_text = {_norm(m.text): m.type for m in typed if m.type in _ENTITY_TYPES.values()}

    for m in untyped:
        low = _norm(m.text)
        if low in by_text:
            m.type, m.subtype = by_text[low], ""
        elif _surname_owner(m.text, full_names):
            m.type, m.subtype = FactType.PERSON, ""
        elif any(_initials(o.text) == m.text.replace(".", "") for o in orgs):
            m.type, m.subtype = FactType.ORG, "acronym"
        else:
            m.type = None  # type: ignore[assignment]
    kept = [m for m in mentions if m.type is not None]
    _unify_types(kept)

    for m in kept:
        low = _norm(m.text)
        if m.type == FactType.PERSON:
            owner = _surname_owner(m.text, full_names) if " " not in m.text else m.text
            m.key = "person:" + _norm(owner or m.text)
        elif m.type == FactType.ORG:
            expansion = next(
                (o.text for o in orgs if _initials(o.text) == m.text.replace(".", "")), None
            )
            m.key = "org:" + _norm(expansion or m.text)
        elif m.type == FactType.PLACE:
            bare = low.replace(".", "")
            m.key = "place:" + _PLACE_KEYS.get(bare, bare)
        elif m.type == FactType.TERM:
            m.key = "term:" + m.subtype + ":" + low
        else:
            m.key = f"{m.type.value.lower()}:{low}"
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in kept:
        groups[m.key].append(m)
    for group in groups.values():
        canonical = _canonical(group)
        subtype = next((m.subtype for m in group if m.subtype and m.subtype != "acronym"), "")
        for m in group:
            m.entity = canonical
            if m.type in (FactType.PERSON, FactType.ORG, FactType.PLACE) and subtype:
                m.subtype = subtype
    return list(groups.values())


_TITLE_VOTES = 1000  # a titled mention decides the name's type


def _unify_types(mentions: list[Mention]) -> None:
    """One name, one type in one article: the majority of its typed mentions decides, and a
    title of office once ("Captain Ahab") outweighs the typer's guesses on the bare name
    ("Ahab" six times a place, three times an organisation in a chapter of Moby-Dick)."""
    votes: dict[str, dict[FactType, int]] = defaultdict(lambda: defaultdict(int))
    names = [m for m in mentions if m.type in _ENTITY_TYPES.values()]
    for m in names:
        titled = m.type == FactType.PERSON and bool(m.title)
        votes[_norm(m.text)][m.type] += _TITLE_VOTES if titled else 1
    for m in names:
        tally = votes[_norm(m.text)]
        if len(tally) > 1:
            winner = max(tally, key=lambda t: (tally[t], t == FactType.ORG))
            if m.type != winner:
                m.type, m.subtype = winner, ""


def _surname_owner(word: str, full_names: Sequence[str]) -> str | None:
    """The one full name in the article that ``word`` names alone ("Xi" -> "Xi Jinping")."""
    if " " in word:
        return None
    owners = {n for n in full_names if word in n.split()[-1:] or word in n.split()[:1]}
    return next(iter(owners)) if len(owners) == 1 else None


def _canonical(group: list[Mention]) -> str:
    kind = group[0].type
    if kind in (FactType.PERSON, FactType.ORG, FactType.PLACE):
        return max((m.text for m in group), key=lambda t: (len(t.split()), len(t)))
    return _SPACE.sub(" ", group[0].text)


def _aliases(group: list[Mention]) -> tuple[str, ...]:
    canonical = group[0].entity
    forms: set[str] = set()
    for m in group:
        text = _SPACE.sub(" ", m.text)
        forms.add(text)
        if m.title:
            forms.add(f"{m.title} {text}")
    forms.discard(canonical)
    return tuple(sorted(forms, key=lambda t: (-len(t), t)))


__all__ = ["Mention", "extract_facts", "resolve", "sentence_weights"]
