"""Facts: typed answer candidates tied to a sentence by a char span."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FactType(StrEnum):
    NUMBER = "NUMBER"  # "123 nations", "a 12-point plan"
    DURATION = "DURATION"  # "three-day tour", "more than four hours"
    DATE = "DATE"  # "Monday", "February last year"
    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    TERM = "TERM"  # key common-noun phrases: "arrest warrant", "cease-fire"


@dataclass(frozen=True, slots=True)
class Fact:
    """One answer candidate.

    ``start``/``end`` index ``Document.text``; ``text`` is exactly that slice. ``entity`` is
    the canonical name shared by all aliases of one entity in the article ("International
    Criminal Court" for "ICC"); ``aliases`` lists the other surface forms. ``subtype`` is the
    fine type distractors must share: for NUMBER the counted noun ("nations"), for PERSON a
    role when known ("president"), for ORG its head ("court"), for PLACE "country"/"city".
    """

    type: FactType
    text: str
    start: int
    end: int
    sentence: int
    entity: str = ""
    aliases: tuple[str, ...] = ()
    subtype: str = ""
    importance: float = 0.0
    mentions: int = 1
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
