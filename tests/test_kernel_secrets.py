"""A notebook's kernel sees only the variables it needs, and no delivery secret is one file away: not in its own
environment, nor in the environment any of its parents started with (/proc/<pid>/environ)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from test_delivery import accept_only, free_port, smtp_server
from test_due import COMMITTEE, VIBORG, viborg_copy

from pipeline.committees.mail import DeliveryFailed, SmtpSettings
from pipeline.committees.smtp_file import read_env_file, smtp_environment
from pipeline.paths import notebooks_dir
from pipeline.run.kernel import kernel_environment

HIDDEN = {
    "SMTP_PASS": "x",
    "MYSQL_PWD": "x",
    "GPG_PASSPHRASE": "x",
    "SENDGRID_KEY": "x",
    "ENCRYPTION_KEY": "x",
    "DATABASE_URL": "postgres://evalreport:hemmelig@db.viborg.dk/evaluering",
    "AWS_SECRET_ACCESS_KEY": "x",
    "PGPASSWORD": "x",
    "GITHUB_TOKEN": "x",
    "SSH_AUTH_SOCK": "/tmp/agent",
    "KRB5CCNAME": "FILE:/tmp/krb",
    "EVALREPORT_SMTP_PASSWORD": "x",
    "EVALREPORT_SMTP_HOST": "smtp.viborg.dk",
    "EVALREPORT_SMTP_ENV_FILE": "/etc/x",
    "EVALREPORT_OUTBOX_ROOT": "/srv/outbox",
    "EVALREPORT_DB": "mysql://user:pw@db/x",
    "EVALREPORT_API_KEY": "x",
    "OTHER_PROGRAM_SETTING": "x",
}
KEPT = {
    "PATH": "/usr/bin",
    "HOME": "/home/evalreport",
    "LANG": "da_DK.UTF-8",
    "LC_ALL": "da_DK.UTF-8",
    "TZ": "Europe/Copenhagen",
    "VIRTUAL_ENV": "/srv/evalreport/.venv",
    "JUPYTER_PATH": "/srv/jupyter",
    "MPLBACKEND": "agg",
    "MPLCONFIGDIR": "/tmp/mpl",
    "EVALREPORT_INPUTS": "/srv/evalreport/inputs",
    "EVALREPORT_REPORTS": "/srv/evalreport/reports",
}


def test_a_kernel_gets_what_it_needs_by_an_allow_list_and_nothing_else():
    assert kernel_environment({**HIDDEN, **KEPT}) == KEPT


PASSWORD = "kodeord-der-aldrig-må-ses"


def env_file(folder, mode: int = 0o600, text: str | None = None):
    path = folder / "smtp.env"
    path.write_text(
        text
        if text is not None
        else (
            "# the committees' mail\nexport EVALREPORT_SMTP_HOST=127.0.0.1\nEVALREPORT_SMTP_USER=evalreport\n"
            f"EVALREPORT_SMTP_PASSWORD='{PASSWORD}'\n"
        ),
        encoding="utf-8",
    )
    path.chmod(mode)
    return path


def test_the_smtp_settings_are_read_from_a_file_only_its_owner_can_read(tmp_path):
    path = env_file(tmp_path)
    environment = {"EVALREPORT_SMTP_ENV_FILE": str(path), "EVALREPORT_SMTP_USER": "old"}
    settings = SmtpSettings.from_environment(smtp_environment(environment))
    assert (settings.host, settings.user, settings.password) == ("127.0.0.1", "evalreport", PASSWORD)
    path.chmod(0o640)
    with pytest.raises(DeliveryFailed, match=r"smtp.env holds a password, so it must be this user's .* -rw-r-----"):
        read_env_file(path)
    with pytest.raises(DeliveryFailed, match=r"smtp.env line 2: expected EVALREPORT_SMTP_NAME=value, found 'PATH'"):
        read_env_file(env_file(tmp_path, text="EVALREPORT_SMTP_HOST=h\nPATH=/tmp/evil\n"))
    with pytest.raises(DeliveryFailed, match="cannot read"):
        read_env_file(tmp_path / "missing.env")


# Put into the report's notebook: walks from the kernel up through every parent, reading the environment each
# started with and its command line, and writes down whether the password, or a variable every parent has, was there.
SNOOP = """
import json, os
found, pid, seen = {"password": [], "marker": []}, os.getpid(), []
while pid > 1:
    seen.append(pid)
    block = b""
    for part in ("environ", "cmdline"):
        try:
            with open(f"/proc/{pid}/{part}", "rb") as file:
                block += file.read()
        except PermissionError:  # a parent that is not dumpable: its /proc files are the administrator's
            pass
    found["password"] += [pid] if PASSWORD.encode() in block else []
    found["marker"] += [pid] if b"EVALREPORT_MARKER=every-parent" in block else []
    with open(f"/proc/{pid}/stat") as stat:
        pid = int(stat.read().rsplit(")", 1)[1].split()[1])
found["own"] = [name for name in os.environ if "SMTP" in name or "PASS" in name]
found["seen"] = seen
with open(os.environ["EVALREPORT_SNOOP_FILE"], "w") as out:
    json.dump(found, out)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/environ"), reason="no /proc on this machine")
def test_a_kernel_run_by_due_finds_the_password_in_no_parents_environment(tmp_path):
    inputs, reports, notebooks = tmp_path / "inputs", tmp_path / "reports", tmp_path / "notebooks"
    viborg_copy(inputs)
    shutil.copytree(notebooks_dir(), notebooks)
    notebook = json.loads((notebooks / "end_report.ipynb").read_text(encoding="utf-8"))
    first = next(i for i, c in enumerate(notebook["cells"]) if "parameters" in c["metadata"].get("tags", []))
    source = SNOOP.replace("PASSWORD", repr(PASSWORD))
    snoop = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": source}
    notebook["cells"].insert(first + 1, snoop)
    (notebooks / "end_report.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    snooped, port = tmp_path / "snooped.json", free_port()
    environment = {name: value for name, value in os.environ.items() if not name.startswith("EVALREPORT_SMTP_")}
    environment |= {
        "EVALREPORT_NOTEBOOKS": str(notebooks),
        "EVALREPORT_SMTP_ENV_FILE": str(env_file(tmp_path)),
        "EVALREPORT_MARKER": "every-parent",
        "EVALREPORT_SNOOP_FILE": str(snooped),
    }
    server = f"EVALREPORT_SMTP_PORT={port}\nEVALREPORT_SMTP_STARTTLS=no\n"
    env_file(tmp_path, text=env_file(tmp_path).read_text() + server)
    due = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "--inputs",
        str(inputs),
        "--reports",
        str(reports),
        "due",
        "--on",
        "2026-10-01",
    ]
    with smtp_server(port, authenticator=accept_only("evalreport", PASSWORD), auth_require_tls=False) as inbox:
        done = subprocess.run(due, env=environment, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"made      {VIBORG}/2025-2026/end_report for {COMMITTEE}" in done.stdout
    assert len(inbox.messages) == 1  # the password did its work: the delivering code logged in with it
    found = json.loads(snooped.read_text())
    assert len(found["seen"]) >= 2 and found["marker"], found  # the walk went up and read the parents' environments
    assert found["password"] == [] and found["own"] == [], found


def test_settings_given_the_old_way_leave_the_environment_before_a_kernel_starts_and_still_reach_delivery(monkeypatch):
    from pipeline.run import kernel

    guarded = []
    monkeypatch.setattr(kernel, "_withheld", {})
    monkeypatch.setattr(kernel, "_not_dumpable", lambda: guarded.append(True))
    monkeypatch.setenv("EVALREPORT_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("EVALREPORT_SMTP_HOST", "smtp.viborg.dk")
    kernel.ensure_kernel()
    assert "EVALREPORT_SMTP_PASSWORD" not in os.environ  # so no worker or kernel started from here on inherits it
    assert guarded == [True]  # and this process's /proc files are the administrator's alone
    settings = SmtpSettings.from_environment(smtp_environment(kernel.delivery_environment()))
    assert (settings.host, settings.password) == ("smtp.viborg.dk", PASSWORD)
