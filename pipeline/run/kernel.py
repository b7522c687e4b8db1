"""Make sure notebooks run on this environment's Python, whichever Jupyter kernels the machine has besides, and
without the secrets of the process that starts them."""

from __future__ import annotations

import fcntl
import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import AsyncKernelManager

from pipeline.errors import KernelMissing, in_one_line

KERNEL_NAME = "evalreport"


# Variables a notebook has no business reading: the SMTP settings `due` delivers with, and whatever is named like a
# credential. A notebook runs code, and its outputs (a traceback, a printed variable) end up in the audit copy.
SECRET_NAME = re.compile(r"^EVALREPORT_SMTP_|PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY", re.IGNORECASE)


def kernel_environment(environment: Mapping[str, str] | None = None) -> dict[str, str]:
    """`environment` (default: this process's) without the variables whose names look secret."""
    environment = os.environ if environment is None else environment
    return {name: value for name, value in environment.items() if not SECRET_NAME.search(name)}


class KernelManagerWithoutSecrets(AsyncKernelManager):
    """Starts (and restarts) kernels with `kernel_environment()` instead of a copy of this process's environment."""

    async def start_kernel(self, **kw):
        kw["env"] = kernel_environment(kw.get("env"))
        return await super().start_kernel(**kw)


def kernel_argv() -> list[str]:
    # The kernel's own log (e.g. a warning that it listens on TCP without encryption, on loopback) is not
    # for report readers or the person running a batch; cell errors still reach papermill as messages.
    return [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--IPKernelApp.log_level=ERROR"]


def ensure_kernel() -> str:
    """Install (or repair) the `evalreport` kernel spec so that it starts this interpreter; return its name.

    The spec goes into this environment's prefix, so JupyterLab started from the same environment offers it
    and a notebook stored with kernel `evalreport` opens on the right Python.
    """
    if installed_here():
        return KERNEL_NAME
    kernels = Path(sys.prefix) / "share" / "jupyter" / "kernels"
    try:
        from ipykernel.kernelspec import install

        kernels.mkdir(parents=True, exist_ok=True)
        # Workers of one batch may all find the spec missing at once: one installs, the others wait and see it.
        with open(kernels / f".{KERNEL_NAME}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not installed_here():
                install(kernel_name=KERNEL_NAME, display_name="Python (evalreport)", prefix=sys.prefix)
                installed = kernels / KERNEL_NAME / "kernel.json"
                spec_json = json.loads(installed.read_text())
                spec_json["argv"] = kernel_argv()
                installed.write_text(json.dumps(spec_json, indent=1))
    except (ImportError, OSError, ValueError) as error:  # ipykernel missing, a read-only environment, ...
        raise KernelMissing(f"no Jupyter kernel '{KERNEL_NAME}' starts {sys.executable}, and installing one in {kernels} failed: {in_one_line(error)}") from None
    if not installed_here():  # another spec of that name, found first, starts another Python
        shadow = KernelSpecManager().find_kernel_specs().get(KERNEL_NAME)
        raise KernelMissing(
            f"the Jupyter kernel '{KERNEL_NAME}' in {shadow} does not start {sys.executable}, and Jupyter finds it before the one in "
            f"{kernels}: remove it (jupyter kernelspec remove {KERNEL_NAME}) and run again"
        )
    return KERNEL_NAME


def installed_here() -> bool:
    """Whether the `evalreport` kernel spec starts this interpreter (`python` and `python3` of a venv are one)."""
    try:
        argv = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv
    except (NoSuchKernel, ValueError):  # none, or a kernel.json that is not JSON
        return False
    wanted = kernel_argv()
    return argv[1:] == wanted[1:] and os.path.realpath(argv[0]) == os.path.realpath(wanted[0])
