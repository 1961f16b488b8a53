# Two commands do all the set-up on a fresh machine with only Python 3 and make:
#   make test   - install everything into .venv, then run every check
#   make demo   - install everything into .venv, then run the golden-image demo and
#                 the plan/apply demo
#   make dist   - build the wheel and sdist into dist/ and check them
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The AWS CLI pins its own botocore, so it gets a venv of its own, apart from .venv.
AWSCLI_VENV  := .venv-awscli
AWSCLI_STAMP := $(AWSCLI_VENV)/.installed
DEMO_ARGS ?=

.PHONY: test demo bench lint typecheck unit docs dist regen clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Dev tools are pinned by constraints.txt so CI is reproducible; runtime
# dependencies stay ranges in pyproject.toml. uv (itself pinned) installs them:
# it downloads in parallel, which takes a fresh set-up from minutes to seconds.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c constraints.txt -e '.[dev]'
	touch $(STAMP)

$(AWSCLI_STAMP): tools/awscli-requirements.txt
	$(PYTHON) -m venv $(AWSCLI_VENV)
	$(AWSCLI_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		-r tools/awscli-requirements.txt
	touch $(AWSCLI_STAMP)

test: lint typecheck unit docs

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(AWSCLI_STAMP)
	IMAGEBUILDER_SDK_AWS_CLI=$(abspath $(AWSCLI_VENV))/bin/aws HYPOTHESIS_PROFILE=ci \
		$(BIN)/pytest -q -n 2

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

# The wheel and sdist, built with the pinned hatchling already in .venv (no download),
# then checked: twine's metadata check, the archives' contents, and the wheel installed
# in a fresh venv, where `import imagebuilder_sdk` must work.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .
	$(BIN)/twine check --strict dist/*
	$(BIN)/python tools/check_dist.py dist --install

demo: $(STAMP)
	$(BIN)/python -m examples.golden_image $(DEMO_ARGS)
	$(BIN)/python -m examples.plan_demo

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

regen: $(STAMP)
	$(BIN)/python tools/generate_models.py

clean:
	rm -rf $(VENV) $(AWSCLI_VENV) site dist .cache .mypy_cache .ruff_cache .pytest_cache .hypothesis
