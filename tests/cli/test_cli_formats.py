"""Every file format through the CLI: the same summary JSON, headings never selected."""

from __future__ import annotations

import json

import jsonschema
import pytest
from test_cli_json import documented_schema

from docfixtures import ARTICLE, article_html, make_docx, make_epub, make_pdf, respond, serve
from gistquiz import cli

BODY = " ".join(ARTICLE)
FILES = {
    "moon.txt": (BODY + "\n").encode("utf-8"),
    "moon.md": f"# Moon Facts\n\n{BODY}\n".encode(),
    "moon.html": article_html(title="Moon Facts").encode("utf-8"),
    "moon.pdf": make_pdf([ARTICLE], title="Moon Facts"),
    "moon.docx": make_docx([("Title", "Moon Facts"), ("", BODY)]),
    "moon.epub": make_epub([("c1.xhtml", f"<h1>Moon Facts</h1><p>{BODY}</p>")], title="Moon Facts"),
}


def summary(capsys, source: str) -> dict:
    code = cli.main(["summarize", source, "-l", "2", "--language", "en", "-f", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, documented_schema(), cls=jsonschema.Draft202012Validator)
    return data


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_format_summarizes_from_a_file(capsys, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(FILES[name])
    data = summary(capsys, str(path))
    texts = [s["text"] for s in data["sentences"] if not s["heading"]]
    assert "Neil Armstrong walked on its surface in July 1969." in texts
    assert len(data["selected"]) == 2
    assert not any(s["heading"] and s["selected"] for s in data["sentences"])
    if name != "moon.txt":
        assert data["document"]["title"] == "Moon Facts"


def test_url_source_through_the_cli(capsys):
    with serve({"/moon": respond(FILES["moon.html"])}) as server:
        data = summary(capsys, server.url("/moon"))
    assert data["document"]["source"] == server.url("/moon")
    assert data["document"]["title"] == "Moon Facts"
