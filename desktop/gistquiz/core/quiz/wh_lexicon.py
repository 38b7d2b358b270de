"""Word lists and relation sets the wh-question rules use (English)."""

from __future__ import annotations

SUBJ = {"nsubj", "nsubj:pass", "csubj", "csubj:pass"}
NOMINAL_RELATIONS = {"nsubj", "nsubj:pass", "obj", "iobj"}  # relations of noun phrases only
MOVABLE = {"obj", "iobj", "obl", "obl:tmod", "obl:npmod", "advmod", "xcomp", "nmod", "nummod"}
DROP_ALWAYS = {"appos", "parataxis", "discourse", "vocative", "dep", "reparandum"}
FRONT_DROP = {"mark", "cc"}
SHORTEN = {"appos", "nmod", "obl", "acl", "acl:relcl", "parataxis", "punct", "advcl"}
# fronted clauses that only give a reason or a condition: the question stands without them
REASONS = {"since", "because", "although", "though", "as", "while", "whereas", "if", "unless"}
PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "this",
    "these",
    "those",
    "we",
    "us",
    "our",
    "i",
    "me",
    "my",
    "you",
    "your",
}
PERSON_TITLES = {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "president",
    "minister",
    "king",
    "queen",
    "pope",
    "senator",
    "governor",
    "chancellor",
    "sir",
    "prince",
    "general",
}
NAME_HEADS = frozenset(
    """court council committee union organization organisation ministry party agency bank
university college school company corporation association institute house congress
parliament army navy commission foundation society league club team department church
board federation fund river mountain lake sea ocean island city county state province
valley bay street kingdom republic region desert park airport station bridge square
museum hospital tribunal assembly senate government""".split()  # noqa: SIM905
)
PLACE_PREPS = {
    "in",
    "at",
    "to",
    "into",
    "near",
    "across",
    "inside",
    "within",
    "on",
    "from",
    "toward",
    "towards",
    "throughout",
    "around",
    "outside",
}
MONTHS = frozenset(
    """january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)
DURATION_UNITS = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years
decade decades century centuries""".split()  # noqa: SIM905
)
DURATION_UNITS_SINGULAR = frozenset(u for u in DURATION_UNITS if not u.endswith("s"))
# "ten years later", "two days before": a duration that places an event in time -- asked
# "how long" it makes a wrong question ("How long did the couple leave ... later?")
TIME_POINT_WORDS = frozenset({"later", "earlier", "ago", "before", "after", "afterwards", "on"})
# "the last ten years", "the first three days": the period something happened in, which
# "How long did the water break through the arch?" misreads as the length of the event
TIME_FRAME_WORDS = frozenset({"last", "past", "next", "first", "final", "previous", "coming"})
# a date after these bounds the event without dating it: "built by 1750" may be earlier
BOUND_PREPS = frozenset({"before", "after", "by", "from", "to", "through", "between"})
# verbs whose subject speaks or thinks: an organisation there is asked "who"
SPEECH_VERBS = frozenset(
    """say state claim announce believe think argue decide hope fear expect agree refuse
promise deny insist suggest admit warn urge feel want""".split()  # noqa: SIM905
)
# common nouns for people: "Who left for the Far East?" (not "What left ...?")
HUMAN_NOUNS = frozenset(
    """person people man men woman women child children boy boys girl girls couple family
families parent parents mother father son daughter wife husband brother sister king queen
prince princess soldier soldiers officer officers student students teacher teachers worker
workers farmer farmers settler settlers citizen citizens resident residents leader leaders
scientist scientists doctor doctors priest priests monk monks bishop author writer
player players fans crowd team""".split()  # noqa: SIM905
)
NP_INTERNAL = {"det", "amod", "compound", "nummod", "nmod:poss", "flat", "nmod", "fixed", "appos"}
MAX_BODY = 8  # words after the wh-phrase before trailing adjuncts go (tuned on SQuAD even half)
ADJUNCTS = {"obl", "obl:tmod", "obl:npmod", "advmod", "dep", "advcl"}
DO_FORMS = {"VBD": "did", "VBZ": "does", "VBP": "do"}
NO_SPACE_BEFORE = {",", ".", "?", "'s", "'", "n't", ")", ":", ";", "%"}
# adverbs the tagger hangs on the object after a phrasal verb ("lay [off] 5% of its staff"):
# the verb's particle, which stays with it when the object is asked about
VERB_PARTICLES = frozenset({"off", "up", "out", "down", "away", "back", "aside"})
# adjectives that are part of a unit: "How many square kilometres ...?", not "How many kilometres"
MEASURE_ADJECTIVES = frozenset({"square", "cubic", "metric", "nautical", "statute", "imperial"})
# adjectives that only count or contrast ("123 different nations"): left out of "how many ..."
COUNT_ADJECTIVES = frozenset(
    """other different separate individual distinct various additional more further several
many few such same new total""".split()  # noqa: SIM905
)
