"""Bad input: each case gets a specific one-line message and its documented exit code.

Exit codes are those of docs/cli.md. Most cases run ``cli.main`` in-process (fast); the
subprocess cases prove the real entry point prints no traceback either.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from docfixtures import ARTICLE, encrypt_pdf, make_docx, make_epub, make_pdf, serve, stall
from gistquiz import cli

ARTICLE_TEXT = " ".join(ARTICLE) + "\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, code: int, expected_code: int, *words: str) -> None:
    assert code == expected_code, err
    assert err.startswith("gistquiz-cli: ")
    assert err.strip().count("\n") == 0, f"not one line: {err!r}"
    assert "Traceback" not in err
    for word in words:
        assert word.lower() in err.lower(), f"{word!r} not in {err!r}"


def test_empty_file(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, out, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 4, "empty.txt", "empty")
    assert out == ""


def test_whitespace_only_file(capsys, tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\t\n   \n", encoding="utf-8")
    code, _, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 4, "empty")


def test_whitespace_only_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" \n \r\n\t")))
    code, _, err = run(capsys, "summarize", "-")
    assert_one_line_error(err, code, 4, "empty")


def test_stdin_over_the_size_limit(capsys, monkeypatch):
    text = b"A short sentence is here. " * 100_000  # 2.6 MB
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, err = run(capsys, "summarize", "-", "--max-mb", "1")
    assert_one_line_error(err, code, 6, "standard input", "1.0 MB", "--max-mb")
    assert out == ""


def test_binary_file(capsys, tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 20)
    code, _, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 5, "data.txt", "binary")


def test_unknown_extension(capsys, tmp_path):
    path = tmp_path / "slides.key"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    code, _, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 3, ".key", "not supported", ".pdf")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        (
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog",
            ("broken.pdf", "not a readable PDF"),
        ),
        ("broken.docx", b"PK\x03\x04\x14\x00 truncated", ("broken.docx", "Word document")),
        ("broken.epub", b"PK\x03\x04\x14\x00 truncated", ("broken.epub", "EPUB")),
    ],
)
def test_corrupt_documents(capsys, tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 5, *words)


def test_truncated_docx_and_epub(capsys, tmp_path):
    docx = make_docx([("", ARTICLE_TEXT)])
    epub = make_epub([("c1.xhtml", f"<p>{ARTICLE_TEXT}</p>")])
    for name, data in (("cut.docx", docx), ("cut.epub", epub)):
        path = tmp_path / name
        path.write_bytes(data[: len(data) // 3])
        code, _, err = run(capsys, "summarize", str(path))
        assert_one_line_error(err, code, 5, name)


def test_encrypted_pdf(capsys, tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypt_pdf(make_pdf([ARTICLE])))
    code, _, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 5, "locked.pdf", "password")


def test_file_over_the_size_limit(capsys, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE_TEXT * 400, encoding="utf-8")  # ~110 kB
    code, _, err = run(capsys, "summarize", str(path), "--max-mb", "0.05")
    assert_one_line_error(err, code, 6, "long.txt", "limit", "--max-mb")


def test_default_size_limit_is_50_mb(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: takes no disk space, and is never read
        handle.truncate(50 * 1024 * 1024 + 1)
    code, _, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 6, "50.0 MB limit")


def test_size_limit_must_be_positive(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    code, _, err = run(capsys, "summarize", str(path), "--max-mb", "0")
    assert_one_line_error(err, code, 2, "--max-mb")


def test_html_without_article_text(capsys, tmp_path):
    path = tmp_path / "app.html"
    path.write_text(
        "<html><head><title>Web app</title><script>boot()</script></head>"
        "<body><nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav>"
        "<div id='app'></div></body></html>",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "summarize", str(path))
    assert_one_line_error(err, code, 5, "app.html", "no article text")


def test_language_without_sentence_model(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    code, _, err = run(capsys, "summarize", str(path), "--language", "xx")
    assert_one_line_error(err, code, 7, "'xx'", "en (english)")


def test_single_sentence_gives_a_one_sentence_summary(capsys, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("The Moon is Earth's only natural satellite.\n", encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(path), "-l", "3", "--language", "en")
    assert code == 0, err
    assert out == "The Moon is Earth's only natural satellite.\n"


def test_url_that_answers_404(capsys):
    with serve({}) as server:
        code, _, err = run(capsys, "summarize", server.url("/gone"), "--language", "en")
    assert_one_line_error(err, code, 8, "404", "does not exist")


def test_url_that_times_out(capsys):
    with serve({"/slow": stall(3.0)}) as server:
        code, _, err = run(capsys, "summarize", server.url("/slow"), "--timeout", "0.3")
    assert_one_line_error(err, code, 8, "0.3 seconds", "timed out")


def test_no_such_file(capsys, tmp_path):
    code, _, err = run(capsys, "summarize", str(tmp_path / "missing.txt"))
    assert_one_line_error(err, code, 2, "no such file")


@pytest.mark.parametrize(
    ("name", "data", "expected_code"),
    [("broken.pdf", b"%PDF-1.4\n%%EOF", 5), ("empty.md", b"", 4), ("x.bin", b"\x00\x01", 3)],
)
def test_real_process_prints_one_line_and_no_traceback(tmp_path, name, data, expected_code):
    path = tmp_path / name
    path.write_bytes(data)
    run_ = subprocess.run(
        [sys.executable, "-m", "gistquiz.cli", "summarize", str(path)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    err = run_.stderr.decode("utf-8")
    assert_one_line_error(err, run_.returncode, expected_code, name)
    assert run_.stdout == b""
