"""A worker's kept kernel: reports made in it equal those of a fresh kernel; nothing of one notebook reaches the next;
a notebook that fails or runs out of time takes its kernel with it."""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from pipeline import render
from pipeline.errors import JobFailed
from pipeline.paths import default_inputs, notebooks_dir
from pipeline.project import load_project
from pipeline.render.cover import cover
from pipeline.render.html import to_html
from pipeline.run import execute, warm
from pipeline.run.files import ReportFiles
from pipeline.run.jobs import Job, Workspace, plan_jobs

MADE = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HORTEN = Job("bosetting-vestfold", "end_report", "2015-2016", "nb", "0701")
LARVIK = Job("bosetting-vestfold", "end_report", "2015-2016", "nb", "0709")


def html_of(job: Job, workspace: Workspace, warm_kernel: bool) -> str:
    project = load_project(job.project, workspace.inputs)
    notebook = execute.execute(job, workspace, warm_kernel=warm_kernel, own_code=bool(project.spec.sections))
    return to_html(render.document_of(notebook, cover(job, project, MADE))).decode()


def test_a_report_from_a_reused_kernel_equals_one_from_a_fresh_kernel(tmp_path):
    workspace = Workspace(default_inputs(), tmp_path / "reports", notebooks_dir())
    fresh = html_of(HORTEN, workspace, warm_kernel=False)
    html_of(LARVIK, workspace, warm_kernel=True)  # another municipality first, in the same kernel
    reused = html_of(HORTEN, workspace, warm_kernel=True)
    assert reused == fresh
    executed = nbformat.read(ReportFiles.of(HORTEN, workspace.reports).audit(), as_version=4)
    assert [c.execution_count for c in executed.cells if c.cell_type == "code"][0] == 1


def small_notebooks(folder: Path, **sources: str) -> Workspace:
    """A notebooks folder of one-cell notebooks, one per keyword, each run as a job of the bundled example."""
    folder.mkdir()
    for name, source in sources.items():
        nbformat.write(
            new_notebook(
                cells=[new_code_cell(source)],
                metadata={"kernelspec": {"name": "evalreport", "language": "python", "display_name": "evalreport"}},
            ),
            folder / f"{name}.ipynb",
        )
    return Workspace(default_inputs(), folder.parent / "reports", folder)


def job(report: str) -> Job:
    return Job("bosetting-vestfold", report, "2015-2016", "nb")


def printed(job: Job, workspace: Workspace, timeout: int = 60) -> str:
    """What the notebook printed; each notebook's cells are numbered from 1, as in a fresh kernel."""
    notebook = execute.execute(job, workspace, timeout, warm_kernel=True)
    assert [cell.execution_count for cell in notebook.cells] == list(range(1, len(notebook.cells) + 1))
    return "".join(o.get("text", "") for cell in notebook.cells for o in cell.outputs)


@pytest.fixture
def notebooks(tmp_path) -> Workspace:
    return small_notebooks(
        tmp_path / "notebooks",
        leave_mess=(
            "import os, matplotlib.pyplot as plt\nleft_behind = 42\nplt.figure()\nos.chdir('/')\nprint(os.getpid())"
        ),
        look_around=(
            "import os, matplotlib.pyplot as plt\n"
            "print(os.getpid(), 'left_behind' in globals(), len(plt.get_fignums()), os.getcwd())"
        ),
        fail="raise RuntimeError('half a file')",
        hang="import time\ntime.sleep(60)",
    )


def test_nothing_of_one_notebook_reaches_the_next(notebooks):
    first_pid = printed(job("leave_mess"), notebooks).split()[0]
    pid, variable, figures, cwd = printed(job("look_around"), notebooks).split()
    assert pid == first_pid, "the same kernel ran both notebooks"
    assert (variable, figures, cwd) == ("False", "0", str(notebooks.notebooks))


@pytest.mark.parametrize("trouble", ["fail", "hang"])
def test_a_failed_or_timed_out_notebook_gets_the_next_job_a_fresh_kernel(notebooks, trouble):
    before = int(printed(job("look_around"), notebooks).split()[0])
    with pytest.raises(JobFailed):
        execute.execute(job(trouble), notebooks, timeout=2, warm_kernel=True)
    after = int(printed(job("look_around"), notebooks).split()[0])
    assert after != before
    with pytest.raises(ProcessLookupError):
        os.kill(before, 0)  # the old kernel is gone, not left running beside the new one


def test_a_kernel_that_ran_a_projects_own_code_serves_no_other_project(notebooks):
    def pid(project: str, own_code: bool) -> str:
        job = Job(project, "look_around", "2015-2016", "nb")
        notebook = execute.execute(job, notebooks, warm_kernel=True, own_code=own_code)
        return notebook.cells[-1].outputs[0]["text"].split()[0]

    warm.discard_kernel()  # one that earlier tests' notebooks made a project's own
    first = pid("bosetting-vestfold", own_code=False)
    assert pid("integrationsforum-viborg", own_code=True) == first  # evalreport's notebooks only: any project's
    assert pid("integrationsforum-viborg", own_code=False) == first
    assert pid("bosetting-vestfold", own_code=False) != first  # Viborg's own code ran in it: Viborg's alone


def test_a_kernel_is_replaced_after_its_share_of_jobs(notebooks, monkeypatch):
    before = printed(job("look_around"), notebooks).split()[0]
    monkeypatch.setattr(warm, "JOBS_PER_KERNEL", warm.kernel_for_this_worker().jobs)
    assert printed(job("look_around"), notebooks).split()[0] != before


def test_kernels_start_without_the_smtp_settings_or_other_secrets(tmp_path, monkeypatch):
    from pipeline.run import kernel

    monkeypatch.setattr(kernel, "_withheld", {})  # what this test's settings leave behind goes with it
    monkeypatch.setenv("EVALREPORT_SMTP_PASSWORD", "hunter2")
    monkeypatch.setenv("EVALREPORT_SMTP_USER", "robot@viborg.example")
    monkeypatch.setenv("DEPLOY_API_TOKEN", "abc123")
    monkeypatch.setenv("MYSQL_PWD", "abc123")
    monkeypatch.setenv("DATABASE_URL", "postgres://evalreport:abc123@db/x")
    monkeypatch.setenv("EVALREPORT_LOOKED_AT", "yes")
    space = small_notebooks(tmp_path / "notebooks", environment="import os\nprint(' '.join(sorted(os.environ)))")
    warm.discard_kernel()  # a kept kernel started before these were set would not show them anyway
    for warm_kernel in (True, False):
        notebook = execute.execute(job("environment"), space, warm_kernel=warm_kernel)
        names = set(notebook.cells[-1].outputs[0]["text"].split())
        assert {"EVALREPORT_LOOKED_AT", "PATH"} <= names, warm_kernel
        hidden = {"EVALREPORT_SMTP_PASSWORD", "EVALREPORT_SMTP_USER", "DEPLOY_API_TOKEN", "MYSQL_PWD", "DATABASE_URL"}
        assert not names & hidden, warm_kernel


def test_a_kept_kernel_started_under_other_evalreport_settings_serves_no_later_notebook(tmp_path, monkeypatch):
    """A notebook left to its defaults reads the inputs folder from the kernel's environment, which is the one the
    kernel started with: after the process's settings change, the next notebook gets a kernel that has them."""
    space = small_notebooks(tmp_path / "notebooks", inputs="import os\nprint(os.environ.get('EVALREPORT_INPUTS'))")
    printed = lambda: execute.execute(job("inputs"), space, warm_kernel=True).cells[-1].outputs[0]["text"].strip()  # noqa: E731
    monkeypatch.setenv("EVALREPORT_INPUTS", str(tmp_path / "this year"))
    assert printed() == str(tmp_path / "this year")
    monkeypatch.setenv("EVALREPORT_INPUTS", str(tmp_path / "next year"))
    assert printed() == str(tmp_path / "next year")


# --- one project's code cannot change another project's report --------------------------------------------------

# An evaluator's section that shows every group, and every share as 100 %, in whatever reports the kernel runs next.
PATCH = (
    "from pipeline.analysis.suppression import Suppression\nSuppression.shows = lambda self, *args, **kwargs: True\n"
    "from pipeline.present.i18n import Messages\nMessages.percent = lambda self, value, digits=1: '100 %'\n"
)


def test_the_library_check_names_a_patched_method_and_a_rebound_constant(monkeypatch):
    from pipeline.analysis import suppression
    from pipeline.run import library

    library.remember()
    assert library.changed() == []
    monkeypatch.setattr(suppression.Suppression, "shows", lambda self, *args, **kwargs: True)
    assert library.changed() == ["pipeline.analysis.suppression.Suppression.shows"]
    monkeypatch.undo()
    assert library.changed() == []


@pytest.fixture
def patching_project(tmp_path) -> Workspace:
    """Nørrevang, whose own section patches the suppression rule, and Viborg, in one inputs folder."""
    inputs = tmp_path / "inputs"
    for name in ("helhedsplan-norrevang", "integrationsforum-viborg"):
        shutil.copytree(default_inputs() / name, inputs / name)
    section = inputs / "helhedsplan-norrevang" / "analysis" / "udvikling.ipynb"
    notebook = nbformat.read(section, as_version=4)
    notebook.cells.append(new_code_cell(PATCH))
    nbformat.write(notebook, section)
    return Workspace(inputs, tmp_path / "reports", notebooks_dir())


def planned(workspace: Workspace, project: str, report: str = "end_report") -> Job:
    [job] = plan_jobs(load_project(project, workspace.inputs), workspace, [report])
    return job


def test_a_section_that_patches_the_library_changes_no_later_report_in_the_kept_kernel(patching_project, monkeypatch):
    space = patching_project
    viborg = planned(space, "integrationsforum-viborg", "survey_feedback")
    norrevang = planned(space, "helhedsplan-norrevang")
    survey = planned(space, "helhedsplan-norrevang", "survey_feedback")
    # Before any patch: the reports a kept kernel makes, which equal a fresh kernel's (tested above).
    fresh = {job: html_of(job, space, warm_kernel=True) for job in (viborg, survey)}

    html_of(norrevang, space, warm_kernel=True)
    assert html_of(viborg, space, warm_kernel=True) == fresh[viborg]  # another project: another kernel
    html_of(norrevang, space, warm_kernel=True)
    assert html_of(survey, space, warm_kernel=True) == fresh[survey]  # one project: the patch found, the kernel new

    # Without those two guards, the patch would have reached the other project's report.
    monkeypatch.setattr(warm.WarmKernel, "serves", lambda self, project: self.usable)
    unchecked = lambda self, cwd: warm.WarmKernel._run_cells(self, warm.RESET.format(cwd=cwd)) or True  # noqa: E731
    monkeypatch.setattr(warm.WarmKernel, "reset", unchecked)
    html_of(norrevang, space, warm_kernel=True)
    assert html_of(viborg, space, warm_kernel=True) != fresh[viborg]
