"""Running `evalreport due` every day with what a server already has: a crontab line or a systemd timer.

No daemon of our own: the ledger makes a daily call cheap and safe, so the machine's scheduler only has to start it.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from pipeline.committees.smtp_file import ENV_FILE
from pipeline.errors import EvalreportError
from pipeline.paths import REPO_ROOT
from pipeline.run.jobs import Workspace

UNIT_NAME = "evalreport-due"


def parse_time(text: str) -> tuple[int, int]:
    """'06:15' → (6, 15)."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise EvalreportError(f"--at: expected a time of day such as 06:15, found {text!r}")
    return int(match.group(1)), int(match.group(2))


def due_command(workspace: Workspace) -> list[str]:
    """The command with absolute paths: a scheduler starts it in an almost empty environment."""
    script = Path(sys.executable).with_name("evalreport")
    program = [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]
    return [*program, "--inputs", str(workspace.inputs), "--reports", str(workspace.reports), "due"]


def _one_line_paths(workspace: Workspace, env_file: Path | None) -> None:
    """A crontab entry and a unit's setting end at a line break, so a folder whose name holds one (or another
    control character) cannot be written into either: refused, naming it, rather than written to run something else."""
    for option, path in (
        ("--inputs", workspace.inputs),
        ("--reports", workspace.reports),
        ("--env-file", env_file),
        ("the evalreport folder", REPO_ROOT),
        ("the Python", due_command(workspace)[0]),
    ):
        if path is not None and any(ord(c) < 32 or ord(c) == 127 for c in str(path)):
            raise EvalreportError(
                f"{option}: expected a folder whose name is one line, found {str(path)!r}: "
                "a scheduler's line would end there (rename it)"
            )


def _systemd_word(word: str) -> str:
    """One argument of ExecStart=: '%' is a specifier and '$' a variable to systemd, so each doubled; quoted, with
    C escapes for backslash and quote, when it holds a space or a quote (systemd splits words as a shell does)."""
    word = word.replace("%", "%%").replace("$", "$$")
    if word and not re.search(r"[\s\"'\\;]", word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cron_line(workspace: Workspace, at: str = "06:15", env_file: Path | None = None) -> str:
    """A crontab line that runs `evalreport due` daily at `at`, appending what it says to reports/due.log."""
    hour, minute = parse_time(at)
    _one_line_paths(workspace, env_file)
    steps = [f"cd {shlex.quote(str(REPO_ROOT))}"]
    # The SMTP settings' file is named, not read: only the delivering code opens it (see committees/smtp_file.py).
    named = f"{ENV_FILE}={shlex.quote(str(env_file.resolve()))} " if env_file else ""
    log = workspace.reports / "due.log"
    steps.append(f"{named}{shlex.join(due_command(workspace))} >> {shlex.quote(str(log))} 2>&1")
    line = f"{minute} {hour} * * * " + " && ".join(steps)
    if "%" in line:  # cron turns % into a newline
        line = line.replace("%", r"\%")
    return (
        "# evalreport: make and deliver the committees' statuses that are due, daily at "
        f"{hour:02d}:{minute:02d}\n{line}"
    )


def systemd_units(workspace: Workspace, at: str = "06:15", env_file: Path | None = None) -> str:
    """A oneshot service and a daily timer for it; Persistent=true runs a missed day's call once the machine is up."""
    hour, minute = parse_time(at)
    _one_line_paths(workspace, env_file)
    # The SMTP settings' file is named, not read (committees/smtp_file.py). In a quoted assignment '%' is a specifier
    # and backslash and quote are escapes; '$' means nothing there.
    assignment = f"{ENV_FILE}={env_file.resolve()}".replace("%", "%%") if env_file else ""
    environment = 'Environment="' + assignment.replace("\\", "\\\\").replace('"', '\\"') + '"\n' if env_file else ""
    command = " ".join(_systemd_word(word) for word in due_command(workspace))
    return f"""# /etc/systemd/system/{UNIT_NAME}.service
[Unit]
Description=evalreport: make and deliver the committees' statuses that are due
After=network-online.target
Wants=network-online.target

[Service]
Type=oneshot
WorkingDirectory={str(REPO_ROOT).replace("%", "%%")}
{environment}ExecStart={command}

# /etc/systemd/system/{UNIT_NAME}.timer
[Unit]
Description=Run {UNIT_NAME}.service every day at {hour:02d}:{minute:02d}

[Timer]
OnCalendar=*-*-* {hour:02d}:{minute:02d}:00
Persistent=true

[Install]
WantedBy=timers.target

# then: systemctl daemon-reload && systemctl enable --now {UNIT_NAME}.timer
"""
