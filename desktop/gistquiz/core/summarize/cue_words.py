"""English cue words for Edmundson's method (Edmundson 1969, "New Methods in Automatic
Extracting"): bonus words mark sentences that state findings, decisions or conclusions,
stigma words mark hedged, anecdotal, digressive or deictic sentences. Null words are the
stop words.

sumy ships no English lists (its parser falls back to a few Czech words), so these are
ours, written for news and expository English from Edmundson's categories: bonus =
conclusion connectives, words of finding/deciding/announcing, significance and superlative
value terms; stigma = hedges, belittling or illustrative asides ("for example"), digression
markers ("meanwhile", "incidentally") and reported feelings. Words frequent in every news
sentence ("said", "new", "will") were dropped from the bonus list: they mark nearly every
quote, not the gist. GistRank also reads these lists (a cue prior whose weight is fitted).
Measured in ``make eval`` (tests/eval/eval_summaries.py) and described in docs/summaries.md.
"""

from __future__ import annotations

BONUS_WORDS: frozenset[str] = frozenset(
    [
        # conclusion connectives
        "therefore",
        "thus",
        "hence",
        "consequently",
        "overall",
        "summary",
        "conclude",
        "concluded",
        "conclusion",
        "conclusions",
        # finding, deciding, announcing
        "announced",
        "announces",
        "approved",
        "confirmed",
        "decided",
        "decision",
        "demonstrated",
        "discovered",
        "evidence",
        "findings",
        "found",
        "proved",
        "revealed",
        "ruled",
        "result",
        "results",
        "showed",
        "shows",
        "study",
        "verdict",
        # significance and value
        "critical",
        "crucial",
        "essential",
        "greatest",
        "important",
        "importance",
        "key",
        "largest",
        "main",
        "major",
        "principal",
        "significant",
        "significantly",
        "worst",
    ]
)

STIGMA_WORDS: frozenset[str] = frozenset(
    [
        # hedges
        "apparently",
        "maybe",
        "perhaps",
        "possibly",
        "probably",
        "seemingly",
        "somewhat",
        "supposedly",
        "unclear",
        "unlikely",
        # asides, illustrations and digressions
        "anyway",
        "example",
        "incidentally",
        "instance",
        "meanwhile",
        "though",
        # belittling and colloquial intensifiers
        "basically",
        "frankly",
        "hardly",
        "honestly",
        "hopefully",
        "obviously",
        # reported feelings rather than facts
        "feel",
        "felt",
        "guess",
        "hope",
        "think",
    ]
)
