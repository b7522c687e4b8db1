"""Big or malformed files are refused early, in bounded memory, with a problem naming the file: statistics tables
that declare far more positions than they hold figures, workbooks that unpack to far more than their size, and
JSON-stat documents of the wrong shape."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest

from pipeline.errors import InputError
from pipeline.indicators import import_indicators, jsonstat, px
from pipeline.sources import excel, limits
from pipeline.sources.readers import read_any, read_rows


def values(count: int, prefix: str) -> str:
    return ",".join(f'"{prefix}{i}"' for i in range(count))


def px_file(tmp_path, sizes: tuple[int, ...], data: str) -> object:
    names = ["region", "alder", "år", "kjønn"][: len(sizes)]
    stub = ",".join(f'"{name}"' for name in names[:-1])
    text = f'CHARSET="ANSI";\nMATRIX="T";\nSTUB={stub};\nHEADING="{names[-1]}";\n'
    text += "".join(f'VALUES("{name}")={values(size, name[0])};\n' for name, size in zip(names, sizes))
    path = tmp_path / "declared.px"
    path.write_text(text + f"DATA=\n{data};\n", encoding="latin-1")
    return path


@pytest.mark.parametrize(
    "sizes, data", [((1000, 1000, 1000), "1"), ((1000, 1000, 30), "1 2 3"), ((50_000, 50_000), '".."')]
)
def test_a_px_file_declaring_far_more_values_than_figures_is_refused_before_laying_them_out(tmp_path, sizes, data):
    path = px_file(tmp_path, sizes, data)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(InputError) as error:
        px.read(path)
    problem = error.value.problems[0]
    assert (
        problem.file == "declared.px" and problem.field == "DATA" and f"{sizes[0]:,} × {sizes[1]:,}" in problem.expected
    )


def jsonstat_document(value, sizes=(1000, 1000, 30), **extra) -> dict:
    ids = ["Region", "Alder", "Tid"]
    dimension = {
        i: {"label": i.lower(), "category": {"index": [f"{i[0]}{n}" for n in range(size)]}}
        for i, size in zip(ids, sizes)
    }
    return {
        "version": "2.0",
        "class": "dataset",
        "id": ids,
        "size": list(sizes),
        "dimension": dimension,
        "value": value,
        **extra,
    }


def test_a_sparse_jsonstat_table_is_its_figures_never_every_position(tmp_path):
    path = tmp_path / "sparse.json"
    path.write_text(
        json.dumps(jsonstat_document({"0": 5, "29999999": 7, "1030": None}, status={"1030": ".."})), encoding="utf-8"
    )
    source = jsonstat.read(path)
    assert source.figures == ["5", "..", "7"]
    assert source.cells.to_dict("list") == {
        "region": ["R0", "R0", "R999"],
        "alder": ["A0", "A34", "A999"],
        "tid": ["T0", "T10", "T29"],
    }


@pytest.mark.parametrize(
    "document, field",
    [
        (jsonstat_document([1, 2, 3]), "value"),  # a list shorter than the sizes say: refused from the sizes
        (jsonstat_document({"30000000": 1}), "value"),  # a position past the end
        (jsonstat_document([1], sizes=(1, 1, 1), role="geo"), "role"),
        (jsonstat_document([1], sizes=(1, 1, 1), role={"geo": [["region"]]}), "role geo"),
        (jsonstat_document([1], sizes=(1, 1, 1), role={"geo": "Region"}), "role geo"),
        (jsonstat_document([1], sizes=(1, 1, 1), role={"time": ["År"]}), "role time"),  # no such dimension
        ({**jsonstat_document([1], sizes=(1, 1, 1)), "size": ["1", 1, 1]}, "size"),
        ({**jsonstat_document([1], sizes=(1, 1, 1)), "id": "Region"}, "id"),
        ({**jsonstat_document([1], sizes=(1, 1, 1)), "dimension": {"Region": []}}, "dimension Region"),
        ({**jsonstat_document([1], sizes=(2, 1, 1))}, "value"),
        (jsonstat_document([[1]], sizes=(1, 1, 1)), "value"),
    ],
)
def test_a_malformed_jsonstat_document_is_one_problem_naming_its_part_never_a_traceback(tmp_path, document, field):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError) as error:
        import_indicators("jsonstat", path, tmp_path / "p")
    assert [(p.file, p.field) for p in error.value.problems] == [("bad.json", field)]


@pytest.mark.parametrize(
    "content, found",
    [
        ('{"class": "dataset", "label": "Befolkning i Tromsø"}'.encode("latin-1"), "a byte UTF-8 cannot read"),
        (b"[" * 100_000 + b"]" * 100_000, "nested thousands deep"),
        (
            b'{"class": "dataset", "id": ["a"], "size": [1], "dimension": {"a": {"category": {"index": ["x"]}}}, '
            b'"value": [1e999]}',
            "Infinity",
        ),
        (b'{"class": "collection"}', "class 'collection'"),
    ],
)
def test_jsonstat_that_is_not_utf8_too_deep_or_not_a_dataset_is_a_problem(tmp_path, content, found):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        jsonstat.read(path)
    assert error.value.problems[0].file == "bad.json" and found in error.value.problems[0].found


def workbook_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(workbook: bytes, sheet: bytes | None = None, write=None) -> bytes:
    """The workbook with its sheet's XML replaced: written whole, or by `write(file)` in pieces."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info, source.read(info))
            elif sheet is not None:
                target.writestr(info.filename, sheet)
            else:
                with target.open(info.filename, "w", force_zip64=True) as file:
                    write(file)
    return out.getvalue()


SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
HEADER = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>value</t></is></c></row>'
)


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 5 * 1024 * 1024)  # the same check, at a size a test can make
    row = b'<row><c t="inlineStr"><is><t>0301</t></is></c><c><v>1</v></c></row>'
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(with_sheet(workbook_bytes([["unit", "value"]]), SHEET % (HEADER + row * 100_000)))
    assert path.stat().st_size < 100_000  # packed some 100:1
    with pytest.raises(InputError) as error:
        read_any(path)
    problem = error.value.problems[0]
    assert (
        problem.file == "bomb.xlsx"
        and "unpacks to at most 5 MB" in problem.expected
        and "xl/worksheets/sheet1.xml" in problem.found
    )


def test_a_sheet_of_more_rows_than_a_csv_may_have_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    for module in (limits, excel):  # the rule at a hundredth of its size: 30,000 rows written, not 2,010,000
        monkeypatch.setattr(module, "MAX_ROWS", 20_000)
    parsed = []
    monkeypatch.setattr(excel, "load_workbook", lambda *a, **k: parsed.append(a) or pytest.fail("openpyxl opened it"))
    chunk = b'<row><c t="inlineStr"><is><t>0301</t></is></c><c><v>1</v></c></row>' * 10_000

    def write(file):
        file.write(SHEET.split(b"%s")[0] + HEADER)
        for _ in range(limits.MAX_ROWS // 10_000 + 1):
            file.write(chunk)
        file.write(SHEET.split(b"%s")[1])

    path = tmp_path / "rows.xlsx"
    path.write_bytes(with_sheet(workbook_bytes([["unit", "value"]]), write=write))
    with pytest.raises(InputError) as error:
        read_any(path)
    assert "at most 20,000 rows" in error.value.problems[0].expected and not parsed


def test_one_cell_numbered_past_the_row_limit_is_refused_for_the_empty_rows_a_reader_would_yield(tmp_path):
    path = tmp_path / "far.xlsx"
    path.write_bytes(
        with_sheet(
            workbook_bytes([["unit", "value"]]),
            SHEET % (HEADER + b'<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>'),
        )
    )
    with pytest.raises(InputError) as error:
        read_rows(path)
    assert error.value.problems[0].found == "row 1,000,000,000 numbered in the sheet"


def test_rows_and_cells_are_counted_while_a_sheet_or_a_csv_file_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    csv = tmp_path / "many.csv"
    csv.write_text("unit,value\n" + "0301,1\n" * 150, encoding="utf-8")
    xlsx = tmp_path / "many.xlsx"
    xlsx.write_bytes(workbook_bytes([["unit", "value"], *[["0301", 1]] * 150]))
    for path in (csv, xlsx):
        with pytest.raises(InputError) as error:
            read_any(path)
        assert error.value.problems[0].expected == "a table of at most 100 rows" and error.value.problems[0].row == 101

    monkeypatch.setattr(limits, "MAX_ROWS", 2_000_000)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100_000)  # 16,384 empty columns a row: the CSV they would make
    wide = tmp_path / "wide.xlsx"
    wide.write_bytes(workbook_bytes([["unit", "value"], *[["0301"] + [None] * 16_382 + [1]] * 8]))  # the 8th is refused
    with pytest.raises(InputError) as error:
        read_any(wide)
    assert "saved as CSV is at most" in error.value.problems[0].expected and error.value.problems[0].row == 8


def test_one_cell_of_megabytes_in_a_sheet_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "cell.xlsx"
    cell = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"x" * 3_000_000 + b"</t></is></c></row>"
    path.write_bytes(with_sheet(workbook_bytes([["unit", "value"]]), SHEET % (HEADER + cell)))
    with pytest.raises(InputError) as error:
        read_any(path)
    assert "cells of at most 131,072 characters" in error.value.problems[0].expected
