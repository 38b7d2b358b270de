"""The reference engine: sumy's own summarizers, fed our sentences, read back by identity.

sumy's ``Sentence`` compares by text, so two identical sentences would share one rating; we
hand it a subclass that compares by identity and read every sentence's rating from the
``_get_best_sentences`` call all sumy summarizers end with.
"""

from __future__ import annotations

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.tokenizers import Tokenizer
from sumy.summarizers._summarizer import AbstractSummarizer

from ..document import Document
from ..language import install_nltk_punkt, language_name, stemmer, stop_words
from ..progress import CancelToken
from .base import Length
from .cue_words import BONUS_WORDS, STIGMA_WORDS, own_title


class IdentitySentence(SumySentence):
    """A sumy sentence that stays distinct from an identical sentence elsewhere."""

    __slots__ = ("index",)

    def __init__(self, text: str, tokenizer: Tokenizer, index: int, is_heading: bool = False):
        super().__init__(text, tokenizer, is_heading)
        self.index = index

    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__


def to_sumy(doc: Document, *, title_as_heading: bool = False) -> ObjectDocumentModel:
    """Our Document as a sumy document model (headings stay headings)."""
    install_nltk_punkt()
    tokenizer = Tokenizer(language_name(doc.language))
    paragraphs: list[list[IdentitySentence]] = [[] for _ in doc.paragraphs]
    for s in doc.sentences:
        paragraphs[s.paragraph].append(
            IdentitySentence(doc.clean_sentence(s.index), tokenizer, s.index, s.heading)
        )
    title = own_title(doc) if title_as_heading else ""  # not one derived from sentence 1
    if title and not any(s.heading for s in doc.sentences):
        paragraphs.insert(0, [IdentitySentence(title, tokenizer, -1, is_heading=True)])
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def _ratings(summarizer: AbstractSummarizer, document: ObjectDocumentModel, n: int) -> list[float]:
    """Run a sumy summarizer and capture the rating it gives every sentence."""
    captured: dict[int, float] = {}

    def capture(sentences, count, rating, *args, **kwargs):
        rate = rating.__getitem__ if isinstance(rating, dict) else rating
        for s in sentences:
            captured[s.index] = float(rate(s, *args, **kwargs))
        return ()

    summarizer._get_best_sentences = capture  # instance attribute shadows the staticmethod
    summarizer(document, n)
    ratings = [captured.get(i, float("-inf")) for i in range(n)]
    floor = min((r for r in ratings if r != float("-inf")), default=0.0) - 1.0
    return [floor if r == float("-inf") else r for r in ratings]


def _build(name: str, doc: Document, options: dict) -> AbstractSummarizer:
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {
        "lexrank": LexRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "textrank": TextRankSummarizer,
        "edmundson": EdmundsonSummarizer,
        "kl-sum": KLSummarizer,
        "sumbasic": SumBasicSummarizer,
        "reduction": ReductionSummarizer,
    }
    stem = options.get("stemmer") or stemmer(doc.language)
    summarizer = classes[name](stem)
    stops = options.get("stop_words", stop_words(doc.language))
    if name == "edmundson":
        summarizer.bonus_words = options.get("bonus_words", BONUS_WORDS)
        summarizer.stigma_words = options.get("stigma_words", STIGMA_WORDS)
        summarizer.null_words = stops
    else:
        summarizer.stop_words = stops
    for key in ("threshold", "epsilon", "damping"):
        if key in options and hasattr(summarizer, key):
            setattr(summarizer, key, options[key])
    return summarizer


def sumy_ratings(
    name: str, doc: Document, length: Length, options: dict, cancel: CancelToken
) -> list[float]:
    """Every sentence's rating under sumy's implementation of ``name``."""
    cancel.check()
    document = to_sumy(doc, title_as_heading=name == "edmundson")
    return _ratings(_build(name, doc, options), document, len(doc.sentences))
