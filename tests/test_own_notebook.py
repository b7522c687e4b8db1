"""The evaluator's own notebook as a section of the end report (`sections:` in project.yaml): run with the report's
parameters, its Markdown and outputs drawn as the report's blocks, code and removed cells left out, a failing cell
named, its file in the job key; the Danish housing plan (inputs/helhedsplan-norrevang) carries one."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pipeline.cli import main
from pipeline.errors import EvalreportError, InputError
from pipeline.paths import default_inputs
from pipeline.present import document as doc
from pipeline.present.notebook import notebook_section
from pipeline.present.report import Report
from pipeline.project import load_project

NORREVANG = "helhedsplan-norrevang"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / NORREVANG
    shutil.copytree(default_inputs() / NORREVANG, folder)
    return folder


def write_notebook(folder: Path, *cells) -> None:
    nbformat.write(new_notebook(cells=list(cells)), folder / "analysis" / "udvikling.ipynb")


def section_of(folder: Path, **report) -> doc.Section:
    loaded = Report(load_project(folder), **report)
    return notebook_section(loaded, loaded.spec.sections[0], 0)


def test_the_examples_notebook_becomes_a_section():
    report = Report(load_project(NORREVANG))
    section = notebook_section(report, report.spec.sections[0], 0)
    assert section.title == "Udviklingen år for år"
    kinds = [type(block).__name__ for block in section.blocks]
    assert kinds == [
        "Paragraph",
        "Table",
        "Figure",
        "Paragraph",
    ]  # the removed Markdown cell and every code cell left out
    table, figure, sentence = section.blocks[1], section.blocks[2], section.blocks[3]
    assert table.caption.text == "Helhedsplanens indikatorer år for år"  # from the cell tag `caption: …`
    assert table.header == ["Indikator", "2022", "2023", "2024", "2025"] and table.numeric == [1, 2, 3, 4]
    first = table.rows[0]
    assert [first[0], *(cell.text for cell in first[1:])] == [
        "Andel 16–30-årige beboere i uddannelse eller job",
        "62,8",
        "64,1",
        "66,9",
        "68,4",
    ]
    assert [cell.value for cell in first[1:]] == [62.8, 64.1, 66.9, 68.4]  # the figures themselves, for the exports
    assert table.rows[3][-1] == "–"  # no figure for 2025: no data, not 0
    assert figure.alt.startswith("Linjediagram: andelen af unge")  # from the cell tag `alt: …`
    assert figure.caption.text == "Uddannelse og job og tryghed i Nørrevang 2022–2025"  # the chart's own title
    assert figure.svg.startswith("<?xml") and "<svg" in figure.svg
    assert sentence.runs == [
        "Andelen af unge i uddannelse eller job steg med 5,6 procentpoint fra 2022 til 2025. "
        "Fremgangen var størst i 2024, da fritidsjobindsatsen og uddannelsesvejledningen var fuldt i gang."
    ]


def test_the_reports_parameters_are_put_after_the_parameters_cell(project):
    write_notebook(
        project,
        new_code_cell('project = "x"\nunit = "y"\nlanguage = "nb"', metadata={"tags": ["parameters"]}),
        new_code_cell(
            'from IPython.display import Markdown\ndisplay(Markdown(f"{project} {unit} {period} {language}"))'
        ),
    )
    section = section_of(project, period="2024", language="en")
    assert section.blocks[0].runs == ["helhedsplan-norrevang None 2024 en"]


def test_a_frame_shown_with_display_and_one_too_long(project):
    write_notebook(
        project,
        new_code_cell(
            "import pandas as pd\nfrom IPython.display import display\ndisplay(pd.DataFrame({'år': ['2024', "
            "'2025'], 'antal': [1234, 5]}))"
        ),
        new_code_cell("pd.DataFrame({'n': range(500)})"),
    )
    small, long = section_of(project).blocks
    shown = [[cell if isinstance(cell, str) else cell.text for cell in row] for row in small.rows]
    assert small.header == ["år", "antal"] and shown == [["2024", "1.234"], ["2025", "5"]] and small.numeric == [1]
    assert [row[1].value for row in small.rows] == [1234, 5]
    assert len(long.rows) == 200 and long.caption.text == "n (200/500)"


def test_a_chart_without_alt_text_or_title_is_said_and_gets_the_sections(project, capsys):
    write_notebook(project, new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4])"))
    [notice] = load_project(project).notices
    assert notice.file == "analysis/udvikling.ipynb" and "cell 1" in notice.found and "alt: …" in notice.expected
    [figure] = section_of(project).blocks
    assert figure.alt == "Udviklingen år for år"
    assert "neither an 'alt: …' tag nor a title" in capsys.readouterr().err


def test_a_failing_cell_is_named(project):
    write_notebook(project, new_markdown_cell("Tekst"), new_code_cell("x = 1"), new_code_cell("1 / 0"))
    with pytest.raises(
        EvalreportError, match=r"analysis/udvikling\.ipynb, cell 3: ZeroDivisionError: division by zero"
    ):
        section_of(project)


def test_a_notebook_that_is_not_one_is_a_problem(project):
    (project / "analysis" / "udvikling.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_project(project)
    [problem] = caught.value.problems
    assert problem.file == "analysis/udvikling.ipynb" and "a Jupyter notebook" in problem.expected


def test_a_missing_notebook_or_one_outside_the_folder(project):
    text = (project / "project.yaml").read_text(encoding="utf-8")
    (project / "project.yaml").write_text(
        text.replace("analysis/udvikling.ipynb", "../udvikling.ipynb"), encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_project(project)
    assert [(p.field, "'..'" in p.expected) for p in caught.value.problems] == [("sections.0.notebook", True)]


def test_the_notebook_is_in_the_job_key(project):
    before = load_project(project).input_digest()
    assert "analysis/udvikling.ipynb" in load_project(project).input_hashes()
    notebook = nbformat.read(project / "analysis" / "udvikling.ipynb", as_version=4)
    notebook.cells.append(new_markdown_cell("Endnu en bemærkning."))
    nbformat.write(notebook, project / "analysis" / "udvikling.ipynb")
    assert load_project(project).input_digest() != before


def run(inputs: Path, reports: Path, capsys) -> tuple[int, str]:
    """`evalreport run` of Nørrevang (its end report, HTML and PDF): the exit code and what it printed."""
    code = main(["--inputs", str(inputs), "--reports", str(reports), "run", NORREVANG, "--format", "html,pdf"])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def test_in_the_report_after_the_criteria_and_a_failing_cell_fails_the_job(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    shutil.copytree(default_inputs() / NORREVANG, inputs / NORREVANG)
    code, printed = run(inputs, tmp_path / "reports", capsys)
    assert code == 0, printed
    html = (tmp_path / "reports" / NORREVANG / "2022-2025" / "end_report.html").read_text(encoding="utf-8")
    titles = [unescape(t) for t in re.findall(r"<h2[^>]*>([^<]*)</h2>", html)]
    assert titles[titles.index("Succeskriterier") + 1] == "Udviklingen år for år"
    assert "boligomraade" not in html and "load_project" not in html  # no code
    assert re.search(r"<caption>Tabel \d+: Helhedsplanens indikatorer år for år</caption>", html)
    from pypdf import PdfReader

    text = " ".join(
        page.extract_text()
        for page in PdfReader(tmp_path / "reports" / NORREVANG / "2022-2025" / "end_report.pdf").pages
    )
    assert "Udviklingen år for år" in text and "Helhedsplanens indikatorer år for år" in text

    notebook = nbformat.read(inputs / NORREVANG / "analysis" / "udvikling.ipynb", as_version=4)
    notebook.cells[4].source = "indikatorer.loc['findes ikke']"
    nbformat.write(notebook, inputs / NORREVANG / "analysis" / "udvikling.ipynb")
    code, printed = run(inputs, tmp_path / "reports", capsys)
    assert code != 0
    assert "analysis/udvikling.ipynb, cell 5: KeyError" in printed
    assert "Udviklingen år for år" in (tmp_path / "reports" / NORREVANG / "2022-2025" / "end_report.html").read_text(
        encoding="utf-8"
    )  # the last good report stays


# --- Every text of the section is redacted, whatever made it --------------------------------------------------------

IDENTIFIERS = ("ole@kommune.dk", "ole&#64;kommune.dk", "86 12 34 56", "010180-1234", "kari\\@kommune.no")


def every_text(section: doc.Section) -> str:
    """Every text field of a section, as the renderers will get them (the chart's SVG included)."""
    return section.model_dump_json()


def test_markdown_cells_and_displayed_markdown_are_redacted(project):
    write_notebook(
        project,
        new_markdown_cell(
            "# Kontakt ole@kommune.dk\n\nSkriv til ole&#64;kommune.dk, ring 86&nbsp;12&nbsp;34&nbsp;56 "
            "eller [mail](mailto:per%40kommune.dk)."
        ),
        new_code_cell(
            "from IPython.display import Markdown\ndisplay(Markdown('CPR 010180&#45;1234 og kari\\\\@kommune.no'))"
        ),
        new_code_cell("Markdown('Ring 86 12 **34 56**')"),
    )
    section = section_of(project)
    dumped = every_text(section)
    for identifier in (*IDENTIFIERS, "per%40kommune", "mailto", "34 56"):
        assert identifier not in dumped, identifier
    assert section.blocks[0] == doc.heading("Kontakt […]")
    assert section.blocks[1].runs == ["Skriv til […], ring […] eller mail."]  # the link's words, not its address
    assert section.blocks[2].runs == ["CPR […] og […]"]
    assert section.blocks[3].runs == ["Ring […]"]


def test_a_frames_cells_columns_caption_and_a_charts_words_are_redacted(project):
    write_notebook(
        project,
        new_code_cell(
            "import pandas as pd\n"
            "frame = pd.DataFrame({'Kontakt ole@kommune.dk': ['Ole 86 12 34 56', 'Kari'],\n"
            "                      'CPR': ['010180-1234', '-']})\n"
            "frame.attrs['title'] = 'Kontakter, ring 86123456'\n"
            "frame",
        ),
        new_code_cell(
            "import matplotlib.pyplot as plt\n"
            "figure, axes = plt.subplots()\n"
            "axes.bar(['Ole 86 12 34 56', 'Kari 010180-1234'], [3, 4], label='ole@kommune.dk')\n"
            "axes.set_title('Opkald til 86 12 34 56')\naxes.set_ylabel('kari(@)kommune.no')\naxes.legend()",
            metadata={"tags": ["alt: Søjler for ole@kommune.dk"]},
        ),
    )
    table, figure = section_of(project).blocks
    assert table.header == ["Kontakt […]", "CPR"] and table.rows == [["Ole […]", "[…]"], ["Kari", "-"]]
    assert table.caption.text == "Kontakter, ring […]"
    assert figure.alt == "Søjler for […]" and figure.caption.text == "Opkald til […]"
    for identifier in ("86 12 34 56", "010180-1234", "ole@kommune.dk", "kari(@)kommune.no"):
        assert identifier not in figure.svg, identifier
    assert "Ole […]" in figure.svg and "Kari […]" in figure.svg  # the tick labels, made as the chart is drawn
