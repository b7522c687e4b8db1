"""Job keys change with what a report is made from, and say which part changed."""

import shutil
from datetime import date

import pytest

from pipeline.paths import notebooks_dir
from pipeline.present import fonts
from pipeline.project import load_project
from pipeline.run import cache
from pipeline.run.cache import fingerprint, why_run
from pipeline.run.jobs import Job, Workspace


@pytest.fixture
def space(tmp_path, example_copy):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), notebooks)
    return Workspace(inputs=example_copy.parent, reports=tmp_path / "reports", notebooks=notebooks)


def key(space, example_copy, today=None, **job):
    project = load_project(example_copy)
    return fingerprint(
        Job(project.id, **{"report": "end_report", "period": "2015-2016", "language": "nb", **job}),
        space,
        project,
        today,
    )


def test_the_same_job_has_the_same_key(space, example_copy):
    assert key(space, example_copy) == key(space, example_copy)


def test_each_part_changes_with_what_it_covers(space, example_copy):
    before = key(space, example_copy)
    (example_copy / "indicators.csv").write_text((example_copy / "indicators.csv").read_text() + "\n", encoding="utf-8")
    after_input = key(space, example_copy)
    assert [p for p in before if before[p] != after_input[p]] == ["inputs"]
    assert [p for p in after_input if after_input[p] != key(space, example_copy, unit="0701")[p]] == ["parameters"]
    notebook = space.notebooks / "end_report.ipynb"
    notebook.write_text(notebook.read_text().replace("Summary", "Sammendrag"))
    assert key(space, example_copy)["notebook"] != after_input["notebook"]


def test_why_a_job_runs():
    key = {"notebook": "n", "inputs": "i", "parameters": "p", "code": "c"}
    ok = {"status": "ok", "key": dict(key)}
    assert why_run(key, ok, outputs_exist=True) is None
    assert why_run(key, ok, outputs_exist=True, force=True) == "forced"
    assert why_run(key, None, outputs_exist=False) == "new"
    assert why_run(key, {"status": "failed", "key": key}, outputs_exist=True) == "last run failed"
    assert why_run(key, ok, outputs_exist=False) == "output missing"
    assert why_run({**key, "inputs": "j"}, ok, outputs_exist=True) == "input changed"
    assert why_run({**key, "code": "d"}, ok, outputs_exist=True) == "evalreport changed"
    assert (
        why_run({**key, "fonts": "f"}, ok, outputs_exist=True) == "evalreport changed"
    )  # a key of the last version's parts


def with_logo(folder, svg: bytes = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>') -> None:
    (folder / "logo.svg").write_bytes(svg)
    yaml_file = folder / "project.yaml"
    yaml_file.write_text(
        yaml_file.read_text(encoding="utf-8").replace("report:\n", "report:\n  logo: logo.svg\n", 1), encoding="utf-8"
    )


def change_table(space, folder, monkeypatch):
    (folder / "milestones.csv").write_text((folder / "milestones.csv").read_text() + "\n", encoding="utf-8")


def change_logo(space, folder, monkeypatch):
    (folder / "logo.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')


def change_notebook(space, folder, monkeypatch):
    notebook = space.notebooks / "end_report.ipynb"
    notebook.write_text(notebook.read_text().replace("Summary", "Sammendrag"))


def change_fonts(space, folder, monkeypatch):
    monkeypatch.setattr(cache, "font_digest", lambda: "DejaVu Sans upgraded")


def change_code(space, folder, monkeypatch):
    monkeypatch.setattr(cache, "code_digest", lambda: "evalreport edited")


def change_libraries(space, folder, monkeypatch):
    monkeypatch.setattr(cache, "_package_versions", cache._package_versions.__wrapped__)  # read once per process
    monkeypatch.setattr(cache, "version", lambda name: "99.0")


# Each change to what a report is made from, the parts of the key it must change, and the reason a run then gives.
CHANGES = {
    "input table": (change_table, {"inputs"}, "input changed"),
    "logo bytes": (change_logo, {"logo"}, "logo changed"),
    "notebook": (change_notebook, {"notebook"}, "notebook changed"),
    "fonts": (change_fonts, {"fonts"}, "fonts changed"),
    "code": (change_code, {"code"}, "evalreport changed"),
    "libraries": (change_libraries, {"libraries"}, "Python or a library changed"),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_each_input_of_a_report_changes_its_part_and_is_named(space, example_copy, monkeypatch, change):
    with_logo(example_copy)
    before = key(space, example_copy)
    make_change, parts, reason = CHANGES[change]
    make_change(space, example_copy, monkeypatch)
    after = key(space, example_copy)
    changed = {part for part in after if after[part] != before[part]}
    assert changed == parts or (
        change == "logo bytes" and changed == {"logo", "inputs"}
    )  # the logo is an input file too
    assert why_run(after, {"status": "ok", "key": before}, outputs_exist=True) == reason


def test_the_day_a_running_period_is_judged_at_is_in_the_key(space, example_copy):
    """A milestone due yesterday is overdue today: a rerun on another day of a running period is another report."""
    yesterday = key(space, example_copy, today=date(2016, 6, 1), period="2016")
    today = key(space, example_copy, today=date(2016, 6, 2), period="2016")
    assert {part for part in today if today[part] != yesterday[part]} == {"as_of"}
    assert (yesterday["as_of"], today["as_of"]) == ("2016-06-01", "2016-06-02")
    assert why_run(today, {"status": "ok", "key": yesterday}, outputs_exist=True) == "as-of day changed"
    # Once the period is over, it is judged at its last day, whichever day the report is made.
    assert key(space, example_copy, today=date(2017, 3, 1), period="2016") == key(
        space, example_copy, today=date(2019, 1, 1), period="2016"
    )


def test_a_status_judged_at_another_day_says_so(space, example_copy):
    first = key(space, example_copy, report="end_report", as_of="2016-10-01")
    second = key(space, example_copy, report="end_report", as_of="2016-10-02")
    assert {part for part in second if second[part] != first[part]} == {"as_of", "parameters"}
    assert why_run(second, {"status": "ok", "key": first}, outputs_exist=True) == "as-of day changed"


def test_the_font_digest_follows_the_reports_font_files(tmp_path, monkeypatch):
    regular, bold = tmp_path / "Sans.ttf", tmp_path / "Sans-Bold.ttf"
    regular.write_bytes(b"glyphs")
    bold.write_bytes(b"bold glyphs")
    monkeypatch.setattr(fonts, "FACES", {("Sans", 400, "normal"): regular, ("Sans", 700, "normal"): bold})
    digests = []
    for step in (lambda: None, lambda: bold.write_bytes(b"bolder glyphs!")):
        step()
        fonts.digest.cache_clear()
        digests.append(cache.font_digest())
    fonts.digest.cache_clear()
    assert digests[0] != digests[1]


def test_the_code_digest_covers_every_file_of_the_package(tmp_path, monkeypatch):
    (tmp_path / "report.py").write_text("x = 1\n")
    monkeypatch.setattr(cache, "PACKAGE", tmp_path)
    cache.code_digest.cache_clear()
    before = cache.code_digest()
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "Sans.woff2").write_bytes(b"a font shipped with the package")
    cache.code_digest.cache_clear()
    after = cache.code_digest()
    cache.code_digest.cache_clear()
    assert before != after
