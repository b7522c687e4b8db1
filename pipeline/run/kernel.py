"""Make sure notebooks run on this environment's Python, whichever Jupyter kernels the machine has besides, and
see only the environment they need.

A notebook runs code (a project's own sections are the evaluator's code), and whatever it can read may end up in
an output or the audit copy. So a kernel starts with an environment built from an allow-list, never from a copy of
this process's minus what looks secret: a name filter misses `MYSQL_PWD`, `SMTP_PASS` or a `DATABASE_URL` with
a password in it. And the settings `due` delivers with never sit in the environment of a process that starts
kernels (see `withhold_delivery_settings` and docs/committees.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import fcntl
import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

from pipeline.errors import KernelMissing, in_one_line
from pipeline.run import kernel_forks

KERNEL_NAME = "evalreport"


# What a kernel may see: the program search path and home, language and time zone, this environment's own Python
# (a venv, a Conda prefix), Jupyter's, IPython's and matplotlib's own settings, the temporary and cache folders,
# and evalreport's own settings except those of delivery.
ALLOWED_NAMES = frozenset(
    {
        "PATH",
        "HOME",
        "USER",
        "LOGNAME",
        "LANG",
        "LANGUAGE",
        "TZ",
        "TMPDIR",
        "TEMP",
        "TMP",
        "VIRTUAL_ENV",
        "CONDA_PREFIX",
        "PYTHONPATH",
        "PYTHONHASHSEED",
        "PYTHONUTF8",
        "PYTHONIOENCODING",
        "PYTHONDONTWRITEBYTECODE",
        "IPYTHONDIR",
        "MPLBACKEND",
        "MPLCONFIGDIR",
        "XDG_CACHE_HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_RUNTIME_DIR",
    }
)
ALLOWED_PREFIXES = ("LC_", "JUPYTER_", "JPY_", "EVALREPORT_")
# evalreport's delivery settings: the SMTP server and its login, the file they are read from, the outboxes' root.
DELIVERY_SETTING = re.compile(r"^EVALREPORT_(SMTP_|OUTBOX_ROOT$)")
SMTP_SETTING = re.compile(r"^EVALREPORT_SMTP_")
# Even an allowed name may not carry a credential: `EVALREPORT_DB=postgres://user:secret@host/db`.
SECRET_NAME = re.compile(r"PASS|PWD|SECRET|TOKEN|CREDENTIAL|KEY", re.IGNORECASE)
PASSWORD_IN_URL = re.compile(r"://[^/@\s]*:[^/@\s]*@")


def kernel_environment(environment: Mapping[str, str] | None = None) -> dict[str, str]:
    """The variables of `environment` (default: this process's) a kernel may see, by the allow-list above."""
    environment = os.environ if environment is None else environment
    return {name: value for name, value in environment.items() if allowed(name, value)}


def allowed(name: str, value: str) -> bool:
    if not (name in ALLOWED_NAMES or name.startswith(ALLOWED_PREFIXES)):
        return False
    if name.startswith("EVALREPORT_") and (DELIVERY_SETTING.match(name) or SECRET_NAME.search(name)):
        return False
    return not PASSWORD_IN_URL.search(value)


_withheld: dict[str, str] = {}


def withhold_delivery_settings() -> None:
    """Before the first kernel starts: take the SMTP settings out of this process's environment, so that no
    process started from here on (a worker, a kernel) inherits them, and keep them for `delivery_environment`.

    The environment block this process started with stays readable in /proc/<pid>/environ, which no unsetenv
    changes; that is why the service reads its SMTP settings from EVALREPORT_SMTP_ENV_FILE instead (only the
    delivering code opens it). For settings given the old way, this process is also marked not dumpable, which
    makes its /proc files readable only to the administrator.
    """
    found = {name: value for name, value in os.environ.items() if SMTP_SETTING.match(name)}
    if not found:
        return
    _withheld.update(found)
    for name in found:
        del os.environ[name]
    if set(found) - {"EVALREPORT_SMTP_ENV_FILE"}:  # the settings themselves, not only the file's name
        _not_dumpable()


def delivery_environment() -> dict[str, str]:
    """This process's environment with the SMTP settings `withhold_delivery_settings` took out of it."""
    return {**_withheld, **os.environ}


def _not_dumpable() -> None:
    PR_SET_DUMPABLE = 4
    with contextlib.suppress(OSError, AttributeError):  # not Linux: no /proc to guard
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


class KernelManagerWithoutSecrets(AsyncKernelManager):
    """Starts (and restarts) kernels with `kernel_environment()` instead of a copy of this process's environment."""

    # jupyter_client types the async manager's start_kernel as an attribute over the blocking one's.
    async def start_kernel(self, **kw: Any) -> None:  # type: ignore[override]
        withhold_delivery_settings()
        kw["env"] = kernel_environment(kw.get("env"))
        await super().start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        """This process's first kernel starts as Jupyter starts one; later ones are forked from a template that
        did the imports once (`kernel_forks`), when the command is this environment's own kernel."""
        first = kernel_forks.count_start() == 1
        provisioner = self.provisioner
        ours = kernel_cmd[:3] == kernel_argv()[:3] and isinstance(provisioner, LocalProvisioner)
        if first or not ours or not kernel_forks.supported():
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        assert isinstance(provisioner, LocalProvisioner)
        cwd = str(kw.get("cwd") or os.getcwd())
        try:
            # As Jupyter's launcher does: the kernel watches for the end of the process that manages it.
            environment = {**kw["env"], "JPY_PARENT_PID": str(os.getpid())}
            process = await asyncio.to_thread(kernel_forks.TEMPLATE.fork_kernel, kernel_cmd[3:], environment, cwd)
        except OSError:  # no template: the kernel starts as any other
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        # It answers what the provisioner asks of a Popen: poll, wait, kill, terminate, send_signal.
        provisioner.process = process  # type: ignore[assignment]
        provisioner.pid = provisioner.pgid = process.pid  # its own process group
        provisioner.cwd = cwd
        self._reconcile_connection_info(provisioner.connection_info)


def kernel_argv() -> list[str]:
    # The kernel's own log (e.g. a warning that it listens on TCP without encryption, on loopback) is not
    # for report readers or the person running a batch; cell errors still reach papermill as messages.
    return [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--IPKernelApp.log_level=ERROR"]


def ensure_kernel() -> str:
    """Install (or repair) the `evalreport` kernel spec so that it starts this interpreter; return its name.

    The spec goes into this environment's prefix, so JupyterLab started from the same environment offers it
    and a notebook stored with kernel `evalreport` opens on the right Python. Called before any kernel or worker
    starts, it also takes the delivery settings out of this process's environment.
    """
    withhold_delivery_settings()
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
        raise KernelMissing(
            f"no Jupyter kernel '{KERNEL_NAME}' starts {sys.executable}, and installing one in {kernels} "
            f"failed: {in_one_line(error)}"
        ) from None
    if not installed_here():  # another spec of that name, found first, starts another Python
        shadow = KernelSpecManager().find_kernel_specs().get(KERNEL_NAME)
        raise KernelMissing(
            f"the Jupyter kernel '{KERNEL_NAME}' in {shadow} does not start {sys.executable}, and Jupyter "
            "finds it before the one in "
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
