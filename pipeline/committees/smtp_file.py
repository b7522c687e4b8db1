"""The SMTP settings, read where they are used: from the file EVALREPORT_SMTP_ENV_FILE names, by the delivering code
alone.

A setting in a process's environment can be read by any code that process starts, and by its children's children
in /proc/<pid>/environ, which shows the environment a process started with for as long as it runs. `evalreport
due` starts notebooks' kernels, and a project's own notebook is code. So the scheduler passes only the file's name
(`evalreport schedule --env-file`), and the password enters no process's environment.
"""

from __future__ import annotations

import os
import shlex
import stat
from collections.abc import Mapping
from pathlib import Path

from pipeline.committees.mail import DeliveryFailed

ENV_FILE = "EVALREPORT_SMTP_ENV_FILE"
SETTING_PREFIX = "EVALREPORT_SMTP_"


def smtp_environment(environment: Mapping[str, str]) -> dict[str, str]:
    """`environment` with the settings of the file its EVALREPORT_SMTP_ENV_FILE names, the file's taking precedence."""
    name = environment.get(ENV_FILE)
    return {**environment, **read_env_file(Path(name))} if name else dict(environment)


def read_env_file(path: Path) -> dict[str, str]:
    """`EVALREPORT_SMTP_*=value` lines (`export`, quotes and `#` comments as a shell reads them); DeliveryFailed,
    naming the file and line, when it is missing, readable by others, or holds anything else."""
    try:
        with open(path, encoding="utf-8") as file:
            mode = os.fstat(file.fileno())
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise DeliveryFailed(f"{ENV_FILE}: cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    if mode.st_mode & (stat.S_IRWXG | stat.S_IRWXO) or mode.st_uid != os.geteuid():
        raise DeliveryFailed(
            f"{ENV_FILE}: {path} holds a password, so it must be this user's and readable by no one else "
            f"(chmod 600 {path}); found mode {stat.filemode(mode.st_mode)}"
        )
    settings = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            words = shlex.split(line, comments=True)
        except ValueError as error:
            raise DeliveryFailed(f"{path} line {number}: {error}") from None
        if words[:1] == ["export"]:
            words = words[1:]
        if not words:
            continue
        setting, equals, value = words[0].partition("=")
        if len(words) != 1 or not equals or not setting.startswith(SETTING_PREFIX) or setting == ENV_FILE:
            found = repr(setting) if setting else "no name"  # never the value: it may be the password
            raise DeliveryFailed(f"{path} line {number}: expected EVALREPORT_SMTP_NAME=value, found {found}")
        settings[setting] = value
    return settings
