# GistQuiz: `make run` opens the app on the sample article, `make test` runs the checks.
# Both create .venv on first use and are quick on a second run.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint format bench eval train-models screenshots package clean

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "GistQuiz needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY$$QT_QPA_PLATFORM" ]; then \
	  echo "No display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): printing the sample's summary and quiz instead of opening the window."; \
	  $(BIN)/gistquiz-cli demo; \
	else \
	  $(BIN)/gistquiz; \
	fi

test: $(STAMP)
	$(BIN)/ruff check desktop tests packaging
	$(BIN)/ruff format --check desktop tests packaging
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check desktop tests packaging

format: $(STAMP)
	$(BIN)/ruff check --fix desktop tests
	$(BIN)/ruff format desktop tests

PACKAGE_STAMP := $(VENV)/.package-stamp
$(PACKAGE_STAMP): $(STAMP)
	@$(BIN)/python -m pip install --quiet -e '.[dev,package]'
	@touch $(PACKAGE_STAMP)

# Installers for this OS (Linux: .deb, tar.gz, AppDir, NSIS compile check), after freezing and
# running the frozen app's self-test. DEB_COMPRESSION=zstd for faster CI builds.
package: $(PACKAGE_STAMP)
	$(BIN)/python packaging/build.py

clean:
	rm -rf build dist .pytest_cache .ruff_cache

# Measurement scripts (not tests): each tests/bench/bench_*.py and tests/eval/eval_*.py prints
# its figures beside the reference it must beat. They read ../shared/data by path.
bench: $(STAMP)
	@for s in tests/bench/bench_*.py; do echo "== $$s"; $(BIN)/python $$s || exit 1; done

eval: $(STAMP)
	@for s in tests/eval/eval_*.py; do echo "== $$s"; $(BIN)/python $$s || exit 1; done

# Every page of the window, rendered offscreen from the sample article (README shows them).
SHOT_PAGES := article compare quiz results history
screenshots: $(STAMP)
	@mkdir -p docs/screenshots
	@for p in $(SHOT_PAGES); do \
	  QT_QPA_PLATFORM=offscreen $(BIN)/gistquiz --screenshot docs/screenshots/$$p.png --page $$p || exit 1; \
	  echo "docs/screenshots/$$p.png"; \
	done
	@QT_QPA_PLATFORM=offscreen $(BIN)/gistquiz --screenshot docs/screenshots/article-dark.png --page article --theme dark
	@echo "docs/screenshots/article-dark.png"

# Retrain the shipped language models (resources/models/*.json.gz, committed) from
# ../shared/data/treebanks. Deterministic; see resources/models/MODEL_CARD.md.
train-models: $(STAMP)
	rm -f build/fold-tags.json build/fold-tags-stacked.json
	$(BIN)/python -m gistquiz.core.nlp.train  # ~25 min CPU: tagger, 4+4 fold taggers, 2nd pass
	$(BIN)/python -m pip install --quiet -e '.[train]'  # torch, wordfreq: training only, never shipped
	$(BIN)/python -m gistquiz.core.nlp.make_word_frequency  # English word frequencies for the ranker
	$(BIN)/python -m gistquiz.core.nlp.train_parser --tags-cache build/fold-tags-stacked.json  # ~45 min
	$(BIN)/python tests/eval/train_ranker.py  # quiz ranker: after the tagger and parser it reads
