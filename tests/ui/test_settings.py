"""Settings: declared once, typed, only non-defaults written, window state kept apart."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from gistquiz.ui.settings import OPTIONS, Settings


def test_defaults_are_not_written(tmp_path):
    s = Settings(tmp_path / "s.ini")
    for key, option in OPTIONS.items():
        assert s.get(key) == option.default
        s.set(key, option.default)
    s.sync()
    assert s.stored_keys() == []


def test_values_come_back_typed_from_the_ini_file(tmp_path):
    s = Settings(tmp_path / "s.ini")
    s.set("quiz/count", 7)
    s.set("summary/heatmap", True)
    s.set("quiz/kinds", ("mcq", "tf"))
    s.set("summary/length", "20%")
    s.sync()
    text = (tmp_path / "s.ini").read_text()
    assert "count=7" in text and "heatmap=true" in text
    again = Settings(tmp_path / "s.ini")
    assert again.get("quiz/count") == 7
    assert again.get("summary/heatmap") is True
    assert again.get("quiz/kinds") == ("mcq", "tf")
    assert again.get("summary/length") == "20%"
    again.set("quiz/count", OPTIONS["quiz/count"].default)  # back to default: key removed
    assert "quiz/count" not in again.stored_keys()


def test_a_garbled_value_falls_back_to_the_default(tmp_path):
    (tmp_path / "s.ini").write_text("[quiz]\ncount=lots\n")
    assert Settings(tmp_path / "s.ini").get("quiz/count") == OPTIONS["quiz/count"].default


def test_reset_keeps_window_state_and_recent_files(tmp_path):
    s = Settings(tmp_path / "s.ini")
    s.set("appearance/theme", "dark")
    s.set_window_state("geometry", QByteArray(b"\x01\x02"))
    s.add_recent("/tmp/a.txt")
    s.add_recent("/tmp/b.txt")
    s.add_recent("/tmp/a.txt")
    s.reset()
    assert s.get("appearance/theme") == "system"
    assert bytes(s.window_state("geometry").data()) == b"\x01\x02"
    assert s.recent_files() == ["/tmp/a.txt", "/tmp/b.txt"]
