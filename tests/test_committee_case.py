"""The committee case: its parts in the agenda systems' order, written by the evaluator or made from the results; the
budget behind its economy; the decision recorded with `evalreport decide` and quoted by the next case."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis import budget as bg
from pipeline.cli import main
from pipeline.committees.decide import record_decision
from pipeline.errors import EvalreportError, InputError
from pipeline.present import case
from pipeline.present.report import Report
from pipeline.project import load_project

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "integrationsforum-viborg"
EXAMPLE = ROOT / "inputs" / PROJECT
COMMITTEE = "Beskæftigelses- og Integrationsudvalget"


@pytest.fixture
def viborg(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / PROJECT
    shutil.copytree(EXAMPLE, folder)
    return folder


def texts_of(section) -> list[str]:
    """Every text a section shows, in order, whatever block holds it."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for each in node:
                walk(each)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in ("kind", "role", "tone", "unit", "value", "anchor", "symbol", "source"):
                    walk(value)

    walk(section.model_dump(mode="json"))
    return found


def whole(section) -> str:
    return " ".join(texts_of(section))


def case_report(inputs: Path | None = None, language: str | None = None) -> Report:
    report = Report.open(PROJECT, period="2025-2026", as_of="2026-10-01", inputs=inputs, language=language)
    report.compare_with(None)
    report.for_committee(None)
    return report


# --- The budget ---------------------------------------------------------------------------------------------


def test_budget_amounts_are_read_as_danes_and_norwegians_write_them(viborg):
    (viborg / "budget.csv").write_text(
        "year;post;source;budget;spent;cofinancing\n"
        "2024;Koordinator;Kommunen;6.645.000;1 234 567,50;\n"
        "2025;Aktiviteter;Puljen;17645000;;17.645.000\n",
        encoding="utf-8",
    )
    budget = load_project(PROJECT, viborg.parent).budget
    assert list(budget["budget"]) == [6_645_000.0, 17_645_000.0]
    assert budget["spent"].iloc[0] == 1_234_567.5 and pd.isna(budget["spent"].iloc[1])  # not written is not 0
    assert pd.isna(budget["cofinancing"].iloc[0]) and budget["cofinancing"].iloc[1] == 17_645_000.0


def test_a_bad_budget_row_is_named_by_file_row_and_field(viborg):
    (viborg / "budget.csv").write_text(
        (
            "year,post,source,budget,spent,cofinancing\n"
            "2031,Koordinator,Kommunen,100.000,,\n"
            "2025,Aktiviteter,Puljen,10.000,,20.000\n"
            "2025,,Puljen,ti tusind,,\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        load_project(PROJECT, viborg.parent)
    problems = [str(problem) for problem in raised.value.problems]
    assert any("budget.csv, row 2, field 'year'" in p and "2024–2026" in p for p in problems)
    assert any("budget.csv, row 3, field 'cofinancing'" in p and "at most the amount budgeted" in p for p in problems)
    assert any("budget.csv, row 4, field 'post'" in p for p in problems)
    assert any("budget.csv, row 4, field 'budget'" in p and "'ti tusind'" in p for p in problems)


def test_totals_and_the_share_co_financed():
    table = pd.DataFrame(
        {
            "year": [2025, 2025, 2026],
            "post": ["a", "b", "c"],
            "source": ["", "", ""],
            "budget": [6_645_000.0, 11_000_000.0, 1_000.0],
            "spent": [float("nan")] * 3,
            "cofinancing": [6_645_000.0, float("nan"), float("nan")],
        }
    )
    totals = bg.totals(bg.in_years(table, 2025, 2025))
    assert totals.budget == 17_645_000.0 and totals.spent is None
    assert totals.share_cofinanced == pytest.approx(6_645_000 / 17_645_000)
    assert [year for year, _ in bg.by_year(table)] == [2025, 2026]


def test_the_economy_states_the_periods_budget_and_the_table_holds_numbers():
    report = case_report()
    section = case.economy_part(report)
    text = whole(section)
    assert (
        "1.950.000\u00a0kr." in text and "190.000\u00a0kr. (10\u00a0%)" in text
    )  # 2025 and 2026 of budget.csv; 65.000 + 125.000
    [table] = [block for block in section.blocks if block.kind == "table"]
    assert [row[0] for row in table.rows] == [table.rows[0][0], table.rows[1][0], "I alt"]
    assert table.rows[-1][1].value == 1_950_000.0 and table.rows[0][0].value == 2025


def test_without_a_budget_the_case_says_it_costs_nothing(viborg):
    spec = (viborg / "project.yaml").read_text(encoding="utf-8")
    (viborg / "project.yaml").write_text(spec.replace("  budget: budget.csv", "  # no budget"), encoding="utf-8")
    assert (
        whole(case.economy_part(case_report(viborg.parent)))
        == "Økonomi Indstillingen har ingen økonomiske konsekvenser."
    )


# --- The parts ----------------------------------------------------------------------------------------------


def test_the_written_proposal_is_three_numbered_at_clauses():
    section = case.proposal_section(case_report(), case.committee_of(case_report(), None))
    [clauses] = [block for block in section.blocks if block.kind == "list"]
    assert clauses.ordered and len(clauses.items) == 3
    assert all(" ".join(map(str, item)).startswith("at ") for item in clauses.items)
    assert section.title == "Indstilling"


def test_an_unwritten_proposal_takes_note_and_asks_for_a_decision_on_waiting_recommendations(viborg):
    (viborg / "text" / "status" / "2025-2026" / "proposal.md").unlink()
    report = case_report(viborg.parent)
    report.for_committee("Børne- og Ungdomsudvalget")  # A4 waits for this committee's decision
    [clauses] = [block for block in case.proposal_section(report, report.committee).blocks if block.kind == "list"]
    written = [" ".join(map(str, item)) for item in clauses.items]
    assert written[0] == "at udvalget tager den årlige status for Integrationsforum i Viborg Kommune til efterretning"
    assert written[1].startswith("at udvalget tager stilling til anbefaling A4: Foreningsguider")
    assert len(written) == 2


def test_the_norwegian_case_uses_the_norwegian_parts():
    report = case_report(language="nb")
    committee = report.committee
    titles = [
        case.proposal_section(report, committee).title,
        case.case_section(report, committee).title,
        case.economy_part(report).title,
        case.next_section(report, committee).title,
        case.attachments_section(report).title,
        case.decision_section(report, committee).title,
    ]
    assert titles == [
        "Forslag til vedtak",
        "Saksopplysninger",
        "Økonomiske konsekvenser",
        "Videre oppfølging",
        "Vedlegg",
        "Vedtak",
    ]


def test_the_case_quotes_last_years_decision_and_this_years_waits_for_the_meeting():
    report = case_report()
    story = whole(case.case_section(report, report.committee))
    assert "Ved sidste status besluttede udvalget den 4. november 2025: »Indstillingen blev godkendt." in story
    assert (
        whole(case.decision_section(report, report.committee))
        == "Beslutning Sagen behandles på udvalgets møde 13. oktober 2026."
    )
    facts = whole(case.heading_section(report, report.committee))
    assert "Sagsnr. 25/14872" in facts.replace("  ", " ") and "13. oktober 2026" in facts


def test_next_steps_without_a_text_list_what_is_planned_and_open(viborg):
    (viborg / "text" / "status" / "2025-2026" / "next.md").unlink()
    report = case_report(viborg.parent)
    text = whole(case.next_section(report, report.committee))
    assert "Forummøde november 2026" in text and "Planlægningsmøde for forummets arbejde i 2027" in text
    assert "A4 Foreningsguider" in text and "A1 " not in text  # A1 is carried out
    assert "Næste årlige status forelægges udvalget i oktober 2027." in text


def test_the_case_says_which_of_the_committees_statuses_it_is(viborg):
    """The schedule made a status on 1 October 2024, 2025 and 2026: this is the third, in the opening sentence, the
    attachment and the figure a text may name; a case made on another day is no numbered one."""
    (viborg / "text" / "status" / "2025-2026" / "case.md").unlink(missing_ok=True)
    (viborg / "text" / "status" / "2025-2026" / "next.md").write_text("Forummet mødes {{status.number}}. gang.\n")
    report = case_report(viborg.parent)
    assert "Udvalget får hermed den 3. årlige status for Integrationsforum i Viborg Kommune" in whole(
        case.case_section(report, report.committee)
    )
    attachment = whole(case.attachments_section(report))
    assert "Bilag 1: Årlig status nr. 3 for Integrationsforum i Viborg Kommune" in attachment
    assert "Forummet mødes 3. gang." in whole(case.next_section(report, report.committee))
    unscheduled = Report.open(PROJECT, period="2025-2026", as_of="2026-09-15", inputs=viborg.parent)
    unscheduled.compare_with(None)
    unscheduled.for_committee(None)
    assert "Udvalget får hermed den årlige status for" in whole(case.case_section(unscheduled, unscheduled.committee))


# --- The decision -------------------------------------------------------------------------------------------


def test_decide_records_the_decision_and_the_case_shows_it(viborg):
    code = main(
        [
            "--inputs",
            str(viborg.parent),
            "decide",
            PROJECT,
            "--period",
            "2025-2026",
            "--date",
            "2026-10-13",
            "--text",
            "Indstillingen blev godkendt.",
        ]
    )
    assert code == 0
    lines = (viborg / "decisions.csv").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == f"{COMMITTEE},2025-2026,2026-10-13,Indstillingen blev godkendt."
    report = Report.open(PROJECT, period="2025-2026", as_of="2026-12-01", inputs=viborg.parent)
    report.compare_with(None)
    report.for_committee(None)
    assert (
        whole(case.decision_section(report, report.committee))
        == "Beslutning 13. oktober 2026: Indstillingen blev godkendt."
    )


def test_a_second_decision_on_the_same_case_needs_replace(viborg, capsys):
    project = load_project(PROJECT, viborg.parent)
    with pytest.raises(EvalreportError, match="already records .* give --replace"):
        record_decision(project, "2024-2025", "Noget andet.", date(2025, 11, 5))
    record_decision(project, "2024-2025", "Udvalget tog status til efterretning.", date(2025, 11, 4), replace=True)
    decisions = load_project(PROJECT, viborg.parent).decisions
    assert list(decisions[decisions["period"] == "2024-2025"]["decision"]) == ["Udvalget tog status til efterretning."]
    assert (
        main(
            [
                "--inputs",
                str(viborg.parent),
                "decide",
                PROJECT,
                "--period",
                "2025",
                "--text",
                "x",
                "--committee",
                "Byrådet",
            ]
        )
        == 2
    )
    assert "--committee: expected one of the committees in project.yaml" in capsys.readouterr().err


def test_the_notebook_has_the_committee_parameter_and_no_outputs():
    notebook = json.loads((ROOT / "notebooks" / "committee_case.ipynb").read_text(encoding="utf-8"))
    [parameters] = [cell for cell in notebook["cells"] if "parameters" in cell["metadata"].get("tags", [])]
    assert "committee = None" in "".join(parameters["source"]) and "previous = None" in "".join(parameters["source"])
    assert not any(cell.get("outputs") for cell in notebook["cells"] if cell["cell_type"] == "code")


def test_the_case_starts_on_its_first_page_without_a_table_of_contents():
    from docx import Document as WordDocument

    from pipeline.present.document import Document
    from pipeline.render.cover import cover
    from pipeline.render.docx import to_docx
    from pipeline.render.html import page
    from pipeline.run.jobs import Job

    report = case_report()
    sections = [case.heading_section(report, report.committee), case.proposal_section(report, report.committee)]
    project = load_project(PROJECT)
    for kind, contents in (("committee_case", False), ("status_report", True)):
        made = Document(cover=cover(Job(PROJECT, kind, "2025-2026", "da"), project), sections=sections)
        assert made.cover.contents is contents
        assert ('class="toc"' in page(made)) is contents
        word = WordDocument(io.BytesIO(to_docx(made)))
        assert any(p.style.name == "TOC Heading" for p in word.paragraphs) is contents
        # The case's proposal is on its first page: no page break before it.
        breaks = sum('w:br w:type="page"' in p._p.xml.replace("'", '"') for p in word.paragraphs)
        assert (breaks == 0) is not contents
