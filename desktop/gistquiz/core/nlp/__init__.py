"""The English language layer: tokens, POS tags, noun phrases, lemmas, entity types, clauses."""
