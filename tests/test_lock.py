"""Two runs on one project at once: the second stops with a clear message, or waits its turn."""

import subprocess
import sys
import time

import pytest

from pipeline.run.lock import ProjectBusy, project_lock, projects_locked

HOLD = """
import sys, time
from pathlib import Path
from pipeline.run.lock import project_lock
with project_lock(Path(sys.argv[1]), "p"):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_in_another_process(reports, seconds):
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(reports), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "locked"
    return process


def test_a_second_run_stops_and_names_the_holder(tmp_path):
    process = hold_in_another_process(tmp_path, 30)
    try:
        busy = rf"p: another run is writing its reports \(pid {process.pid}, since "
        with pytest.raises(ProjectBusy, match=busy), project_lock(tmp_path, "p"):
            pass
    finally:
        process.kill()
        process.wait()


def test_the_lock_is_released_when_its_holder_dies(tmp_path):
    process = hold_in_another_process(tmp_path, 30)
    process.kill()
    process.wait()
    with project_lock(tmp_path, "p"):
        assert "pid" in (tmp_path / "p" / ".lock").read_text()


def test_a_waiting_run_goes_on_when_the_first_ends(tmp_path):
    process = hold_in_another_process(tmp_path, 1.5)
    started = time.perf_counter()
    with projects_locked(tmp_path, ["p", "q"], wait=True):
        waited = time.perf_counter() - started
    process.wait()
    assert waited >= 0.5


def test_different_projects_do_not_block_each_other(tmp_path):
    process = hold_in_another_process(tmp_path, 30)
    try:
        with project_lock(tmp_path, "q"):  # "p" is held elsewhere; "q" is free
            assert (tmp_path / "q" / ".lock").exists()
    finally:
        process.kill()
        process.wait()
