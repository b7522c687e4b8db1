"""The evaluator's texts in text/: which file goes where, language variants, figures by name (a closed list, never
evaluated), redaction, and what validate says about raw HTML, scripts, links and images."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.analysis import milestones as ms
from pipeline.analysis import survey as sv
from pipeline.analysis.criteria import mean_capped_attainment, units_met
from pipeline.analysis.evaluation import survey_waves
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.paths import default_inputs
from pipeline.present import text_figures
from pipeline.present.i18n import Messages
from pipeline.present.report import Report
from pipeline.project import load_project

VESTFOLD = "bosetting-vestfold"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The Norwegian example without its texts, for each test to write its own."""
    folder = tmp_path / "inputs" / VESTFOLD
    shutil.copytree(default_inputs() / VESTFOLD, folder, ignore=shutil.ignore_patterns("text"))
    return folder


def write(folder: Path, relative: str, text: str) -> None:
    path = folder / "text" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def problems_of(folder: Path) -> list:
    with pytest.raises(InputError) as caught:
        load_project(folder)
    return caught.value.problems


# --- Where each file goes ----------------------------------------------------------------------------------


def test_files_by_place_and_language(project):
    write(project, "introduction.md", "Bakgrunn.")
    write(project, "introduction.en.md", "Background.")
    write(project, "criteria/K1.md", "Vurdering.")
    write(project, "units/0701.md", "Horten.")
    write(project, "status/2016/conclusion.md", "Status.")
    narrative = load_project(project).narrative
    assert narrative.text("introduction", "nb").source == "Bakgrunn."
    assert narrative.text("introduction", "en").source == "Background."
    assert narrative.text("introduction", "da").source == "Bakgrunn."  # no Danish variant: the project's language
    assert narrative.text("criteria/K1", "nb").file == "text/criteria/K1.md"
    assert narrative.text("units/0701", "nb").source == "Horten."
    assert narrative.text("status/2016/conclusion", "nb").source == "Status."
    assert narrative.text("conclusion", "nb") is None  # the end report's conclusion is not the status's


def test_a_text_is_part_of_the_reports_inputs(project):
    write(project, "criteria/K1.md", "Vurdering.")
    write(project, "status/2016/criteria/K1.md", "Annen vurdering.")
    hashes = load_project(project).input_hashes()
    assert {"text/criteria/K1.md", "text/status/2016/criteria/K1.md"} <= set(hashes)
    assert hashes["text/criteria/K1.md"] != hashes["text/status/2016/criteria/K1.md"]


@pytest.mark.parametrize(
    "relative, expected",
    [
        ("intro.md", "a Markdown file named introduction.md, conclusion.md, lessons.md"),
        (
            "criteria/K9.md",
            "a file named <id>.md after a criterion of project.yaml, whose ids are K1, K2, K3, K4, K5, K6, K7",
        ),
        ("units/0799.md", "a file named <id>.md after a unit of project.yaml, whose ids are 0701"),
        ("status/2030/introduction.md", "a folder status/<period> named by a year or years of the project's 2015-2016"),
        ("introduction.txt", "a Markdown file named"),
        ("introduction.fr.md", "a Markdown file named"),
    ],
)
def test_a_file_no_report_uses(project, relative, expected):
    write(project, relative, "Tekst.")
    [problem] = problems_of(project)
    assert problem.file == f"text/{relative}" and expected in problem.expected
    assert problem.found == repr(relative)


def test_a_text_saved_in_the_windows_code_page(project):
    (project / "text").mkdir()
    (project / "text" / "introduction.md").write_bytes("Første linje.\nBosetting i Tønsberg.".encode("cp1252"))
    [problem] = problems_of(project)
    assert (problem.file, problem.row, problem.expected) == ("text/introduction.md", 1, "text saved as UTF-8")


def test_personal_identifiers_in_a_text_are_redacted(project):
    write(project, "conclusion.md", "Kontakt Kari på kari.nordmann@horten.kommune.no eller 412 34 567.")
    source = load_project(project).narrative.text("conclusion", "nb").source
    assert "kari.nordmann" not in source and "412 34 567" not in source and source.count("[…]") == 2


# --- Figures by name ------------------------------------------------------------------------------------


def test_an_unknown_figure_is_named_with_its_file_and_line(project):
    write(
        project,
        "introduction.md",
        "Første linje.\n\nMåloppnåelsen er {{K1.attainment}}, og {{K1.atainment}} er en skrivefeil.\n",
    )
    [problem] = problems_of(project)
    assert (problem.file, problem.row) == ("text/introduction.md", 3)
    assert problem.found.startswith("'{{K1.atainment}}'") and "did you mean K1.attainment" in problem.found
    assert "K1.{status, attainment, result, target, units_met, units}" in problem.expected  # the names that exist
    assert "survey.{respondents, wave}" in problem.expected and "on_time," in problem.expected


def test_an_expression_is_an_unknown_figure_never_evaluated(project):
    write(project, "criteria/K2.md", "Sju ganger sju er {{ 7*7 }}.\n")
    [problem] = problems_of(project)
    assert (problem.file, problem.row) == ("text/criteria/K2.md", 1) and problem.found.startswith("'{{ 7*7 }}'")
    assert "49" not in problem.found


def test_braces_of_other_shapes_stay_as_written(project):
    text = "{% for k in criteria %}{K1} {{{K1.status}}} { {K1.status} }{% endfor %}"
    write(project, "lessons.md", text)
    loaded = load_project(project)  # valid: `{{K1.status}}` inside is a name that exists
    report = Report(loaded, language="nb")
    filled = text_figures.fill(loaded.narrative.text("lessons", "nb").source, report)
    status = report.t(report.criteria[0].status.value).lower()
    assert filled == "{% for k in criteria %}{K1} {" + status + "} { {K1.status} }{% endfor %}"


def test_validate_lists_the_unknown_figure(project, capsys):
    write(project, "conclusion.md", "Alt i alt {{K9.status}}.")
    assert main(["--inputs", str(project.parent), "validate", VESTFOLD]) == 1
    assert "text/conclusion.md, row 1: expected a figure this project has" in capsys.readouterr().out


@pytest.fixture(scope="module", params=["nb", "da", "en"])
def report(request) -> Report:
    return Report(load_project(VESTFOLD), language=request.param)


def fill(report: Report, name: str) -> str:
    return text_figures.fill("{{ " + name + " }}", report)


def test_criterion_figures_are_the_reports_own(report):
    t = report.t
    for result in report.criteria:
        assert fill(report, f"{result.id}.status") == t(result.status.value).lower()
        if result.kind != "assessment":
            assert fill(report, f"{result.id}.attainment") == t.percent(result.attainment)
    ratio = next(r for r in report.criteria if r.kind == "ratio")
    met, judged = units_met(ratio)
    assert (fill(report, f"{ratio.id}.units_met"), fill(report, f"{ratio.id}.units")) == (
        t.number(met),
        t.number(judged),
    )
    assert met == (ratio.units["status"] == "met").sum() and 0 < met < judged
    assert fill(report, "criteria.mean_attainment") == t.percent(
        mean_capped_attainment([r.attainment for r in report.criteria])[0]
    )


def test_survey_and_milestone_figures_are_the_reports_own(report):
    t, codebook = report.t, report.spec.survey
    answers = report.responses()
    assert fill(report, "survey.respondents") == t.number(len(answers)) and len(answers) > 0
    assert fill(report, "survey.wave") == survey_waves(report.scope)[-1].label
    wave = survey_waves(report.scope)[-1].id
    likert = [i for i, spec in codebook.items.items() if spec.kind == "likert"]
    shown = [i for i in likert if report.shows(wave, i)]
    assert shown, "every question of the project withheld: the figure below would test nothing"
    for item in likert:  # the figure where the project's decision shows it, the words for withheld where it does not
        share = sv.positive_share(answers[item], codebook.scales[codebook.items[item].scale])
        expected = t.percent(share["positive_share"]) if item in shown else report.withheld_word(wave, item)
        assert fill(report, f"survey.{item}.share") == expected
    summary = ms.summarise(report.milestones)
    assert fill(report, "milestones.on_time") == t.number(summary["counts"][ms.Outcome.ON_TIME])
    assert fill(report, "milestones.done_share") == t.percent(summary["done_share"])
    assert fill(report, "as_of") == t.date(report.scope.as_of)


def test_figures_are_written_in_the_reports_language():
    project = load_project(VESTFOLD)
    shares = {
        language: fill(Report(project, language=language), "criteria.mean_attainment")
        for language in ("nb", "da", "en")
    }
    assert "," in shares["nb"] and "," in shares["da"] and "." in shares["en"]
    assert shares["nb"].endswith("\u00a0%") and shares["en"].endswith("%") and not shares["en"].endswith(" %")
    assert Messages("en").date(date(2016, 12, 31)) == fill(Report(project, language="en"), "as_of")


def test_a_unit_report_fills_in_the_units_figures():
    project = load_project(VESTFOLD)
    whole, unit = Report(project), Report(project, unit="0701")
    ratio = next(r for r in unit.criteria if r.kind == "ratio")
    assert fill(unit, f"{ratio.id}.attainment") == unit.t.percent(ratio.attainment)
    assert fill(unit, f"{ratio.id}.attainment") != fill(whole, f"{ratio.id}.attainment")


# --- What the report will not show as written ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, expected, found",
    [
        ("Tekst.\n\n<script>alert('x')</script>\n", 3, "Markdown without HTML", "<script>"),
        ("Tekst med <b>fet</b> skrift.", 1, "Markdown without HTML", "<b>"),
        ("Se [her](javascript:alert(1)) nå.", 1, "links to web pages", "javascript:alert(1)"),
        ("Se <javascript:alert(1)>.", 1, "links to web pages", "javascript:alert(1)"),
        (
            "Kart:\n\n![Kart over fylket](https://example.org/kart.png)",
            3,
            "no images in the text",
            "https://example.org/kart.png",
        ),
    ],
)
def test_validate_says_what_is_shown_otherwise_than_written(project, capsys, text, line, expected, found):
    write(project, "introduction.md", text)
    loaded = load_project(project)  # a notice, not a problem: the report is made, with the markup as text
    [notice] = loaded.notices
    assert (notice.file, notice.row) == ("text/introduction.md", line)
    assert expected in notice.expected and found in notice.found
    assert main(["--inputs", str(project.parent), "validate", VESTFOLD]) == 0
    assert f"text/introduction.md, row {line}: expected" in capsys.readouterr().out


def test_web_and_mail_links_are_no_notice(project):
    write(
        project,
        "introduction.md",
        (
            "Se [rapporten](https://www.regjeringen.no/) og <https://imdi.no>, eller skriv til "
            "[oss](mailto:post@example.no)."
        ),
    )
    assert load_project(project).notices == ()
