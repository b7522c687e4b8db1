"""The bad-input corpus: inputs from the real world, and nothing bad gets through.

Each folder in tests/bad_inputs/ is one case: the files that differ from the bundled example (they are laid over a
copy of inputs/bosetting-vestfold) and an `expect.yaml` that says what must come of them. See
tests/bad_inputs/README.md for the format. A case either

- is refused with `InputError`, and at least one of its problems matches each `error` entry (file, row, field, and
  text that `expected` and `found` must contain) — no other exception may escape; or
- is read, and handled safely as its `safe` entry describes (cells of the canonical tables, criteria statuses,
  text in the survey section of the report, formula cells neutralised in a workbook).

Every problem of every case must also be short and printable: a message that quotes a megabyte cell or a binary
file's bytes is not one a user can act on.
"""

from __future__ import annotations

import builtins
import io
import math
import shutil
import time
import tracemalloc
from datetime import UTC
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml

from pipeline.errors import InputError, Problem
from pipeline.project import Project, load_project
from pipeline.sources.readers import read_any

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "bosetting-vestfold"
CASES = sorted(p for p in CORPUS.iterdir() if (p / "expect.yaml").is_file())
TABLES = ("indicators", "survey", "milestones", "assessments")
ROW_AND_FIELD = ("row", "field")  # absent from an error entry: not checked; `null`: must be None
MAX_MESSAGE = 1000
# `limits: {seconds: …}` guards against a hang (a bomb expanded, a file read whole), not for speed, which
# benchmarks/ measures: a loaded machine must never fail it. Every case reads in well under a second.
MIN_HANG_GUARD_SECONDS = 30
CHUNK = 1 << 20


def expectation(case: Path) -> dict:
    return yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))


def build(case: Path, expect: dict, folder: Path) -> Path:
    """A copy of the example with the case's files laid over it and its generated files written into it."""
    shutil.copytree(EXAMPLE, folder)
    for path in case.rglob("*"):
        if path.is_file() and path.name != "expect.yaml":
            target = folder / path.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    for name, parts in (expect.get("generate") or {}).items():
        generate(folder / name, parts)
    return folder


def generate(path: Path, parts: list[dict]) -> None:
    """Write a file from parts: `text` as UTF-8, `example` (a file of the example as it is), or `repeat` a text
    until `bytes` bytes are written, in chunks so that a 200 MB file never sits in memory."""
    with path.open("wb") as out:
        for part in parts:
            if "text" in part:
                out.write(part["text"].encode("utf-8"))
            elif "example" in part:
                out.write((EXAMPLE / part["example"]).read_bytes())
            else:
                unit = part["repeat"].encode("utf-8")
                chunk = unit * max(1, CHUNK // len(unit))
                left = part["bytes"]
                while left > 0:
                    out.write(chunk[:left])
                    left -= len(chunk)


def run(case: Path, expect: dict, folder: Path):
    """Load the project (or read the one file, for a `read_any` case), measuring what `limits` bounds."""
    limits = expect.get("limits") or {}
    if "memory_mb" in limits:
        tracemalloc.start()
    started = time.perf_counter()
    try:
        if "read_any" in expect:
            spec = expect["read_any"]
            return read_any(folder / spec["file"], spec.get("required", ()))
        return load_project(folder)
    finally:
        elapsed = time.perf_counter() - started
        peak = None
        if "memory_mb" in limits:
            peak = tracemalloc.get_traced_memory()[1] / (1 << 20)
            tracemalloc.stop()
        if (
            "seconds" in limits and elapsed > limits["seconds"]
        ):  # a hang guard, ≥ 20× the normal time: speed is benchmarks/'
            pytest.fail(f"took {elapsed:.2f} s: hung? (hang guard {limits['seconds']} s)")
        if peak is not None:
            assert peak < limits["memory_mb"], f"peak traced memory {peak:.1f} MB, limit {limits['memory_mb']} MB"


def marks(case: Path) -> list:
    """A case whose report is known to crash (a bug outside the readers) is a strict xfail: fixed, it must be
    unmarked."""
    bug = expectation(case).get("known_bug")
    return (
        [pytest.mark.xfail(strict=True, raises=getattr(builtins, bug["raises"]), reason=bug["reason"])] if bug else []
    )


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=marks(c)) for c in CASES])
def test_bad_input(case: Path, tmp_path: Path, record_property):
    expect = expectation(case)
    assert ("error" in expect) != ("safe" in expect), "a case expects either an error or a safe handling"
    folder = build(case, expect, tmp_path / "inputs" / EXAMPLE.name)
    if "limits" in expect:
        record_property(
            "measured",
            "load_project (or read_any) alone: wall time and peak traced memory; writing the input is not counted",
        )
    try:
        if "error" in expect:
            with pytest.raises(InputError) as caught:
                run(case, expect, folder)
            check_problems(caught.value.problems, expect)
        else:
            result = run(case, expect, folder)
            assert isinstance(result, Project), "a safe case loads a project"
            check_safe(result, expect["safe"])
    finally:
        for name in expect.get("generate") or {}:
            (folder / name).unlink()  # pytest keeps the last runs' temporary folders: not 200 MB of them


def test_the_corpus_is_complete():
    folders = [p for p in CORPUS.iterdir() if p.is_dir()]
    assert all((p / "expect.yaml").is_file() for p in folders), "a case folder without expect.yaml is never run"
    assert len(CASES) >= 40
    guards = {case.name: (expectation(case).get("limits") or {}).get("seconds") for case in CASES}
    assert all(seconds is None or seconds >= MIN_HANG_GUARD_SECONDS for seconds in guards.values()), guards


# --- errors -------------------------------------------------------------------------------------------------


def check_problems(problems: list[Problem], expect: dict) -> None:
    listing = "\n".join(f"  - {p}" for p in problems)
    assert problems, "an InputError with no problems"
    for problem in problems:
        message = str(problem)
        assert len(message) <= MAX_MESSAGE, f"a message of {len(message)} characters: {message[:200]}…"
        assert message.isprintable(), f"a message with control characters: {message!r}"
    entries = expect["error"] if isinstance(expect["error"], list) else [expect["error"]]
    for entry in entries:
        assert any(matches(problem, entry) for problem in problems), f"no problem matches {entry}; found:\n{listing}"
    if "problem_count" in expect:
        assert len(problems) == expect["problem_count"], listing


def matches(problem: Problem, entry: dict) -> bool:
    if problem.file != entry["file"]:
        return False
    if any(key in entry and getattr(problem, key) != entry[key] for key in ROW_AND_FIELD):
        return False
    return entry.get("expected_contains", "") in problem.expected and entry.get("found_contains", "") in problem.found


# --- safe handling ------------------------------------------------------------------------------------------


def check_safe(project: Project, safe: dict) -> None:
    for table in safe.get("same_as_example", []):
        pd.testing.assert_frame_equal(getattr(project, table), getattr(load_project(EXAMPLE), table))
    for table, count in (safe.get("rows") or {}).items():
        assert len(getattr(project, table)) == count
    for cell in safe.get("cells", []):
        check_cell(project, cell)
    for path, value in (safe.get("spec") or {}).items():
        assert spec_value(project.spec, path) == value, path
    from pipeline.present import Report

    report = Report(project)
    # Read safely means a report can be made of it: every section renders (each drawn once, its charts too).
    parts = (report.summary, report.criteria_section, report.survey_section, report.milestones_section, report.about)
    shown = [part() for part in parts]
    assert all(section.data for section in shown)
    if "workbook_neutralised" in safe:
        check_neutralised(report, [section.section for section in shown[:4]], safe["workbook_neutralised"])
    statuses = {result.id: result.status.value for result in report.criteria}
    for criterion, status in (safe.get("statuses") or {}).items():
        assert statuses[criterion] == status, f"{criterion}: {statuses[criterion]}"
    if "survey_html" in safe:
        check_html(shown[2].data, safe["survey_html"])


def check_cell(project: Project, cell: dict) -> None:
    table = getattr(project, cell["table"])
    chosen = table
    for column, value in cell["where"].items():
        chosen = chosen[chosen[column] == value]
    assert len(chosen) == 1, f"{cell['where']} picks {len(chosen)} rows of {cell['table']}"
    value = chosen.iloc[0][cell["column"]]
    if cell.get("empty"):
        assert value is None or (isinstance(value, float) and math.isnan(value)), repr(value)
    if "equals" in cell:
        assert value == cell["equals"], repr(value)
    if "contains" in cell:
        assert cell["contains"] in value, repr(value)


def spec_value(spec, path: str):
    value = spec
    for part in path.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


def check_html(html: str, expect: dict) -> None:
    for text in expect.get("contains", []):
        assert text in html, f"{text!r} not in the survey section"
    for text in expect.get("lacks", []):
        assert text not in html, (
            f"{text!r} in the survey section: {html[max(0, html.find(text) - 80) : html.find(text) + 80]!r}"
        )


def check_neutralised(report, sections: list, texts: list[str]) -> None:
    """Text that a spreadsheet would run as a formula must not start a cell of the workbook written beside a report:
    `neutralise` defuses each text, and the workbook made from this report's results holds no formula at all."""
    from datetime import datetime

    from pipeline.render.tables import report_tables
    from pipeline.render.workbook import FORMULA_STARTS, About, neutralise, workbook

    for text in texts:
        written = neutralise(text)
        assert not written.startswith(FORMULA_STARTS) and written.endswith(text), f"{text!r} written as {written!r}"
    about = About(
        report.t.language,
        report.spec.title,
        report.spec.owner,
        "end_report",
        None,
        report.scope.period.label,
        datetime.now(UTC),
        report.project.input_digest(),
        "test",
    )
    book = openpyxl.load_workbook(
        io.BytesIO(workbook(report_tables(sections, report.t.language), about, report.results()))
    )
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], "a formula in the workbook"
    for cell in cells:
        if isinstance(cell.value, str) and any(text in cell.value for text in texts):
            assert not cell.value.startswith(FORMULA_STARTS), f"{cell.coordinate}: {cell.value!r}"
