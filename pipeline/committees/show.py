"""What a person sees of committees' statuses: the plan for a day, what a `due` call did, and the ledger."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from rich.markup import escape  # an error message's brackets are text, not markup
from rich.table import Table

from pipeline.committees.deliver import Target, targets
from pipeline.committees.due import CommitteeStatus, Outcome
from pipeline.committees.ledger import Delivery, Ledger

CHANNELS = {"outbox": "outbox", "email": "e-mail"}
# Control characters (line breaks among them), line and paragraph separators, and bidirectional overrides.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def log_line(text: str) -> str:
    """`text` as one line of due.log (cron appends what `due` prints): line breaks and other control characters
    written as escapes (\\n, \\x1b), so that no committee name or error message can start a line of its own."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    character = match[0]
    return _ESCAPES.get(character) or (
        f"\\x{ord(character):02x}" if ord(character) < 0x100 else f"\\u{ord(character):04x}"
    )


def plan_lines(statuses: list[CommitteeStatus], on: date, reports: Path) -> list[str]:
    """Every committee, whether its status is due on `on` and why (not), what it would make and where it goes."""
    due = [s for s in statuses if s.due]
    redeliver = sum(len(s.undelivered) for s in statuses)
    lines = [
        (
            f"due on {on}: {len(due)} status(es) to make, {redeliver} delivery(ies) to retry, of {len(statuses)} "
            "committee(s)"
        )
    ]
    for status in statuses:
        lines.append(f"  {status.project.id} · {status.committee.name}")
        lines.append(f"    {status.note}")
        if status.problem:
            lines.append(f"    cannot be made: {status.problem}")
        elif status.job:
            job = status.job
            compared = (
                f"compared with {_short(job.previous, reports)}"
                if job.previous
                else "no earlier status stored: the notebook recomputes the previous period"
            )
            lines.append(f"    makes {job.label} ({job.language}) as of {job.as_of}, {compared}")
            where = (
                ", ".join(_target(t, reports) for t in targets(status.committee, reports))
                or "nowhere (no delivery in project.yaml)"
            )
            lines.append(f"    delivers to {where}")
        if status.undelivered:
            lines.append(f"    delivers again to {', '.join(_target(t, reports) for t in status.undelivered)}")
    return [log_line(line) for line in lines]


def outcome_lines(outcomes: list[Outcome], on: date, reports: Path) -> list[str]:
    """What one `due` call did, committee by committee, and a last line that counts it up."""
    lines = []
    made = failed = unchanged = 0
    delivered = undelivered = 0
    for outcome in outcomes:
        status = outcome.status
        result = outcome.result
        if status.problem:
            failed += 1
            lines.append(f"NOT MADE  {status.project.id} · {status.committee.name}: {status.problem}")
        elif result is not None and not result.ok:
            failed += 1
            lines.append(f"FAILED    {result.job.label} for {status.committee.name}: {result.reason}")
            lines.append("          the last good report is left in place; the status is due again on the next call")
        elif result is not None:
            unchanged += result.skipped
            made += not result.skipped
            how = "unchanged, already made" if result.skipped else f"{result.seconds:.1f} s"
            lines.append(f"made      {result.job.label} for {status.committee.name} ({how})")
        elif outcome.deliveries:
            run = outcome.run
            assert run is not None  # make_due delivers a run it made, or one made before
            lines.append(
                f"retrying  {run.project}/{run.period}/{run.report}{f'-{run.unit}' if run.unit else ''} for "
                f"{status.committee.name}, made {run.finished_on}"
            )
        for delivery in outcome.deliveries:
            delivered += delivery.delivered
            undelivered += not delivery.delivered
            lines.append("          " + _delivery(delivery, reports))
    if not lines:
        return [f"nothing due on {on}, and nothing to deliver"]
    lines.append(
        (
            f"{made} made, {failed} failed, {unchanged} unchanged; {delivered} delivered, {undelivered} "
            "delivery(ies) failed"
        )
        + (" (tried again on the next `evalreport due`)" if undelivered else "")
    )
    return [log_line(line) for line in lines]


def history_table(ledger: Ledger, reports: Path, project: str | None = None) -> Table:
    """The ledger, one row per run, oldest first: what was made for whom and why, and where it was delivered."""
    table = Table(header_style="bold", title="Committee statuses (run ledger)", show_lines=True)
    table.add_column("run", justify="right", no_wrap=True)
    table.add_column("scheduled", no_wrap=True)
    table.add_column("outcome", no_wrap=True)
    table.add_column("status made, for whom, why; deliveries", overflow="fold")
    for run in ledger.runs(project):
        outcome = {"ok": "[green]ok[/]", "failed": "[red]failed[/]"}.get(run.status, "[yellow]did not finish[/]")
        made = f"{run.project}/{run.period}/{run.report}" + (f"-{run.unit}" if run.unit else "")
        details = [
            f"[bold]{escape(made)}[/] for {escape(run.committee)}",
            f"{escape(run.reason)}; finished {_minute(run.finished) or '–'} UTC",
        ]
        details += [f"[red]{escape(run.error)}[/]"] if run.error else []
        details += [escape(_delivery(d, reports)) for d in ledger.deliveries(run.id)]
        table.add_row(str(run.id), run.occurrence, outcome, "\n".join(log_line(detail) for detail in details))
    return table


def _delivery(delivery: Delivery, reports: Path) -> str:
    where = (
        f"{CHANNELS[delivery.channel]} "
        f"{_short(delivery.target, reports) if delivery.channel == 'outbox' else delivery.target}"
    )
    if delivery.delivered:
        retried = f" ({delivery.attempts} attempts, {_minute(delivery.delivered_at)})" if delivery.attempts > 1 else ""
        return f"delivered {where}{retried}"
    return f"FAILED {where}: {delivery.last_error} ({delivery.attempts} attempt{'s' if delivery.attempts > 1 else ''})"


def _target(target: Target, reports: Path) -> str:
    return (
        f"{CHANNELS[target.channel]} {_short(target.target, reports) if target.channel == 'outbox' else target.target}"
    )


def _short(path: str, reports: Path) -> str:
    """A path under the reports folder as `reports/…`: the reader knows where that is."""
    relative = os.path.relpath(path, reports)
    return path if relative.startswith("..") else os.path.join(reports.name, relative)


def _minute(timestamp: str | None) -> str:
    return (timestamp or "")[:16].replace("T", " ")
