"""Where the time of one report goes: bare analysis in plain Python against each step of a real job.

    .venv/bin/python benchmarks/report_time.py [--repeat 3] [--project ID ...]

Measured in one run, on this machine: (1) the analysis and its charts: the notebook's own code run in-process as
plain Python; (2) papermill executing the notebook in a fresh kernel; (3) the HTML page;
(4) Typst to PDF, each drawn from the document read once from the executed notebook. Prints seconds per step (median of
--repeat runs) and the ratio job / analysis.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from notebook_code import code_cells, run_cells  # noqa: E402

from pipeline import render  # noqa: E402
from pipeline.paths import notebooks_dir  # noqa: E402
from pipeline.project import list_projects, load_project  # noqa: E402
from pipeline.render import html, pdf  # noqa: E402
from pipeline.render.cover import cover  # noqa: E402
from pipeline.run import execute  # noqa: E402
from pipeline.run.jobs import Workspace, plan_jobs  # noqa: E402


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bare_analysis(project_id: str, reports: Path) -> None:
    run_cells(code_cells(notebooks_dir() / "end_report.ipynb"), project=project_id, reports=str(reports))


def measure(project_id: str, repeat: int, reports: Path) -> dict[str, float]:
    workspace = Workspace.default(reports=reports)
    project = load_project(project_id)
    job = plan_jobs(project, workspace, ["end_report"])[0]
    bare_analysis(project_id, reports)  # imports and font cache warmed once, as in a long-running worker
    analysis = median_seconds(lambda: bare_analysis(project_id, reports), repeat)
    notebook = execute.execute(job, workspace)
    steps = {"analysis": analysis, "execute": median_seconds(lambda: execute.execute(job, workspace), repeat)}
    document = render.document_of(notebook, cover(job, project))
    steps["html"] = median_seconds(lambda: html.to_html(render.document_of(notebook, cover(job, project))), repeat)
    pdf.to_pdf(document)  # the template and fonts loaded once, as in a long-running worker
    steps["pdf"] = median_seconds(lambda: pdf.to_pdf(document), repeat)
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--project", action="append", help="default: every bundled example")
    args = parser.parse_args()
    print(f"{'project':28} {'analysis':>9} {'execute':>9} {'html':>7} {'pdf':>7} {'job':>7} {'job/analysis':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for project_id in args.project or list_projects():
            steps = measure(project_id, args.repeat, Path(folder))
            job = steps["execute"] + steps["html"] + steps["pdf"]
            print(
                f"{project_id:28} {steps['analysis']:9.2f} {steps['execute']:9.2f} {steps['html']:7.2f} "
                f"{steps['pdf']:7.2f} "
                f"{job:7.2f} {job / steps['analysis']:13.1f}"
            )
    print("seconds per report, median of", args.repeat, "runs")


if __name__ == "__main__":
    main()
