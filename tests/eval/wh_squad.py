"""A wh-only generator for the reference scorer (shared/tools/quiz_eval.py --generator ...).

Answer candidates are the noun phrases our parse gives each clause (subjects, objects,
prepositional objects, nested "of" phrases): each becomes a wh-question through
``gistquiz.core.quiz.wh.questions_for_span``. Used to tune wording (BLEU-4, echo rate); the
quiz engineer's full generator ranks answers for coverage.

    cd ../shared/tools && python quiz_eval.py --generator ../../main/tests/eval/wh_squad.py:generate
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

from gistquiz.core.document import build_document
from gistquiz.core.nlp.clauses import parse_sentence
from gistquiz.core.quiz.wh import questions_for_span, sentence_resolver

ROLES = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:tmod", "obl:npmod", "nmod", "nmod:poss"}
CORE = {"det", "amod", "compound", "nummod", "nmod:poss", "flat", "fixed", "advmod"}


def candidate_spans(sp) -> list[tuple[int, int]]:
    tree, tags = sp.tree, sp.tags
    kids: dict[int, list[int]] = {}
    for j, h in enumerate(tree.heads):
        kids.setdefault(h, []).append(j)

    def sub(k, allowed=None):
        out, stack = [], [k]
        while stack:
            x = stack.pop()
            out.append(x)
            for c in kids.get(x, ()):
                if tree.labels[c] in ("case", "punct", "acl:relcl", "appos", "parataxis"):
                    continue
                if allowed is None or tree.labels[c] in allowed:
                    stack.append(c)
        return min(out), max(out) + 1

    spans = []
    for k, lab in enumerate(tree.labels):
        if lab in ROLES and tags[k][:2] in ("NN", "CD"):
            core = sub(k, CORE)
            full = sub(k)
            spans.append(core)
            if full != core and full[1] - full[0] <= 8:
                spans.append(full)
    return list(dict.fromkeys(spans))


def generate(text: str) -> list[dict]:
    doc = build_document(text)
    items = []
    for s in doc.sentences:
        sp = parse_sentence(doc.text, s.start, s.end)
        resolver = sentence_resolver(doc, s.index, sp)
        for span in candidate_spans(sp):
            for c in questions_for_span(doc.text, sp, span, "", "", s.index, resolver):
                items.append(
                    {
                        "question": c.stem,
                        "answer": c.answer,
                        "answer_start": c.answer_start,
                        "kind": "wh",
                        "quality": c.quality,
                    }
                )
    items.sort(key=lambda it: -it["quality"])
    seen: set[str] = set()
    unique = []
    for it in items:  # two spans of one phrase can give the same question: keep the first
        if it["question"] not in seen:
            seen.add(it["question"])
            unique.append(it)
    return unique
