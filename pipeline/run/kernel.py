"""Make sure notebooks run on this environment's Python, whichever Jupyter kernels the machine has besides."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

KERNEL_NAME = "evalreport"


def ensure_kernel() -> str:
    """Install (or repair) the `evalreport` kernel spec so that it starts this interpreter; return its name.

    The spec goes into this environment's prefix, so JupyterLab started from the same environment offers it
    and a notebook stored with kernel `evalreport` opens on the right Python.
    """
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        if spec.argv and Path(spec.argv[0]).resolve() == Path(sys.executable).resolve():
            return KERNEL_NAME
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    install(kernel_name=KERNEL_NAME, display_name="Python (evalreport)", prefix=sys.prefix)
    installed = Path(sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    spec_json = json.loads(installed.read_text())
    spec_json["argv"][0] = sys.executable
    installed.write_text(json.dumps(spec_json, indent=1))
    return KERNEL_NAME
