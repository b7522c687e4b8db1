# Two commands for a fresh machine with python3 and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: demo test clean

demo: $(READY)
	$(BIN)/evalreport run --all
	$(BIN)/evalreport run integrationsforum-viborg --report status_report --period 2025-2026
	@echo
	@echo "Open the reports in reports/<project>/<period>/ (end_report.html, end_report.pdf), the committee's"
	@echo "yearly status in reports/integrationsforum-viborg/2025-2026/, and the index in reports/index.html."

test: $(READY)
	$(BIN)/python -m pytest

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
