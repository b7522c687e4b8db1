"""The year's comment to the committee, written in Markdown, as the e-mail shows it: plain text without Markdown's
marks, and an HTML part with its lists; nothing of it runs, and identifiers are redacted."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default

from pipeline.committees.letter_markdown import as_html, as_text
from pipeline.committees.mail import Letter, SmtpSettings, letter_text, status_email

COMMENT = """# Årets kommentar

Forummet har holdt **fire** møder, se [referatet](https://viborg.dk/ref) og [her](#konklusion).

- første punkt med *vægt*
- andet punkt

1. at udvalget tager status til efterretning,
2. at anbefaling A4 sendes videre.

> Et citat fra en deltager.

<script>alert(1)</script> Ring til Ole på 86 12 34 56.
"""


def test_the_comment_reads_as_text_without_markdowns_marks():
    text = as_text(COMMENT)
    assert "#" not in text and "**" not in text and "*vægt*" not in text and "](" not in text
    assert text.startswith(
        "Årets kommentar\n\nForummet har holdt fire møder, se referatet <https://viborg.dk/ref> og her."
    )
    assert (
        "– første punkt med vægt\n– andet punkt\n\n1. at udvalget tager status til efterretning,\n2. at "
        "anbefaling A4 sendes videre."
    ) in text
    assert "> Et citat fra en deltager." in text
    assert "86 12 34 56" not in text


def test_the_html_part_escapes_everything_and_keeps_the_lists():
    part = as_html(COMMENT)
    assert "<script>" not in part and "&lt;script&gt;" in part
    assert (
        "<ol>\n<li>at udvalget tager status til efterretning,</li>" in part
        and "<ul>\n<li>første punkt med vægt</li>" in part
    )
    assert "86 12 34 56" not in part


def test_the_e_mail_carries_both_and_the_pdf():
    letter = Letter(
        "da", "Udvalget", "Integrationsforum", "Viborg Kommune", "2025–2026", "1. oktober 2026", comment=COMMENT
    )
    _, body = letter_text(letter)
    assert "# Årets" not in body and "Årets kommentar" in body
    settings = SmtpSettings("localhost", 25, starttls=False, user=None, password=None, sender="a@b.dk")
    message = message_from_bytes(
        status_email(settings, "udvalg@viborg.example", letter, b"%PDF-1.7", "status.pdf").as_bytes(), policy=default
    )
    kinds = [part.get_content_type() for part in message.walk()]
    assert kinds == ["multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf"]
    html_part = message.get_body(("html",)).get_content()
    assert "<li>andet punkt</li>" in html_part and 'lang="da"' in html_part
