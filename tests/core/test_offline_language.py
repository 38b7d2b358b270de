"""Language data comes from installed packages: no nltk_data, no network, no pickle."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_sumy_and_nltk_work_with_empty_nltk_data_and_no_network(tmp_path):
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network disabled in this test")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import nltk
        import pickle
        pickle.load = pickle.loads = refuse  # nothing may unpickle

        from gistquiz.core import pipeline
        from gistquiz.core.language import install_nltk_punkt
        from gistquiz.core.summarize import names

        doc = pipeline.open_sample()
        for name in names():
            for engine in ("fast", "sumy"):
                ranking = pipeline.summarize(doc, name, 3, engine=engine)
                assert len(ranking.selected) == 3, (name, engine)
        install_nltk_punkt()
        assert nltk.sent_tokenize("Mr. Xi went home. He slept.") == [
            "Mr. Xi went home.", "He slept."]
        assert "Moscow" in nltk.word_tokenize("Mr. Xi traveled to Moscow.")
        print("OK", len(doc.sentences))
        """
    )
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {"NLTK_DATA": str(empty), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")
    assert not any(empty.iterdir())
