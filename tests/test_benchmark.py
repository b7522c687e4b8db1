"""The batch benchmark runs end to end on two municipalities: a proof that it works, not a timing.

It runs in the test's own process, as `batch.py` would on its own: the commands it measures are processes of their
own anyway, and its in-process steps (the bare analysis, the job steps) use the imports and the kernel the test
process has already.
"""

import importlib.util
import re
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "batch.py"


def test_the_batch_benchmark_measures_every_way_at_equal_cores_and_prints_the_ratios(capsys):
    spec = importlib.util.spec_from_file_location("batch_benchmark", BENCHMARK)
    benchmark = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # its dataclasses look it up there
    spec.loader.exec_module(benchmark)
    # One job at a time: the pool is tested where it matters (the stuck worker, the PDF's forkserver); here two
    # workers would only add their processes and kernels to the suite's time.
    benchmark.main(["--units", "2", "--sample", "1", "--jobs", "1"])
    out = capsys.readouterr().out
    assert "2 reports in 2 projects" in out
    for label in (
        "(1) naive loop",
        "(2a) evalreport run --jobs 1",
        "(2b) evalreport run --jobs 1",
        "(3) bare analysis",
        "(4) rerun, one input changed",
    ):
        seconds, per_report = re.search(rf"{re.escape(label)}\s+([\d.]+)\s+([\d.]+)", out).groups()
        assert float(seconds) > 0 and float(per_report) > 0
    assert "sample of 1, scaled per report" in out
    assert "fylke-01/survey.csv: 1 of 2 reports remade" in out
    for step in ("load", "execute", "html", "pdf", "publish", "fixed start"):
        assert float(re.search(rf"{step} ([\d.]+)", out).group(1)) >= 0
    assert float(re.search(r"pdf ([\d.]+)", out).group(1)) > 0
    for ratio in ("(1)/(2a)", "(2a)/(3)", "(2a)/(2b)", "(4)/(2b)"):
        assert re.search(rf"{re.escape(ratio)} .*?\s([\d.]+)%?\s+target", out), ratio
    peak = float(re.search(r"peak resident memory .*?: ([\d.]+) GB", out).group(1))
    assert 0.1 < peak < 2
