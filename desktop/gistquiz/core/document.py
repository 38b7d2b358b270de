"""The one data model: a Document is its text plus paragraphs and sentences as char spans.

Everything downstream (summaries, facts, quiz evidence, highlights) refers to sentences by
index and to text by ``(start, end)`` offsets into ``Document.text`` -- never by string
equality, so two identical sentences stay two sentences.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .errors import EmptyDocument
from .language import check_script, detect_language, resolve_language, sentence_tokenizer

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACE_RUN = re.compile(r"\s+")
_HAS_WORD = re.compile(r"\w")
WORDS_PER_MINUTE = 230  # typical adult silent reading speed for non-fiction


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A loader's unit of structure: a paragraph of text, or a heading."""

    text: str
    heading: bool = False


@dataclass(frozen=True, eq=False)
class Document:
    text: str
    title: str
    language: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    source: str = ""
    meta: dict[str, str] = field(default_factory=dict)

    def sentence_text(self, index: int) -> str:
        """The sentence exactly as it stands in the text."""
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def clean_sentence(self, index: int) -> str:
        """The sentence with line breaks and runs of spaces folded, for display (cached: the
        quiz's builders and validator ask for the same sentences dozens of times)."""
        cache = self._clean_sentences
        text = cache[index]
        if text is None:
            text = cache[index] = _SPACE_RUN.sub(" ", self.sentence_text(index))
        return text

    @cached_property
    def _clean_sentences(self) -> list[str | None]:
        return [None] * len(self.sentences)

    @cached_property
    def id(self) -> str:
        """A stable identity derived from the text (same text, same id)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    @cached_property
    def word_count(self) -> int:
        return len(re.findall(r"\w+", self.text))

    @property
    def reading_minutes(self) -> float:
        return self.word_count / WORDS_PER_MINUTE

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences that are not headings: the ones a summary may choose."""
        return tuple(s for s in self.sentences if not s.heading)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated blocks, or one line each if no blank lines.

    Hard-wrapped prose (books, e-mail) separates paragraphs by blank lines and wraps lines
    inside them; web copy and pasted articles often put one paragraph on each line.
    """
    blank_lines = bool(_BLANK_LINE.search(text))
    separator = _BLANK_LINE if blank_lines else re.compile(r"\n")
    spans, pos = [], 0
    for match in separator.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    spans = [_strip_span(text, a, b) for a, b in spans if text[a:b].strip()]
    if blank_lines:
        return spans
    # One paragraph a line, except a line that goes on with the one before: text copied
    # from a PDF or an e-mail is wrapped without blank lines ("This line is\nwrapped in
    # the middle"), and a formula's subscript can sit on a line of its own ("O\n2 in").
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined and _continues(text, joined[-1][1], a):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


_CONTINUATION = re.compile(r"[a-z0-9(]")


def _continues(text: str, prev_end: int, start: int) -> bool:
    """A line that starts in lower case (or with a digit or bracket) after a line that did
    not end a sentence or a heading's colon belongs to the same paragraph."""
    last = text[prev_end - 1]
    return bool(_CONTINUATION.match(text, start)) and last not in ".!?:;\"'”’)]"


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_sentences(text: str, start: int, end: int, code: str) -> Iterable[tuple[int, int]]:
    tokenizer = sentence_tokenizer(code)
    for a, b in tokenizer.span_tokenize(text[start:end]):
        a, b = _strip_span(text, start + a, start + b)
        if _HAS_WORD.search(text, a, b):
            yield a, b


def build_document(
    text: str,
    *,
    title: str = "",
    language: str | None = None,
    source: str = "",
    headings: Sequence[tuple[int, int]] = (),
    meta: dict[str, str] | None = None,
) -> Document:
    """Split ``text`` into paragraphs and sentences.

    ``language`` None means detect it. ``headings`` are char spans of paragraphs that are
    headings (from a structured loader). Raises ``EmptyDocument`` if no sentence is found.
    """
    if not text or not text.strip():
        raise EmptyDocument("The document is empty: there is no text to summarize.")
    if not language:
        check_script(text)
    code = resolve_language(language) if language else detect_language(text)
    heading_starts = {a for a, _ in headings}
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for a, b in _paragraph_spans(text):
        is_heading = a in heading_starts
        p = Paragraph(len(paragraphs), a, b, is_heading)
        spans = [(a, b)] if is_heading else list(_split_sentences(text, a, b, code))
        if not spans:
            continue
        paragraphs.append(p)
        for sa, sb in spans:
            sentences.append(Sentence(len(sentences), sa, sb, p.index, is_heading))
    if not sentences:
        raise EmptyDocument("The document has no sentences: it contains no words.")
    if not title:
        title = _default_title(text, sentences)
    return Document(text, title, code, tuple(paragraphs), tuple(sentences), source, meta or {})


def document_from_blocks(
    blocks: Iterable[Block],
    *,
    title: str = "",
    language: str | None = None,
    source: str = "",
    meta: dict[str, str] | None = None,
) -> Document:
    """Join structured blocks with blank lines and build a Document that knows its headings."""
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    for block in blocks:
        body = _SPACE_RUN.sub(" ", block.text).strip() if block.heading else block.text.strip()
        if not body:
            continue
        if parts:
            pos += 2
        if block.heading:
            headings.append((pos, pos + len(body)))
        parts.append(body)
        pos += len(body)
    return build_document(
        "\n\n".join(parts),
        title=title,
        language=language,
        source=source,
        headings=headings,
        meta=meta,
    )


def _default_title(text: str, sentences: Sequence[Sentence]) -> str:
    first = _SPACE_RUN.sub(" ", text[sentences[0].start : sentences[0].end])
    return first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + "…"
