from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core.document import Block, build_document, document_from_blocks
from gistquiz.core.errors import EmptyDocument, UnsupportedLanguage


def test_sentences_slice_back_and_know_their_paragraph():
    text = "First one here. Second one, Mr. Smith said.\n\nA new paragraph starts. It ends."
    doc = build_document(text, language="en")
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "First one here.",
        "Second one, Mr. Smith said.",
        "A new paragraph starts.",
        "It ends.",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 1]
    assert len(doc.paragraphs) == 2


def test_repeated_identical_sentences_stay_distinct():
    doc = build_document("Yes it is. Yes it is. Yes it is.", language="en")
    assert len(doc.sentences) == 3
    assert len({(s.start, s.end) for s in doc.sentences}) == 3


def test_one_paragraph_per_line_when_no_blank_lines():
    doc = build_document("Line one is here.\nLine two is here.\nLine three.", language="en")
    assert len(doc.paragraphs) == 3


def test_hard_wrapped_paragraphs_join_lines():
    text = "This sentence is\nwrapped over two lines.\n\nNext paragraph."
    doc = build_document(text, language="en")
    assert doc.clean_sentence(0) == "This sentence is wrapped over two lines."
    assert len(doc.paragraphs) == 2


def test_a_line_that_goes_on_joins_the_one_before_without_blank_lines():
    # text copied from a PDF is wrapped with no blank lines; a subscript may sit on its own line
    text = (
        "Pasted text is\nwrapped in the middle of a sentence.\nIt reduces amounts of O\n2 "
        "in the water.\nA Heading Line\nThe body starts here."
    )
    doc = build_document(text, language="en")
    sentences = [doc.clean_sentence(s.index) for s in doc.sentences]
    assert sentences == [
        "Pasted text is wrapped in the middle of a sentence.",
        "It reduces amounts of O 2 in the water.",
        "A Heading Line",
        "The body starts here.",
    ]


def test_blocks_keep_headings_and_title():
    doc = document_from_blocks(
        [Block("The Title", heading=True), Block("Body text goes here. More body.")],
        title="The Title",
        language="en",
    )
    assert doc.sentences[0].heading and doc.sentence_text(0) == "The Title"
    assert [s.heading for s in doc.body_sentences] == [False, False]


@pytest.mark.parametrize("text", ["", "   \n\t ", "... --- !!!"])
def test_empty_text_is_a_typed_error(text):
    with pytest.raises(EmptyDocument):
        build_document(text, language="en")


def test_unknown_language_is_a_typed_error():
    with pytest.raises(UnsupportedLanguage, match="Available"):
        build_document("Some text.", language="xx")


def test_language_is_detected():
    assert build_document("The cat sat on the mat and it was happy.").language == "en"
    german = "Der Hund und die Katze sind in dem Haus, und es ist nicht kalt."
    assert build_document(german).language == "de"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("北京是中华人民共和国的首都。北京有三千多年的建城史。", "Chinese or Japanese"),
        ("مرحبا بكم في هذا النص العربي القصير عن مدينة القاهرة.", "Arabic script"),
        ("서울은 대한민국의 수도이다. 인구는 약 천만 명이다.", "Korean"),
    ],
)
def test_a_script_no_language_uses_is_named_not_read_as_english(text, script):
    # stop-word detection found no language and called them English: one "sentence", no facts
    with pytest.raises(UnsupportedLanguage, match=f"written in {script}.*English"):
        build_document(text)
    assert build_document(text, language="en").language == "en"  # the user's choice stands


LANGUAGE_SAMPLES = {
    "da": "København er Danmarks hovedstad, og byen har mere end en million indbyggere. "
    "Den ligger på øen Sjælland, og der er mange gamle huse i byen.",
    "nl": "Amsterdam is de hoofdstad van Nederland. De stad heeft meer dan achthonderdduizend "
    "inwoners en ligt aan het IJ. Het Rijksmuseum werd in 1885 geopend.",
    "fi": "Helsinki on Suomen pääkaupunki, ja siellä asuu yli puoli miljoonaa ihmistä. "
    "Kaupunki sijaitsee Suomenlahden rannalla, ja se on maan suurin kaupunki.",
    "no": "Oslo er hovedstaden i Norge, og byen har over seks hundre tusen innbyggere. Den "
    "ligger innerst i Oslofjorden, og det er mange parker i byen.",
    "tr": "İstanbul Türkiye'nin en büyük şehridir ve burada on beş milyondan fazla insan "
    "yaşar. Şehir iki kıtada yer alır ve çok eski bir tarihe sahiptir.",
    "ru": "Токио — столица Японии.",  # short: by its script
    "en": "The cat sat on the mat and it was happy.",
}


@pytest.mark.parametrize("code", sorted(LANGUAGE_SAMPLES))
def test_languages_without_a_stop_word_list_are_detected(code):
    # by stop words alone: Danish, Dutch and Norwegian were Swedish, Finnish Polish, Turkish
    # Czech and Russian English (so it got an English quiz)
    assert build_document(LANGUAGE_SAMPLES[code]).language == code


def test_scripts_of_the_languages_and_a_few_foreign_names_are_read():
    russian = "Токио — столица Японии, и в этом городе живут люди, которые не спят и по ночам."
    assert build_document(russian).language == "ru"
    assert build_document("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η πόλη είναι μεγάλη.")
    english = "The Forbidden City (故宫, Gùgōng) in Beijing (北京) was the palace of emperors."
    assert build_document(english).language == "en"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_spans_always_slice_back_to_the_sentence(text):
    try:
        doc = build_document(text, language="en")
    except EmptyDocument:
        return
    previous_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == doc.sentence_text(i)
        assert piece == piece.strip() and piece
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end
        previous_end = s.end
