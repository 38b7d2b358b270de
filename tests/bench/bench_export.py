"""How long each export takes and how big the file is, for the sample's 10-question quiz and
a 200-question quiz (the sample's questions repeated with new ids).

Run: ``.venv/bin/python tests/bench/bench_export.py`` (part of ``make bench``).

No reference figure exists for exports; the GUI runs them on the main thread, so the
200-question column shows how far that stays comfortable (PDF is the slow one: Qt lays out
every page).
"""

from __future__ import annotations

import time

from gistquiz import render  # noqa: F401  (registers "pdf")
from gistquiz.core import export, pipeline


def main() -> int:
    doc = pipeline.open_sample()
    quiz = pipeline.build_quiz(doc)
    big = quiz.replace(
        questions=tuple(
            q.__class__(
                **{**{f: getattr(q, f) for f in q.__dataclass_fields__}, "id": f"{q.id}-{i}"}
            )
            for i in range(20)
            for q in quiz.questions
        )
    )
    options = export.ExportOptions(document=doc)
    print(f"{'format':<10} {'10 q: ms':>9} {'KiB':>7} {'200 q: ms':>10} {'KiB':>8}")
    for name in export.names(quiz=True):
        row = [name]
        for sample in (quiz, big):
            export.render_quiz(sample, name, options)  # warm-up (imports, Qt start-up)
            started = time.perf_counter()
            data, _ = export.render_quiz(sample, name, options)
            row += [f"{(time.perf_counter() - started) * 1000:.1f}", f"{len(data) / 1024:.1f}"]
        print(f"{row[0]:<10} {row[1]:>9} {row[2]:>7} {row[3]:>10} {row[4]:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
