"""Batch benchmark: N municipal reports the naive way, with `evalreport run`, as bare analysis, and a rerun.

    .venv/bin/python benchmarks/batch.py --units 100 [--jobs 2] [--sample 10]

Generates N synthetic municipalities spread over ten county projects (benchmarks/synthetic.py), one end report
per municipality, and measures in one run, on this machine:

  (1) naive loop: `papermill` CLI, `jupyter nbconvert --to html --no-input` CLI and `jupyter nbconvert --to
      evalreport-pdf` CLI, one report after another; on an evenly spread sample of --sample reports when N is larger,
      scaled per report;
  (2a) `evalreport run --all --per-unit --jobs 1` for all N reports (HTML, PDF, Word, results, Excel summary),
       pinned to one CPU as (1), (3) and the job steps are (on Linux), so that no thread of it uses a second core;
  (2b) the same with --jobs J (default: the number of cores);
  (3) bare analysis: each notebook's own code run as plain Python, no kernel, nothing rendered;
  (4) `evalreport run --jobs J` again after one input file of one of the projects changed;
and, on the sample, where a job's time goes: loading, execution, HTML, Word, PDF, and results/Excel/publishing, with
the fixed start of a run (planning, imports, kernels) as what (2a) spends beyond its jobs.

Prints seconds per report for each, the ratios (1)/(2a), (2a)/(3), (2a)/(2b) and (4)/(2b), and the peak resident
memory of the whole `evalreport run` process tree (workers and kernels included; shared pages count once per
process, so the figure errs high), with --tenfold also at 10 N and their ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from notebook_code import code_cells, run_cells  # noqa: E402
from synthetic import write_projects  # noqa: E402

from pipeline.paths import notebooks_dir  # noqa: E402
from pipeline.project import load_project  # noqa: E402
from pipeline.render import docx as render_docx  # noqa: E402
from pipeline.render import html as render_html  # noqa: E402
from pipeline.render import pdf as render_pdf  # noqa: E402
from pipeline.run import batch  # noqa: E402
from pipeline.run.jobs import Workspace, plan_jobs  # noqa: E402
from pipeline.run.kernel import ensure_kernel  # noqa: E402

BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "end_report.ipynb"


@dataclass
class Measured:
    label: str
    reports: int
    seconds: float
    note: str = ""

    @property
    def per_report(self) -> float:
        return self.seconds / self.reports


def every_report(inputs: Path) -> list[tuple[str, str]]:
    """(project, unit) for each municipality, in a stable order."""
    return [(p.name, u.id) for p in sorted(inputs.iterdir()) for u in load_project(p.name, inputs).spec.units]


def spread_sample(items: list, size: int) -> list:
    if len(items) <= size:
        return items
    step = len(items) / size
    return [items[int(i * step)] for i in range(size)]


def naive_loop(inputs: Path, reports: list[tuple[str, str]], folder: Path) -> float:
    """What an evaluator's shell script does: three commands per report, each a fresh process."""
    started = time.perf_counter()
    for project, unit in reports:
        stem = folder / f"{project}-{unit}"
        run(
            [
                BIN / "papermill",
                NOTEBOOK,
                f"{stem}.ipynb",
                "-p",
                "project",
                project,
                "-r",
                "unit",
                unit,
                "-p",
                "inputs",
                inputs,
                "-k",
                ensure_kernel(),
                "--cwd",
                NOTEBOOK.parent,
                "--no-progress-bar",
                "--log-level",
                "ERROR",
            ]
        )
        run(
            [
                BIN / "jupyter",
                "nbconvert",
                "--to",
                "html",
                "--no-input",
                f"{stem}.ipynb",
                "--output",
                f"{stem}.html",
                "--log-level",
                "ERROR",
            ]
        )
        run(
            [
                BIN / "jupyter",
                "nbconvert",
                "--to",
                "evalreport-pdf",
                f"{stem}.ipynb",
                "--output",
                f"{stem}.pdf",
                "--log-level",
                "ERROR",
            ]
        )
    return time.perf_counter() - started


def bare_analysis(inputs: Path, reports: list[tuple[str, str]]) -> float:
    """Each report's notebook code (its numbers, texts and charts) run in this process, no kernel, nothing rendered."""
    cells = code_cells(NOTEBOOK)
    with tempfile.TemporaryDirectory(prefix="evalreport-bare-") as nothing_published:

        def report(project: str, unit: str) -> None:
            run_cells(cells, project=project, unit=unit, inputs=str(inputs), reports=nothing_published)

        report(*reports[0])  # imports and font cache, once
        started = time.perf_counter()
        for project, unit in reports:
            report(project, unit)
        return time.perf_counter() - started


STEPS = ("load", "execute", "html", "docx", "pdf")


def job_steps(inputs: Path, sample: list[tuple[str, str]], reports: Path) -> dict[str, float]:
    """Seconds per report of each step of `evalreport run`'s jobs, one after another in this process (one core):
    the steps timed where `batch.run_job` calls them, and the rest — results, Excel, figures, publishing — as
    `publish`. The first job, which starts the kernel, is a warm-up and not counted. The PDF is drawn in a thread
    while the other formats are drawn (`render.render_each`): its seconds overlap theirs, and `publish` is what the
    job spends beyond the sum of the steps (never less than 0)."""
    workspace = Workspace(inputs, reports, notebooks_dir())
    spent = dict.fromkeys((*STEPS, "publish"), 0.0)

    def timed(step: str, function):
        def call(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[step] += time.perf_counter() - started

        return call

    originals = {
        "load": (batch, "load_project"),
        "execute": (batch.execute, "execute"),
        "html": (render_html, "to_html"),
        "docx": (render_docx, "to_docx"),
        "pdf": (render_pdf, "to_pdf"),
    }
    jobs = [
        plan_jobs(load_project(project, inputs), workspace, ["end_report"], unit=unit)[0]
        for project, unit in [sample[0], *sample]
    ]
    batch.run_job(jobs[0], workspace)  # warm-up: imports, kernel start, fonts
    saved = {step: getattr(owner, name) for step, (owner, name) in originals.items()}
    for step, (owner, name) in originals.items():
        setattr(owner, name, timed(step, saved[step]))
    try:
        total = 0.0
        for job in jobs[1:]:
            total += batch.run_job(job, workspace).seconds
    finally:
        for step, (owner, name) in originals.items():
            setattr(owner, name, saved[step])
    spent["publish"] = max(total - sum(spent[step] for step in STEPS), 0.0)
    return {step: seconds / len(sample) for step, seconds in spent.items()}


def evalreport_run(inputs: Path, reports: Path, jobs: int) -> tuple[float, int, int]:
    """Wall-clock seconds, peak resident bytes of the whole process tree, and reports made, of one `evalreport run`."""
    command = [
        BIN / "evalreport",
        "--inputs",
        inputs,
        "--reports",
        reports,
        "run",
        "--all",
        "--per-unit",
        "--jobs",
        str(jobs),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(c) for c in command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    peak = PeakMemory(process.pid)
    peak.start()
    output, errors = process.communicate()
    seconds = time.perf_counter() - started
    peak.stop()
    if process.returncode != 0:
        raise SystemExit(f"evalreport run failed ({process.returncode}):\n{output}\n{errors}")
    return seconds, peak.bytes, int(re.search(r"(\d+) made, 0 failed", output).group(1))


class PeakMemory(threading.Thread):
    """Samples the resident memory of a process and all its descendants four times a second."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.bytes = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.25):
            total = 0
            try:
                for process in [self.root, *self.root.children(recursive=True)]:
                    with contextlib.suppress(psutil.NoSuchProcess):
                        total += process.memory_info().rss
            except psutil.NoSuchProcess:
                return
            self.bytes = max(self.bytes, total)

    def stop(self) -> None:
        self.done.set()
        self.join()


def change_one_input(inputs: Path) -> Path:
    """A late answer arrives in one county's survey: the file every one of its reports reads changes."""
    survey = sorted(inputs.iterdir())[0] / "survey.csv"
    lines = survey.read_text(encoding="utf-8").splitlines()
    respondent = lines[1].split(",", 1)[1]
    survey.write_text("\n".join([*lines, f"late-1,{respondent}"]) + "\n", encoding="utf-8")
    return survey


@contextlib.contextmanager
def one_core():
    """This process, and every process it starts (workers, kernels, the PDF's compiler), on one CPU only: a thread
    drawing the PDF beside the other formats must not make (2a) a two-core figure against a one-core naive loop."""
    if not hasattr(os, "sched_setaffinity"):  # not Linux: the steps run as they are, and the note says so
        yield
        return
    every = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(every)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, every)


def run(command: list) -> None:
    subprocess.run([str(c) for c in command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, required=True, help="municipalities, one report each")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="evalreport's --jobs (default: the number of cores)"
    )
    parser.add_argument(
        "--sample", type=int, default=10, help="reports the naive loop makes when N is larger (default 10)"
    )
    parser.add_argument(
        "--projects", type=int, default=10, help="county projects the municipalities are spread over (default 10)"
    )
    parser.add_argument("--tenfold", action="store_true", help="also measure the peak memory of a run of 10 N reports")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="evalreport-bench-") as scratch:
        inputs, reports, naive = Path(scratch) / "inputs", Path(scratch) / "reports", Path(scratch) / "naive"
        naive.mkdir()
        projects = write_projects(inputs, args.units, args.projects)
        everything = every_report(inputs)
        sample = spread_sample(everything, args.sample)
        print(
            f"{len(everything)} reports in {len(projects)} projects; {args.jobs} job(s) at once; {os.cpu_count()} cores"
        )

        with one_core():
            one_seconds, one_peak, _ = evalreport_run(inputs, reports / "one-core", 1)
        one = Measured("(2a) evalreport run --jobs 1", len(everything), one_seconds, "pinned to one core")
        if args.jobs == 1:  # (2b) would be (2a) again without the pin: measured once
            full, peak_bytes, parallel = (
                Measured("(2b) evalreport run --jobs 1", len(everything), one_seconds, "= (2a)"),
                one_peak,
                reports / "one-core",
            )
        else:
            parallel = reports / "parallel"
            full_seconds, peak_bytes, _ = evalreport_run(inputs, parallel, args.jobs)
            full = Measured(f"(2b) evalreport run --jobs {args.jobs}", len(everything), full_seconds)
        with one_core():
            loop = Measured(
                "(1) naive loop",
                len(sample),
                naive_loop(inputs, sample, naive),
                f"sample of {len(sample)}, scaled per report" if len(sample) < len(everything) else "every report",
            )
            bare = Measured("(3) bare analysis", len(everything), bare_analysis(inputs, everything))
            steps = job_steps(inputs, sample, Path(scratch) / "steps")
        changed = change_one_input(inputs)
        rerun_seconds, _, remade = evalreport_run(inputs, parallel, args.jobs)
        rerun = Measured(
            "(4) rerun, one input changed",
            len(everything),
            rerun_seconds,
            f"{changed.parent.name}/{changed.name}: {remade} of {len(everything)} reports remade",
        )
        tenfold_bytes = None
        if args.tenfold:
            write_projects(Path(scratch) / "tenfold", 10 * args.units, args.projects)
            _, tenfold_bytes, _ = evalreport_run(Path(scratch) / "tenfold", reports / "tenfold", args.jobs)

    print(f"\n{'':34} {'seconds':>9} {'per report':>11}")
    for m in (loop, one, full, bare, rerun):
        print(f"{m.label:34} {m.per_report * m.reports:9.1f} {m.per_report:11.2f}  {m.note}")
    steps["fixed start"] = max(one.per_report - sum(steps.values()), 0.0)
    print(f"\nseconds per report on one core (sample of {len(sample)}; fixed start: what (2a) spends beyond its jobs):")
    print("  " + "   ".join(f"{step} {seconds:.2f}" for step, seconds in steps.items()))
    ratios = {
        "naive/evalreport": loop.per_report / one.per_report,
        "evalreport/bare": one.per_report / bare.per_report,
        "speed-up": one.seconds / full.seconds,
        "rerun/full": rerun.seconds / full.seconds,
        "peak_gb": peak_bytes / 1e9,
        **{f"step_{step}": seconds for step, seconds in steps.items()},
    }
    print(f"\n(1)/(2a) naive ÷ evalreport, one core   {ratios['naive/evalreport']:6.1f}   target ≥ 15")
    print(f"(2a)/(3) evalreport ÷ bare, one core    {ratios['evalreport/bare']:6.1f}   target ≤ 1.5")
    print(f"(2a)/(2b) --jobs {args.jobs} speed-up              {ratios['speed-up']:6.2f}   target ≥ 1.7")
    print(f"(4)/(2b) rerun ÷ full run               {ratios['rerun/full']:6.1%}   target ≤ 10 %")
    print(f"peak resident memory of `evalreport run` (all processes): {ratios['peak_gb']:.2f} GB   target < 2 GB")
    if tenfold_bytes is not None:
        ratios["memory_tenfold"] = tenfold_bytes / peak_bytes
        print(
            f"peak at 10 N: {tenfold_bytes / 1e9:.2f} GB; memory(10 N) ÷ memory(N) "
            f"{ratios['memory_tenfold']:.2f}   target ≤ 1.2"
        )
    return ratios


if __name__ == "__main__":
    main()
