# Two commands for a fresh machine with python3 and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# Compiled modules are kept (in __pycache__, which git ignores). A machine that sets PYTHONDONTWRITEBYTECODE would
# have every kernel, worker and command compile evalreport again (0.7 s each) and every pytest worker rewrite every
# test module; an empty value is Python's "not set".
export PYTHONDONTWRITEBYTECODE :=

.PHONY: demo test test-fast check clean

demo: $(READY)
	$(BIN)/evalreport run --all
	$(BIN)/evalreport run integrationsforum-viborg --report status_report --period 2025-2026
	$(BIN)/evalreport run integrationsforum-viborg --report committee_case --period 2025-2026
	@echo
	@echo "Open the reports in reports/<project>/<period>/ (end_report.html, end_report.pdf), the committee's"
	@echo "yearly status and its committee case (committee_case.docx and .pdf) in reports/integrationsforum-viborg/2025-2026/,"
	@echo "and the index in reports/index.html."

# Everything, a worker per core and one more (tests/conftest.py): the import contract, the linter, the type checker,
# then the whole suite (the examples rendered once, on one worker).
test: check
	$(BIN)/python -m pytest -n auto --dist loadgroup

# The unit tests alone (no kernel, no rendering): under a minute, for every change.
test-fast: check
	$(BIN)/python -m pytest -m "not slow" -n auto

# The house's rules, before any test: layers (docs/architecture.md), lint, types.
check: $(READY)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The venv, the project in it (editable, with test tools; the PDF engine and the report's fonts come with it from
# PyPI, so no system library is needed), and a Jupyter kernel spec that starts this venv's Python.
$(READY): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -c "from pipeline.run.kernel import ensure_kernel; ensure_kernel()"
	touch $(READY)

clean:
	rm -rf $(VENV) reports/*/ .pytest_cache
