"""The JSON of `gistquiz-cli summarize --format json` against the schema in docs/cli.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def documented_schema() -> dict:
    """The ```json block after the <!-- schema:summary --> marker in docs/cli.md."""
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(r"<!-- schema:summary -->\s*```json\n(.*?)\n```", text, re.S)
    assert match, "docs/cli.md lost its summary schema block"
    return json.loads(match.group(1))


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gistquiz.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_documented_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(documented_schema())


@pytest.fixture(scope="module")
def sample_json() -> dict:
    run = run_cli("summarize", ":sample", "-a", "lexrank", "-l", "3", "--format", "json")
    assert run.returncode == 0, run.stderr.decode()
    return json.loads(run.stdout)


def test_real_output_matches_the_documented_schema(sample_json):
    jsonschema.validate(sample_json, documented_schema(), cls=jsonschema.Draft202012Validator)


def test_output_keeps_the_documented_promises(sample_json):
    sentences = sample_json["sentences"]
    assert [s["index"] for s in sentences] == list(range(sample_json["document"]["sentences"]))
    chosen = [s["index"] for s in sentences if s["selected"]]
    assert sample_json["selected"] == chosen == sorted(chosen)
    assert len(chosen) == 3
    assert sorted(s["rank"] for s in sentences) == list(range(1, len(sentences) + 1))
    best_first = sorted(sentences, key=lambda s: s["rank"])
    scores = [s["score"] for s in best_first]
    assert scores == sorted(scores, reverse=True)
    for s in sentences:
        assert s["end"] - s["start"] == len(s["text"])


def test_spans_index_into_the_loaded_text(tmp_path):
    text = "Alpha rises early.\n\nBeta sleeps late. Gamma reads books.\n"
    path = tmp_path / "three.txt"
    path.write_text(text, encoding="utf-8")
    run = run_cli("summarize", str(path), "-l", "2", "--language", "en", "-f", "json")
    assert run.returncode == 0, run.stderr.decode()
    data = json.loads(run.stdout)
    jsonschema.validate(data, documented_schema(), cls=jsonschema.Draft202012Validator)
    for s in data["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]


def test_every_existing_subcommand_is_documented():
    from gistquiz.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    docs = DOCS.read_text(encoding="utf-8")
    for name in commands:
        assert f"### `{name}" in docs, f"docs/cli.md does not document `{name}`"


def test_every_exit_code_is_documented():
    from gistquiz.core import errors

    docs = DOCS.read_text(encoding="utf-8")
    for error in vars(errors).values():
        if isinstance(error, type) and issubclass(error, errors.GistQuizError):
            assert f"| {error.exit_code} |" in docs
            assert f"`{error.__name__}`" in docs, f"{error.__name__} is not in docs/cli.md"
