"""English cue words for Edmundson's method (Edmundson 1969, "New Methods in Automatic
Extracting"): bonus words mark sentences that state findings or conclusions, stigma words
mark hedged, anecdotal or deictic sentences. Null words are the stop words.

sumy ships no such lists (its tests use toy ones); these are written for news and expository
English and measured in ``make eval``.
"""

from __future__ import annotations

BONUS_WORDS: frozenset[str] = frozenset(
    [
        "according",
        "announced",
        "announces",
        "confirmed",
        "concluded",
        "conclusion",
        "conclusions",
        "crucial",
        "decided",
        "decision",
        "demonstrated",
        "essential",
        "evidence",
        "finally",
        "findings",
        "found",
        "first",
        "greatest",
        "important",
        "importance",
        "key",
        "largest",
        "main",
        "major",
        "most",
        "must",
        "new",
        "official",
        "officials",
        "principal",
        "proposal",
        "reported",
        "result",
        "results",
        "revealed",
        "said",
        "says",
        "show",
        "showed",
        "shows",
        "significant",
        "significantly",
        "study",
        "urged",
        "warned",
        "will",
    ]
)

STIGMA_WORDS: frozenset[str] = frozenset(
    [
        "anyway",
        "apparently",
        "example",
        "hardly",
        "however",
        "instance",
        "maybe",
        "meanwhile",
        "might",
        "perhaps",
        "possibly",
        "probably",
        "reportedly",
        "seemingly",
        "somewhat",
        "supposedly",
        "though",
        "unclear",
        "unlikely",
        "meanwhile",
        "hopefully",
        "incidentally",
        "basically",
        "frankly",
        "honestly",
        "obviously",
    ]
)
