"""`gistquiz-cli facts` through its public surface: JSON that slices back, readable text."""

from __future__ import annotations

import json

from gistquiz import cli
from gistquiz.core import pipeline


def test_facts_json_on_the_sample(capsys) -> None:
    assert cli.main(["facts", ":sample", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "gistquiz.facts/1"
    text = pipeline.open_sample().text
    facts = data["facts"]
    assert facts
    for f in facts:
        assert text[f["start"] : f["end"]] == f["text"]
        assert f["type"] in {"NUMBER", "DURATION", "DATE", "PERSON", "ORG", "PLACE", "TERM"}
        assert f["sentence_text"]
    icc = next(f for f in facts if f["entity"] == "International Criminal Court")
    assert icc["type"] == "ORG" and "ICC" in icc["aliases"]
    assert [f["importance"] for f in facts] == sorted(
        (f["importance"] for f in facts), reverse=True
    )


def test_facts_text_with_limit(capsys) -> None:
    assert cli.main(["facts", ":sample", "-n", "5"]) == 0
    out = capsys.readouterr().out
    ranks = [line for line in out.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert len(ranks) == 5
    assert "PERSON" in out


def test_facts_of_a_missing_file_is_a_clean_error(capsys, tmp_path) -> None:
    code = cli.main(["facts", str(tmp_path / "missing.txt")])
    assert code != 0
    assert "No such file" in capsys.readouterr().err
