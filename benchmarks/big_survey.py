"""A survey of N respondents (default 1,000,000, within every documented input limit) through one report.

Builds a copy of the Vestfold example whose survey.csv holds N respondents across its ten municipalities, two
groups and two waves, with a comment from every tenth, and times each step in one run: validating the project,
then `evalreport run --report survey_feedback` (HTML and PDF). It prints wall time, the peak resident memory of
the whole process tree, the size of the published files and how many comments were quoted, so that the bounds
stated in docs/inputs.md can be checked:

    .venv/bin/python benchmarks/big_survey.py                    # 1,000,000 respondents
    .venv/bin/python benchmarks/big_survey.py --respondents 100000
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "bosetting-vestfold"
EVALREPORT = Path(sys.executable).parent / "evalreport"
ITEMS = ("kompetanse", "bevissthet", "eierskap", "samarbeid", "informasjon", "erfaring")
LABELS = ("Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig", "Vet ikke")
UNITS = ("0701", "0702", "0704", "0706", "0709", "0711", "0713", "0716", "0722", "0723")


def write_project(folder: Path, respondents: int) -> Path:
    project = folder / "inputs" / "stor"
    shutil.copytree(EXAMPLE, project)
    spec = (project / "project.yaml").read_text(encoding="utf-8")
    spec = spec.replace(
        'waves: [{id: "2016", label: Høsten 2016, year: 2016}]',
        'waves: [{id: "2015", label: Høsten 2015, year: 2015}, {id: "2016", label: Høsten 2016, year: 2016}]',
    )
    spec = re.sub(r"  invited: .*\n", "", spec)
    (project / "project.yaml").write_text(spec, encoding="utf-8")
    generator = random.Random(1)
    with open(project / "survey.csv", "w", encoding="utf-8") as out:
        out.write("respondent_id,wave,group,unit," + ",".join(ITEMS) + ",kommentar\n")
        for i in range(respondents):
            wave = "2015" if i % 3 == 0 else "2016"
            group = "partner" if i % 7 == 0 else "kommune"
            answers = ",".join(generator.choices(LABELS, weights=(4, 8, 14, 38, 30, 6), k=len(ITEMS)))
            comment = f"Kommentar nummer {i} om samarbeidet" if i % 10 == 0 else ""
            out.write(f"r{i},{wave},{group},{UNITS[i % len(UNITS)]},{answers},{comment}\n")
    return project


def measured(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident memory of the process tree (GB, sampled 4× a second) and the exit code."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    done.set()
    sampler.join()
    if process.returncode:
        print(errors.decode(errors="replace")[-2000:], file=sys.stderr)
    return time.perf_counter() - started, peak / 1e9, process.returncode


def _load() -> str:
    return ", ".join(f"{load:.1f}" for load in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        started = time.perf_counter()
        project = write_project(folder, args.respondents)
        size = (project / "survey.csv").stat().st_size
        print(
            f"survey.csv: {args.respondents:,} respondents, {size / 1e6:.0f} MB, written in "
            f"{time.perf_counter() - started:.1f} s"
        )
        common = [str(EVALREPORT), "--inputs", str(folder / "inputs"), "--reports", str(folder / "reports")]
        steps = {
            "validate": [*common, "validate", "stor"],
            "run survey_feedback (html, pdf)": [
                *common,
                "run",
                "stor",
                "--report",
                "survey_feedback",
                "--timeout",
                "3600",
            ],
        }
        failed = False
        print(f"load average (1, 5, 15 min) before: {_load()}; {os.cpu_count()} cores")
        print(f"{'step':34} {'seconds':>8} {'peak GB':>8}")
        for label, command in steps.items():
            seconds, peak, code = measured(command)
            failed |= code != 0
            print(f"{label:34} {seconds:8.1f} {peak:8.2f}" + ("  FAILED" if code else ""))
        print(f"load average after: {_load()} (other work on the machine lengthens the wall times above)")
        published = folder / "reports" / "stor" / "2015-2016"
        for path in sorted(published.glob("survey_feedback*")):
            print(f"  {path.name:32} {path.stat().st_size / 1e6:8.2f} MB")
        html = published / "survey_feedback.html"
        if html.exists():
            print(f"comments quoted in the HTML: {html.read_text(encoding='utf-8').count('Kommentar nummer')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
