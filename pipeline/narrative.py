"""The evaluator's own words: the Markdown files in a project's `text/` folder, found, read and checked.

    text/introduction.md  conclusion.md  lessons.md       the end report's texts
    text/criteria/<criterion id>.md                       the assessment of a criterion, shown under it
    text/units/<unit id>.md                               shown in that unit's report and in the per-unit part
    text/next.md                                          the way forward (Det videre arbejde / Veien videre)
    text/activities/<activity id>.md                      an activity told: what happened, what came of it, quotes
    text/recommendations/<recommendation id>.md           a recommendation's substance: problem, reasoning, cost
    text/status/<period>/...                              the same names, for the yearly status of that period,
                                                          and the committee case's parts: proposal.md (the
                                                          "at"-clauses), case.md, assessment.md, economy.md,
                                                          legal.md and next.md

Each may have language variants (`introduction.nb.md`, `.da.md`, `.en.md`), picked by the report's language; a file
without one is in the project's language and serves any report that has no variant of its own. The text is read
as UTF-8, redacted like every other free text (pipeline.analysis.privacy), and checked (pipeline.prose): its
headings must have words and its figures (`{{K1.status}}`) names that exist; and what a report will not show as written
— raw HTML, scripts, links that are not web
or e-mail addresses, images — is listed as a notice. Turning the text into a report's blocks is
pipeline.present.markdown's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

from pipeline import prose
from pipeline.analysis.privacy import REDACTED, redact
from pipeline.errors import EvalreportError, InputError, Problem, UnsafePath
from pipeline.paths import confined
from pipeline.periods import ReportPeriod, parse_period
from pipeline.sources.limits import check_size
from pipeline.spec import ProjectSpec
from pipeline.vocabulary import LANGUAGES

FOLDER = "text"
PLACES = ("introduction", "conclusion", "lessons", "next")
CASE_PLACES = ("proposal", "case", "assessment", "economy", "legal")  # a committee case's parts (status/<period>/ only)
KINDS = {"criteria": "criterion", "units": "unit"}  # a folder of texts, one per criterion or unit of project.yaml
# A folder of texts, one per row of a table (activities.csv, recommendations.csv): the ids are known only once the
# tables are read, and a text for an id they lack is a notice (`unknown_rows`), since the row may yet be written.
ROW_KINDS = {"activities": "activity", "recommendations": "recommendation"}
# A chapter of prose is some kilobytes; a megabyte is a book, or the wrong file.
MAX_TEXT_BYTES = 1024 * 1024

# Where a link may lead from a published report: the web, an e-mail address, or a place in the report itself.
ALLOWED_LINK = re.compile(r"(?i)(https?://|mailto:|#)")


@dataclass(frozen=True)
class Text:
    """One Markdown file, redacted, as a report will show it."""

    file: str  # its path in the project folder, as problems name it: text/criteria/K1.md
    source: str


@dataclass(frozen=True)
class Narrative:
    """Every text of a project, by where it goes ('introduction', 'criteria/K1', 'status/2026/units/0701') and
    language (None: the project's own)."""

    texts: dict[str, dict[str | None, Text]] = field(default_factory=dict)

    def text(self, place: str, language: str) -> Text | None:
        """The text for `place` in `language`, or in the project's language when it has no variant in that one."""
        variants = self.texts.get(place, {})
        return variants.get(language) or variants.get(None)

    @property
    def files(self) -> list[str]:
        return sorted(text.file for variants in self.texts.values() for text in variants.values())


def parser(validate_link: Callable[[str], bool] | None = None) -> MarkdownIt:
    """CommonMark with tables and strikethrough; raw HTML is text, links only to the web, e-mail or the report."""
    if validate_link is None:
        return _shared_parser()
    return _Parser(validate_link).enable(["table", "strikethrough"])


@cache  # a parser is only read by its parse(): one serves every text (making one costs a millisecond)
def _shared_parser() -> MarkdownIt:
    return _Parser(allowed_link).enable(["table", "strikethrough"])


@cache
def _html_finder() -> MarkdownIt:
    """CommonMark that keeps raw HTML as HTML tokens: how the notices find it."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table"])


class _Parser(MarkdownIt):
    def __init__(self, validate_link: Callable[[str], bool]) -> None:
        super().__init__("commonmark", {"html": False, "linkify": False, "typographer": False})
        self._validate_link = validate_link

    def validateLink(self, url: str) -> bool:  # markdown-it's name
        return self._validate_link(url)

    def normalizeLink(self, url: str) -> str:  # markdown-it's name
        # A redacted address (mailto:[…]) stays as written, for the report to show its text without a link.
        return url if REDACTED in url else super().normalizeLink(url)


def allowed_link(url: str) -> bool:
    return bool(ALLOWED_LINK.match(url.strip()))


def read_narrative(folder: Path, spec: ProjectSpec) -> tuple[Narrative, list[Path], list[Problem], list[Problem]]:
    """The project's texts, the files read, the problems that stop a report, and the notices that do not."""
    root = folder / FOLDER
    narrative, paths, problems, notices = Narrative(), list[Path](), list[Problem](), list[Problem]()
    if not root.is_dir():
        return narrative, paths, problems, notices
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.name.startswith(".") or path.is_dir():
            continue  # an editor's or the system's own files (.DS_Store, .~lock)
        place, language, problem = place_of(path.relative_to(root).as_posix(), spec)
        if problem:
            problems.append(Problem(relative, None, None, problem, repr(path.relative_to(root).as_posix())))
            continue
        try:
            path = confined(folder, relative, relative, "the project folder")  # not a symbolic link to elsewhere
            text = read_text(path, relative)
        except UnsafePath as unsafe:
            problems.append(unsafe.problem(relative))
            continue
        except InputError as error:
            problems.extend(error.problems)
            continue
        paths.append(path)
        narrative.texts.setdefault(place, {})[language] = text
        problems += prose.problems(text.file, text.source, spec)
        notices += markup_notices(text)
    return narrative, paths, problems, notices


def place_of(relative: str, spec: ProjectSpec) -> tuple[str, str | None, str | None]:
    """'status/2026/criteria/K1.da.md' → ('status/2026/criteria/K1', 'da', None); a name no report uses gives a
    problem."""
    names = ", ".join(f"{place}.md" for place in PLACES)
    expected = (
        f"a Markdown file named {names}, criteria/<criterion id>.md, units/<unit id>.md, activities/<activity "
        "id>.md, recommendations/<recommendation id>.md or status/<period>/ with the same names or a committee "
        f"case's {', '.join(f'{place}.md' for place in CASE_PLACES)}, each optionally as <name>.da.md, .nb.md or "
        ".en.md (docs/inputs.md)"
    )
    if not relative.endswith(".md"):
        return "", None, expected
    parts = relative.removesuffix(".md").split("/")
    language = None
    stem, _, suffix = parts[-1].rpartition(".")
    if stem and suffix in LANGUAGES:
        parts[-1], language = stem, suffix
    prefix = []
    if parts[0] == "status" and len(parts) >= 3:
        try:
            period = parse_period(parts[1], spec.period)
        except EvalreportError:
            return (
                "",
                None,
                (
                    f"a folder status/<period> named by a year or years of the project's {spec.period.label}, "
                    f"such as status/{ReportPeriod(spec.period.end, spec.period.end, spec.period.start_month).name}"
                ),
            )
        prefix, parts = ["status", period.name], parts[2:]
    if len(parts) == 1 and (parts[0] in PLACES or (prefix and parts[0] in CASE_PLACES)):
        return "/".join(prefix + parts), language, None
    if len(parts) == 2 and parts[0] in ROW_KINDS and not prefix:
        return "/".join(parts), language, None
    if len(parts) == 2 and parts[0] in KINDS:
        known = [c.id for c in spec.criteria] if parts[0] == "criteria" else [u.id for u in spec.units]
        if parts[1] in known:
            return "/".join(prefix + parts), language, None
        return (
            "",
            None,
            (
                f"a file named <id>.md after a {KINDS[parts[0]]} of project.yaml, whose ids are "
                f"{', '.join(known) or 'none'}"
            ),
        )
    return "", None, expected


def unknown_rows(narrative: Narrative, kind: str, ids: list[str], table: str) -> list[Problem]:
    """A notice for each text in text/<kind>/ (activities, recommendations) whose id no row of `table` has: the
    report leaves it out."""
    known = set(ids)
    notices = []
    for place, variants in sorted(narrative.texts.items()):
        folder, _, id = place.partition("/")
        if folder == kind and id not in known:
            for text in variants.values():
                expected = (
                    f"a file named after the id of a {ROW_KINDS[kind]} in {table}, whose ids are "
                    f"{', '.join(ids) or 'none'} (no report shows this text)"
                )
                notices.append(Problem(text.file, None, None, expected, repr(id)))
    return notices


def read_text(path: Path, relative: str) -> Text:
    check_size(path, MAX_TEXT_BYTES)
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        found = f"byte 0x{raw[error.start]:02x}, which is not UTF-8 (was the file saved as Windows-1252/ANSI?)"
        raise InputError([Problem(relative, line, None, "text saved as UTF-8", found)]) from None
    return Text(relative, redact(source.replace("\r\n", "\n").replace("\r", "\n")))


def markup_notices(text: Text) -> list[Problem]:
    """What the report shows otherwise than written: raw HTML and scripts (as text), links that lead neither to the
    web nor to an e-mail address (as text), and images (by their description)."""
    refused: list[str] = []

    def validate(url: str) -> bool:
        if not allowed_link(url):
            refused.append(url)
            return False
        return True

    notices = []
    lines = text.source.split("\n")
    for token in parser(validate).parse(text.source):
        for child in [token, *(token.children or [])]:
            if child.type == "image":
                where = line_of(lines, str(child.attrGet("src") or ""), token)
                notices.append(
                    Problem(
                        text.file,
                        where,
                        None,
                        (
                            "no images in the text (it shows the image's description instead; charts belong in a "
                            "notebook section)"
                        ),
                        repr(child.attrGet("src")),
                    )
                )
    html = _html_finder()
    tagged: set[int | None] = set()  # one notice a line: `<b>fet</b>` is one piece of HTML, not two
    for token in html.parse(text.source):
        for child in [token, *(token.children or [])]:
            if child.type in ("html_block", "html_inline") and child.content.strip():
                shown = child.content.strip().splitlines()[0][:60]
                line = line_of(lines, shown, token)
                if line not in tagged:
                    tagged.add(line)
                    notices.append(
                        Problem(
                            text.file,
                            line,
                            None,
                            "Markdown without HTML (the report shows HTML as text; it never runs)",
                            repr(shown),
                        )
                    )
    for url in dict.fromkeys(refused):
        notices.append(
            Problem(
                text.file,
                line_of(lines, url),
                None,
                "links to web pages (https://…) or e-mail addresses (mailto:…); the report shows this one as text",
                repr(url[:80]),
            )
        )
    return notices


def line_of(lines: list[str], needle: str, token=None) -> int | None:
    """The first line (1-based) holding `needle`, from the start of the block it is in."""
    start = token.map[0] if token is not None and token.map else 0
    for number in range(start, len(lines)):
        if needle and needle in lines[number]:
            return number + 1
    return start + 1 if token is not None and token.map else None
