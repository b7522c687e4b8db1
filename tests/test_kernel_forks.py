"""From its second kernel on, a process forks kernels from a template that did the imports once
(`pipeline.run.kernel_forks`): each is what a started kernel is, and none outlives the process that manages it."""

import os
import subprocess
import sys
import textwrap
import time

import psutil
import pytest
from jupyter_core.utils import run_sync

from pipeline.run import kernel_forks, warm

pytestmark = pytest.mark.skipif(not kernel_forks.supported(), reason="kernels are forked on Linux only")


def printed(kernel: warm.WarmKernel, source: str) -> str:
    return "".join(output.get("text", "") for output in kernel._run_cells(source))


def second_kernel(tmp_path) -> warm.WarmKernel:
    warm.kernel_for("tests", str(tmp_path), own_code=False)  # at least one kernel started in this process
    warm.discard_kernel()
    return warm.kernel_for("tests", str(tmp_path), own_code=False)


def test_a_later_kernel_is_forked_in_a_session_of_its_own_and_stands_where_it_was_asked(tmp_path):
    kernel = second_kernel(tmp_path)
    process = kernel.manager.provisioner.process
    assert isinstance(process, kernel_forks.ForkedKernel)
    assert psutil.Process(process.pid).ppid() == kernel_forks.TEMPLATE.child.pid
    pid, group, session, cwd, manager = printed(
        kernel,
        "import os\nfrom ipykernel.kernelapp import IPKernelApp\n"
        "print(os.getpid(), os.getpgid(0), os.getsid(0), os.getcwd(), IPKernelApp.instance().parent_handle)",
    ).split()
    assert int(pid) == int(group) == int(session) == process.pid  # a kill of its group reaches it and its children
    assert cwd == str(tmp_path)
    assert int(manager) == os.getpid()  # it watches the process that manages it, as a started kernel does
    assert "pandas" in printed(kernel, "import sys\nprint(*sorted(sys.modules))").split()  # imported before the fork
    warm.discard_kernel()


def test_an_interrupt_stops_the_cell_and_a_kill_ends_the_kernel(tmp_path):
    kernel = second_kernel(tmp_path)
    process = kernel.manager.provisioner.process
    client = kernel.client
    client.execute("import time\ntime.sleep(60)")
    time.sleep(1)
    run_sync(kernel.manager.interrupt_kernel)()
    reply = run_sync(client.get_shell_msg)(timeout=30)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "KeyboardInterrupt"
    assert process.poll() is None
    warm.discard_kernel()  # killed with its process group
    process.wait(timeout=30)
    assert kernel_forks.ended(process.pid)


OWNER = textwrap.dedent(
    """
    import os
    from pipeline.run import kernel_forks, warm
    kernel_forks.count_start()  # as if this process had started a kernel: the next one is forked
    kernel = warm.kernel_for("tests", ".", own_code=False)
    print(kernel_forks.TEMPLATE.child.pid, kernel.manager.provisioner.process.pid, flush=True)
    os._exit(0)  # no clean-up: the template and the kernel must go by themselves
    """
)


def test_the_template_and_its_kernels_end_with_the_process_that_manages_them(tmp_path):
    done = subprocess.run([sys.executable, "-c", OWNER], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    template, kernel = (int(pid) for pid in done.stdout.split())
    deadline = time.monotonic() + 60  # the kernel looks for its parent once a second
    while not (kernel_forks.ended(template) and kernel_forks.ended(kernel)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kernel_forks.ended(template), "the template outlived its owner"
    assert kernel_forks.ended(kernel), "a forked kernel outlived the process that managed it"


def test_without_a_template_the_kernel_starts_as_any_other(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no template")

    monkeypatch.setattr(kernel_forks.TEMPLATE, "fork_kernel", refuse)
    kernel = second_kernel(tmp_path)
    assert not isinstance(kernel.manager.provisioner.process, kernel_forks.ForkedKernel)
    assert printed(kernel, "print(6 * 7)").strip() == "42"
    warm.discard_kernel()
