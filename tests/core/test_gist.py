"""GistRank ("gist"), the default summarizer: behaviour through the registry and pipeline."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core import pipeline
from gistquiz.core.document import Block, build_document, document_from_blocks
from gistquiz.core.errors import InvalidOption
from gistquiz.core.summarize import get, names
from gistquiz.core.summarize.cue_words import BONUS_WORDS, STIGMA_WORDS, own_title
from gistquiz.core.summarize.gist import (
    GistParams,
    cached_features,
    directed_centrality,
    features,
    s_stem,
)

# An essay that builds to its point: a loose opening, and a last sentence that states the
# point by gathering what every earlier sentence says.
KEY_LAST = (
    "My grandmother had a saying about holidays, and she repeated it every spring. "
    "Some point to the green parks along the river. "
    "Others mention the cheap trams that cross the old town. "
    "Many praise the public libraries that stay open late. "
    "Visitors remember the busy markets full of local food. "
    "Families talk about the warm public pools in summer. "
    "The weather, of course, is rarely mentioned by anyone. "
    "In short, the green parks, the cheap trams, the open libraries, the busy markets and the "
    "warm pools together make the old town worth visiting."
)

# A news story in the inverted pyramid: the first sentence carries the facts.
NEWS = (
    "The city council approved a new budget on Monday that doubles spending on public "
    "transport and cuts the cost of a monthly tram pass by half. "
    "The budget passed by nine votes to four after a debate that lasted six hours. "
    "Council members who opposed the budget said the tram pass cut would cost too much. "
    "Supporters said cheaper trams would take cars off the roads and clean the air. "
    "The mayor said the new budget was the most important vote of her term. "
    "Scroll down for video. "
    "The cheaper tram pass will be on sale from the first of March."
)


def test_registered_with_label_and_description():
    summarizer = get("gist")
    assert "gist" in names()
    assert summarizer.label == "GistRank"
    assert summarizer.description and "\n" not in summarizer.description


def test_is_the_pipeline_default():
    assert pipeline.DEFAULT_ALGORITHM == "gist"
    doc = build_document(NEWS, language="en")
    assert pipeline.summarize(doc, length=2).algorithm == "gist"


def test_key_sentence_that_comes_last_is_chosen():
    doc = build_document(KEY_LAST, language="en")
    last = len(doc.sentences) - 1
    ranking = get("gist").rank(doc, 1)
    assert ranking.selected == (last,)
    assert get("lead").rank(doc, 1).selected == (0,)


def test_news_lead_is_chosen_and_filler_is_not():
    doc = build_document(NEWS, language="en")
    ranking = get("gist").rank(doc, 3)
    assert 0 in ranking.selected
    filler = next(s.index for s in doc.sentences if "Scroll down" in doc.sentence_text(s.index))
    assert filler not in ranking.selected
    assert ranking.order[0] in ranking.selected


def test_a_repeated_sentence_is_not_chosen_twice():
    repeated = "The council approved a budget that doubles spending on public transport."
    text = f"{repeated} {NEWS} {repeated}"
    doc = build_document(text, language="en")
    ranking = get("gist").rank(doc, 3)
    texts = [doc.sentence_text(i) for i in ranking.selected]
    assert texts.count(repeated) <= 1
    assert len(ranking.selected) == 3


def test_long_text_is_not_summarised_by_its_opening():
    # A chapter of 150 sentences that opens by setting a scene (words of its own), then
    # keeps returning to a few motifs; one sentence in the middle gathers all the motifs.
    # The chapter's gist, not its opening, should lead the summary.
    rng = np.random.default_rng(7)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words = sorted({"".join(rng.choice(syllables, size=3)) for _ in range(3000)})
    scene, pool = words[:60], words[60:]
    motifs = ["whale", "captain", "harpoon", "ocean", "voyage"]
    sentences = [" ".join(rng.choice(scene, size=9)).capitalize() + "." for _ in range(3)]
    for _ in range(147):
        chosen = list(rng.choice(pool, size=8, replace=False))
        chosen += list(rng.choice(motifs, size=int(rng.integers(1, 3)), replace=False))
        sentences.append(" ".join(chosen).capitalize() + ".")
    sentences.insert(75, "The captain's voyage was about the whale, the harpoon and the ocean.")
    paragraphs = [" ".join(sentences[k : k + 5]) for k in range(0, len(sentences), 5)]
    doc = build_document("\n\n".join(paragraphs), language="en")
    ranking = get("gist").rank(doc, 5)
    assert any(i >= 15 for i in ranking.selected)
    theme = next(s.index for s in doc.sentences if "captain's voyage" in doc.sentence_text(s.index))
    assert ranking.order[0] == theme


def test_every_length_unit_and_headings_never_chosen():
    doc = document_from_blocks(
        [Block("Trams get cheaper", heading=True), Block(NEWS), Block("What next", heading=True)],
        language="en",
    )
    headings = {s.index for s in doc.sentences if s.heading}
    for length in ("2", "50%", "40w"):
        ranking = get("gist").rank(doc, length)
        assert ranking.selected and not headings & set(ranking.selected)
        assert len(ranking.scores) == len(doc.sentences)
    assert len(get("gist").rank(doc, "50%").selected) == round(len(doc.body_sentences) / 2)


def test_options_override_parameters_and_bad_ones_are_refused():
    doc = build_document(KEY_LAST, language="en")
    # Read as news, all weight on position and nothing damped: GistRank becomes Lead.
    options = {"lead_threshold": 0, "position_weight": 1, "redundancy": 0, "short_words": 1}
    assert get("gist").rank(doc, 2, options=options).selected == (0, 1)
    assert GistParams.from_options({"redundancy": "0.5"}).redundancy == 0.5
    with pytest.raises(InvalidOption):
        get("gist").rank(doc, 2, options={"redundancy": "lots"})


def test_single_sentence_and_wordless_sentences():
    assert get("gist").rank(
        build_document("Just one sentence here.", language="en"), 3
    ).selected == (0,)
    doc = build_document("Hello there. 42. The the the.", language="en")
    assert len(get("gist").rank(doc, 2).selected) == 2


@settings(max_examples=50, deadline=None)
@given(
    st.integers(min_value=1, max_value=25),
    st.integers(min_value=1, max_value=12),
    st.floats(min_value=0.05, max_value=0.9),
    st.integers(min_value=0, max_value=10_000),
)
def test_directed_centrality_equals_the_dense_sums(rows, cols, density, seed):
    matrix = sp.random(rows, cols, density=density, random_state=seed, format="csr")
    dense = (matrix @ matrix.T).toarray()
    forward, backward = directed_centrality(matrix)
    assert np.allclose(forward, np.triu(dense, 1).sum(axis=1))
    assert np.allclose(backward, np.tril(dense, -1).sum(axis=1))


def test_plural_stemmer_merges_plurals_only():
    # Harman's S-stemmer: plural and singular meet; nothing else is stripped.
    for singular, plural in [("whale", "whales"), ("city", "cities"), ("shoe", "shoes")]:
        assert s_stem(plural) == s_stem(singular)
    assert [s_stem(w) for w in ("bus", "glass", "is", "walked", "walking")] == [
        "bus",
        "glass",
        "is",
        "walked",
        "walking",
    ]


def test_features_count_words_and_merge_plurals_across_sentences():
    doc = build_document("The whale swam. Two whales swam away! Nothing else.", language="en")
    f = features(doc)
    assert f.words.tolist() == [3.0, 4.0, 2.0]
    similarity = (f.vectors @ f.vectors.T).toarray()
    assert similarity[0, 1] > 0.5  # "whale"/"whales" and "swam" shared; "the" is a stop word
    assert similarity[0, 2] == 0.0
    assert f.quote.tolist() == [0.0, 0.0, 0.0]
    assert cached_features(doc) is cached_features(doc)


def test_quotations_are_flagged():
    doc = build_document(
        'The mayor spoke on Monday. "We will win," she said. It rained all day.', language="en"
    )
    assert features(doc).quote.tolist() == [0.0, 1.0, 0.0]


def test_edmundson_reads_only_a_real_title():
    derived = build_document("Trams get cheaper in town. The council voted.", language="en")
    assert derived.title and own_title(derived) == ""
    titled = build_document(
        "Trams get cheaper in town. The council voted.", title="Budget news", language="en"
    )
    assert own_title(titled) == "Budget news"


@pytest.mark.parametrize("engine", ["fast", "sumy"])
def test_edmundson_ignores_a_title_derived_from_the_first_sentence(engine):
    text = " ".join(KEY_LAST.split(". ")[:6])
    derived = build_document(text, language="en")
    untitled = dataclasses.replace(derived, title="")
    titled = dataclasses.replace(derived, title="Trams, parks and libraries")
    score = lambda d: get("edmundson").rank(d, "2", engine=engine).scores  # noqa: E731
    assert derived.title and score(derived) == score(untitled)
    assert score(titled) != score(untitled)  # a real title is read


def test_cue_word_lists_are_lower_case_and_disjoint():
    assert BONUS_WORDS and STIGMA_WORDS and not BONUS_WORDS & STIGMA_WORDS
    assert all(w == w.lower() and " " not in w for w in BONUS_WORDS | STIGMA_WORDS)
