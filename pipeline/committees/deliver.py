"""Deliver a made status to each of its committee's targets that has not had it yet, and record every attempt.

A target is the outbox folder, or one e-mail recipient: each is retried on its own, so a recipient whose server
was down gets the status on the next `evalreport due` without the others getting it twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from pipeline.committees import mail
from pipeline.committees.ledger import Delivery, Ledger, Run
from pipeline.committees.mail import DeliveryFailed, Letter, SmtpSettings
from pipeline.committees.outbox import copy_to_outbox, outbox_folder, outbox_name, outbox_root
from pipeline.committees.smtp_file import smtp_environment
from pipeline.errors import UnsafePath
from pipeline.present.i18n import Messages
from pipeline.project import Project
from pipeline.run.files import ReportFiles
from pipeline.run.jobs import CASE_REPORT, Job
from pipeline.run.kernel import delivery_environment
from pipeline.spec import Committee


@dataclass(frozen=True)
class Target:
    channel: str  # "outbox" or "email"
    target: str  # the outbox folder, or the recipient's address


def targets(committee: Committee, reports: Path) -> list[Target]:
    """Where a committee's status goes, as project.yaml says today (a recipient added later gets it too).

    The outbox is named as written; whether it leads out of its root is checked on delivery, where a refusal is
    recorded and reported like any failed delivery."""
    found = (
        [Target("outbox", str(outbox_root(reports) / committee.delivery.outbox))] if committee.delivery.outbox else []
    )
    return found + [Target("email", address) for address in committee.delivery.email]


def deliver(
    run: Run,
    committee: Committee,
    project: Project,
    reports: Path,
    ledger: Ledger,
    environment: Mapping[str, str] | None = None,
) -> list[Delivery]:
    """Deliver the run's status to every target not yet delivered to; return those attempts as recorded."""
    done = {Target(d.channel, d.target) for d in ledger.deliveries(run.id) if d.delivered}
    attempted = [target for target in targets(committee, reports) if target not in done]
    for target in attempted:
        try:
            if target.channel == "outbox":
                assert committee.delivery.outbox is not None  # targets() lists an outbox only where there is one
                files = status_files(run, committee, project, reports, "html", "pdf") | case_files(
                    run, committee, project, reports
                )
                copy_to_outbox(files, outbox_folder(committee.delivery.outbox, reports))
            else:
                send_status(run, committee, project, reports, target.target, environment)
        except (DeliveryFailed, UnsafePath) as failure:
            ledger.record_delivery(run.id, target.channel, target.target, str(failure))
        except Exception as error:  # a full disk, an outbox share not mounted, ...: recorded and retried, never a crash
            ledger.record_delivery(run.id, target.channel, target.target, f"{type(error).__name__}: {error}")
        else:
            ledger.record_delivery(run.id, target.channel, target.target, None)
    return [d for d in ledger.deliveries(run.id) if Target(d.channel, d.target) in attempted]


def status_language(committee: Committee, project: Project) -> str | None:
    """The committee's own language when it is not the project's (its status's file names say it), else None."""
    return committee.language if committee.language not in (None, project.spec.language) else None


def published(run: Run, committee: Committee, project: Project, reports: Path) -> ReportFiles:
    """The status's files as the run published them (UnsafePath when the ledger's ids would lead out of `reports`)."""
    job = Job(
        run.project,
        run.report,
        run.period,
        committee.language or project.spec.language,
        run.unit,
        project_language=project.spec.language,
    )
    return ReportFiles.of(job, reports)


def status_files(run: Run, committee: Committee, project: Project, reports: Path, *outputs: str) -> dict[str, Path]:
    """The run's published files (`html`, `pdf`) by the name they are delivered under, all of one published set
    even while a new one is published; DeliveryFailed when one is gone."""
    files = published(run, committee, project, reports)
    version = files.current_version()
    delivered = {}
    for output in outputs:
        path = files.in_set(output, version)
        if not path.is_file():
            raise DeliveryFailed(f"the status's {output.upper()} is missing: {files.published(output)}")
        suffix, language = files.published(output).suffix, status_language(committee, project)
        delivered[outbox_name(run.project, run.report, run.period, run.unit, suffix, language)] = path
    return delivered


def case_files(run: Run, committee: Committee, project: Project, reports: Path) -> dict[str, Path]:
    """The committee case made with the status (`CASE_REPORT`), as Word and PDF, by the names they are delivered
    under; none when the project has no case of this period (a run before cases, or a failed case)."""
    job = Job(
        run.project,
        CASE_REPORT,
        run.period,
        committee.language or project.spec.language,
        run.unit,
        project_language=project.spec.language,
    )
    files = ReportFiles.of(job, reports)
    version = files.current_version()
    found = {}
    for output in ("docx", "pdf"):
        path = files.in_set(output, version)
        if path.is_file():
            suffix, language = files.published(output).suffix, status_language(committee, project)
            found[outbox_name(run.project, CASE_REPORT, run.period, run.unit, suffix, language)] = path
    return found


def send_status(
    run: Run,
    committee: Committee,
    project: Project,
    reports: Path,
    recipient: str,
    environment: Mapping[str, str] | None = None,
) -> None:
    [(pdf_name, pdf)] = status_files(run, committee, project, reports, "pdf").items()
    case = next(
        (
            (path.read_bytes(), name)
            for name, path in case_files(run, committee, project, reports).items()
            if name.endswith(".docx")
        ),
        None,
    )
    # Read here and nowhere else: the SMTP settings live in no process's environment that starts kernels.
    environment = delivery_environment() if environment is None else environment
    settings = SmtpSettings.from_environment(smtp_environment(environment))
    words = replace(letter(run, committee, project, reports), with_case=case is not None)
    message = mail.status_email(settings, recipient, words, pdf.read_bytes(), pdf_name, case)
    mail.send(message, settings)


def letter(run: Run, committee: Committee, project: Project, reports: Path) -> Letter:
    """The e-mail's words: what the status covers, and how many criteria are met now and at the previous status."""
    language = committee.language or project.spec.language
    t = Messages(language)
    now = _results(published(run, committee, project, reports).results)
    before = _results(Path(run.previous)) if run.previous else None
    met = _met(now)
    before_met = _met(before)
    return Letter(
        language=language,
        committee=committee.name,
        title=project.spec.title,
        owner=project.spec.owner,
        period=run.period.replace("-", "–"),
        date=t.date(date.fromisoformat(run.as_of)),
        met=met,
        before=(t.date(date.fromisoformat(before["as_of"])), *before_met)
        if before is not None and before_met and _is_date(before.get("as_of"))
        else None,
        comment=_comment(now),
        number=_status(now).get("number") if isinstance(_status(now).get("number"), int) else None,
        presented=t.date(date.fromisoformat(_status(now)["presented"]))
        if _is_date(_status(now).get("presented"))
        else None,
    )


def _status(results: dict | None) -> dict:
    """The yearly status's part of the stored results; empty for results without one."""
    status = (results or {}).get("status")
    return status if isinstance(status, dict) else {}


def _comment(results: dict | None) -> str | None:
    """The evaluator's comment to the committee, as the status stored it (its figures filled in already)."""
    comment = ((results or {}).get("status") or {}).get("comment")
    return comment if isinstance(comment, str) and comment.strip() else None


def _results(path: Path) -> dict | None:
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # the letter then leaves the counts out: the PDF says it all
    return results if isinstance(results, dict) else None


def _met(results: dict | None) -> tuple[int, int] | None:
    summary = (results or {}).get("summary")
    if isinstance(summary, dict) and isinstance(summary.get("met"), int) and isinstance(summary.get("criteria"), int):
        return summary["met"], summary["criteria"]
    return None


def _is_date(text: object) -> bool:
    try:
        date.fromisoformat(str(text))
    except ValueError:
        return False
    return True
