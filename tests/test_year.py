"""docs/year.md runs as written: its commands, in order, from `evalreport new` to the end report, in a folder of
their own, with the files it shows written as shown; then a few things the year promises are checked.

The page's fenced blocks are read in order: ```sh blocks are run line by line from the folder (as a user runs them
from the evalreport folder, with inputs/ and reports/ there; an `.venv/bin/evalreport` line is the command's `main`
called in this process with the line's arguments: the same code, without a Python and a kernel start per line);
```<language> file=PATH blocks are written to PATH; ```yaml section=PATH blocks replace the top-level sections of PATH
they hold; a ```text block after an sh block is that block's output, and each of its lines (but "…" and timings) must
be in what the commands printed.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import re
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
YEAR = ROOT / "docs" / "year.md"
PROJECT = "integrationsforum-odder"
FENCE = re.compile(r"^```(\S*)([^\n]*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
# The one warning the year expects from validate: a question asked from the second wave on.
EXPECTED_WARNING = "survey.csv, field 'tidspunkt': expected an item asked in every wave"


@dataclass
class Block:
    language: str
    options: dict[str, str]
    body: str
    line: int  # where the block starts in docs/year.md, for messages


@dataclass
class Year:
    folder: Path
    blocks: list[Block]
    runs: list[tuple[str, str]] = field(default_factory=list)  # each command run, in order, and what it printed

    def report(self, period: str, name: str) -> Path:
        return self.folder / "reports" / PROJECT / period / name

    def text_of(self, period: str, name: str) -> str:
        """A report's page as a reader reads it: tags, styles and scripts gone, entities decoded, spaces joined."""
        page = self.report(period, name).read_text(encoding="utf-8")
        page = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", page, flags=re.DOTALL)
        return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def blocks_of(text: str) -> list[Block]:
    found = []
    for match in FENCE.finditer(text):
        options = dict(option.split("=", 1) for option in match.group(2).split())
        found.append(Block(match.group(1), options, match.group(3), text.count("\n", 0, match.start()) + 1))
    return found


def commands_of(block: Block) -> list[str]:
    return [line.strip() for line in block.body.splitlines() if line.strip() and not line.strip().startswith("#")]


def replace_sections(text: str, sections: str) -> str:
    """`text` (a YAML file) with each top-level key of `sections` replaced by its block there, as a user pastes it."""
    for key in re.findall(r"^([A-Za-z_][\w-]*):", sections, flags=re.MULTILINE):
        new = re.search(rf"^{key}:.*?(?=^\S|\Z)", sections, flags=re.MULTILINE | re.DOTALL)
        old = re.search(rf"^{key}:.*?(?=^\S|\Z)", text, flags=re.MULTILINE | re.DOTALL)
        assert new and old, f"section {key!r} not in both the page's block and the file"
        text = text[: old.start()] + new.group(0) + text[old.end() :]
    return text


def environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EVALREPORT_SMTP", "EVALREPORT_OUTBOX"))}
    env |= {"EVALREPORT_INPUTS": str(folder / "inputs"), "EVALREPORT_REPORTS": str(folder / "reports")}
    return env


def shown_output_missing(shown: str, printed: str) -> list[str]:
    """The lines of a ```text block that the commands did not print (timings and "…" lines aside)."""
    lines = [line.rstrip() for line in shown.splitlines()]
    return [
        line
        for line in lines
        if line.strip() not in ("", "…") and not re.search(r"\(\d+\.\d s\)", line) and line.strip() not in printed
    ]


EVALREPORT = ".venv/bin/evalreport "


def run_line(command: str, folder: Path, env: dict[str, str]) -> tuple[int, str]:
    """One line of an sh block, run from `folder` with `env`: its exit code and what it printed."""
    if not command.startswith(EVALREPORT):
        done = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
        return done.returncode, done.stdout + done.stderr
    printed = io.StringIO()
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.redirect_stdout(printed),
        contextlib.redirect_stderr(printed),
    ):
        patch.chdir(folder)
        for name in set(os.environ) - set(env):
            patch.delenv(name)
        for name, value in env.items():
            patch.setenv(name, value)
        try:
            code = main(shlex.split(command[len(EVALREPORT) :]))
        except SystemExit as stopped:  # argparse's refusal
            code = stopped.code if isinstance(stopped.code, int) else 2
    return code, printed.getvalue()


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> Year:
    folder = tmp_path_factory.mktemp("year")
    (folder / "tests" / "fixtures").mkdir(parents=True)
    (folder / "tests" / "fixtures" / "year").symlink_to(ROOT / "tests" / "fixtures" / "year")
    env = environment(folder)
    result = Year(folder, blocks_of(YEAR.read_text(encoding="utf-8")))
    printed = ""
    for block in result.blocks:
        if block.language == "sh":
            printed = ""
            for command in commands_of(block):
                code, output = run_line(command, folder, env)
                output = output.replace(f"{folder}/", "")
                assert code == 0, f"docs/year.md line {block.line}: {command}\n{output}"
                result.runs.append((command, output))
                printed += output
        elif "file" in block.options:
            path = folder / block.options["file"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block.body, encoding="utf-8")
        elif "section" in block.options:
            path = folder / block.options["section"]
            path.write_text(replace_sections(path.read_text(encoding="utf-8"), block.body), encoding="utf-8")
        elif block.language == "text" and printed:
            missing = shown_output_missing(block.body, printed)
            assert not missing, f"docs/year.md line {block.line} shows output the commands did not print: {missing}"
    return result


def commands(year: Year, start: str) -> list[str]:
    return [c for c, _ in year.runs if c.startswith(".venv/bin/evalreport " + start)]


def outputs(year: Year, start: str) -> list[str]:
    return [printed for c, printed in year.runs if c.startswith(".venv/bin/evalreport " + start)]


def test_the_year_runs_from_a_new_project_to_the_end_report_in_the_order_a_user_meets_it(year):
    verbs = [command.split()[1] for command, _ in year.runs if command.startswith(".venv/bin/evalreport")]
    assert verbs[0] == "new"
    order = ["new", "import", "validate", "due", "decide", "import", "validate", "due", "decide", "run"]
    it = iter(verbs)
    assert all(verb in it for verb in order), verbs
    assert any("--append" in c for c in commands(year, "import")), "the second wave is added, not imported over"
    assert year.report("2025", "status_report.pdf").is_file()
    assert year.report("2025-2026", "status_report.pdf").is_file()
    assert year.report("2025-2026", "end_report.pdf").is_file()
    history = outputs(year, "history")[0]
    assert "2025-12-01" in history and "2026-12-01" in history and history.count("delivered") == 2, history
    outbox = year.folder / "reports" / "udvalg" / "social-integration"
    assert {p.name for p in outbox.iterdir()} >= {
        f"{PROJECT}_status_report_2025.pdf",
        f"{PROJECT}_committee_case_2025.docx",
        f"{PROJECT}_status_report_2025-2026.pdf",
        f"{PROJECT}_committee_case_2025-2026.docx",
    }


def test_each_status_is_judged_as_of_its_scheduled_day(year):
    for period, day in (("2025", "2025-12-01"), ("2025-2026", "2026-12-01")):
        results = json.loads(year.report(period, "status_report.results.json").read_text(encoding="utf-8"))
        assert results["as_of"] == day
        assert "pr. 1. december " + day[:4] in year.text_of(period, "status_report.html")


def test_the_second_status_compares_the_two_waves(year):
    results = json.loads(year.report("2025-2026", "status_report.results.json").read_text(encoding="utf-8"))
    assert [wave["wave"] for wave in results["survey"]["waves"]] == ["2025", "2026"]
    page = year.text_of("2025-2026", "status_report.html")
    assert "Udvikling siden efteråret 2025" in page
    assert "fra efteråret 2025 til efteråret 2026" in page
    # The question both waves asked is compared with its figures of both years.
    assert re.search(r"Mine synspunkter bliver hørt i forummet \d+,\d % \(\d+\) \d+,\d % \(\d+\) [+−]\d", page)
    # The question new in 2026 is not compared with a wave that did not ask it; the end report shows its answers.
    assert "Møderne ligger på tidspunkter" not in page and "Kan ikke sammenlignes" not in page
    end = year.text_of("2025-2026", "end_report.html")
    assert "Møderne ligger på tidspunkter" in end and "Kan ikke sammenlignes" not in end
    # And the criteria against the status stored a year before.
    assert "sammenlignet med sidste status pr. 1. december 2025" in page


def test_the_decision_recorded_shows_in_its_case_and_in_next_years(year):
    first = shlex.split(commands(year, "decide")[0])
    decision = first[first.index("--text") + 1]
    assert f"Social- og Integrationsudvalget,2025,2025-12-09,{decision}" in (
        year.folder / "inputs" / PROJECT / "decisions.csv"
    ).read_text(encoding="utf-8")
    decisions = (year.folder / "inputs" / PROJECT / "decisions.csv").read_text(encoding="utf-8")
    assert "Social- og Integrationsudvalget,2025-2026,2026-12-08,Indstillingen blev godkendt." in decisions
    case = year.text_of("2025-2026", "committee_case.html")
    assert "Ved sidste status besluttede udvalget den 9. december 2025" in case
    assert f"»{decision}«" in case
    # The first case asked for a decision on the recommendation; the second opens with the evaluator's clauses.
    assert "at udvalget tager stilling til anbefaling A1" in year.text_of("2025", "committee_case.html")
    assert "at forummet videreføres efter projektperioden" in case


def test_no_report_says_no_data_where_the_year_gave_data(year):
    for period, name in (
        ("2025", "status_report.html"),
        ("2025", "committee_case.html"),
        ("2025-2026", "status_report.html"),
        ("2025-2026", "committee_case.html"),
        ("2025-2026", "end_report.html"),
    ):
        page = year.text_of(period, name)
        assert "Ingen data" not in page and "ingen data" not in page.replace("betyder ingen data", ""), (period, name)
    end = year.text_of("2025-2026", "end_report.html")
    assert "267 personer" in end  # both years' participants, 104 + 163
    assert "Møderne holdes kl. 19–21 fra februar 2026" in end


def test_validate_warns_only_about_the_question_the_second_wave_added(year):
    first, second = outputs(year, "validate")
    assert "valid" in first and not re.search(r"^\s*!", first, flags=re.MULTILINE), first
    warnings = [line.strip() for line in second.splitlines() if line.strip().startswith("!")]
    assert len(warnings) == 1 and EXPECTED_WARNING in warnings[0], second


def test_the_page_reader_replaces_a_section_and_keeps_the_rest():
    text = "title: A\nsurvey:\n  waves: []\n\n# comment\ncriteria:\n  - id: K1\n"
    pasted = replace_sections(text, "survey:\n  waves: [1]\n")
    assert pasted == "title: A\nsurvey:\n  waves: [1]\n# comment\ncriteria:\n  - id: K1\n"
    assert shown_output_missing("made it\n…\nok x (15.4 s)\nnot printed", "we made it") == ["not printed"]
