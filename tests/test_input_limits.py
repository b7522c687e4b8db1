"""Size limits say what they mean: many written values are not an alias bomb, and a problem repeated in thousands of
rows is said once, with a count and the first rows."""

import shutil
import time

import pytest

from pipeline.errors import InputError
from pipeline.paths import default_inputs
from pipeline.project import load_project

EXAMPLE = default_inputs() / "bosetting-vestfold"


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "inputs" / "p"
    shutil.copytree(EXAMPLE, folder)
    return folder


def test_25000_plain_units_are_not_taken_for_aliases(project):
    path = project / "project.yaml"
    units = "".join(f'  - {{id: "u{i:05d}", name: Enhet {i}}}\n' for i in range(25_000))  # 125,000 values, no alias
    path.write_text(
        path.read_text(encoding="utf-8").replace("reports: [end_report]", units + "reports: [end_report]", 1),
        encoding="utf-8",
    )
    assert len(load_project(project).spec.units) == 25_010


def test_aliases_that_add_more_than_the_limit_are_still_refused(project):
    path = project / "project.yaml"
    bomb = "notes:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(5)
    )  # 10⁶ values from a few lines
    path.write_text(path.read_text(encoding="utf-8") + bomb, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_project(project)
    [problem] = caught.value.problems
    assert "aliases (*name) that repeat anchors (&name) into more than 100,000 values" in problem.found


def undeclared_units(project, rows: int) -> None:
    lines = ["unit,indicator,period,value,note"] + [f"{9000 + i},anmodet,2015,30," for i in range(rows)]
    (project / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_50000_rows_naming_undeclared_units_are_one_problem_with_the_first_ten_rows(project):
    undeclared_units(project, 50_000)
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        load_project(project)
    assert time.perf_counter() - started < 120  # a hang guard (it takes about a second); 28 s and 400,000 lines before
    [problem] = caught.value.problems
    assert (problem.file, problem.row, problem.field) == ("indicators.csv", None, "unit")
    assert problem.expected.startswith("one of the units in project.yaml ['0701', ")
    assert problem.found == (
        "something else in 50,000 rows, the first 10: row 2 '9000', row 3 '9001', row 4 '9002', row 5 '9003', "
        "row 6 '9004', row 7 '9005', row 8 '9006', row 9 '9007', row 10 '9008', row 11 '9009', …"
    )
    assert len(str(caught.value).splitlines()) == 2


def test_a_few_rows_with_a_problem_are_each_named(project):
    undeclared_units(project, 20)
    with pytest.raises(InputError) as caught:
        load_project(project)
    assert [(p.row, p.found) for p in caught.value.problems] == [(2 + i, f"'{9000 + i}'") for i in range(20)]
