"""`evalreport import indicators`: statistics tables as the offices publish them, in indicators.csv's format.

Each expectation is computed here from the file itself: the long IMDi/SSB-style fixture read with plain pandas,
the PX file's DATA block split by hand, the JSON-stat file's nulls counted from its JSON.
"""

import csv
import itertools
import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.cli import indicators_word, main
from pipeline.errors import EvalreportError, InputError
from pipeline.indicators import READERS, import_indicators
from pipeline.indicators.draft import safe_id
from pipeline.indicators.figures import project_year
from pipeline.indicators.shape import Choices
from pipeline.indicators.units import match_units, split_unit
from pipeline.present.i18n import Messages
from pipeline.spec import Period, ProjectSpec
from pipeline.tables import parse_indicators

FIXTURES = Path(__file__).parent / "fixtures" / "indicators"
IMDI = FIXTURES / "imdi-bosetting-vestfold.csv"
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
PX_FILES = REALDATA / "pcaxis-serializers-px"
JSONSTAT_FILES = REALDATA / "pxwebpy-jsonstat2-responses"
needs_px = pytest.mark.skipif(not PX_FILES.is_dir(), reason="../shared/realdata/pcaxis-serializers-px is not here")
needs_jsonstat = pytest.mark.skipif(
    not JSONSTAT_FILES.is_dir(), reason="../shared/realdata/pxwebpy-jsonstat2-responses is not here"
)

MISSING = {".", "..", "...", ":"}


def written(result) -> pd.DataFrame:
    return pd.read_csv(result.table_path, dtype=str, keep_default_na=False)


def draft(result) -> dict:
    return yaml.safe_load(result.draft_path.read_text(encoding="utf-8"))


def imdi_figures(enhet: str = "personer") -> pd.DataFrame:
    """The fixture as a reader of it would count: codes for no figure are NaN, the nil dash is 0."""
    table = pd.read_csv(IMDI, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    table = table[table["enhet"] == enhet].copy()
    figure = table["Bosetting av flyktninger"]
    table["value"] = figure.map(
        lambda v: float("nan") if v in MISSING else 0.0 if v == "-" else float(v.replace(",", "."))
    )
    table["unit"] = (
        table["region"].str.extract(r"^K-(\d+) ", expand=False).fillna(table["region"])
    )  # 'Hele landet' keeps its name
    return table


def validates(result, units: list[str]) -> pd.DataFrame:
    """Paste the draft into a project, as the user is told to, and validate indicators.csv against it."""
    spec = ProjectSpec.model_validate(
        {
            "title": "t",
            "owner": "o",
            "language": "nb",
            "period": {"start": 2000, "end": 2030},
            "units": [{"id": u, "name": u} for u in units],
            **draft(result),
        }
    )
    return parse_indicators(result.table_path, spec)


# --- a long table as IMDi and SSB's statistics bank write it ---------------------------------------------------


def test_long_imdi_table_keeps_missing_codes_blank_and_nil_as_zero(tmp_path):
    result = import_indicators(
        "long", IMDI, tmp_path / "p", choices=Choices(where=["enhet=personer"], indicator_column="statistikkvariabel")
    )
    table = written(result).set_index(["unit", "indicator", "period"])
    expected = imdi_figures()
    ids = {label: safe_id(label) for label in expected["statistikkvariabel"]}
    for row in expected.itertuples():
        cell = table.loc[(row.unit, ids[row.statistikkvariabel], row.år), "value"]
        written_figure = row._5
        if written_figure in MISSING:
            assert (
                cell == ""
                and table.loc[(row.unit, ids[row.statistikkvariabel], row.år), "note"]
                == f"'{written_figure}' in the source"
            )
        else:
            assert float(cell) == row.value  # '-' is 0, every other figure as written
    assert (expected["Bosetting av flyktninger"] == "-").sum() > 0 and (
        expected["Bosetting av flyktninger"].isin(MISSING)
    ).sum() == 3
    assert set(table.index.get_level_values("unit")) == set(expected["unit"])


def test_the_draft_names_each_indicator_by_a_safe_id_with_the_original_as_label(tmp_path):
    result = import_indicators("long", IMDI, tmp_path / "p", choices=Choices(where=["enhet=personer"]))
    indicators = draft(result)["indicators"]
    assert indicators["vedtak_om_bosetting_av_enslige_mindrearige"] == {
        "label": "Vedtak om bosetting av enslige mindreårige",
        "aggregate": "sum",
    }
    assert all(re.fullmatch(r"[a-z0-9_]+", ident) for ident in indicators)
    assert set(written(result)["indicator"]) == set(indicators)
    assert "indicators:" in "\n".join(result.summary())  # the block is printed as well as written


def test_units_from_project_match_with_or_without_leading_zero_or_k_prefix(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "project.yaml").write_text(
        'title: t\nowner: o\nlanguage: nb\nperiod: {start: 2015, end: 2016}\nunits:\n  - {id: "0701", name: Horten}\n'
        '  - {id: "0702", name: Holmestrand}\n  - {id: "K3001", name: Halden}\n  - {id: "0704", name: Tønsberg}\n',
        encoding="utf-8",
    )
    source = tmp_path / "export.csv"
    source.write_text(
        (
            "kommune;år;statistikkvariabel;value\n701 Horten;2016;Anmodet;40\nK0702;2016;Anmodet;15\nK-3001 "
            "Halden;2016;Anmodet;25\n0301 Oslo;2016;Anmodet;100\n"
        ),
        encoding="utf-8",
    )
    result = import_indicators("long", source, folder, units_from_project=True)
    assert dict(zip(written(result)["unit"], written(result)["value"])) == {"0701": "40", "0702": "15", "K3001": "25"}
    assert result.canonical.outside_project == ["0301"] and result.canonical.without_figures == ["0704"]
    assert match_units(["301", "K-0701", "0"], ["0301", "0701"]) == {"301": "0301", "K-0701": "0701"}
    assert split_unit("K-3001 Halden", "K-3001 Halden") == ("3001", "Halden") and split_unit(
        "0301 Oslo", "0301 Oslo"
    ) == ("0301", "Oslo")


def test_where_one_column_repeated_is_any_of_its_values_and_different_columns_must_all_match(tmp_path):
    where = ["enhet=personer", "år=2015", "år=2016", "statistikkvariabel=Anmodet om bosetting"]
    result = import_indicators("long", IMDI, tmp_path / "p", choices=Choices(where=where))
    table = written(result)
    expected = imdi_figures()
    expected = expected[expected["statistikkvariabel"] == "Anmodet om bosetting"]
    assert len(table) == len(expected) and set(table["period"]) == {"2015", "2016"}
    assert set(table["indicator"]) == {"anmodet_om_bosetting"}


def test_where_names_what_a_column_holds_when_nothing_matches(tmp_path):
    with pytest.raises(EvalreportError, match=r"--where enhet=persons: no figure .* 'personer', 'prosent'"):
        import_indicators("long", IMDI, tmp_path / "p", choices=Choices(where=["enhet=persons"]))
    with pytest.raises(EvalreportError, match=r"--where: .* no column or dimension 'kjønn'; it has 'region', 'år'"):
        import_indicators("long", IMDI, tmp_path / "p", choices=Choices(where=["kjønn=Menn"]))


def test_two_figures_for_one_unit_indicator_and_year_say_which_column_differs_and_how_to_keep_one(tmp_path):
    with pytest.raises(InputError) as error:
        import_indicators("long", IMDI, tmp_path / "p", choices=Choices(indicator_column="statistikkvariabel"))
    first = error.value.problems[0]
    assert (
        first.row == 3
    )  # the header is row 1: 'K-0701 Horten';'2015';'Vedtak om bosetting' is the second row of figures
    assert "differ in 'enhet' ('personer', 'prosent')" in first.found and "--where enhet=personer" in first.found
    assert not (tmp_path / "p" / "indicators.csv").exists()


def test_a_word_or_a_negative_figure_is_a_problem_naming_row_and_column(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text(
        "region;år;statistikkvariabel;value\n3001;2016;Anmodet;mange\n3002;2016;Anmodet;-4\n3003;2016;Anmodet;12,5\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        import_indicators("long", source, tmp_path / "p")
    assert [(p.row, p.field, p.found) for p in error.value.problems] == [(2, "value", "'mange'"), (3, "value", "'-4'")]
    assert "'-' (nil)" in error.value.problems[0].expected and "'..'" in error.value.problems[0].expected


def test_missing_codes_can_be_given_and_then_a_dash_may_mean_missing(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text(
        "region,år,statistikkvariabel,value\n3001,2016,Anmodet,-\n3002,2016,Anmodet,999\n3003,2016,Anmodet,7\n",
        encoding="utf-8",
    )
    result = import_indicators("long", source, tmp_path / "p", choices=Choices(missing=["-", "999"]))
    assert list(written(result)["value"]) == ["", "", "7"]


def test_refuses_to_replace_without_force(tmp_path):
    folder = tmp_path / "inputs" / "p"
    args = [
        "--inputs",
        str(tmp_path / "inputs"),
        "import",
        "indicators",
        "--project",
        "p",
        "--from",
        "long",
        str(IMDI),
        "--where",
        "enhet=personer",
    ]
    assert main(args) == 0
    before = (folder / "indicators.csv").read_text(encoding="utf-8")
    (folder / "indicators.csv").write_text("mine\n", encoding="utf-8")
    assert main(args) == 2
    assert (folder / "indicators.csv").read_text(encoding="utf-8") == "mine\n"
    assert main([*args, "--force"]) == 0
    assert (folder / "indicators.csv").read_text(encoding="utf-8") == before


def test_import_indicators_is_its_own_command_beside_import_from_a_survey_tool():
    assert indicators_word(["--inputs", "x", "import", "indicators", "--from", "px", "f.px"]) == [
        "--inputs",
        "x",
        "import-indicators",
        "--from",
        "px",
        "f.px",
    ]
    assert indicators_word(["import", "--from", "csv", "indicators.csv"]) == [
        "import",
        "--from",
        "csv",
        "indicators.csv",
    ]


# --- wide tables -------------------------------------------------------------------------------------------------


def wide_files(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture's settlement figures as two wide tables: a header row of years, and measure / unit / year."""
    figures = imdi_figures()
    figures = figures[figures["region"].str.startswith("K-07")]  # Vestfold's municipalities
    figures = figures[figures["statistikkvariabel"].isin(["Anmodet om bosetting", "Vedtak om bosetting"])]
    cells = figures.set_index(["region", "statistikkvariabel", "år"])["Bosetting av flyktninger"]
    regions, measures, years = (
        list(dict.fromkeys(figures["region"])),
        ["Anmodet om bosetting", "Vedtak om bosetting"],
        ["2015", "2016"],
    )
    one = tmp_path / "one-header.csv"
    with one.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(["region", "statistikkvariabel", *years])
        for region, measure in itertools.product(regions, measures):
            writer.writerow([region, measure, *(cells.get((region, measure, year), ".") for year in years)])
    three = tmp_path / "three-headers.csv"
    with three.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(
            ["", measures[0], "", measures[1], ""]
        )  # a merged cell over its years, as a spreadsheet saves it
        writer.writerow(["", "personer", "personer", "personer", "personer"])
        writer.writerow(["region", *years, *years])
        for region in regions:
            writer.writerow(
                [region, *(cells.get((region, measure, year), ".") for measure in measures for year in years)]
            )
    return one, three


def test_wide_tables_give_the_same_indicators_as_the_long_one(tmp_path):
    long = import_indicators(
        "long",
        IMDI,
        tmp_path / "long",
        choices=Choices(
            where=[
                "enhet=personer",
                "statistikkvariabel=Anmodet om bosetting",
                "statistikkvariabel=Vedtak om bosetting",
            ]
        ),
    )
    expected = written(long)
    expected = expected[expected["unit"].str.startswith("07")].reset_index(drop=True)
    one, three = wide_files(tmp_path)
    for path, folder in ((one, "one"), (three, "three")):
        result = import_indicators("wide", path, tmp_path / folder)
        pd.testing.assert_frame_equal(written(result), expected)
        assert draft(result)["indicators"] == {
            k: v for k, v in draft(long)["indicators"].items() if k in set(expected["indicator"])
        }


def test_a_table_without_a_row_of_years_is_not_taken_for_a_wide_one(tmp_path):
    with pytest.raises(InputError, match="a header row of years"):
        import_indicators("wide", IMDI, tmp_path / "p")


# --- PC-Axis -----------------------------------------------------------------------------------------------------


@needs_px
@pytest.mark.parametrize(
    "name",
    [
        "MultipleContentSmall.px",
        "MultipleContent.px",
        "SingleValueMultipleVariables.px",
        "tab_12909_metaid.px",
        "LargeFinnishDatasetWithManyValues.px",
        "TAB2936.px",
    ],
)
def test_every_real_px_file_is_read(name):
    source = READERS["px"](PX_FILES / name, None, None)
    sizes = [len(d.labels) for d in source.dimensions]
    assert len(source.figures) == len(source.cells) == pd.Series(sizes).prod()
    assert source.periods is not None and source.content is not None
    assert all(figure.strip() for figure in source.figures)


@needs_px
def test_ssb_11820_halden_and_moss_figures_as_in_the_file(tmp_path):
    path = PX_FILES / "MultipleContentSmall.px"
    result = import_indicators("px", path, tmp_path / "p")
    table = written(result).set_index(["unit", "indicator", "period"])["value"]
    data = path.read_text(encoding="iso-8859-1").split("DATA=")[1].replace(";", "").split()
    # STUB region (3001, 3002); HEADING statistikkvariabel (Innbyggere, Kvinner, Menn) × år (2021, 2022).
    layout = list(
        itertools.product(["3001", "3002"], ["innbyggere_antall", "kvinner_antall", "menn_antall"], ["2021", "2022"])
    )
    assert {key: table[key] for key in layout} == dict(zip(layout, data))
    assert (
        table[("3001", "innbyggere_antall", "2021")] == "31444" and table[("3002", "kvinner_antall", "2022")] == "25807"
    )
    assert draft(result)["indicators"]["innbyggere_antall"]["label"] == "Innbyggere (antall)"
    assert result.canonical.units == {"3001": "Halden", "3002": "Moss"}
    validates(result, ["3001", "3002"])


@needs_px
def test_scb_quoted_missing_symbols_are_blank_never_zero(tmp_path):
    path = PX_FILES / "TAB2936.px"
    assert path.read_text(encoding="iso-8859-1").split("DATA=")[1].count('".."') == 37
    source = READERS["px"](path, None, None)
    kept = (source.cells["sex"] == "1+2") & (source.cells["month"] == "2025M11")
    quoted = sum(1 for figure, keep in zip(source.figures, kept) if keep and figure == '".."')
    assert quoted > 0
    where = ["sex=total", "month=2025M11"]
    result = import_indicators(
        "px", path, tmp_path / "p", choices=Choices(unit_column="main union organisation", where=where)
    )
    table = written(result)
    assert len(table) == kept.sum() and (table["value"] == "").sum() == quoted
    assert set(table.loc[table["value"] == "", "note"]) == {"'..' in the source"}


@needs_px
def test_negative_px_figures_are_named_by_their_place_in_the_table(tmp_path):
    with pytest.raises(InputError) as error:
        import_indicators(
            "px",
            PX_FILES / "MultipleContent.px",
            tmp_path / "p",
            choices=Choices(unit_column="statsborgerskap", where=["kvartal=2022K4"]),
        )
    problem = error.value.problems[0]
    assert (
        problem.found.startswith("'-")
        and "statistikkvariabel=Nettoinnvandring" in problem.field
        and "kvartal=2022K4" in problem.field
    )


# --- JSON-stat ---------------------------------------------------------------------------------------------------


@needs_jsonstat
def test_jsonstat_ssb_07221_nulls_with_status_are_missing_not_zero(tmp_path):
    path = JSONSTAT_FILES / "response_no.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    quarters = list(document["dimension"]["Tid"]["category"]["index"])
    kept = {
        i
        for i, (region, kind, _, quarter) in enumerate(
            itertools.product(*(document["dimension"][d]["category"]["index"] for d in document["id"]))
        )
        if quarter.endswith("K4")
    }
    nulls = {int(i) for i, status in document["status"].items() if status == ".."}
    assert len(nulls) == 24 and all(document["value"][i] is None for i in nulls)

    result = import_indicators(
        "jsonstat", path, tmp_path / "p", choices=Choices(where=[f"Tid={q}" for q in quarters if q.endswith("K4")])
    )
    table = written(result)
    assert (table["value"] == "").sum() == len(nulls & kept) > 0
    assert set(table.loc[table["value"] == "", "note"]) == {"'..' in the source"}
    assert "0" not in set(table.loc[table["value"] == "", "value"])
    values = table.set_index(["unit", "indicator", "period"])["value"]
    assert values[("TOTAL", "eneboliger", "2023")] == str(
        document["value"][quarters.index("2023K4")]
    )  # Hele landet, eneboliger, 2023K4
    assert draft(result)["indicators"]["smahus"]["label"] == "Småhus"


@needs_jsonstat
def test_jsonstat_quarters_of_one_year_ask_for_one_period_a_year(tmp_path):
    with pytest.raises(InputError) as error:
        import_indicators("jsonstat", JSONSTAT_FILES / "response_no.json", tmp_path / "p")
    assert "keep one period a year, such as --where kvartal=" in error.value.problems[0].found


@needs_jsonstat
def test_jsonstat_scb_tab6471_counties_by_age_and_sex(tmp_path):
    path = JSONSTAT_FILES / "TAB6471_data.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    result = import_indicators("jsonstat", path, tmp_path / "p", choices=Choices(where=["Tid=2026M04", "Kon=TotSa"]))
    table = written(result)
    assert len(table) == 21 * 11 and table["unit"].nunique() == 21  # every county, one indicator per age band
    assert (
        document["id"] == ["Region", "Alder", "Kon", "ContentsCode", "Tid"]
        and document["dimension"]["Kon"]["category"]["index"]["TotSa"] == 0
    )
    first = document["value"][
        3
    ]  # row-major: county 01, age 0-9, both sexes, the one measure, the fourth month (2026M04)
    assert table.set_index(["unit", "indicator"]).loc[("01", "0_9_ar"), "value"] == str(first)


# --- end to end: a long table into the example project, through validate and run -------------------------------


def test_a_long_imdi_table_imported_validated_and_reported_gives_the_ratio_computed_here(example_copy, tmp_path):
    inputs, name = example_copy.parent, example_copy.name
    (example_copy / "indicators.csv").unlink()  # the table comes from the statistics bank now
    command = ["--inputs", str(inputs), "import", "indicators", "--from", "long", str(IMDI), "--project", name]
    assert (
        main(
            [*command, "--where", "enhet=personer", "--indicator-column", "statistikkvariabel", "--units-from-project"]
        )
        == 0
    )
    # The project declares these indicators already, by the same labels: the figures are written under its ids, and
    # the draft has nothing new to paste. The criteria already point at those ids; K2 counts a missing decision as 0.
    assert "kept under their ids: anmodet, vedtatt, anmodet_em, vedtatt_em" in (
        example_copy / "indicators.draft.yaml"
    ).read_text(encoding="utf-8")
    project = yaml.safe_load((example_copy / "project.yaml").read_text(encoding="utf-8"))
    {c["id"]: c["measure"] for c in project["criteria"]}["K2"].update(missing="zero")
    (example_copy / "project.yaml").write_text(
        yaml.safe_dump(project, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    assert main(["--inputs", str(inputs), "validate", name]) == 0
    reports = tmp_path / "reports"
    assert (
        main(
            [
                "--inputs",
                str(inputs),
                "--reports",
                str(reports),
                "run",
                name,
                "--report",
                "success_criteria",
                "--format",
                "html",
            ]
        )
        == 0
    )

    page = (reports / name / "2015-2016" / "success_criteria.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).replace("\xa0", " ")
    figures = imdi_figures()
    figures = figures[figures["unit"].str.startswith("07")]
    totals = figures.pivot_table(
        index="unit", columns="statistikkvariabel", values="value", aggfunc=lambda v: v.sum(min_count=2), dropna=False
    )
    t = Messages("nb")

    def published(numerator: str, denominator: str, missing: str) -> str:
        both = (
            totals.dropna(subset=[denominator]) if missing == "zero" else totals.dropna(subset=[numerator, denominator])
        )
        top, bottom = both[numerator].fillna(0).sum(), both[denominator].sum()
        return t(
            "ratio_total", numerator=t.number(top), denominator=t.number(bottom), ratio=t.percent(top / bottom)
        ).replace("\xa0", " ")

    k1 = published("Vedtak om bosetting", "Anmodet om bosetting", "exclude")
    k2 = published("Vedtak om bosetting av enslige mindreårige", "Anmodet om bosetting av enslige mindreårige", "zero")
    assert k1 == "Samlet: 518 av 585 (88,5 %)."  # the example's own figures, now read from the statistics bank's table
    assert k1 in text and k2 in text
    assert (
        "Én kommune uten tall for Vedtak om bosetting av enslige mindreårige telles som 0 i totalen" in text
    )  # Re: '..'
    assert "Tjøme (Anmodet om bosetting av enslige mindreårige: ingen tall" in text  # ':' leaves Tjøme out


# --- figures of the whole project ------------------------------------------------------------------------------


def test_a_table_without_units_is_the_whole_projects_figures_for_a_project_without_units(tmp_path):
    """A forum with no units keeps its own counts (co-financing, participants) in a table of year and figure: they
    are imported as the project's figures (an empty unit), and indicators.csv validates against the project."""
    folder = tmp_path / "inputs" / "forum"
    folder.mkdir(parents=True)
    (folder / "project.yaml").write_text(
        "title: Forum\nowner: Odder Kommune\nlanguage: da\nperiod: {start: 2025, end: 2026}\n", encoding="utf-8"
    )
    table = tmp_path / "tal.csv"
    table.write_text(
        "år;mål;værdi\n2025;Medfinansiering;6645000\n2025;Budget;17645000\n2026;Medfinansiering;7100000\n",
        encoding="utf-8",
    )
    result = import_indicators("long", table, folder)
    rows = written(result)
    assert list(rows["unit"]) == ["", "", ""]
    assert sorted(zip(rows["period"], rows["value"])) == [
        ("2025", "17645000"),
        ("2025", "6645000"),
        ("2026", "7100000"),
    ]
    spec = ProjectSpec.model_validate(
        {"title": "t", "owner": "o", "language": "da", "period": {"start": 2025, "end": 2026}, **draft(result)}
    )
    assert len(parse_indicators(result.table_path, spec)) == 3


def test_a_project_with_units_asks_which_column_holds_them_or_none_for_the_whole_project(tmp_path):
    folder = tmp_path / "inputs" / "p"
    folder.mkdir(parents=True)
    (folder / "project.yaml").write_text(
        "title: P\nowner: O\nlanguage: nb\nperiod: {start: 2020, end: 2021}\nunits: [{id: '3001', name: Halden}]\n",
        encoding="utf-8",
    )
    table = tmp_path / "tall.csv"
    table.write_text("år;mål;verdi\n2020;Bosatte;12\n2021;Bosatte;14\n", encoding="utf-8")
    with pytest.raises(EvalreportError, match="--unit-column none for figures of the whole project"):
        import_indicators("long", table, folder)
    result = import_indicators("long", table, folder, choices=Choices(unit_column="none"))
    assert list(written(result)["unit"]) == ["", ""]


# --- school and fiscal years ------------------------------------------------------------------------------------

SCHOOL_YEARS = FIXTURES / "ssb-skolear-grunnskole.csv"


def school_project(tmp_path: Path, period: str = "{start: 2018-08, end: 2020/21}") -> Path:
    folder = tmp_path / "inputs" / "skole"
    folder.mkdir(parents=True)
    (folder / "project.yaml").write_text(
        f"title: Skole\nowner: O\nlanguage: nb\nperiod: {period}\n"
        "units: [{id: '3001', name: Halden}, {id: '3002', name: Moss}]\n",
        encoding="utf-8",
    )
    return folder


def ssb_school_years() -> dict[tuple[str, str], str]:
    """The fixture as read by hand: (unit code, first calendar year of the school year) → figure as written."""
    lines = SCHOOL_YEARS.read_bytes().decode("iso-8859-1").splitlines()[1:]
    cells = [line.replace('"', "").split(";") for line in lines]
    return {(region.split()[0], year[:4]): figure for region, year, _, figure in cells}


@pytest.mark.parametrize("name", ["ssb-skolear-grunnskole.csv", "ssb-skolear-grunnskole.px"])
def test_ssb_school_years_are_written_as_the_projects_labels_and_validate(tmp_path, name):
    folder = school_project(tmp_path)
    form = "px" if name.endswith(".px") else "long"
    result = import_indicators(form, FIXTURES / name, folder, units_from_project=True)
    rows = written(result)
    expected = ssb_school_years()
    assert sorted(set(rows["period"])) == ["2018/19", "2019/20", "2020/21"]
    for unit, period, value in rows[["unit", "period", "value"]].itertuples(index=False):
        figure = expected[(unit, period[:4])]
        assert value == ("" if figure == ".." else figure)
    spec = ProjectSpec.model_validate(
        {**yaml.safe_load((folder / "project.yaml").read_text(encoding="utf-8")), **draft(result)}
    )
    assert len(parse_indicators(result.table_path, spec)) == len(expected)


@pytest.mark.parametrize("written_as", ["2018/19", "2018-19", "2018/2019", "2018-2019", "2018M09", "2019M03"])
def test_each_way_of_writing_a_school_year_is_the_same_year(tmp_path, written_as):
    folder = school_project(tmp_path)
    table = tmp_path / "tall.csv"
    table.write_text(f"region;skoleår;mål;verdi\n3001;{written_as};Elever;12\n", encoding="utf-8")
    result = import_indicators("long", table, folder)
    assert list(written(result)["period"]) == ["2018/19"]


def test_a_calendar_year_in_a_fiscal_project_is_refused_naming_file_row_field_and_both_years(tmp_path):
    folder = school_project(tmp_path, "{start: 2018-04, end: 2021-03}")
    table = tmp_path / "tall.csv"
    table.write_text(
        "region;år;mål;verdi\n3001;2018/19;Elever;12\n3001;2019;Elever;14\n3002;2019;Elever;9\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as refused:
        import_indicators("long", table, folder)
    assert len(refused.value.problems) == 1  # the year is named once, not once per figure
    message = str(refused.value)
    assert "tall.csv" in message and "row 3" in message and "'år'" in message
    assert "2018/19" in message and "2019/20" in message and "'2019'" in message
    assert not (folder / "indicators.csv").exists()


def test_a_calendar_project_reads_years_as_before_and_says_what_a_school_year_needs(tmp_path):
    folder = school_project(tmp_path, "{start: 2018, end: 2021}")
    table = tmp_path / "tall.csv"
    table.write_text("region;år;mål;verdi\n3001;2019;Elever;12\n3001;2020K4;Elever;14\n", encoding="utf-8")
    result = import_indicators("long", table, folder)
    assert list(written(result)["period"]) == ["2019", "2020"]
    with pytest.raises(InputError, match=r"period: \{start: 2018-08\}"):
        import_indicators("long", SCHOOL_YEARS, folder, force=True)


def test_a_fiscal_project_still_being_filled_in_gets_its_years_labelled(tmp_path):
    """project.yaml without its owner yet does not load, but its period says how the years are counted."""
    folder = tmp_path / "inputs" / "skole"
    folder.mkdir(parents=True)
    (folder / "project.yaml").write_text(
        "title: Skole\nlanguage: nb\nperiod: {start: 2018-08, end: 2020/21}\n", encoding="utf-8"
    )
    result = import_indicators("long", SCHOOL_YEARS, folder, choices=Choices(unit_column="region"))
    assert sorted(set(written(result)["period"])) == ["2018/19", "2019/20", "2020/21"]


@pytest.mark.parametrize(
    "written, year",
    [
        ("2019K1", 2018),
        ("2019K2", 2019),
        ("2019M03", 2018),
        ("2019M04", 2019),
        ("2019-03-31", 2018),
        ("2019-04-01", 2019),
    ],
)
def test_quarters_months_and_days_fall_in_the_fiscal_year_holding_them(written, year):
    april = Period(start=2018, end=2020, start_month=4)
    assert project_year(written, april) == year


def test_a_quarter_is_refused_when_the_years_begin_inside_one():
    august = Period(start=2018, end=2020, start_month=8)  # July–September 2019 is half of 2018/19, half of 2019/20
    with pytest.raises(ValueError, match="2018/19"):
        project_year("2019K3", august)


def test_a_wide_download_with_a_header_row_of_school_years(tmp_path):
    """IMDi's and the statistics banks' wide download: `Skoleår: 2018-2019` over each column."""
    folder = school_project(tmp_path)
    table = tmp_path / "wide.csv"
    table.write_bytes(
        "Region;Navn;Elever: Elever i grunnskolen;Elever: Elever i grunnskolen\r\n"
        ";;Skoleår: 2018-2019;Skoleår: 2019-2020\r\n"
        "K3001;Halden;3211;3187\r\nK3002;Moss;5120;:\r\n".encode("iso-8859-1")
    )
    rows = written(import_indicators("wide", table, folder))
    assert sorted(zip(rows["unit"], rows["period"], rows["value"])) == [
        ("3001", "2018/19", "3211"),
        ("3001", "2019/20", "3187"),
        ("3002", "2018/19", "5120"),
        ("3002", "2019/20", ""),
    ]


def test_appending_to_a_fiscal_table_written_by_hand_finds_its_years_however_written(tmp_path):
    """indicators.csv written by hand with 2018-19 and a day inside 2019/20: the import's 2018/19 and 2019/20 are
    those years, so the same figure is kept once and a different one is refused, not added as a second row."""
    folder = school_project(tmp_path)
    (folder / "indicators.csv").write_text(
        "unit,indicator,period,value,note\n3001,elevar,2018-19,3211,\n3002,elevar,2019-11-15,5164,\n", encoding="utf-8"
    )
    result = import_indicators("long", SCHOOL_YEARS, folder, units_from_project=True, append=True)
    assert result.merged is not None and result.merged.same == 2
    rows = written(result)
    assert len(rows) == len(ssb_school_years())  # 6 figures, no year twice
    assert set(rows["period"]) == {"2018/19", "2019/20", "2020/21"}
