"""Fuzzing the readers and the loader: whatever bytes a file holds, the only exception that escapes is InputError.

Hypothesis writes generated content to files and hands them to `read_table`, `read_any` (random bytes under every
extension it knows and some it does not; valid .xlsx, .xls and .sav exports with a few bytes changed) and `load_project`
(a copy of the example with one file replaced by generated content, or mutated a little so that parsing gets past
the first line, or project.yaml with some values swapped for what a hand edit may leave). A crash of any other
kind is a bug in a reader.

Reproducible and bounded for CI: `derandomize=True` (a fixed seed per test), no example database, `max_examples`
per test (1 050 examples in all), no per-example deadline (the first example pays for imports). The module runs
in about 15 s.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import io
import shutil
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
import pytest
import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError, ProjectNotFound
from pipeline.project import Project, load_project
from pipeline.sources.csv import read_table
from pipeline.sources.readers import read_any
from pipeline.tables import ASSESSMENT_COLUMNS, INDICATOR_COLUMNS, MILESTONE_COLUMNS, SURVEY_COLUMNS

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "bosetting-vestfold"
PROJECT_FILES = ("project.yaml", "indicators.csv", "survey.csv", "milestones.csv", "assessments.csv")
EXTENSIONS = (".csv", ".tsv", ".txt", ".tab", ".xlsx", ".xlsm", ".sav", ".zsav", ".xls", ".ods", ".json", "")


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


# --- strategies ---------------------------------------------------------------------------------------------

# Pieces that make parsers take another branch: delimiters, quotes, line ends, marks, codes, dates, YAML syntax.
TOKENS = [
    ",",
    ";",
    "\t",
    '"',
    '""',
    "\n",
    "\r\n",
    "\r",
    "\x00",
    "\ufeff",
    " ",
    "\u00a0",
    "-",
    "=",
    "+",
    "@",
    ".",
    "..",
    ":",
    "NULL",
    "0701",
    "2016",
    "20166",
    "2016-02-30",
    "12,5",
    "1.234",
    "-5",
    "\u22125",
    "1e309",
    "nan",
    "inf",
    "٣",
    "²",
    "9" * 5000,
    "Helt enig",
    "Vet ikke",
    "done",
    "open",
    "met",
    "K6",
    "r001",
    "kommune",
    "æøå",
    "<script>",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!int ",
    "? ",
    "- ",
    ": ",
    "#",
    "|",
    ">",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "'",
    "\\",
    "\x1b[31m",
]
token_text = st.lists(st.sampled_from(TOKENS) | st.text(max_size=12), max_size=40).map("".join)
cell = st.sampled_from(TOKENS) | st.text(max_size=15)


@st.composite
def csv_like(draw) -> str:
    """Rows of cells joined by a delimiter (sometimes two), under a header that is sometimes the real one."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(
        st.sampled_from([INDICATOR_COLUMNS + ["note"], SURVEY_COLUMNS, MILESTONE_COLUMNS, ASSESSMENT_COLUMNS, []])
    )
    rows = draw(st.lists(st.lists(cell, max_size=9), max_size=12))
    lines = ([delimiter.join(header)] if header else []) + [
        draw(st.sampled_from([delimiter, delimiter, ","])).join(row) for row in rows
    ]
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@st.composite
def encoded(draw, texts) -> bytes:
    text = draw(texts)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]))
    return text.encode(encoding, errors="replace")


# A byte-order mark promises an encoding that the bytes after it need not keep.
marked = st.tuples(
    st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]), st.binary(max_size=500)
).map(b"".join)
file_content = st.one_of(st.binary(max_size=3000), marked, encoded(csv_like()), encoded(token_text))


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """A few edits to a valid file: insert a token or bytes, delete or repeat a stretch, cut it off."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "insert", "delete", "repeat", "cut", "replace"]))
        if operation == "insert":
            data[position:position] = draw(st.sampled_from(TOKENS).map(str.encode) | st.binary(min_size=1, max_size=8))
        elif operation == "delete":
            del data[position : position + draw(st.integers(1, 200))]
        elif operation == "repeat":
            data[position:position] = data[position : position + draw(st.integers(1, 200))] * draw(st.integers(1, 50))
        elif operation == "cut":
            del data[position:]
        elif position < len(data):
            data[position] = draw(st.integers(0, 255))
    return bytes(data)


# What a hand-edited project.yaml may hold where a value belongs: other types, impossible dates, YAML's special
# numbers and tags, aliases, flow syntax left open, and ids that lose their leading zero.
YAML_VALUES = [
    "2016-02-30",
    "2016-11-31",
    "!!int fem",
    "!!bool kanskje",
    "!!float x",
    "!!timestamp x",
    "!!binary ???",
    ".nan",
    ".inf",
    "-.inf",
    "1e308",
    "1e-400",
    "0b" + "1" * 20000,
    "9" * 5000,
    "0701",
    "0709",
    "0x1F",
    "1_000",
    "190:20:30",
    "~",
    "null",
    "yes",
    "no",
    "-5",
    "0",
    "''",
    '""',
    "[]",
    "{}",
    "[",
    "{",
    "&a x",
    "*a",
    "*b",
    "[*a, *a]",
    "!!python/name:os.system",
    "!!python/object/apply:os.system [echo]",
    "!!set {a, b}",
    "!!omap [a]",
    "<<: *a",
    "|\n  tekst",
    ">-",
    "'uavsluttet",
    '"uavsluttet',
    "a: b: c",
    "- x",
    "?",
    "#",
    "%TAG",
    "@",
    "`",
    "\t",
    "æøå",
    "\u2028",
    "\ufeff",
]


@st.composite
def edited_yaml(draw, original: str) -> bytes:
    """The example's project.yaml with the values of one to three lines replaced: still YAML, mostly."""
    lines = original.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        candidates = [i for i, line in enumerate(lines) if ": " in line]
        i = draw(st.sampled_from(candidates))
        key, _, value = lines[i].partition(": ")
        if value.startswith("{") and draw(st.booleans()):  # a value inside a flow mapping: {kind: ratio, target: 1.0}
            inner = value.split(", ")
            j = draw(st.integers(0, len(inner) - 1))
            name, _, _ = inner[j].strip("{} ").partition(": ")
            inner[j] = (
                ("{" if j == 0 else "")
                + f"{name}: {draw(st.sampled_from(YAML_VALUES))}"
                + ("}" if j == len(inner) - 1 else "")
            )
            lines[i] = f"{key}: " + ", ".join(inner)
        else:
            lines[i] = f"{key}: {draw(st.sampled_from(YAML_VALUES))}"
    return "\n".join(lines).encode("utf-8")


# --- fixtures -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def project_copy(workdir: Path) -> Path:
    folder = workdir / "inputs" / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    return folder


def workbook_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["respondent_id", "Hvor enig er du?", "dato"])
    for i in range(20):
        sheet.append([f"r{i:03d}", "Helt enig" if i % 2 else 4, f"2016-10-{i + 1:02d}"])
    sheet["D2"] = "=B3*2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@functools.cache
def export(kind: str) -> bytes:
    """A valid export to mutate: an .xlsx or .xls workbook, or an SPSS .sav file with value labels and user-missing
    codes.

    Not a fixture: hypothesis would print all its bytes with every failing example."""
    if kind == ".xlsx":
        return workbook_bytes()
    if kind == ".xls":
        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("Svar")
        for r, row in enumerate(
            [["respondent_id", "Hvor enig er du?"]] + [[f"r{i:03d}", "Helt enig" if i % 2 else 4] for i in range(20)]
        ):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    sav = Path(tempfile.mkdtemp()) / "valid.sav"
    frame = pd.DataFrame(
        {"respondent_id": [f"r{i}" for i in range(20)], "q1": [float(i % 5 + 1) for i in range(19)] + [9.0]}
    )
    pyreadstat.write_sav(
        frame,
        str(sav),
        column_labels=["Respondent", "Samarbeidet har gitt økt kompetanse"],
        variable_value_labels={
            "q1": {
                1.0: "Helt uenig",
                2.0: "Litt uenig",
                3.0: "Verken eller",
                4.0: "Litt enig",
                5.0: "Helt enig",
                9.0: "Vet ikke",
            }
        },
        missing_ranges={"q1": [9.0]},
    )
    content = sav.read_bytes()
    shutil.rmtree(sav.parent)
    return content


# --- read_table ---------------------------------------------------------------------------------------------


@fuzz(300)
@given(
    content=file_content,
    required=st.sampled_from([[], INDICATOR_COLUMNS, SURVEY_COLUMNS, ["a"]]),
    header_rows=st.sampled_from([1, 1, 2]),
)
def test_read_table_raises_only_input_error(workdir, content, required, header_rows):
    path = workdir / "table.csv"
    path.write_bytes(content)
    try:
        frame = read_table(path, required, header_rows=header_rows)
    except InputError as error:
        assert error.problems and all(p.file == "table.csv" for p in error.problems)
        return
    assert all(column in frame.columns for column in required)
    assert len(frame.attrs["line"]) == len(frame)
    assert all(isinstance(value, str) for column in frame.columns for value in frame[column])


# --- read_any -----------------------------------------------------------------------------------------------


@fuzz(300)
@given(content=st.binary(max_size=3000), extension=st.sampled_from(EXTENSIONS))
def test_read_any_raises_only_input_error_on_random_bytes(workdir, content, extension):
    path = workdir / f"export{extension}"
    path.write_bytes(content)
    with contextlib.suppress(InputError):
        read_any(path)


@fuzz(150)
@given(data=st.data(), kind=st.sampled_from([".xlsx", ".xls", ".sav"]))
def test_read_any_raises_only_input_error_on_damaged_exports(workdir, data, kind):
    path = workdir / f"damaged{kind}"
    path.write_bytes(data.draw(mutated(export(kind))))
    with contextlib.suppress(InputError):
        read_any(path)


# --- load_project -------------------------------------------------------------------------------------------


def load_with(folder: Path, name: str, content: bytes) -> None:
    """Load the copy with one file's content replaced; put the original back afterwards."""
    original = (EXAMPLE / name).read_bytes()
    (folder / name).write_bytes(content)
    try:
        project = load_project(folder)
        assert isinstance(project, Project)
    except InputError as error:
        assert error.problems
    finally:
        (folder / name).write_bytes(original)


@fuzz(60)
@given(name=st.sampled_from(PROJECT_FILES), content=file_content)
def test_load_project_raises_only_input_error_on_generated_files(project_copy, name, content):
    load_with(project_copy, name, content)


@fuzz(140)
@given(data=st.data(), name=st.sampled_from(PROJECT_FILES))
def test_load_project_raises_only_input_error_on_mutated_files(project_copy, data, name):
    load_with(project_copy, name, data.draw(mutated((EXAMPLE / name).read_bytes())))


@fuzz(100)
@given(data=st.data())
def test_load_project_raises_only_input_error_on_edited_project_yaml(project_copy, data):
    load_with(
        project_copy, "project.yaml", data.draw(edited_yaml((EXAMPLE / "project.yaml").read_text(encoding="utf-8")))
    )


def test_load_project_without_project_yaml_is_project_not_found(tmp_path):
    (tmp_path / "tom").mkdir()
    with pytest.raises(ProjectNotFound):
        load_project(tmp_path / "tom", inputs=tmp_path)
