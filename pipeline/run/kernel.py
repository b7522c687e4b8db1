"""Make sure notebooks run on this environment's Python, whichever Jupyter kernels the machine has besides."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

KERNEL_NAME = "evalreport"


def kernel_argv() -> list[str]:
    # The kernel's own log (e.g. a warning that it listens on TCP without encryption, on loopback) is not
    # for report readers or the person running a batch; cell errors still reach papermill as messages.
    return [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--IPKernelApp.log_level=ERROR"]


def ensure_kernel() -> str:
    """Install (or repair) the `evalreport` kernel spec so that it starts this interpreter; return its name.

    The spec goes into this environment's prefix, so JupyterLab started from the same environment offers it
    and a notebook stored with kernel `evalreport` opens on the right Python.
    """
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        if spec.argv == kernel_argv():
            return KERNEL_NAME
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    install(kernel_name=KERNEL_NAME, display_name="Python (evalreport)", prefix=sys.prefix)
    installed = Path(sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    spec_json = json.loads(installed.read_text())
    spec_json["argv"] = kernel_argv()
    installed.write_text(json.dumps(spec_json, indent=1))
    return KERNEL_NAME
