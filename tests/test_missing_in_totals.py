"""How a unit without a figure counts in a ratio's total is the evaluator's declared choice, and the report says it.

`missing: exclude` (the default) leaves a unit without both figures out of the total; `missing: zero` counts a
blank numerator as nothing achieved and keeps the unit's denominator. Either way the unit is shown as "no data",
and the report names each unit left out or counted as zero, with its figures.
"""

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis.criteria import Status
from pipeline.present import Report
from pipeline.present.results import criterion_record
from pipeline.project import load_project

K1_MEASURE = "measure: {kind: ratio, numerator: vedtatt, denominator: anmodet, target: 1.0}"
SVELVIK, TJOME = "0711", "0723"  # Svelvik has not decided for 2016 (in the example); Tjøme's request is blanked below


@pytest.fixture
def project_with_gaps(example_copy: Path):
    """The example, with Tjøme's 2015 request blanked as well: one blank numerator and one blank denominator."""
    table = example_copy / "indicators.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    blanked = [f"{TJOME},anmodet,2015,," if line.startswith(f"{TJOME},anmodet,2015,") else line for line in lines]
    assert blanked != lines
    table.write_text("\n".join(blanked) + "\n", encoding="utf-8")

    text = (example_copy / "project.yaml").read_text(encoding="utf-8")

    def load(missing: str | None, language: str = "nb") -> Report:
        measure = K1_MEASURE if missing is None else K1_MEASURE.replace("}", f", missing: {missing}}}")
        (example_copy / "project.yaml").write_text(text.replace(K1_MEASURE, measure), encoding="utf-8")
        return Report(load_project(example_copy), language=language)

    return load


def sums(folder: Path) -> pd.DataFrame:
    """Requested and decided per unit over 2015-2016 from the file itself; NaN where any year is blank."""
    table = pd.read_csv(folder / "indicators.csv", dtype={"unit": str})
    table = table[table["indicator"].isin(["anmodet", "vedtatt"])]
    return table.pivot_table(
        index="unit", columns="indicator", values="value", aggfunc=lambda v: v.sum(min_count=2), dropna=False
    )


def k1(report: Report):
    return next(r for r in report.criteria if r.id == "K1")


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_exclude_and_zero_give_the_totals_computed_from_the_table(project_with_gaps, example_copy):
    figures = sums(example_copy)
    both = figures.dropna()
    with_denominator = figures.dropna(subset=["anmodet"])

    excluded = k1(project_with_gaps(None))  # the default is exclude
    assert excluded.detail["ratio_total"].missing == "exclude"
    assert excluded.actual == pytest.approx(both["vedtatt"].sum() / both["anmodet"].sum())
    assert sorted(excluded.detail["ratio_total"].left_out) == [SVELVIK, TJOME]

    zero = k1(project_with_gaps("zero"))
    assert zero.actual == pytest.approx(with_denominator["vedtatt"].fillna(0).sum() / with_denominator["anmodet"].sum())
    assert zero.actual < excluded.actual  # Svelvik's request stays in the total with nothing decided
    assert zero.detail["ratio_total"].counted_as_zero == [SVELVIK]
    assert zero.detail["ratio_total"].left_out == [TJOME]  # no request: nothing to count it against


def test_a_unit_counted_as_zero_is_still_shown_as_no_data(project_with_gaps):
    report = project_with_gaps("zero")
    units = k1(report).units.set_index("unit")
    assert units.loc[SVELVIK, "status"] is Status.NO_DATA and pd.isna(units.loc[SVELVIK, "ratio"])
    detail = next(
        part
        for part in report.criteria_section().data.split('<div class="criterion-detail">')
        if part.startswith("<h3>K1 ")
    )
    row = next(text_of(row).split() for row in re.findall(r"<tr>(.*?)</tr>", detail, re.S) if "Svelvik" in row)
    assert row == [
        "Svelvik",
        "–",
        str(int(units.loc[SVELVIK, "denominator"])),
        "–",
        "Ingen",
        "data",
    ]  # never 0, 0 % or "Ikke nådd"


@pytest.mark.parametrize(
    "language, left_out, as_zero",
    [
        (
            "nb",
            (
                "1 kommune mangler tall og inngår ikke i totalen: Tjøme (Anmodet om bosetting: ingen tall; "
                "Vedtak om bosetting: {tj})."
            ),
            (
                "1 kommune uten tall for Vedtak om bosetting telles som 0 i totalen, men vises som «ingen data»: "
                "Svelvik (Anmodet om bosetting: {sv}; Vedtak om bosetting: ingen tall)."
            ),
        ),
        (
            "da",
            (
                "1 kommune mangler tal og indgår ikke i totalen: Tjøme (Anmodet om bosetting: intet tal; Vedtak "
                "om bosetting: {tj})."
            ),
            (
                "1 kommune uden tal for Vedtak om bosetting tælles som 0 i totalen, men vises som »ingen data«: "
                "Svelvik (Anmodet om bosetting: {sv}; Vedtak om bosetting: intet tal)."
            ),
        ),
        (
            "en",
            (
                "Left out of the total for lack of a figure (1 kommune): Tjøme (Anmodet om bosetting: no figure; "
                "Vedtak om bosetting: {tj})."
            ),
            (
                "Counted as 0 in the total for want of a figure for Vedtak om bosetting, but shown as “no data” "
                "(1 kommune): Svelvik (Anmodet om bosetting: {sv}; Vedtak om bosetting: no figure)."
            ),
        ),
    ],
)
def test_the_sentences_name_each_unit_left_out_or_counted_as_zero_with_its_figures(
    project_with_gaps, example_copy, language, left_out, as_zero
):
    figures = sums(example_copy)
    sv, tj = int(figures.loc[SVELVIK, "anmodet"]), int(figures.loc[TJOME, "vedtatt"])
    zero = text_of(project_with_gaps("zero", language).criteria_section().data)
    assert left_out.format(tj=tj) in zero
    assert as_zero.format(sv=sv) in zero

    excluded = text_of(project_with_gaps("exclude", language).summary().data)
    assert "Svelvik" in excluded and "Tjøme" in excluded
    assert as_zero.split(":")[0].format(sv=sv) not in excluded  # nothing is counted as zero under exclude
    assert "2 kommuner" in excluded  # both left out


def test_results_json_stores_the_total_and_how_it_counted(project_with_gaps):
    record = criterion_record(k1(project_with_gaps("zero")))
    assert record["total"]["missing"] == "zero"
    assert record["total"]["counted_as_zero"] == [SVELVIK] and record["total"]["left_out"] == [TJOME]
    assert record["total"]["numerator"] / record["total"]["denominator"] == pytest.approx(record["actual"], abs=1e-6)


def test_a_report_for_one_unit_shows_its_blank_as_no_data_even_under_zero(project_with_gaps, example_copy):
    project_with_gaps("zero")
    report = Report(load_project(example_copy), unit=SVELVIK)
    assert k1(report).status is Status.NO_DATA and k1(report).actual is None


def test_missing_accepts_only_exclude_or_zero(project_with_gaps):
    from pipeline.errors import InputError

    with pytest.raises(InputError) as error:
        project_with_gaps("nought")
    assert "missing" in str(error.value) and "nought" in str(error.value)
