"""Delivery by e-mail: a short letter in the committee's language with the status's PDF attached, sent over SMTP.

The server and its credentials come from the file EVALREPORT_SMTP_ENV_FILE names, read by the delivering code alone
(see smtp_file.py), or else the environment; never from project.yaml (which is shared and versioned):
EVALREPORT_SMTP_HOST       the server; without it no e-mail is sent and the delivery is recorded as failed
EVALREPORT_SMTP_PORT       default 587; 465 means TLS from the first byte
EVALREPORT_SMTP_STARTTLS   yes (default) or no: upgrade the connection with STARTTLS before logging in
EVALREPORT_SMTP_USER       log in as this user (none: send without logging in)
EVALREPORT_SMTP_PASSWORD   the user's password; letters outside ASCII (æ, ø, å) are sent as UTF-8 with AUTH PLAIN
EVALREPORT_SMTP_FROM       the sender's address; default the user when it is an address
"""

from __future__ import annotations

import base64
import html
import ipaddress
import os
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from email_validator import validate_email

from pipeline.committees import letter_markdown
from pipeline.errors import DeliveryFailed
from pipeline.spec import email_address
from pipeline.text import one_line

TIMEOUT_SECONDS = 30
YES, NO = {"yes", "true", "1", "on"}, {"no", "false", "0", "off"}


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    starttls: bool = True
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # never printed, never logged
    sender: str = ""

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> SmtpSettings:
        env = os.environ if environment is None else environment
        host = env.get("EVALREPORT_SMTP_HOST", "").strip()
        if not host:
            raise DeliveryFailed("no SMTP server: EVALREPORT_SMTP_HOST is not set in the environment")
        port_text = env.get("EVALREPORT_SMTP_PORT", "587").strip()
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise DeliveryFailed(f"EVALREPORT_SMTP_PORT: expected a port number such as 587, found {port_text!r}")
        starttls_text = env.get("EVALREPORT_SMTP_STARTTLS", "yes").strip().lower()
        if starttls_text not in YES | NO:
            raise DeliveryFailed(f"EVALREPORT_SMTP_STARTTLS: expected yes or no, found {starttls_text!r}")
        user = env.get("EVALREPORT_SMTP_USER") or None
        sender = env.get("EVALREPORT_SMTP_FROM") or (user if user and "@" in user else f"evalreport@{socket.getfqdn()}")
        if "EVALREPORT_SMTP_FROM" in env:
            try:
                sender = email_address(sender)
            except ValueError as error:
                raise DeliveryFailed(f"EVALREPORT_SMTP_FROM: expected {error}, found {sender!r}") from None
        return cls(
            host, int(port_text), starttls_text in YES, user, env.get("EVALREPORT_SMTP_PASSWORD") or None, sender
        )

    @property
    def implicit_tls(self) -> bool:
        return self.port == 465

    @property
    def encrypted(self) -> bool:
        return self.implicit_tls or self.starttls


LETTERS = {
    "da": {
        "subject": "Årlig status {period}: {title}",
        "greeting": "Til {committee}",
        "opening": "Hermed den årlige status for perioden {period} for »{title}«, opgjort pr. {date}.",
        "opening_numbered": "Hermed årlig status nr. {number} for perioden {period} for »{title}«, opgjort pr. {date}.",
        "presented": "Den forelægges udvalget den {presented}.",
        "met": "{met} af {criteria} succeskriterier er opfyldt.",
        "before": "Ved sidste status ({date}) var det {met} af {criteria}.",
        "attached": "Statusrapporten er vedhæftet som PDF.",
        "attached_case": "Sagen til dagsordenen er vedhæftet som Word-dokument, og statusrapporten som PDF.",
        "closing": "Med venlig hilsen\n{owner}",
        "automatic": "Denne e-mail er sendt automatisk af evalreport.",
    },
    "nb": {
        "subject": "Årlig status {period}: {title}",
        "greeting": "Til {committee}",
        "opening": "Her er den årlige statusen for perioden {period} for «{title}», per {date}.",
        "opening_numbered": "Her er årlig status nr. {number} for perioden {period} for «{title}», per {date}.",
        "presented": "Den legges fram for utvalget {presented}.",
        "met": "{met} av {criteria} suksesskriterier er nådd.",
        "before": "Ved forrige status ({date}) var det {met} av {criteria}.",
        "attached": "Statusrapporten er vedlagt som PDF.",
        "attached_case": "Saksframlegget er vedlagt som Word-dokument, og statusrapporten som PDF.",
        "closing": "Med vennlig hilsen\n{owner}",
        "automatic": "Denne e-posten er sendt automatisk av evalreport.",
    },
    "en": {
        "subject": "Yearly status {period}: {title}",
        "greeting": "To {committee}",
        "opening": "Please find the yearly status for {period} of “{title}”, as of {date}.",
        "opening_numbered": "Please find yearly status no. {number} for {period} of “{title}”, as of {date}.",
        "presented": "It goes to the committee on {presented}.",
        "met": "{met} of {criteria} success criteria are met.",
        "before": "At the previous status ({date}) it was {met} of {criteria}.",
        "attached": "The status report is attached as a PDF.",
        "attached_case": "The committee case is attached as a Word document, and the status report as a PDF.",
        "closing": "Kind regards\n{owner}",
        "automatic": "This e-mail was sent automatically by evalreport.",
    },
}


@dataclass(frozen=True)
class Letter:
    """What the e-mail says; dates and the period already written in the committee's language."""

    language: str
    committee: str
    title: str
    owner: str
    period: str
    date: str
    met: tuple[int, int] | None = None  # criteria met, of how many
    before: tuple[str, int, int] | None = None  # the previous status's date, met, of how many
    comment: str | None = (
        None  # the evaluator's comment to the committee this year (text/status/<period>/introduction.md)
    )
    with_case: bool = False  # the committee case is attached too, as a Word document
    number: int | None = None  # which of the committee's yearly statuses this is, as the status says
    presented: str | None = None  # the meeting it goes to, written in the committee's language


def letter_text(letter: Letter) -> tuple[str, str]:
    """The subject and body of the e-mail."""
    words = LETTERS[letter.language]
    # Names and titles fill one line each, the subject header above all: a line break there would end the header.
    named = {
        "committee": letter.committee,
        "title": letter.title,
        "owner": letter.owner,
        "period": letter.period,
        "date": letter.date,
    }
    fields = {key: one_line(value) for key, value in named.items()}
    before, after = letter_paragraphs(letter)
    comment = [letter_markdown.as_text(letter.comment)] if letter.comment else []  # Markdown as it reads, no `#` or `*`
    return words["subject"].format(**fields), "\n\n".join([*before, *comment, *after]) + "\n"


def letter_paragraphs(letter: Letter) -> tuple[list[str], list[str]]:
    """The letter's own paragraphs, before and after the evaluator's comment."""
    words = LETTERS[letter.language]
    named = {
        "committee": letter.committee,
        "title": letter.title,
        "owner": letter.owner,
        "period": letter.period,
        "date": letter.date,
    }
    fields = {key: one_line(value) for key, value in named.items()}
    # The status's own words of itself: its as-of day (the ledger's, which the report was judged at), number, meeting.
    opening = [
        words["opening_numbered"].format(number=letter.number, **fields)
        if letter.number
        else words["opening"].format(**fields)
    ]
    if letter.presented:
        opening.append(words["presented"].format(presented=letter.presented))
    if letter.met:
        opening.append(words["met"].format(met=letter.met[0], criteria=letter.met[1]))
        if letter.before:
            opening.append(
                words["before"].format(date=letter.before[0], met=letter.before[1], criteria=letter.before[2])
            )
    return [words["greeting"].format(**fields), " ".join(opening)], [
        words["attached_case" if letter.with_case else "attached"],
        words["closing"].format(**fields),
        words["automatic"],
    ]


def letter_html(letter: Letter) -> str:
    """The letter as the HTML part of the e-mail: the same words, the comment's lists and headings as HTML."""
    before, after = letter_paragraphs(letter)
    comment = letter_markdown.as_html(letter.comment) if letter.comment else ""
    paragraphs = (
        "\n".join(f"<p>{html.escape(text)}</p>" for text in before)
        + "\n"
        + comment
        + "\n"
        + "\n".join(f"<p>{html.escape(text)}</p>" for text in after)
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(letter.language)}"><head><meta '
        f'charset="utf-8"></head><body>\n{paragraphs}\n</body></html>\n'
    )


def header_text(text: str) -> str:
    """User text for a header, inert: one line, and no RFC 2047 encoded word. Python's email package decodes an
    encoded word it is given ('=?utf-8?q?=0D=0AReply-To:_…?=') and may fold what it decoded, line breaks and all,
    onto the wire as another header (CVE-2024-6923, and its siblings in older releases); an invisible word joiner
    after each '=' that opens one keeps the text as typed, whatever the Python."""
    return one_line(text).replace("=?", "=\u2060?")


WORD = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def status_email(
    settings: SmtpSettings,
    recipient: str,
    letter: Letter,
    pdf: bytes,
    pdf_name: str,
    case: tuple[bytes, str] | None = None,
) -> EmailMessage:
    """The letter, with the committee case as Word (for the agenda system, when made) and the status as PDF."""
    subject, body = letter_text(letter)
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = ascii_domain(recipient)
    message["Subject"] = header_text(subject)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    message["Content-Language"] = letter.language
    message.set_content(body)
    message.add_alternative(letter_html(letter), subtype="html")
    if case is not None:
        message.add_attachment(case[0], maintype=WORD[0], subtype=WORD[1], filename=header_text(case[1]))
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=header_text(pdf_name))
    return message


def send(message: EmailMessage, settings: SmtpSettings) -> None:
    """Hand the message to the SMTP server; raise DeliveryFailed with a reason (never the password) when it fails."""
    if settings.password and not settings.encrypted and not _loopback(settings.host):
        raise DeliveryFailed(
            f"not sending EVALREPORT_SMTP_PASSWORD unencrypted to {settings.host}: set "
            "EVALREPORT_SMTP_STARTTLS=yes or use port 465"
        )
    try:
        context = ssl.create_default_context()
        server: smtplib.SMTP
        if settings.implicit_tls:
            server = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_SECONDS, context=context)
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        with server:
            if settings.starttls and not settings.implicit_tls:
                server.starttls(context=context)
            if settings.user:
                log_in(server, settings.user, settings.password or "")
            refused = server.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        reason = f"{type(error).__name__}: {error}"
        raise DeliveryFailed(reason.replace(settings.password, "***") if settings.password else reason) from None
    if refused:
        raise DeliveryFailed(f"the server refused {', '.join(refused)}")


def ascii_domain(address: str) -> str:
    """The address with its domain as every mail server takes it (udvalg@københavn.dk → udvalg@xn--kbenhavn-54a.dk);
    a name before the @ in other letters stays, and needs a server that offers SMTPUTF8."""
    return validate_email(address, check_deliverability=False).ascii_email or address


def log_in(server: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; smtplib writes credentials in ASCII only, so credentials with other letters go as UTF-8 in AUTH PLAIN
    (RFC 4616), the mechanism that defines it."""
    if (user + password).isascii():
        server.login(user, password)
        return
    server.ehlo_or_helo_if_needed()
    offered = server.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in offered:
        raise DeliveryFailed(
            "EVALREPORT_SMTP_USER or EVALREPORT_SMTP_PASSWORD has letters outside ASCII, which only AUTH "
            "PLAIN carries, "
            f"and the SMTP server offers {' '.join(offered) or 'no AUTH'}: ask for AUTH PLAIN or choose an "
            "ASCII password"
        )
    credentials = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = server.docmd("AUTH", f"PLAIN {credentials}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
