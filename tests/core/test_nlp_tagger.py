"""POS tagger, lemmas, chunks and analysis on sentences written here."""

from __future__ import annotations

import gzip
import json
import threading
from importlib.resources import files

from gistquiz.core.document import build_document
from gistquiz.core.nlp import tagger
from gistquiz.core.nlp.analysis import analyze, analyze_sentence
from gistquiz.core.nlp.lemmas import inflect, lemma
from gistquiz.core.nlp.tokens import tokenize


def tags_of(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    return list(zip([t.text for t in tokens], tagger.tag([t.norm for t in tokens]), strict=True))


def test_model_is_gzipped_json_in_the_package_resources() -> None:
    data = files("gistquiz.resources").joinpath("models/pos-tagger.json.gz").read_bytes()
    model = json.loads(gzip.decompress(data))
    assert model["format"] == "gistquiz.pos-tagger/1"
    assert {"NN", "NNP", "VBD", "HYPH", "-LRB-"} <= set(model["classes"])
    assert model["weights"] and model["tagdict"]["the"] == "DT"


def test_simple_sentence() -> None:
    assert tags_of("The old man walked to the station yesterday.") == [
        ("The", "DT"), ("old", "JJ"), ("man", "NN"), ("walked", "VBD"), ("to", "IN"),
        ("the", "DT"), ("station", "NN"), ("yesterday", "NN"), (".", "."),
    ]  # fmt: skip


def test_names_clitics_and_numbers() -> None:
    tagged = dict(tags_of("Mr. Xi didn't sign the 12-point plan with 123 nations."))
    assert tagged["Mr."] == "NNP" and tagged["Xi"] == "NNP"
    assert tagged["did"] == "VBD" and tagged["n't"] == "RB"
    assert tagged["12"] == "CD" and tagged["-"] == "HYPH" and tagged["123"] == "CD"
    assert tagged["nations"] == "NNS" and tagged["sign"] == "VB"


def test_curly_and_straight_quotes_tag_alike() -> None:
    curly = [t for _, t in tags_of("She said “no” and left.")]
    straight = [t for _, t in tags_of('She said "no" and left.')]
    assert curly == straight
    assert "``" in curly and "''" in curly


def test_empty_input() -> None:
    assert tagger.tag([]) == []


def test_model_loads_once_across_threads() -> None:
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(tagger.tagger())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(x) for x in seen}) == 1


def test_verb_lemmas_and_inflections() -> None:
    assert lemma("traveled", "VBD") == "travel"
    assert lemma("was", "VBD") == "be"
    assert lemma("stated", "VBN") == "state"
    assert lemma("nations", "NNS") == "nation"
    assert lemma("Putin", "NNP") == "Putin"
    assert inflect("travel", "VBD") == "traveled"
    assert inflect("travel", "VBZ") == "travels"
    assert inflect("be", "VBZ") == "is"


def test_words_no_dictionary_knows_follow_regular_endings_without_a_pickle(monkeypatch) -> None:
    # lemminflect guesses such words with models it stores as pickles: never loaded
    from lemminflect.utils.DataContainer import DataContainer

    from gistquiz.core.nlp import lemmas

    def refuse(*_args, **_kwargs):
        raise AssertionError("a pickled model was loaded")

    monkeypatch.setattr(DataContainer, "load", refuse)
    lemmas._lemma.cache_clear()
    lemmas.inflect.cache_clear()
    assert lemma("skrobbled", "VBD") == "skrobble"  # silent e after "bl"
    assert lemma("zorped", "VBD") == "zorp"
    assert lemma("blipped", "VBD") == "blip"
    assert lemma("frizzies", "VBZ") == "frizzy"
    assert lemma("glorbs", "NNS") == "glorb"
    assert inflect("zorp", "VBZ") == "zorps"
    assert inflect("frizzy", "VBD") == "frizzied"
    assert inflect("skrobble", "VBG") == "skrobbling"
    assert lemma("traveled", "VBD") == "travel"  # the dictionary still comes first


def test_noun_chunks_keep_hyphen_compounds_and_split_possessives() -> None:
    text = "China’s proposal called for a three-day cease-fire after the talks."
    s = analyze_sentence(text, 0, len(text))
    chunks = [text[s.tokens[c.first].start : s.tokens[c.last - 1].end] for c in s.chunks]
    assert "China" in chunks and "proposal" in chunks
    assert "a three-day cease-fire" in chunks and "the talks" in chunks
    heads = [s.tokens[c.head].text for c in s.chunks]
    assert "fire" in heads


def test_analysis_is_cached_per_document_and_spans_are_absolute() -> None:
    doc = build_document("First sentence here. Mr. Lee traveled to Paris on Monday.", language="en")
    first = analyze(doc)
    assert analyze(doc) is first
    s = first.sentences[1]
    assert all(doc.text[t.start : t.end] == t.text for t in s.tokens)
    assert s.lemmas[s.tokens.index(next(t for t in s.tokens if t.text == "traveled"))] == "travel"
    assert analyze(build_document(doc.text, language="en")) is not first


def test_fast_feature_keys_equal_the_training_features() -> None:
    model = tagger.tagger()
    words = ["Mr.", "Xi", "did", "n't", "sign", "the", "12", "-", "point", "plan", ""]
    context = model.START + [model.normalize(w) for w in words] + model.END
    prev, prev2 = "NNP", "-START-"
    for i in range(len(words)):
        slow = model.features(i, words, context, prev, prev2)
        assert sorted(model.feature_keys(i, words, context, prev, prev2)) == sorted(slow)


def test_second_pass_feature_keys_equal_the_training_features() -> None:
    model = tagger.tagger()
    words = ["A", "witness", "told", "police", "that", "he", "left", "."]
    guide = ["DT", "NN", "VBN", "NN", "IN", "PRP", "VBD", "."]
    context = model.START + [model.normalize(w) for w in words] + model.END
    for i in range(len(words)):
        prev, prev2 = (guide[i - 1] if i else "-START-"), (guide[i - 2] if i > 1 else "-START2-")
        slow = model.features(i, words, context, prev, prev2, guide)
        keys = model.feature_keys(i, words, context, prev, prev2, guide)
        assert sorted(keys) == sorted(slow)
        assert "g i+1 " + (guide[i + 1] if i + 1 < len(words) else "END") in keys


def test_second_pass_model_is_shipped_as_gzipped_json() -> None:
    data = files("gistquiz.resources").joinpath("models/pos-retagger.json.gz").read_bytes()
    model = json.loads(gzip.decompress(data))
    assert model["format"] == "gistquiz.pos-retagger/1"
    assert any(f.startswith("g i+1 ") for f in model["weights"])


def test_a_statement_gets_a_finite_verb() -> None:
    # the greedy passes read "pushes" and "derives" after a noun as plural nouns
    assert dict(tags_of("Her neck pushes forward in vain."))["pushes"] == "VBZ"
    assert dict(tags_of("The name derives from the river."))["derives"] == "VBZ"


def test_fragments_without_a_full_stop_keep_their_tags() -> None:
    # a heading has no verb and must not be given one
    assert [t for _, t in tags_of("Chapter One: The Rising Costs")][-1] in ("NNS", "NNPS")
    assert "VBZ" not in [t for _, t in tags_of("Rising costs and falling wages")]
