"""The quiz builder: overgenerate, validate, rank, keep a diverse best set.

Facts are ranked by the learned ranker (``ranker.py``); the best ``pool`` of them (long texts
draw only on this top-ranked part) get candidate questions of every requested kind; each
candidate must pass ``validate.problems``; then a greedy pass picks one question per fact and
per entity, discounts facts whose sentence already has a question (so the quiz spreads over the
article), and balances kinds and the requested difficulty. Every random choice is seeded by
``QuizOptions.seed`` and the fact, so the same inputs give the same quiz.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..document import Document
from ..errors import InvalidOption, UnsupportedLanguage
from ..facts.model import Fact, FactType
from ..nlp.clauses import FINITE_TAGS
from ..progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from .candidates import chunk_facts
from .model import Difficulty, Kind, Question, Quiz, QuizOptions
from .ranker import diversity, floor, rank_scores
from .registry import Context, builder_for
from .text import normalize, token_f1, word_to_int
from .validate import problems

MAX_COUNT = 200
PREPOOL = 300
NEAR_DUPLICATE = 0.5  # token F1 above which two answers count as one (SQuAD's own threshold)
DEFAULT_OPTIONS = QuizOptions()
SAME_SENTENCE_DISCOUNT = 0.55  # per question already taken from the fact's sentence
_LEVEL = {Difficulty.EASY: 0, Difficulty.MEDIUM: 1, Difficulty.HARD: 2}
ENGLISH_ONLY = "Quizzes are English-only for now (summaries work in every listed language)."


def check_options(options: QuizOptions) -> None:
    if not 1 <= options.count <= MAX_COUNT:
        raise InvalidOption(f"The question count must be between 1 and {MAX_COUNT}.")
    if not options.kinds:
        raise InvalidOption("Choose at least one kind of question.")


def check_language(doc: Document) -> None:
    if doc.language != "en":
        raise UnsupportedLanguage(ENGLISH_ONLY)


def build(
    doc: Document,
    facts: Sequence[Fact],
    options: QuizOptions = DEFAULT_OPTIONS,
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Quiz:
    """A quiz on ``doc`` from its ``facts`` (see the module docstring for how)."""
    check_options(options)
    check_language(doc)
    facts = answer_candidates(doc, facts, options.count)
    ctx = Context(doc, facts, options.seed)
    scores = rank_scores(doc, facts)
    order = sorted(range(len(facts)), key=lambda i: (-scores[i], facts[i].start))
    # Facts the ranker finds unlikely to be asked are left out (a short or fact-poor text gets
    # fewer questions and the note rather than filler); the floor is chosen with the model.
    threshold = floor()
    pool, seen = [], set()
    for i in order:  # the best candidates with distinct answers ("the final" once, not 400 times)
        if scores[i] < threshold:
            break
        key = normalize(facts[i].entity or facts[i].text)
        if key not in seen:
            seen.add(key)
            pool.append(i)
            if len(pool) >= max(4 * options.count, 24):
                break
    candidates: dict[int, list[Question]] = {}
    for n, i in enumerate(pool):
        cancel.check()
        if n % 8 == 0:
            progress(n / max(len(pool), 1), f"Writing questions ({n} of {len(pool)} facts)")
        valid = fact_questions(ctx, facts[i], options.kinds)
        if valid:
            candidates[i] = [replace(q, score=q.score * scores[i]) for q in valid]
    # Spread the questions one per sentence when the text has room for it; a paragraph asked
    # for more questions than it has sentences keeps the ranker's own order.
    room = len(doc.body_sentences) >= options.count
    chosen = _select(facts, scores, candidates, options, diversity() if room else 1.0)
    progress(1.0, f"{len(chosen)} questions")
    return Quiz(doc.id, doc.title, tuple(chosen), options, _notes(doc, chosen, options))


def fact_questions(ctx: Context, fact: Fact, kinds: Sequence[Kind]) -> list[Question]:
    """Every question of ``kinds`` on ``fact`` that passes the validator (none: the fact
    cannot be asked, e.g. its sentence names the answer again). The ranker's training keeps
    only the facts that have one, so it learns to order what the quiz can really ask."""
    if not _has_finite_verb(ctx.doc, fact.sentence):
        return []  # a fragment the splitter cut ("2 in eutrophic water bodies.")
    if count_listed(ctx, fact):
        return []
    return [
        question
        for kind in kinds
        for question in builder_for(kind)(ctx, fact)
        if not problems(ctx.doc, question, ctx.index)
    ]


_LIST_AFTER = re.compile(r"\s*[(:]\s*([^()]*)")
_ITEM_SEPARATORS = re.compile(r",|;|\band\b|\bor\b")


def count_listed(ctx: Context, fact: Fact) -> bool:
    """A count whose items the sentence lists right after it ("all of the three western
    khanates (Golden Horde, Chagatai Khanate and Ilkhanate)"): a question on it, or a false
    "four western khanates", gives itself away."""
    if fact.type is not FactType.NUMBER:
        return False
    first = (fact.text.split() or [""])[0]
    n = int(first) if first.isdigit() else word_to_int(first.lower())
    if n is None or not 2 <= n <= 12:
        return False
    rest = ctx.doc.text[fact.end : ctx.doc.sentences[fact.sentence].end]
    match = _LIST_AFTER.match(rest)
    if match is None:
        return False
    items = [x for x in _ITEM_SEPARATORS.split(match.group(1)) if x.strip(" .")]
    return len(items) == n


def _has_finite_verb(doc: Document, sentence: int) -> bool:
    """Whether a sentence is a clause at all: a chemical formula ("O2") or an abbreviation
    can cut a text into pieces without a verb, and a question on such a piece reads as
    nonsense."""
    from ..nlp.analysis import analyze

    sentences = analyze(doc).sentences  # one per document sentence, in order (cached)
    if not 0 <= sentence < len(sentences):
        return True  # no analysis to go by: let the builders and the validator decide
    return any(t in FINITE_TAGS for t in sentences[sentence].tags)


def answer_candidates(doc: Document, facts: Sequence[Fact], count: int) -> list[Fact]:
    """The facts (acronyms joined to their names) plus the other noun chunks as candidates.

    A long text draws on its top part: beyond ``PREPOOL`` facts only the most important are
    kept (the extractor's importance, which needs no parsing), and chunks are added only from
    their sentences, so the cost of ranking and wording stays bounded by the question count.
    """
    facts = [with_acronym(doc.text, whole_words(doc.text, f)) for f in facts]
    facts = [f for f in facts if not part_of_a_word(doc.text, f)]
    limit = max(PREPOOL, 20 * count)
    if len(facts) > limit:
        facts = sorted(facts, key=lambda f: (-f.importance, f.start))[:limit]
    # Chunks only in sentences that carry a fact: a poem or a list of adjectives, where the
    # extractor finds nothing, must not turn its words into questions.
    sentences = {f.sentence for f in facts}
    chunks = [whole_words(doc.text, c) for c in chunk_facts(doc, facts)]
    chunks = [c for c in chunks if not part_of_a_word(doc.text, c)]
    return facts + [c for c in chunks if c.sentence in sentences]


_JOINERS = "-‐‑–"  # hyphens and the en dash; an em dash is punctuation ("population—the")


def whole_words(text: str, fact: Fact) -> Fact:
    """Widen a fact cut out of a dash-joined word to the whole word: "Disney–[ABC Television
    Group]", "Sub-[Saharan Africa]", "non-[deterministic algorithm]", "[American
    Broadcasting]-Paramount". A blank or a question would otherwise leave the other part
    behind ("What did Disney– merge ...?"). Number ranges ("1249–1314") and a name before a
    lower-case modifier ("Norman Foster-designed") stay as they are."""
    start, end = fact.start, fact.end
    if fact.text[:1].isalpha():
        while start >= 2 and text[start - 1] in _JOINERS and text[start - 2].isalpha():
            start -= 2
            while start > 0 and text[start - 1].isalnum():
                start -= 1
    if fact.text[-1:].isalpha():
        while end + 1 < len(text) and text[end] in _JOINERS and text[end + 1].isupper():
            end += 2
            while end < len(text) and text[end].isalnum():
                end += 1
    if (start, end) == (fact.start, fact.end):
        return fact
    return replace(fact, text=text[start:end], start=start, end=end)


def part_of_a_word(text: str, fact: Fact) -> bool:
    """A span ``whole_words`` left inside a dash-joined word: a number after a letter's dash
    ("K-[12 schools]", "COVID-[19 cases]") or a phrase ending in a lower-case word before one
    ("[nine follow]-on landings"). Its blank would split the word ("K-_____")."""
    start, end = fact.start, fact.end
    after_letter_dash = start >= 2 and text[start - 1] in _JOINERS and text[start - 2].isalpha()
    last = fact.text.split()[-1:] or [""]
    before_dash = (
        end + 1 < len(text)
        and text[end] in _JOINERS
        and text[end + 1].isalpha()
        and last[0][:1].islower()
    )
    return after_letter_dash or before_dash


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)")
_NAME_BEFORE = re.compile(
    r"([A-Z][\w’'.&-]*(?:\s+(?:of|for|the|and|on)?\s*[A-Z][\w’'.&-]*)+)\s*\($"
)


def with_acronym(text: str, fact: Fact) -> Fact:
    """Widen a name to take in its acronym in parentheses, and an acronym to its name.

    "International Criminal Court (ICC)" is one answer: a blank or a question that left
    "(ICC)" standing beside it would give the answer away.
    """
    after = _ACRONYM_AFTER.match(text, fact.end)
    if after and after.group(1) != fact.text:
        end = after.end()
        aliases = (*fact.aliases, after.group(1), fact.text)
        return replace(fact, text=text[fact.start : end], end=end, aliases=_unique(aliases, fact))
    if (
        text[fact.end : fact.end + 1] == ")"
        and text[fact.start - 1 : fact.start] == "("
        and fact.text[:1].isupper()  # an acronym, not a year: "Edict of Alès (1629)"
    ):
        before = _NAME_BEFORE.search(text, max(0, fact.start - 80), fact.start)
        if before:
            start, end = before.start(1), fact.end + 1
            aliases = (*fact.aliases, fact.text, before.group(1))
            return replace(
                fact, text=text[start:end], start=start, end=end, aliases=_unique(aliases, fact)
            )
    return fact


def _unique(forms: Sequence[str], fact: Fact) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for f in forms if f))


def diverse_order(
    facts: Sequence[Fact],
    scores: Sequence[float],
    limit: int,
    discount: float = SAME_SENTENCE_DISCOUNT,
    near_duplicate: float = NEAR_DUPLICATE,
) -> list[int]:
    """Greedy choice of facts: best score first, discounted per question already taken from
    the same sentence; one fact per entity/answer and no overlapping spans. Shared with the
    ranker's training script."""
    taken: list[int] = []
    per_sentence: Counter[int] = Counter()
    answers: set[str] = set()
    spans: list[tuple[int, int]] = []
    remaining = set(range(len(facts)))
    while remaining and len(taken) < limit:
        best = max(
            remaining,
            key=lambda i: (
                scores[i] * discount ** per_sentence[facts[i].sentence],
                -facts[i].start,
            ),
        )
        remaining.discard(best)
        fact = facts[best]
        keys = {normalize(fact.entity or fact.text), normalize(fact.text)}
        if keys & answers or any(a < fact.end and fact.start < b for a, b in spans):
            continue
        if any(_same_answer(fact.text, facts[j].text, near_duplicate) for j in taken):
            continue  # "prime knot" after "prime knots": the same answer asked twice
        taken.append(best)
        per_sentence[fact.sentence] += 1
        answers.update(keys)
        spans.append((fact.start, fact.end))
    return taken


_NUMBER = re.compile(r"\d[\d,.]*")


def _same_answer(first: str, second: str, threshold: float) -> bool:
    """Near-duplicate answers: mostly the same words and the same numbers ("3 goals" and
    "5 goals" are two facts)."""
    first_n, second_n = normalize(first), normalize(second)
    if set(_NUMBER.findall(first_n)) != set(_NUMBER.findall(second_n)):
        return False
    return token_f1(first, second) >= threshold


def _select(
    facts: Sequence[Fact],
    scores: Sequence[float],
    candidates: dict[int, list[Question]],
    options: QuizOptions,
    discount: float,
) -> list[Question]:
    """The facts in the ranker's diverse order, then a kind for each so the quiz mixes them."""
    pool = sorted(candidates)  # only facts with a valid question: keeps the greedy pass small
    order = diverse_order(
        [facts[i] for i in pool], [scores[i] for i in pool], options.count, discount
    )
    questions = [_fitting(candidates[pool[j]], options) for j in order]
    picked = assign_kinds(questions, options.kinds)
    chosen = []
    for n, question in enumerate(q for q in picked if q is not None):
        rank_score = 1.0 - n / (options.count + 1)  # selection order, for consumers
        chosen.append(replace(question, score=round(rank_score * 0.5 + question.score * 0.5, 6)))
    return chosen


def _fitting(questions: list[Question], options: QuizOptions) -> list[Question]:
    """The fact's questions closest to the requested difficulty, best first."""
    if options.difficulty is not None:
        want = _LEVEL[options.difficulty]
        off = min(abs(_LEVEL[q.difficulty] - want) for q in questions)
        questions = [q for q in questions if abs(_LEVEL[q.difficulty] - want) == off]
    return sorted(questions, key=lambda q: -q.score)


def kind_targets(n: int, kinds: Sequence[Kind]) -> dict[Kind, int]:
    """An even share of ``n`` questions per kind; the first kinds get the remainder."""
    share, extra = divmod(n, len(kinds))
    return {kind: share + (k < extra) for k, kind in enumerate(kinds)}


def assign_kinds(
    per_fact: Sequence[Sequence[Question]], kinds: Sequence[Kind]
) -> list[Question | None]:
    """One question per fact so that the quiz as a whole mixes the kinds evenly.

    Choosing per fact (the least used kind so far) left a quiz with four true/false items
    and one MCQ whenever the top facts had no wh form; here the most constrained facts
    choose first, then single moves and two-step chains take a question from an
    over-represented kind to an under-represented one. Same kind and stem twice (two facts
    of one sentence give one true statement) is not allowed: such a fact gets another kind
    or none.
    """
    targets = kind_targets(len(per_fact), kinds)
    used: Counter[Kind] = Counter()
    stems: set[tuple[Kind, str]] = set()
    picked: list[Question | None] = [None] * len(per_fact)

    def options_of(j: int) -> dict[Kind, Question]:
        best: dict[Kind, Question] = {}
        for q in per_fact[j]:
            free = (q.kind, normalize(q.stem)) not in stems or picked[j] is q
            if q.kind in targets and q.kind not in best and free:
                best[q.kind] = q
        return best

    def put(j: int, q: Question | None) -> None:
        old = picked[j]
        if old is not None:
            used[old.kind] -= 1
            stems.discard((old.kind, normalize(old.stem)))
        picked[j] = q
        if q is not None:
            used[q.kind] += 1
            stems.add((q.kind, normalize(q.stem)))

    rank = {kind: n for n, kind in enumerate(kinds)}
    for j in sorted(range(len(per_fact)), key=lambda j: (len({q.kind for q in per_fact[j]}), j)):
        choice = options_of(j)
        if choice:
            kind = max(choice, key=lambda k: (targets[k] - used[k], choice[k].score, -rank[k]))
            put(j, choice[kind])
    for _ in range(2 * len(per_fact)):  # improve: move a fact from a full kind to a short one
        if not _rebalance(picked, options_of, put, targets, used):
            break
    for _ in range(2 * len(per_fact)):  # then swap two facts' kinds where both read better
        if not _better_swap(picked, options_of, put):
            break
    return picked


def _better_swap(picked, options_of, put) -> bool:
    """Swap the kinds of two facts when the sum of their questions' scores rises (the counts
    per kind stay): the court that issued the warrant is better asked with its wh-question
    than as a true/false item while another fact's wh-question is weaker."""
    for i, first in enumerate(picked):
        for j in range(i + 1, len(picked)):
            second = picked[j]
            if first is None or second is None or first.kind is second.kind:
                continue
            a, b = options_of(i).get(second.kind), options_of(j).get(first.kind)
            if a is None or b is None:
                continue
            if a.score + b.score > first.score + second.score + 1e-9:
                put(i, None)
                put(j, None)
                put(i, a)
                put(j, b)
                return True
    return False


def _rebalance(picked, options_of, put, targets, used) -> bool:
    over = {k for k in targets if used[k] > targets[k]}
    short = {k for k in targets if used[k] < targets[k]}
    if not over or not short:
        return False
    for j, q in enumerate(picked):
        if q is None or q.kind not in over:
            continue
        choice = options_of(j)
        for kind in short & set(choice):
            put(j, choice[kind])
            return True
        for middle, q_mid in choice.items():  # j -> middle, and some i of middle -> short
            if middle in over or middle == q.kind:
                continue
            for i, other in enumerate(picked):
                if other is None or other.kind is not middle or i == j:
                    continue
                alternatives = options_of(i)
                for kind in short & set(alternatives):
                    put(i, alternatives[kind])
                    put(j, options_of(j).get(middle, q_mid))
                    return True
    return False


def _notes(doc: Document, chosen: list[Question], options: QuizOptions) -> tuple[str, ...]:
    notes = []
    if not chosen:
        notes.append(
            "This text has no facts to ask about (names, numbers, dates, key terms): no questions."
        )
    elif len(chosen) < options.count:
        notes.append(
            f"This text has few facts to ask about: {len(chosen)} question"
            f"{'s' if len(chosen) != 1 else ''} instead of {options.count}."
        )
    return tuple(notes)
