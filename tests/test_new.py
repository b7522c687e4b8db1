"""`evalreport new`: a project to start from, in each language and kind, that validates once its placeholders are
filled in and renders; the municipality lists it ships; and it never writes over a project."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import InputError, ToFillIn
from pipeline.municipalities import LISTS, municipalities
from pipeline.new import KINDS, LANGUAGES
from pipeline.project import load_project

# Norway after the county division of 1 January 2024 (Haram split from Ålesund), Denmark since 2007.
COUNTIES_NO = {"03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"}
THREE_DANISH = "id,name\n791,Viborg\n740,Silkeborg\n657,Herning\n"

# What the test writes where `new` left a placeholder, by the key's last part (or the whole key).
FILLED = {
    "title": "Prosjekt {name}",
    "owner": "Testkommunen",
    "period.start": 2025,
    "period.end": 2026,
    "units.0.id": '"0301"',
    "units.0.name": "Oslo",
    "survey.waves.0.id": '"2025"',
    "survey.waves.0.label": "Høsten 2025",
    "survey.waves.0.year": 2025,
    "text": "Samarbeidet fungerer godt",
    "target": 150,
    "baseline": 50,
}


def new(inputs: Path, *args: str) -> int:
    return main(["--inputs", str(inputs), "new", *args])


def to_fill_in(inputs: Path, name: str) -> list[ToFillIn]:
    with pytest.raises(InputError) as raised:
        load_project(name, inputs)
    return raised.value.problems


def fill_in(inputs: Path, name: str) -> None:
    """Replace each placeholder `validate` lists, on its line, as an evaluator would."""
    path = inputs / name / "project.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for problem in to_fill_in(inputs, name):
        assert isinstance(problem, ToFillIn), f"only placeholders are left right after `new`: {problem}"
        if problem.file.startswith("text/"):
            (inputs / name / problem.file).write_text(f"Teksten i {problem.file}.\n", encoding="utf-8")
            continue
        key = problem.field if problem.field in FILLED else problem.field.rsplit(".", 1)[-1]
        value = str(FILLED[key]).format(name=name)
        placeholder = f'"{problem.found}"'
        assert placeholder in lines[problem.row - 1], f"line {problem.row} holds {problem.field}'s placeholder"
        lines[problem.row - 1] = lines[problem.row - 1].replace(placeholder, value, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> tuple[Path, Path]:
    """One project of each kind in each language, a Danish one for three municipalities; inputs and reports."""
    root = tmp_path_factory.mktemp("new")
    units = root / "kommuner.csv"
    units.write_text(THREE_DANISH, encoding="utf-8")
    for language in LANGUAGES:
        for kind in KINDS:
            extra = ["--units", str(units)] if (language, kind) == ("da", "settlement") else []
            assert new(root / "inputs", f"{language}-{kind}", "--language", language, "--kind", kind, *extra) == 0
    return root / "inputs", root / "reports"


def test_validate_right_after_new_is_a_checklist_of_what_to_fill_in(started, capsys):
    inputs, _ = started
    for language in LANGUAGES:
        for kind in KINDS:
            name = f"{language}-{kind}"
            written = (inputs / name / "project.yaml").read_text(encoding="utf-8")
            capsys.readouterr()
            assert main(["--inputs", str(inputs), "validate", name]) == 1
            out = capsys.readouterr().out
            placeholders = [
                line for line in written.splitlines() if '"TODO' in line and not line.lstrip().startswith("#")
            ]
            boxes = [line for line in out.splitlines() if line.startswith("  [ ] ")]
            assert out.startswith(f"{name}: to fill in before the first report ({len(boxes)}):")
            texts = sorted(p.relative_to(inputs / name).as_posix() for p in (inputs / name / "text").glob("*.md"))
            assert texts == [f"text/{place}.{language}.md" for place in ("conclusion", "introduction", "lessons")]
            assert len(boxes) == sum(line.count('"TODO') for line in placeholders) + len(texts)
            assert [
                box.split(" line ")[0].removeprefix("  [ ] ") for box in boxes[-3:]
            ] == texts  # the texts too, at once
            assert "problem(s)" not in out and "expected" not in out, f"no wall of errors for {name}:\n{out}"
            assert re.match(r"  \[ \] project\.yaml line \d+, title: \S", boxes[0])


def test_every_key_is_explained_in_the_projects_language(started):
    inputs, _ = started
    words = {"da": "projektets titel", "nb": "prosjektets tittel", "en": "the project's title"}
    for language in LANGUAGES:
        text = (inputs / f"{language}-plan" / "project.yaml").read_text(encoding="utf-8")
        assert words[language] in text and f"language: {language}" in text
        for line in text.splitlines():
            top_level_key = re.match(r"^([a-z_]+):", line)
            if top_level_key and top_level_key.group(1) not in ("files", "indicators", "survey", "criteria", "report"):
                assert "#" in line or '"TODO: ' in line, (
                    f"{language}: {line!r} is explained neither by a comment nor by its placeholder"
                )


@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_are_empty_but_for_the_headers_the_kind_needs(started, language):
    inputs, _ = started
    for kind, tables in KINDS.items():
        folder = inputs / f"{language}-{kind}"
        assert sorted(p.stem for p in folder.glob("*.csv")) == sorted(tables)
        for table in tables:
            rows = list(csv.reader((folder / f"{table}.csv").open(encoding="utf-8")))
            assert len(rows) == 1, f"{table}.csv holds only its header"
        if "survey" in tables:
            items = list(load_project_after_filling(inputs, folder.name).spec.survey.items)
            header = next(csv.reader((folder / "survey.csv").open(encoding="utf-8")))
            assert header == ["respondent_id", "wave", "group", "unit", *items]


def load_project_after_filling(inputs: Path, name: str):
    try:
        return load_project(name, inputs)
    except InputError:
        fill_in(inputs, name)
        return load_project(name, inputs)


def test_each_kind_and_language_validates_once_filled_in_and_renders(started, capsys):
    inputs, reports = started
    names = [f"{language}-{kind}" for language in LANGUAGES for kind in KINDS]
    for name in names:
        load_project_after_filling(inputs, name)
    capsys.readouterr()
    assert main(["--inputs", str(inputs), "validate", *names]) == 0
    assert capsys.readouterr().out.count(": valid (") == len(names)
    run = [
        "--inputs",
        str(inputs),
        "--reports",
        str(reports),
        "run",
        "--all",
        "--report",
        "milestones",
        "--format",
        "html",
        "--jobs",
        "2",
    ]
    assert main(run) == 0
    for name in names:
        html = (reports / name / "2025-2026" / "milestones.html").read_text(encoding="utf-8")
        assert f"Prosjekt {name}" in html and f'lang="{name[:2]}"' in html


def test_a_danish_project_for_three_municipalities_makes_its_end_report(started):
    inputs, reports = started
    spec = load_project_after_filling(inputs, "da-settlement").spec
    assert [(u.id, u.name) for u in spec.units] == [("791", "Viborg"), ("740", "Silkeborg"), ("657", "Herning")]
    assert (
        main(
            [
                "--inputs",
                str(inputs),
                "--reports",
                str(reports),
                "run",
                "da-settlement",
                "--format",
                "html",
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    html = (reports / "da-settlement" / "2025-2026" / "end_report.html").read_text(encoding="utf-8")
    assert "Succeskriterier" in html and "Kommunekvote for boligplacering af flygtninge" in html


@pytest.mark.parametrize("name, count, digits", [("kommuner-no", 357, 4), ("kommuner-dk", 98, 3)])
def test_municipality_lists_hold_every_current_municipality_with_its_number(name, count, digits):
    found = municipalities(name)
    ids = [unit_id for unit_id, _ in found.units]
    names = [unit_name for _, unit_name in found.units]
    assert len(ids) == count and len(set(ids)) == count and len(set(names)) == count
    assert all(re.fullmatch(rf"\d{{{digits}}}", unit_id) for unit_id in ids)
    assert ids == sorted(ids)
    assert found.source == LISTS[name].removesuffix(".csv") and found.source.endswith("-2024")
    if name == "kommuner-no":
        assert {unit_id[:2] for unit_id in ids} == COUNTIES_NO
        assert (
            ("0301", "Oslo") in found.units and ("1580", "Haram") in found.units and ("5501", "Tromsø") in found.units
        )
    else:
        assert all(101 <= int(unit_id) <= 860 for unit_id in ids)
        assert (
            ("101", "København") in found.units
            and ("791", "Viborg") in found.units
            and ("400", "Bornholm") in found.units
        )


@pytest.mark.parametrize("name, count", [("kommuner-no", 357), ("kommuner-dk", 98)])
def test_units_from_a_list_validate_as_the_projects_units(tmp_path, name, count):
    inputs = tmp_path / "inputs"
    assert new(inputs, "p", "--language", "nb", "--units-from", name) == 0
    assert f"# {count} fra {name}-2024" in (inputs / "p" / "project.yaml").read_text(encoding="utf-8")
    spec = load_project_after_filling(inputs, "p").spec
    assert [(u.id, u.name) for u in spec.units] == municipalities(name).units


def test_new_never_writes_over_a_project(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    assert new(inputs, "p", "--language", "da") == 0
    own = inputs / "p" / "project.yaml"
    own.write_text("title: Mit eget\n", encoding="utf-8")
    assert new(inputs, "p", "--language", "da", "--kind", "forum") == 2
    assert "exists already" in capsys.readouterr().err
    assert own.read_text(encoding="utf-8") == "title: Mit eget\n" and not (inputs / "p" / "survey.csv").exists()
    (inputs / "empty").mkdir()
    assert new(inputs, "empty", "--language", "da") == 2
    assert list((inputs / "empty").iterdir()) == []


@pytest.mark.parametrize("name", ["../elsewhere", "a/b", ".hidden", ""])
def test_the_project_name_passes_the_safe_name_rule(tmp_path, capsys, name):
    inputs = tmp_path / "inputs"
    assert new(inputs, name, "--language", "en") == 2
    assert "PROJECT: expected an id that can be part of a file name" in capsys.readouterr().err
    assert not list(tmp_path.rglob("project.yaml"))


def test_a_units_table_with_bad_rows_names_each(tmp_path, capsys):
    units = tmp_path / "units.csv"
    units.write_text("id,name\n0301,Oslo\n0301,Oslo igjen\n../x,Borte\n4601,\n", encoding="utf-8")
    assert new(tmp_path / "inputs", "p", "--language", "nb", "--units", str(units)) == 2
    err = capsys.readouterr().err
    assert "units.csv, row 3, field 'id': expected each unit id once, found '0301' again" in err
    assert "units.csv, row 4, field 'id': expected an id that can be part of a file name" in err
    assert "units.csv, row 5, field 'name': expected the unit's name, found an empty cell" in err
    assert not (tmp_path / "inputs" / "p").exists()
