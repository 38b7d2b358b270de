"""Moodle XML read back as Moodle's importer (qformat_xml) reads it: the elements it looks
for per question type, and the Cloze embedded answers parsed with Moodle's own pattern."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from export_samples import adversarial_quiz

from gistquiz.core.export import ExportOptions, export_quiz, render_quiz
from gistquiz.core.export.common import answers, cloze_parts, flat, fold

# qtype_multianswer's grammar (question/type/multianswer/questiontype.php), in Python's re:
# an alternative is [=|%n%] answer [#feedback], answers end at an unescaped ~ # }.
FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"
FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
ALTERNATIVE = rf"(?:{FRACTION})?({ANSWER})(?:#({FEEDBACK}))?"
MARKER = re.compile(rf"\{{([0-9]*):(SHORTANSWER|SA|MW):({ALTERNATIVE}(?:~{ALTERNATIVE})*)\}}")
ALTERNATIVE_RE = re.compile(
    rf"(?:~|^)(?P<fraction>{FRACTION})?(?P<answer>{ANSWER})(?:#(?P<feedback>{FEEDBACK}))?"
)


def moodle_unescape(text: str) -> str:
    return html.unescape(re.sub(r"\\([\\}#~/\"])", r"\1", text))


class Tags(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.tags: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def parse(quiz, tmp_path, **options):
    path = tmp_path / "quiz.xml"
    export_quiz(quiz, "moodle", path, options=ExportOptions(**options))
    return ET.parse(path).getroot()


def text_of(element, path):
    found = element.find(path)
    assert found is not None, f"missing {path}"
    return found.text or ""


def check_common(question):
    assert text_of(question, "name/text").strip()
    assert question.find("questiontext").get("format") == "html"
    float(text_of(question, "defaultgrade"))
    float(text_of(question, "penalty"))
    assert text_of(question, "hidden") in {"0", "1"}
    for element in question.iter("text"):
        assert "script" not in Tags(element.text or "").tags  # HTML arrives as text


def test_structure_moodle_imports(tmp_path):
    quiz = adversarial_quiz()
    root = parse(quiz, tmp_path)
    assert root.tag == "quiz"
    category, *questions = list(root)
    assert category.get("type") == "category"
    assert text_of(category, "category/text") == ("$course$/top/GistQuiz/" + category_name(quiz))
    assert [q.get("type") for q in questions] == [
        "multichoice",
        "truefalse",
        "cloze",
        "shortanswer",
        "multichoice",
    ]
    for element, q in zip(questions, quiz.questions, strict=True):
        check_common(element)
        assert text_of(element, "idnumber") == q.id
        assert html.unescape(text_of(element, "generalfeedback/text")) == flat(q.explanation)


def test_multichoice_shuffles_and_gives_feedback_per_answer(tmp_path):
    quiz = adversarial_quiz()
    element = parse(quiz, tmp_path).findall("question")[1]
    q = quiz.questions[0]
    assert html.unescape(text_of(element, "questiontext/text")) == flat(q.stem)
    assert Tags(text_of(element, "questiontext/text")).tags == []
    assert text_of(element, "single") == "true"
    assert text_of(element, "shuffleanswers") == "true"
    assert text_of(element, "answernumbering") in {"abc", "ABCD", "123", "none"}
    options = element.findall("answer")
    assert [html.unescape(text_of(a, "text")) for a in options] == [flat(o) for o in q.options]
    assert [float(a.get("fraction")) for a in options] == [100, 0, 0, 0]
    feedback = [html.unescape(text_of(a, "feedback/text")) for a in options]
    assert feedback == ["Correct."] + [f"Not quite: the answer is {flat(q.options[0])}."] * 3
    unshuffled = parse(quiz, tmp_path / "..", shuffle=False).findall("question")[1]
    assert text_of(unshuffled, "shuffleanswers") == "false"


def test_truefalse_and_shortanswer(tmp_path):
    quiz = adversarial_quiz()
    questions = parse(quiz, tmp_path).findall("question")
    tf = questions[2]
    answers_tf = {text_of(a, "text"): float(a.get("fraction")) for a in tf.findall("answer")}
    assert answers_tf == {"true": 0, "false": 100}  # the statement is false
    short = questions[4]
    assert text_of(short, "usecase") == "0"
    accepted = [text_of(a, "text") for a in short.findall("answer")]
    assert accepted == answers(quiz.questions[3])
    assert all(float(a.get("fraction")) == 100 for a in short.findall("answer"))


def test_cloze_embedded_answer_parses_with_moodles_grammar(tmp_path):
    quiz = adversarial_quiz()
    element = parse(quiz, tmp_path).findall("question")[3]
    q = quiz.questions[2]
    assert element.find("answer") is None
    text = text_of(element, "questiontext/text")
    markers = list(MARKER.finditer(text))
    assert len(markers) == 1  # the stem's own "{1:SHORTANSWER:=x}" is not a marker
    marker = markers[0]
    alternatives = [(m["answer"], m["feedback"]) for m in ALTERNATIVE_RE.finditer(marker.group(3))]
    assert all(m["fraction"] == "=" for m in ALTERNATIVE_RE.finditer(marker.group(3)))
    assert [moodle_unescape(a) for a, _ in alternatives] == answers(q)
    assert all(moodle_unescape(f) == "Correct." for _, f in alternatives)
    before, after = cloze_parts(q)
    assert html.unescape(text[: marker.start()]) == fold(before)
    assert html.unescape(text[marker.end() :]) == fold(after)


def test_control_characters_never_make_invalid_xml(tmp_path):
    quiz = adversarial_quiz()
    q = quiz.questions[3]
    broken = quiz.replace(
        questions=(q.__class__(**{**_fields(q), "stem": "bad \x00\x07\x1b text \ud800?"}),)
    )
    data, _ = render_quiz(broken, "moodle")
    root = ET.fromstring(data)
    assert text_of(root.findall("question")[1], "questiontext/text") == "bad text ?"
    assert root.findall("question")[1].get("type") == "shortanswer"


def _fields(question):
    return {name: getattr(question, name) for name in question.__dataclass_fields__}


def category_name(quiz):
    return html.escape(flat(quiz.document_title), quote=False).replace("/", "//")
