"""English cue words for Edmundson's method (Edmundson 1969, "New Methods in Automatic
Extracting"): bonus words mark sentences that state findings, decisions or conclusions,
stigma words mark hedged, anecdotal, digressive or deictic sentences. Null words are the
stop words.

sumy ships no English lists (its parser falls back to a few Czech words), so these are
ours, from Edmundson's categories: bonus = conclusion connectives; stigma = hedges,
belittling or illustrative asides ("for example"), digression markers ("meanwhile",
"incidentally") and reported feelings. sumy's Edmundson adds one point per cue word, as
much as a sentence's position is worth, so a bonus word must be rare to help: words of
finding or announcing ("found", "revealed", "confirmed", "study") and value terms
("major", "key", "significant", "worst") stand in most news sentences, and with them
Edmundson fell from 36.6 to 32.8 R-1 on cnndm-dev200 (no title); with the conclusion
connectives alone it scores 36.0. Measured in ``make eval`` (tests/eval/eval_summaries.py)
and described in docs/summaries.md.
"""

from __future__ import annotations

# The rule build_document uses to derive a title, so that own_title can tell one apart.
from ..document import Document, _default_title

BONUS_WORDS: frozenset[str] = frozenset(
    [
        # conclusion connectives: rare in running text, so a sentence that has one stands out
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


def own_title(doc: Document) -> str:
    """The document's own title, or "" when it only has the one derived from its opening.

    ``build_document`` gives a text without a title its first sentence as one (for lists
    and history). Edmundson's title method should not read that: it would only reward
    the words of the first sentence a second time, on top of the location method (on
    cnndm-dev200, with these cue words: 36.0 R-1 without it, 34.6 with it).
    """
    if not doc.sentences or doc.title != _default_title(doc.text, doc.sentences):
        return doc.title
    return ""
