"""Statistics portals' wide downloads: several header rows whose cells say "Dimension: value", read by
`import indicators --from wide`, measures picked with --where, region codes mapped to the project's units, codes
for no figure written as no figure, never as zero.

The two fixtures are IMDi Kommunetall downloads built as IMDi's download writes them (see SOURCE.md beside them).
Every expectation is computed here from the file's own bytes, read with nothing but the csv module.
"""

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.indicators import import_indicators
from pipeline.indicators.shape import Choices

FIXTURES = Path(__file__).parent / "fixtures" / "indicators"
BOSETTING = FIXTURES / "imdi-kommunetall-bosetting-ostfold.csv"
INNVANDRERE = FIXTURES / "imdi-kommunetall-innvandrere-vestland.csv"
NO_FIGURE = {".", "..", "...", ":"}


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("iso-8859-1")), delimiter=";"))


def expected(path: Path, keep: dict[str, str]) -> dict[tuple[str, str], str]:
    """(unit number, year) → the figure as written, for the columns whose header cells hold every `keep` label."""
    table = rows(path)
    header = [row for row in table if row and row[0] in ("Region", "")]
    body = [row for row in table if row and row[0] not in ("Region", "")]
    first = 2 if header[0][1] == "Navn" else 1
    found = {}
    for column in range(first, len(header[0])):
        labels = dict(row[column].split(": ", 1) for row in header)
        if all(labels.get(name) == value for name, value in keep.items()):
            for row in body:
                number = row[0].split()[0].removeprefix("K").removeprefix("-")
                found[(number, labels["År"])] = row[column]
    return found


def written(result) -> pd.DataFrame:
    return pd.read_csv(result.table_path, dtype=str, keep_default_na=False)


def test_the_fixtures_are_shaped_as_the_portal_writes_them():
    raw = BOSETTING.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # ISO-8859-1: 'År' is one byte, 0xC5
    assert raw.startswith(b"Region;Navn;Bosetting: Anmodning om bosetting;")
    assert raw.split(b"\n")[1].startswith(b";;Enhet: Personer;") and raw.split(b"\n")[2].startswith(b";;\xc5r: 2019;")
    assert {cell for row in rows(BOSETTING)[3:] for cell in row[2:]} & {".", ":"} == {".", ":"}
    assert INNVANDRERE.read_bytes().count(b"\r\n") == 9  # Windows line ends, four header rows


def test_a_measure_picked_with_where_from_a_download_with_three_labelled_header_rows(tmp_path):
    result = import_indicators(
        "wide", BOSETTING, tmp_path / "p", choices=Choices(where=["Bosetting=Vedtak om bosetting"])
    )
    table = written(result)
    want = expected(BOSETTING, {"Bosetting": "Vedtak om bosetting"})
    assert len(table) == len(want) == 21
    assert set(table["indicator"]) == {"vedtak_om_bosetting"}
    for unit, year, value, note in table[["unit", "period", "value", "note"]].itertuples(index=False):
        written_as = want[(unit, year)]
        if written_as in NO_FIGURE:
            assert (value, note) == ("", f"'{written_as}' in the source")  # no figure, never zero
        else:
            assert float(value) == float(written_as) and note == ""
    assert result.canonical.roles == {"units": "Region", "periods": "År", "indicator": "Bosetting"}
    assert result.canonical.units["3001"] == "Halden"  # the Navn column names the units; it is no indicator


def test_without_where_every_measure_is_an_indicator_and_the_enhet_row_that_does_not_vary_is_not(tmp_path):
    table = written(import_indicators("wide", BOSETTING, tmp_path / "p"))
    assert sorted(set(table["indicator"])) == ["anmodning_om_bosetting", "bosatt", "vedtak_om_bosetting"]
    assert len(table) == 7 * 3 * 3


def test_region_codes_are_mapped_to_the_projects_units_however_each_side_writes_them(tmp_path):
    project = tmp_path / "p"
    project.mkdir()
    (project / "project.yaml").write_text(
        "title: t\nowner: o\nlanguage: nb\nperiod: {start: 2019, end: 2021}\n"
        "units:\n  - {id: '3001', name: Halden}\n  - {id: K-3002, name: Moss}\n  - {id: '3012', name: Aremark}\n",
        encoding="utf-8",
    )
    result = import_indicators(
        "wide",
        BOSETTING,
        project,
        units_from_project=True,
        choices=Choices(where=["Bosetting=Vedtak om bosetting", "År=2021"]),
    )
    table = written(result)
    assert table[["unit", "value", "note"]].values.tolist() == [
        ["3001", "30", ""],
        ["3012", "", "'.' in the source"],
        ["K-3002", "", "':' in the source"],
    ]
    assert sorted(result.canonical.outside_project) == ["3003", "3004", "3011", "3013"]


def test_four_header_rows_two_units_of_measure_a_decimal_comma_and_codes_with_names_in_one_column(tmp_path):
    where = ["Enhet=Prosent", "Innvandringskategori=Innvandrere"]
    table = written(import_indicators("wide", INNVANDRERE, tmp_path / "p", choices=Choices(where=where)))
    want = expected(INNVANDRERE, {"Enhet": "Prosent", "Innvandringskategori": "Innvandrere"})
    assert {(u, y): v for u, y, v in table[["unit", "period", "value"]].itertuples(index=False)} == {
        key: value.replace(",", ".") for key, value in want.items()
    }
    both = written(import_indicators("wide", INNVANDRERE, tmp_path / "q", choices=Choices(where=["Enhet=Personer"])))
    assert both.loc[both["unit"] == "4612", "value"].tolist() == ["367", ""]  # Sveio's ':' stays no figure


def test_a_header_row_naming_two_dimensions_is_a_problem_naming_row_and_column(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "Region;Navn;År: 2020;År: 2021\n;;Enhet: Personer;Kjønn: Menn\nK3001;Halden;1;2\n".encode("iso-8859-1")
    )
    with pytest.raises(InputError) as error:
        import_indicators("wide", path, tmp_path / "p")
    [problem] = error.value.problems
    assert (
        problem.row == 2
        and problem.field == "column D"
        and "every cell of header row 2 naming 'Enhet'" in problem.expected
        and "Kjønn: Menn" in problem.found
    )


def test_the_download_imports_from_the_command_line_as_the_issue_typed_it(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    command = [
        "--inputs",
        str(inputs),
        "import",
        "indicators",
        "--from",
        "wide",
        str(BOSETTING),
        "--project",
        "p",
        "--where",
        "Bosetting=Vedtak om bosetting",
    ]
    assert main(command) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "units from 'Region', years from 'År', indicators from 'Bosetting'" in out
    assert "no figure (blank in indicators.csv, never zero): 3 '.', 1 ':'" in out


def test_the_download_opened_and_saved_in_excel_reads_the_same(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows(BOSETTING):
        workbook.active.append([int(cell) if cell.isdigit() else (cell or None) for cell in row])
    workbook.save(tmp_path / "bosetting.xlsx")
    where = Choices(where=["Bosetting=Vedtak om bosetting"])
    from_excel = written(import_indicators("wide", tmp_path / "bosetting.xlsx", tmp_path / "x", choices=where))
    from_csv = written(import_indicators("wide", BOSETTING, tmp_path / "c", choices=where))
    assert from_excel.equals(from_csv)
