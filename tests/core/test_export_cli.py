"""`gistquiz-cli export` end to end on a real quiz of the bundled sample, each file read back
by the same consumers as the unit tests (the sample quiz is built once, by the CLI)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
import zipfile

import pytest
from export_samples import adversarial_quiz
from test_export_apkg import read_apkg
from test_export_gift import read_gift, shown
from test_export_pdf import pages
from test_export_text_formats import read_aiken

from gistquiz.cli import main
from gistquiz.core import pipeline
from gistquiz.core.export import export_quiz, load_quiz
from gistquiz.core.export.common import answers, correct_text, flat
from gistquiz.core.quiz.model import Kind


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """The sample's quiz, built and saved as JSON by the CLI."""
    path = tmp_path_factory.mktemp("cli") / "sample-quiz.json"
    assert main(["export", ":sample", "-o", str(path), "-n", "8", "--seed", "3"]) == 0
    return path


def test_saved_quiz_is_the_samples(saved):
    quiz = load_quiz(saved)
    assert quiz.document_id == pipeline.open_sample().id
    assert len(quiz.questions) == 8 and quiz.options.seed == 3
    doc = pipeline.open_sample()
    for q in quiz.questions:  # evidence spans still index the document
        assert doc.sentences[q.sentence].start <= q.answer_start < q.answer_end
        assert q.answer_end <= doc.sentences[q.sentence].end


def run(*args) -> int:
    return main(["export", *map(str, args)])


def test_every_quiz_format_from_a_saved_quiz(saved, tmp_path, qapp):
    quiz = load_quiz(saved)
    n = len(quiz.questions)
    for fmt, name in [
        ("apkg", "q.apkg"),
        ("moodle", "q.xml"),
        ("gift", "q.gift"),
        ("aiken", "q.txt"),
        ("csv", "q.csv"),
        ("markdown", "q.md"),
        ("html", "q.html"),
        ("pdf", "q.pdf"),
    ]:
        assert run("--quiz", saved, "-o", tmp_path / name) == 0, fmt  # format from the name

    notes, *_ = read_apkg(tmp_path / "q.apkg", tmp_path)
    assert len(notes) == n
    root = ET.parse(tmp_path / "q.xml").getroot()
    types = {
        Kind.MCQ: "multichoice",
        Kind.TF: "truefalse",
        Kind.CLOZE: "cloze",
        Kind.WH: "shortanswer",
    }
    assert [e.get("type") for e in root][1:] == [types[q.kind] for q in quiz.questions]
    gift = read_gift((tmp_path / "q.gift").read_text(encoding="utf-8"))
    assert len(gift) == n
    for g, q in zip(gift, quiz.questions, strict=True):
        if q.kind in (Kind.WH, Kind.CLOZE):
            assert [shown(a.text) for a in g.answers] == answers(q)
        elif q.kind == Kind.MCQ:
            assert [shown(a.text) for a in g.answers] == [flat(o) for o in q.options]
    aiken = read_aiken((tmp_path / "q.txt").read_text(encoding="utf-8"))
    assert len(aiken) == sum(q.kind == Kind.MCQ for q in quiz.questions)
    body = (tmp_path / "q.csv").read_text(encoding="utf-8").split("\n", 5)[-1]
    assert len(list(csv.reader(io.StringIO(body)))) == n
    text = " ".join(pages((tmp_path / "q.pdf").read_bytes()))
    for q in quiz.questions:
        assert flat(correct_text(q))[:10] in text


def test_refuses_to_overwrite_without_force(saved, tmp_path, capsys):
    target = tmp_path / "deck.apkg"
    target.write_bytes(b"keep me")
    assert run("--quiz", saved, "-o", target) == 1
    assert "already exists. Use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"keep me"
    assert run("--quiz", saved, "-o", target, "--force") == 0
    assert zipfile.is_zipfile(target)


def test_summary_export(tmp_path):
    assert run(":sample", "--summary", "-l", "3", "-o", tmp_path / "s.md") == 0
    text = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert text.count("\n- ") == 3 and f"Summary by {pipeline.DEFAULT_ALGORITHM}" in text
    assert run(":sample", "--summary", "--to", "text", "-a", "textrank", "-o", tmp_path / "s") == 0
    assert "Summary by textrank" in (tmp_path / "s").read_text(encoding="utf-8")


def test_adversarial_quiz_through_the_cli_to_stdout(tmp_path, capsysbinary):
    path = tmp_path / "nasty.json"
    export_quiz(adversarial_quiz(), "json", path)
    assert run("--quiz", path, "--to", "gift", "-o", "-") == 0
    parsed = read_gift(capsysbinary.readouterr().out.decode("utf-8"))
    assert len(parsed) == len(adversarial_quiz().questions)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--quiz", "x.json", ":sample", "-o", "x.gift"], "either SOURCE or --quiz"),
        (["-o", "x.gift"], "either SOURCE or --quiz"),
        (["--quiz", "x.json", "--summary", "-o", "x.md"], "--summary needs the document"),
        (["--quiz", "x.json", "-o", "x.unknown"], "Give the quiz format with --to"),
        (["--quiz", "x.json", "--to", "docx", "-o", "x.docx"], "Unknown export format"),
    ],
)
def test_bad_options_are_exit_code_2(args, message, capsys):
    assert run(*args) == 2
    assert message in capsys.readouterr().err


def test_anki_guids_survive_regenerating_the_sample_quiz(saved, tmp_path):
    """A second, independent build of the same quiz: every note keeps its GUID, so Anki
    updates the learner's notes instead of adding duplicates."""
    assert run("--quiz", saved, "-o", tmp_path / "first.apkg") == 0
    assert run(":sample", "-n", "8", "--seed", "3", "-o", tmp_path / "again.apkg") == 0
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, _, _, decks1 = read_apkg(tmp_path / "first.apkg", tmp_path / "a")
    again, _, _, decks2 = read_apkg(tmp_path / "again.apkg", tmp_path / "b")
    assert [n[0] for n in first] == [n[0] for n in again]
    assert [n[2] for n in first] == [n[2] for n in again]
    assert decks1.keys() == decks2.keys()
