"""Generated English-like documents for the summarizer tests (seeded, no shared data).

A small grammar over a Zipf-weighted vocabulary: frequent and rare content words, stop words,
capitalised sentence starts and names, contractions, possessives, quotes, parentheses,
hyphenated words, numbers, abbreviations and dashes -- the things tokenizers and stop-word
filters disagree on.
"""

from __future__ import annotations

import random

NOUNS = [
    "whale",
    "ship",
    "captain",
    "sea",
    "harpoon",
    "sailor",
    "voyage",
    "ocean",
    "deck",
    "crew",
    "storm",
    "island",
    "harbor",
    "rope",
    "mast",
    "sail",
    "wind",
    "wave",
    "night",
    "morning",
    "letter",
    "river",
    "city",
    "market",
    "council",
    "report",
    "study",
    "scientist",
    "result",
    "evidence",
    "river",
    "bridge",
    "school",
    "teacher",
    "student",
    "garden",
    "forest",
    "mountain",
    "village",
    "doctor",
    "patient",
    "museum",
    "painting",
    "engine",
    "railway",
    "station",
    "winter",
    "summer",
    "lamp",
]
VERBS = [
    "saw",
    "found",
    "told",
    "carried",
    "reported",
    "followed",
    "watched",
    "built",
    "crossed",
    "showed",
    "described",
    "loved",
    "feared",
    "hunted",
    "measured",
    "opened",
    "closed",
    "studied",
    "announced",
    "discovered",
    "warned",
]
ADJECTIVES = [
    "old",
    "new",
    "white",
    "dark",
    "great",
    "small",
    "quiet",
    "important",
    "strange",
    "main",
    "bright",
    "heavy",
    "cold",
    "ancient",
    "significant",
    "famous",
    "well-known",
    "long-forgotten",
]
ADVERBS = [
    "slowly",
    "quickly",
    "however",
    "perhaps",
    "finally",
    "apparently",
    "probably",
    "suddenly",
]
NAMES = [
    "Ahab",
    "Ishmael",
    "Starbuck",
    "Queequeg",
    "Elizabeth",
    "Darcy",
    "Pierre",
    "Natasha",
    "Smith",
    "Jones",
]
STOPS = [
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "with",
    "from",
    "by",
    "and",
    "but",
    "or",
    "that",
    "this",
    "it",
    "he",
    "she",
    "they",
    "was",
]
TITLES = ("Mr.", "Dr.", "Mrs.")


def _zipf_choice(rng: random.Random, words: tuple[str, ...] | list[str]) -> str:
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    return rng.choices(words, weights)[0]


def sentence(rng: random.Random) -> str:
    parts: list[str] = []
    start = rng.random()
    if start < 0.15:
        parts.append(f"{rng.choice(TITLES)} {rng.choice(NAMES)}")
    elif start < 0.3:
        parts.append(rng.choice(NAMES))
    elif start < 0.4:
        parts.append(rng.choice(ADVERBS).capitalize() + ",")
    else:
        parts.append(rng.choice(["The", "A", "This", "That", "Their", "Our"]))
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.5:
            parts.append(_zipf_choice(rng, ADJECTIVES))
        parts.append(_zipf_choice(rng, NOUNS) + ("'s" if rng.random() < 0.05 else ""))
        parts.append(_zipf_choice(rng, VERBS))
        parts.append(rng.choice(STOPS))
        extra = rng.random()
        if extra < 0.05:
            parts.append(f"{rng.randint(2, 1999)}")
        elif extra < 0.1:
            parts.append(rng.choice(["don't", "can't", "won't", "it's", "cannot", "'tis"]))
        elif extra < 0.15:
            parts.append(f"({_zipf_choice(rng, NOUNS)})")
        elif extra < 0.2:
            parts.append(f'"{_zipf_choice(rng, NOUNS)} {_zipf_choice(rng, VERBS)}"')
        elif extra < 0.23:
            parts.append("--")
        elif extra < 0.26:
            parts.append(_zipf_choice(rng, NOUNS) + ";")
        elif extra < 0.28:
            parts.append("e.g.")
        parts.append(_zipf_choice(rng, NOUNS) + ("," if rng.random() < 0.2 else ""))
    end = rng.choices([".", "!", "?", '."', "...", ".)"], [20, 2, 3, 2, 1, 1])[0]
    return " ".join(parts).rstrip(",;") + end


def document_text(seed: int, sentences: int, *, paragraph_size: int = 6) -> str:
    """About ``sentences`` sentences in paragraphs separated by blank lines."""
    rng = random.Random(seed)
    paragraphs, current = [], []
    for _ in range(sentences):
        current.append(sentence(rng))
        if len(current) >= rng.randint(1, paragraph_size):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)
