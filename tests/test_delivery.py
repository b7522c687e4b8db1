"""Delivering a status: atomic copies into an outbox folder, and e-mail with the PDF attached, sent to a real SMTP
server on loopback (aiosmtpd) that the tests start. A failed delivery is recorded, and retried alone."""

from __future__ import annotations

import socket
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from pipeline.committees.deliver import deliver, targets
from pipeline.committees.ledger import Ledger
from pipeline.committees.mail import DeliveryFailed, Letter, SmtpSettings, letter_text, send, status_email
from pipeline.committees.outbox import copy_to_outbox, outbox_folder, outbox_name
from pipeline.project import load_project

PDF = b"%PDF-1.7\n% a status report\n%%EOF\n"


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []  # as they came over the wire

    async def handle_DATA(self, server, session, envelope):
        self.raw.append(envelope.original_content or envelope.content)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server(port: int, **options):
    """A real SMTP server on 127.0.0.1:`port` for the duration of the block; yields its inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def smtp_environment(port: int, **more: str) -> dict[str, str]:
    return {
        "EVALREPORT_SMTP_HOST": "127.0.0.1",
        "EVALREPORT_SMTP_PORT": str(port),
        "EVALREPORT_SMTP_STARTTLS": "no",
        "EVALREPORT_SMTP_FROM": "evalreport@viborg.dk",
        **more,
    }


# --- outbox ------------------------------------------------------------------------------------------------


def test_an_outbox_is_under_the_reports_folder_or_the_root_an_administrator_sets(tmp_path):
    assert outbox_folder("udvalg/bi", tmp_path, {}) == tmp_path.resolve() / "udvalg" / "bi"
    share = tmp_path / "share"
    assert (
        outbox_folder("udvalg/bi", tmp_path / "reports", {"EVALREPORT_OUTBOX_ROOT": str(share)})
        == share.resolve() / "udvalg" / "bi"
    )
    assert (
        outbox_name("integrationsforum-viborg", "status_report", "2025-2026", None, ".pdf")
        == "integrationsforum-viborg_status_report_2025-2026.pdf"
    )
    assert (
        outbox_name("bosetting-vestfold", "status_report", "2016", "0701", ".html")
        == "bosetting-vestfold_status_report_2016_0701.html"
    )


def test_copying_to_an_outbox_replaces_a_file_whole_and_leaves_no_temporary_files(tmp_path):
    source = tmp_path / "status_report.pdf"
    source.write_bytes(PDF)
    outbox = tmp_path / "outbox" / "udvalg"  # made when missing
    copy_to_outbox({"p_status_report_2025.pdf": source}, outbox)
    source.write_bytes(PDF + b"% second version\n")
    copy_to_outbox({"p_status_report_2025.pdf": source}, outbox)
    assert [p.name for p in outbox.iterdir()] == ["p_status_report_2025.pdf"]
    assert (outbox / "p_status_report_2025.pdf").read_bytes().endswith(b"% second version\n")


# --- SMTP settings and the letter --------------------------------------------------------------------------


def test_smtp_settings_come_from_the_environment_and_never_show_the_password():
    settings = SmtpSettings.from_environment(
        {
            "EVALREPORT_SMTP_HOST": "smtp.viborg.dk",
            "EVALREPORT_SMTP_USER": "evalreport@viborg.dk",
            "EVALREPORT_SMTP_PASSWORD": "hemmeligt-kodeord",
        }
    )
    assert (settings.host, settings.port, settings.starttls, settings.sender) == (
        "smtp.viborg.dk",
        587,
        True,
        "evalreport@viborg.dk",
    )
    assert "hemmeligt-kodeord" not in repr(settings)


@pytest.mark.parametrize(
    "environment, reason",
    [
        ({}, "EVALREPORT_SMTP_HOST is not set"),
        (
            {"EVALREPORT_SMTP_HOST": "smtp.viborg.dk", "EVALREPORT_SMTP_PORT": "smtp"},
            "EVALREPORT_SMTP_PORT: expected a port number such as 587, found 'smtp'",
        ),
        (
            {"EVALREPORT_SMTP_HOST": "smtp.viborg.dk", "EVALREPORT_SMTP_STARTTLS": "måske"},
            "EVALREPORT_SMTP_STARTTLS: expected yes or no, found 'måske'",
        ),
    ],
)
def test_missing_or_bad_smtp_settings_are_a_reason_not_a_crash(environment, reason):
    with pytest.raises(DeliveryFailed, match=reason):
        SmtpSettings.from_environment(environment)


def test_the_password_is_not_sent_unencrypted_to_another_machine():
    settings = SmtpSettings("smtp.example.org", 25, starttls=False, user="u", password="hemmeligt", sender="a@b.dk")
    with pytest.raises(
        DeliveryFailed, match="not sending EVALREPORT_SMTP_PASSWORD unencrypted to smtp.example.org"
    ) as caught:
        send(EmailMessage(), settings)  # refused before any connection is made
    assert "hemmeligt" not in str(caught.value)


@pytest.mark.parametrize(
    "language, subject, words",
    [
        (
            "da",
            "Årlig status 2025–2026: Integrationsforum",
            [
                "Til Udvalget",
                "opgjort pr. 1. oktober 2026",
                "3 af 5 succeskriterier er opfyldt",
                "(1. oktober 2025) var det 2 af 5",
                "vedhæftet som PDF",
            ],
        ),
        (
            "nb",
            "Årlig status 2025–2026: Integrationsforum",
            [
                "Til Udvalget",
                "per 1. oktober 2026",
                "3 av 5 suksesskriterier er nådd",
                "Ved forrige status",
                "vedlagt som PDF",
            ],
        ),
        (
            "en",
            "Yearly status 2025–2026: Integrationsforum",
            [
                "To Udvalget",
                "as of 1 October 2026",
                "3 of 5 success criteria are met",
                "previous status (1 October 2025) it was 2 of 5",
            ],
        ),
    ],
)
def test_the_letter_is_written_in_the_committees_language(language, subject, words):
    dates = {
        "da": ("1. oktober 2026", "1. oktober 2025"),
        "nb": ("1. oktober 2026", "1. oktober 2025"),
        "en": ("1 October 2026", "1 October 2025"),
    }[language]
    letter = Letter(
        language,
        "Udvalget",
        "Integrationsforum",
        "Viborg Kommune",
        "2025–2026",
        dates[0],
        met=(3, 5),
        before=(dates[1], 2, 5),
    )
    written_subject, body = letter_text(letter)
    assert written_subject == subject
    for word in words:
        assert word in body


def test_an_email_with_the_pdf_attached_reaches_a_real_smtp_server():
    port = free_port()
    settings = SmtpSettings.from_environment(smtp_environment(port))
    letter = Letter("da", "Udvalget", "Integrationsforum", "Viborg Kommune", "2025–2026", "1. oktober 2026")
    with smtp_server(port) as inbox:
        send(status_email(settings, "udvalg@viborg.example", letter, PDF, "p_status_report_2025-2026.pdf"), settings)
    [message] = inbox.messages
    assert (message["To"], message["From"]) == ("udvalg@viborg.example", "evalreport@viborg.dk")
    assert message["Subject"] == "Årlig status 2025–2026: Integrationsforum"
    assert "opgjort pr. 1. oktober 2026" in message.get_body(("plain",)).get_content()
    [attachment] = message.iter_attachments()
    assert (attachment.get_content_type(), attachment.get_filename()) == (
        "application/pdf",
        "p_status_report_2025-2026.pdf",
    )
    assert attachment.get_content() == PDF


INJECTIONS = [
    "=?utf-8?q?=0D=0AReply-To:_angriper@example.com=0D=0A?=",
    "Rapport =?UTF-8?Q?=0D=0ABcc:_x@example.com?= =?utf-8?b?DQpYLUluamVjdGVkOiB5ZXM=?=",
    "=?iso-8859-1?q?=0AReply-To:_a@example.com?==?utf-8?q?x?=",
    "==??utf-8?q?=0D=0AReply-To:_b@example.com?=",
    "Integrationsforum\r\nReply-To: c@example.com",
    "=?utf-8?q?" + "a" * 70 + "=0D=0AReply-To:_d@example.com?=",
]


@pytest.mark.parametrize("title", INJECTIONS)
def test_an_encoded_word_in_a_title_is_text_in_the_subject_never_a_header_on_the_wire(title):
    port = free_port()
    settings = SmtpSettings.from_environment(smtp_environment(port))
    with smtp_server(port) as inbox:
        for written in ("Integrationsforum", title):
            letter = Letter("nb", "Udvalget", written, "Viborg Kommune", "2025–2026", "1. oktober 2026")
            send(status_email(settings, "udvalg@viborg.example", letter, PDF, f"{written}.pdf"), settings)
    plain, raw = inbox.raw
    message = inbox.messages[1]
    assert header_names(raw) == header_names(plain)  # every header line of the message and of its parts
    assert "reply-to" not in {k.lower() for k in message} and b"\nReply-To" not in raw and b"\nBcc" not in raw
    shown = message["Subject"].replace("\u2060", "")
    assert shown == "Årlig status 2025–2026: " + " ".join(title.split())  # the title as typed, on one line


def header_names(raw: bytes) -> list[bytes]:
    """The name of each header line on the wire, in the message and in its parts, a folded line not counted."""
    names = []
    for part in raw.split(b"\r\n--"):
        head = part.split(b"\r\n\r\n", 1)[0]
        names += [line.split(b":", 1)[0].lower() for line in head.split(b"\r\n")[1:] if line and not line[:1].isspace()]
    return names


def test_a_refused_login_is_reported_without_the_password():
    port = free_port()
    settings = SmtpSettings.from_environment(
        smtp_environment(port, EVALREPORT_SMTP_USER="evalreport", EVALREPORT_SMTP_PASSWORD="hemmeligt-kodeord")
    )
    letter = Letter("da", "Udvalget", "Integrationsforum", "Viborg Kommune", "2025", "1. oktober 2026")
    refuse = lambda server, session, envelope, mechanism, auth_data: AuthResult(success=False, handled=False)  # noqa: E731
    with (
        smtp_server(port, authenticator=refuse, auth_require_tls=False) as inbox,
        pytest.raises(DeliveryFailed) as caught,
    ):
        send(status_email(settings, "udvalg@viborg.example", letter, PDF, "a.pdf"), settings)
    assert "SMTPAuthenticationError" in str(caught.value) and "hemmeligt-kodeord" not in str(caught.value)
    assert inbox.messages == []


PASSWORD = "blåbærsyltetøy"  # smtplib alone sends credentials as ASCII, and fails on æ, ø and å


def accept_only(login: str, password: str):
    def authenticate(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=(auth_data.login, auth_data.password) == (login.encode(), password.encode("utf-8")))

    return authenticate


def test_a_password_with_letters_outside_ascii_logs_in_as_utf8():
    port = free_port()
    settings = SmtpSettings.from_environment(
        smtp_environment(port, EVALREPORT_SMTP_USER="evalreport", EVALREPORT_SMTP_PASSWORD=PASSWORD)
    )
    letter = Letter("da", "Udvalget", "Integrationsforum", "Viborg Kommune", "2025", "1. oktober 2026")
    with smtp_server(port, authenticator=accept_only("evalreport", PASSWORD), auth_require_tls=False) as inbox:
        send(status_email(settings, "udvalg@viborg.example", letter, PDF, "a.pdf"), settings)
    assert len(inbox.messages) == 1


def test_a_server_without_auth_plain_is_named_and_no_letter_of_the_password_is():
    port = free_port()
    settings = SmtpSettings.from_environment(
        smtp_environment(port, EVALREPORT_SMTP_USER="evalreport", EVALREPORT_SMTP_PASSWORD=PASSWORD)
    )
    letter = Letter("da", "Udvalget", "Integrationsforum", "Viborg Kommune", "2025", "1. oktober 2026")
    options = {
        "authenticator": accept_only("evalreport", PASSWORD),
        "auth_require_tls": False,
        "auth_exclude_mechanism": ["PLAIN"],
    }
    with smtp_server(port, **options) as inbox, pytest.raises(DeliveryFailed, match="AUTH PLAIN") as caught:
        send(status_email(settings, "udvalg@viborg.example", letter, PDF, "a.pdf"), settings)
    assert not set("åæø") & set(str(caught.value)) and "blå" not in str(caught.value)
    assert inbox.messages == []


def test_a_recipient_whose_domain_has_letters_outside_ascii_gets_it_in_ascii():
    port = free_port()
    settings = SmtpSettings.from_environment(smtp_environment(port))
    letter = Letter("da", "Udvalget", "Integrationsforum", "København Kommune", "2025", "1. oktober 2026")
    with smtp_server(port) as inbox:
        send(status_email(settings, "udvalg@københavn.dk", letter, PDF, "a.pdf"), settings)
    [message] = inbox.messages
    assert message["To"] == "udvalg@xn--kbenhavn-54a.dk"


@pytest.mark.parametrize(
    "sender", ["evalreport@viborg.dk\nBcc: x@evil.example", "Evalreport <evalreport@viborg.dk>", "evalreport"]
)
def test_a_sender_that_is_no_bare_address_is_a_reason(sender):
    with pytest.raises(DeliveryFailed, match="EVALREPORT_SMTP_FROM: expected an e-mail address"):
        SmtpSettings.from_environment({"EVALREPORT_SMTP_HOST": "smtp.viborg.dk", "EVALREPORT_SMTP_FROM": sender})


# --- deliver: every target, each retried on its own --------------------------------------------------------


@pytest.fixture
def made_status(tmp_path):
    """A committee's run recorded as made, with its published files, in a reports folder under tmp_path."""
    reports = tmp_path / "reports"
    folder = reports / "integrationsforum-viborg" / "2025-2026"
    folder.mkdir(parents=True)
    (folder / "status_report.pdf").write_bytes(PDF)
    (folder / "status_report.html").write_text("<html lang=da>status</html>", encoding="utf-8")
    (folder / "status_report.results.json").write_text(
        '{"as_of": "2026-10-01", "summary": {"met": 3, "criteria": 5}}', encoding="utf-8"
    )
    project = load_project("integrationsforum-viborg")
    [committee] = [c for c in project.spec.committees if c.schedule]  # the other gets recommendations, no status
    with Ledger.at(reports) as ledger:
        run_id = ledger.start_run(
            committee.name,
            project.id,
            "status_report",
            None,
            "2026-10-01",
            "2025-2026",
            "2026-10-01",
            None,
            "scheduled",
        )
        ledger.finish_run(run_id, ok=True)
        yield ledger, ledger.runs()[0], committee, project, reports


def test_a_status_goes_to_the_outbox_and_each_recipient_once(made_status):
    ledger, run, committee, project, reports = made_status
    port = free_port()
    with smtp_server(port) as inbox:
        first = deliver(run, committee, project, reports, ledger, smtp_environment(port))
        again = deliver(run, committee, project, reports, ledger, smtp_environment(port))
    assert [(d.channel, d.status) for d in first] == [("outbox", "delivered"), ("email", "delivered")]
    assert again == []  # nothing left to deliver: nothing is sent twice
    assert len(inbox.messages) == 1
    assert "3 af 5 succeskriterier er opfyldt" in inbox.messages[0].get_body(("plain",)).get_content()
    outbox = reports / "udvalg" / "beskaeftigelses-og-integrationsudvalget"
    assert sorted(p.name for p in outbox.iterdir()) == [
        "integrationsforum-viborg_status_report_2025-2026.html",
        "integrationsforum-viborg_status_report_2025-2026.pdf",
    ]


def test_an_email_without_an_smtp_server_is_recorded_as_failed_and_retried_alone(made_status):
    ledger, run, committee, project, reports = made_status
    [failed] = [d for d in deliver(run, committee, project, reports, ledger, {}) if d.channel == "email"]
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert "EVALREPORT_SMTP_HOST is not set" in failed.last_error
    outbox_copy = next((reports / "udvalg").rglob("*.pdf"))
    copied = outbox_copy.stat().st_mtime_ns

    port = free_port()
    with smtp_server(port) as inbox:
        [retried] = deliver(run, committee, project, reports, ledger, smtp_environment(port))
    assert (retried.channel, retried.target, retried.status, retried.attempts) == (
        "email",
        "udvalg@viborg.example",
        "delivered",
        2,
    )
    assert len(inbox.messages) == 1
    assert outbox_copy.stat().st_mtime_ns == copied  # the outbox had it already: not copied again


def test_a_missing_pdf_is_a_failed_delivery(made_status):
    ledger, run, committee, project, reports = made_status
    (reports / run.project / run.period / "status_report.pdf").unlink()
    deliveries = deliver(run, committee, project, reports, ledger, {})
    assert all(d.status == "failed" and "the status's PDF is missing" in d.last_error for d in deliveries)
    assert [t.channel for t in targets(committee, reports)] == ["outbox", "email"]


def test_a_ledger_entry_whose_ids_lead_out_of_the_reports_folder_delivers_nothing(made_status):
    ledger, run, committee, project, reports = made_status
    secret = reports.parent / "secret"
    secret.mkdir()
    (secret / "status_report.pdf").write_bytes(PDF)
    run_id = ledger.start_run(
        committee.name, project.id, "status_report", None, "2026-10-01", "../../secret", "2026-10-01", None, "edited"
    )
    ledger.finish_run(run_id, ok=True)
    deliveries = deliver(ledger.run(run_id), committee, project, reports, ledger, {})
    assert [d.status for d in deliveries] == ["failed", "failed"]
    assert all("job period" in d.last_error for d in deliveries)
    assert not (reports / "udvalg").exists()


def test_the_outbox_gets_the_html_and_pdf_of_one_published_set(made_status):
    from pipeline.committees.deliver import status_files
    from pipeline.run.files import ReportFiles
    from pipeline.run.publish import publish_report

    ledger, run, committee, project, reports = made_status
    files = ReportFiles(reports / run.project / run.period, "status_report")
    publish_report(files, {"html": "<html>first</html>", "pdf": b"%PDF first"})
    chosen = status_files(run, committee, project, reports, "html", "pdf")
    publish_report(files, {"html": "<html>second</html>", "pdf": b"%PDF second"})  # published while it is delivered
    assert sorted(path.read_bytes() for path in chosen.values()) == [b"%PDF first", b"<html>first</html>"]
    assert {path.parent for path in chosen.values()} == {files.versions / path.parent.name for path in chosen.values()}
