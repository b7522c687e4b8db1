"""The `evalreport` command line: thin; it parses, calls into the pipeline, and prints progress and a summary."""

from __future__ import annotations

import argparse
import os
import re
import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.errors import EvalreportError, InputError, ToFillIn, in_one_line
from pipeline.paths import safe_job_name, safe_name
from pipeline.vocabulary import LANGUAGES

if TYPE_CHECKING:
    from rich.console import Console

    from pipeline.run.jobs import JobResult, Workspace

# Each command imports the pipeline it needs when it runs, so that `--help`, `--version` and a mistyped option answer
# at once: the reports' libraries (pandas, statsmodels, matplotlib, Jupyter, Typst) take seconds to load.


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(indicators_word(sys.argv[1:] if argv is None else list(argv)))
    from pipeline.run.jobs import Workspace

    workspace = Workspace.default(args.inputs, args.reports)
    try:
        return args.command(args, workspace)
    except EvalreportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # the machine's: a read-only or full disk, a file where a folder belongs
        print(f"error: {in_one_line(error)}", file=sys.stderr)
        return 2


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="evalreport", description="Evaluation and status reports for public-sector projects."
    )
    top.add_argument("--version", action="version", version=f"evalreport {__version__}")
    top.add_argument("--inputs", type=Path, help="folder of projects (default: inputs/ or $EVALREPORT_INPUTS)")
    top.add_argument("--reports", type=Path, help="folder for reports (default: reports/ or $EVALREPORT_REPORTS)")
    commands = top.add_subparsers(required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="list the projects and whether their inputs are valid")
    listing.set_defaults(command=list_command)

    new = commands.add_parser(
        "new", help="start a project: inputs/PROJECT/ with a commented project.yaml and empty tables"
    )
    new.add_argument(
        "project", metavar="PROJECT", help="the new project's id, its folder's name (letters, digits, '-', '_')"
    )
    new.add_argument(
        "--language", required=True, choices=LANGUAGES, help="the reports' language, and project.yaml's comments'"
    )
    new.add_argument(
        "--kind",
        default="blank",
        choices=["settlement", "forum", "plan", "blank"],
        help="what it measures, after the examples in inputs/: settlement (municipalities' settlement of refugees), "
        "forum (participation and a yearly survey), plan (an area's plan with baselines), blank (default)",
    )
    units = new.add_mutually_exclusive_group()
    units.add_argument(
        "--units", type=Path, metavar="FILE", help="a CSV table with the columns id and name, a row per unit"
    )
    units.add_argument(
        "--units-from",
        choices=["kommuner-no", "kommuner-dk"],
        help="every current municipality of Norway or Denmark, with its official number",
    )
    new.set_defaults(command=new_command)

    validate = commands.add_parser("validate", help="check a project's inputs and list every problem")
    validate.add_argument("projects", nargs="*", metavar="PROJECT", help="project ids (default: every project)")
    validate.add_argument(
        "--audit",
        action="store_true",
        help="also print every withheld cell with the interval an attacker can work out, and fail if one is too narrow",
    )
    validate.set_defaults(command=validate_command)

    run = commands.add_parser("run", help="render reports for a project, or for every project with --all")
    run.add_argument("project", nargs="?", metavar="PROJECT")
    run.add_argument("--all", action="store_true", help="every project under the inputs folder")
    run.add_argument(
        "--report", action="append", metavar="NAME", help="a notebook in notebooks/ (default: the project's `reports`)"
    )
    where = run.add_mutually_exclusive_group()
    where.add_argument("--unit", help="one unit (municipality) id")
    where.add_argument("--per-unit", action="store_true", help="one report per unit")
    run.add_argument(
        "--period",
        help=(
            "a year (2016) or span (2015-2016), on fiscal or school years 2018/19 or 2018-19; default the "
            "project's whole period"
        ),
    )
    run.add_argument("--language", choices=LANGUAGES, help="override the project's language")
    run.add_argument(
        "--as-of",
        type=iso_day,
        metavar="DATE",
        help="the day the reports are judged at, e.g. 2026-10-31 (default: a status its scheduled day, "
        "others today while the period runs, else the period's last day)",
    )
    run.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default both)")
    run.add_argument("--jobs", type=reports_at_once, default=default_jobs(), help=JOBS_HELP)
    run.add_argument(
        "--timeout",
        type=int,
        default=600,
        help="seconds each report may take: loading, running and rendering it (default 600)",
    )
    run.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help=(
            "run the jobs on this Dask cluster instead (evalreport and the inputs/reports folders must be on "
            "every worker)"
        ),
    )
    run.add_argument("--dry-run", action="store_true", help="print the jobs, and why each would run, and stop")
    run.add_argument("--force", action="store_true", help="run every job, even those whose inputs have not changed")
    run.add_argument(
        "--wait", action="store_true", help="wait for another run of the same project to end instead of stopping"
    )
    run.set_defaults(command=run_command)

    importing = commands.add_parser(
        "import", help="turn a survey tool's export into a project's survey.csv and a draft codebook"
    )
    # `--missing -1,99` is a value, not an option: read as Python 3.13's argparse reads a leading '-' and a digit.
    importing._negative_number_matcher = re.compile(r"-\.?\d")
    importing.add_argument(
        "--from",
        dest="tool",
        required=True,
        metavar="TOOL",
        help="csv (any table with a row per respondent: .csv, .tsv, .xlsx, .xls, .ods, .sav), "
        "surveyxact, nettskjema, limesurvey, msforms, kobo, googleforms, surveymonkey or spss",
    )
    importing.add_argument(
        "file", type=Path, metavar="FILE", help="the export (for SurveyXact's CSV files: their folder or dataset.csv)"
    )
    importing.add_argument(
        "--project", required=True, metavar="P", help="writes inputs/P/survey.csv and inputs/P/codebook.draft.yaml"
    )
    wave = importing.add_mutually_exclusive_group()
    wave.add_argument("--wave", metavar="ID", help="the wave id (default: the year most respondents answered in)")
    wave.add_argument("--wave-column", metavar="COL", help="the column whose answers are each respondent's wave")
    importing.add_argument("--group-column", metavar="COL", help="the column whose answers are the respondent groups")
    importing.add_argument("--unit-column", metavar="COL", help="the column whose answers are unit (municipality) ids")
    importing.add_argument(
        "--id-column", metavar="COL", help="--from csv: the column of respondent ids (default: ids are made, r0001 ...)"
    )
    importing.add_argument(
        "--items", metavar="COL,COL,...", help="only these columns become items (default: every other column)"
    )
    importing.add_argument("--drop", metavar="COL,COL,...", help="leave these columns out")
    importing.add_argument(
        "--missing", metavar="CODE,CODE,...", help="answers that mean no answer, such as -1,99,999: blank in survey.csv"
    )
    importing.add_argument("--sheet", metavar="NAME", help="--from csv: the workbook's sheet (default: the first)")
    importing.add_argument("--item-ids", type=Path, metavar="FILE", help="a two-column table: question text, item id")
    importing.add_argument(
        "--force", action="store_true", help="replace survey.csv and codebook.draft.yaml if they hold data"
    )
    importing.add_argument(
        "--append",
        action="store_true",
        help="add the export to survey.csv as a new wave (refused if its wave or ids are there)",
    )
    importing.add_argument(
        "--replace-wave", action="store_true", help="with --append: replace the wave's rows if survey.csv has it"
    )
    importing.set_defaults(command=import_command)

    # `evalreport import indicators …` (see indicators_word): its own options, with names shared where they mean the
    # same.
    indicators = commands.add_parser(
        "import-indicators",
        prog="evalreport import indicators",
        help="written `import indicators`: a statistics table → indicators.csv and the `indicators:` block",
        description=(
            "Turn a statistics table into a project's indicators.csv and the `indicators:` block for project.yaml."
        ),
    )
    indicators.add_argument(
        "--from",
        dest="form",
        nargs=2,
        required=True,
        metavar=("FORMAT", "FILE"),
        help="long, wide (CSV, .xlsx, .xls, .ods), px (PC-Axis) or jsonstat (JSON-stat 2.0), then the file",
    )
    indicators.add_argument(
        "--project",
        required=True,
        metavar="P",
        help="writes inputs/P/indicators.csv and inputs/P/indicators.draft.yaml",
    )
    indicators.add_argument(
        "--unit-column",
        metavar="COL",
        help=(
            "the column (or dimension) of units, e.g. region (default: guessed from its name); none: the figures "
            "are the whole project's"
        ),
    )
    indicators.add_argument("--period-column", metavar="COL", help="the column of years, e.g. år (default: guessed)")
    indicators.add_argument(
        "--indicator-column", metavar="COL", help="the column whose values are the indicators, e.g. statistikkvariabel"
    )
    indicators.add_argument(
        "--value-column",
        metavar="COL",
        help="--from long: the column of figures (default: value/verdi/værdi, else the last)",
    )
    indicators.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="COL=VALUE",
        help=(
            "keep only these rows; repeat it: different columns must all match, one column repeated matches any "
            "of its values"
        ),
    )
    indicators.add_argument(
        "--missing",
        metavar="CODE,CODE,...",
        help="codes for no figure (default: . .. ... :); '-' is nil, a true zero, unless listed",
    )
    indicators.add_argument(
        "--units-from-project",
        action="store_true",
        help="keep only the project's units (0301, 301 and K-0301 are one unit)",
    )
    indicators.add_argument("--sheet", metavar="NAME", help="a workbook's sheet (default: the first)")
    indicators.add_argument(
        "--force", action="store_true", help="replace indicators.csv and indicators.draft.yaml if they hold data"
    )
    indicators.add_argument(
        "--append",
        action="store_true",
        help="merge into indicators.csv by unit, indicator and year (a changed figure is refused)",
    )
    indicators.add_argument(
        "--replace", action="store_true", help="with --append: a new figure replaces a different one"
    )
    indicators.set_defaults(command=import_indicators_command)

    index = commands.add_parser(
        "index", help="write reports/index.html again: every project, its status and its reports"
    )
    index.add_argument(
        "--language", choices=LANGUAGES, help="every word in this language (default: each project in its own)"
    )
    index.set_defaults(command=index_command)

    due = commands.add_parser(
        "due", help="make, record and deliver the committees' statuses that are due (see docs/committees.md)"
    )
    due.add_argument(
        "projects", nargs="*", metavar="PROJECT", help="project ids (default: every project with committees)"
    )
    due.add_argument(
        "--on",
        type=iso_day,
        default=date.today(),
        metavar="DATE",
        help="the day to judge what is due (default: today), e.g. 2026-10-01",
    )
    due.add_argument("--dry-run", action="store_true", help="print what is due and why, and stop")
    due.add_argument("--force", action="store_true", help="make the latest scheduled status again, even if it was made")
    due.add_argument("--jobs", type=reports_at_once, default=default_jobs(), help=JOBS_HELP)
    due.add_argument(
        "--timeout",
        type=int,
        default=600,
        help="seconds each report may take: loading, running and rendering it (default 600)",
    )
    due.add_argument(
        "--wait", action="store_true", help="wait for another run of the same project to end instead of stopping"
    )
    due.set_defaults(command=due_command)

    decide = commands.add_parser(
        "decide", help="record the decision a committee took on the project's case (decisions.csv)"
    )
    decide.add_argument("project", metavar="PROJECT")
    decide.add_argument("--period", required=True, metavar="PERIOD", help="the case's period, such as 2025-2026")
    decide.add_argument(
        "--text", required=True, metavar="TEXT", help='what was decided, such as "Indstillingen blev godkendt."'
    )
    decide.add_argument(
        "--date", type=iso_day, default=date.today(), metavar="DATE", help="the day of the decision (default: today)"
    )
    decide.add_argument(
        "--committee", metavar="NAME", help="the committee (default: the project's only one with a yearly status)"
    )
    decide.add_argument("--replace", action="store_true", help="change a decision already recorded for the period")
    decide.set_defaults(command=decide_command)

    history = commands.add_parser(
        "history", help="show the run ledger: every committee status made, and its deliveries"
    )
    history.add_argument("project", nargs="?", metavar="PROJECT", help="one project's runs (default: all)")
    history.set_defaults(command=history_command)

    schedule = commands.add_parser(
        "schedule", help="print a crontab line or systemd units that run `evalreport due` daily"
    )
    kind = schedule.add_mutually_exclusive_group(required=True)
    kind.add_argument("--cron", action="store_true", help="a crontab line (crontab -e)")
    kind.add_argument("--systemd", action="store_true", help="a service and a timer unit")
    schedule.add_argument("--at", default="06:15", metavar="HH:MM", help="time of day (default 06:15)")
    schedule.add_argument(
        "--env-file",
        type=Path,
        metavar="FILE",
        help="a file of EVALREPORT_SMTP_* settings, named to the delivering code",
    )
    schedule.set_defaults(command=schedule_command)
    return top


JOBS_HELP = "reports made at once (default: $EVALREPORT_JOBS, else the cores this command may use)"


def default_jobs() -> str:
    """--jobs unless given: $EVALREPORT_JOBS (a shared machine's or a test run's choice), else every core this
    process may run on (its affinity, which a container or `taskset` narrows; `os.cpu_count` counts the machine's)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return os.environ.get("EVALREPORT_JOBS", "").strip() or str(cores)


def reports_at_once(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        expected = "expected a whole number of reports, 1 or more (--jobs, or $EVALREPORT_JOBS)"
        raise argparse.ArgumentTypeError(f"{expected}, found {text!r}")
    return int(text)


def iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date such as 2026-10-01, found {text!r}") from None


def list_command(args, workspace: Workspace) -> int:
    from pipeline.project import list_projects, load_project

    projects = list_projects(workspace.inputs)
    if not projects:
        print(f"no projects in {workspace.inputs}")
        return 0
    print(f"{'project':28} {'lang':4} {'period':10} {'units':>5}  {'inputs':7} title")
    failed = 0
    for project_id in projects:
        try:
            spec = load_project(project_id, workspace.inputs).spec
            period = f"{spec.period.start}-{spec.period.end}" if not spec.period.split else spec.period.label
            print(f"{project_id:28} {spec.language:4} {period:10} {len(spec.units):>5}  {'valid':7} {spec.title}")
        except InputError as error:
            failed += 1
            print(
                f"{project_id:28} {'':4} {'':10} {'':>5}  {'INVALID':7} {len(error.problems)} problem(s): "
                f"evalreport validate {project_id}"
            )
        except Exception as error:  # whatever one project does, the others are listed
            failed += 1
            print(f"{project_id:28} {'':4} {'':10} {'':>5}  {'UNREAD':7} {in_one_line(error)}")
    print(f"\nreports: {', '.join(workspace.available_reports())}")
    return 1 if failed else 0


def validate_command(args, workspace: Workspace) -> int:
    from pipeline.project import list_projects, load_project

    failed = 0
    for project_id in args.projects or list_projects(workspace.inputs):
        try:
            project = load_project(project_id, workspace.inputs)
        except InputError as error:
            failed += 1
            print_problems(project_id, error.problems)
            continue
        except Exception as error:  # whatever one project does, the others are validated
            failed += 1
            print(f"{project_id}: could not be read: {in_one_line(error)}")
            continue
        spec = project.spec
        print(
            f"{project_id}: valid ({len(spec.units)} units, {len(spec.criteria)} criteria, "
            f"{len(project.indicators)} indicator rows, "
            f"{len(project.survey)} respondents, {len(project.milestones)} milestones)"
        )
        for notice in project.notices:  # shown otherwise than written (raw HTML as text, say): the report is made
            print(f"  ! {notice}")
        from pipeline.present.report import narrative_hints  # the reports' libraries, for the figures they compute

        for hint in narrative_hints(project):
            print(f"  hint: {hint}")
        if args.audit:
            from pipeline.committees.audit import audit_lines, published_results  # the solver only when asked

            lines, safe = audit_lines(project, published_results(workspace.reports, project.id))
            print("\n".join(f"  {line}" for line in lines))
            failed += not safe
    return 1 if failed else 0


def print_problems(project_id: str, problems: list) -> None:
    """What `evalreport new` left to fill in as a checklist, one line each; then every other problem."""
    to_fill_in = [p for p in problems if isinstance(p, ToFillIn)]
    others = [p for p in problems if not isinstance(p, ToFillIn)]
    if to_fill_in:
        print(f"{project_id}: to fill in before the first report ({len(to_fill_in)}):")
        for problem in to_fill_in:
            print(f"  [ ] {problem}")
    if others:
        print(f"{project_id}: {len(others)} problem(s)")
        for problem in others:
            print(f"  - {problem}")


def new_command(args, workspace: Workspace) -> int:
    from pipeline.municipalities import municipalities, units_from_file
    from pipeline.new import new_project

    units = municipalities(args.units_from) if args.units_from else units_from_file(args.units) if args.units else None
    print("\n".join(new_project(workspace.inputs, args.project, args.language, args.kind, units).summary()))
    return 0


def run_command(args, workspace: Workspace) -> int:
    from rich.console import Console

    from pipeline.project import list_projects, load_project
    from pipeline.run.batch import FORMATS, run_jobs, why_each_runs
    from pipeline.run.index import write_index
    from pipeline.run.jobs import plan_jobs
    from pipeline.run.lock import projects_locked
    from pipeline.run.progress import batch_progress

    if bool(args.project) == bool(args.all):
        raise EvalreportError("run: name one PROJECT, or give --all")
    if args.all and args.unit:
        raise EvalreportError("run: --unit names a unit of one project; use it without --all")
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    if not formats or any(f not in FORMATS for f in formats):
        raise EvalreportError(
            f"--format: expected a comma-separated list of {', '.join(FORMATS)}, found {args.format!r}"
        )
    jobs, invalid, projects = [], [], {}
    for project_id in list_projects(workspace.inputs) if args.all else [args.project]:
        try:
            project = projects[project_id] = load_project(project_id, workspace.inputs)
            planned = plan_jobs(
                project, workspace, args.report, args.unit, args.per_unit, args.period, args.language, args.as_of
            )
            for job in planned:  # a name too long for the file system stops its project here, not the batch at writing
                safe_job_name(job.name, project_id)
        except Exception as error:
            if not args.all:
                raise
            invalid.append(project_id)  # one bad project must not stop a batch of good ones, whatever it does
            projects.pop(project_id, None)
            print(
                f"skipping {project_id}: {error if isinstance(error, InputError) else in_one_line(error)}",
                file=sys.stderr,
            )
            continue
        jobs += planned

    with projects_locked(workspace.reports, [job.project for job in jobs], wait=args.wait):
        reasons = why_each_runs(jobs, workspace, formats, args.force, projects)  # the projects just loaded, not again
        if args.dry_run:
            print(f"{len(jobs)} job(s), {sum(map(bool, reasons.values()))} to run:")
            for job in jobs:
                print(f"  {job.label}  ({job.language})  {reasons[job] or 'unchanged: skip'}")
            return 1 if invalid else 0
        console = Console()
        workers = min(args.jobs, max(1, sum(map(bool, reasons.values()))))
        where = f"on the Dask cluster at {args.scheduler}" if args.scheduler else f"with {workers} worker(s)"
        console.print(f"making {len(jobs)} report(s) {where} → {workspace.reports}")
        with batch_progress(sum(map(bool, reasons.values())), workers, console) as progress:
            results = run_jobs(
                jobs, workspace, formats, args.timeout, args.jobs, progress.finished, reasons, args.scheduler, projects
            )
    print_summary(results, workspace, console)
    console.print(
        f"reports are in {os.path.relpath(workspace.reports)}/<project>/<period>/; index of every report: "
        f"{os.path.relpath(write_index(workspace.reports))}"
    )
    for project_id in invalid:
        console.print(f"[red]NOT RUN[/] {project_id}: invalid inputs (evalreport validate {project_id})")
    return 0 if all(r.ok for r in results) and not invalid else 1


def import_command(args, workspace: Workspace) -> int:
    # Imported here: the Excel and SPSS readers load only when importing.
    from pipeline.importers import import_survey
    from pipeline.importers.choices import names

    result = import_survey(
        args.tool,
        args.file,
        workspace.inputs / safe_name(args.project, "--project"),  # a project id: `../x` must not write elsewhere
        wave=args.wave,
        wave_column=args.wave_column,
        group_column=args.group_column,
        unit_column=args.unit_column,
        id_column=args.id_column,
        items=names(args.items),
        drop=names(args.drop),
        missing=names(args.missing),
        sheet=args.sheet,
        item_ids=args.item_ids,
        force=args.force,
        append=args.append,
        replace_wave=args.replace_wave,
    )
    print("\n".join(result.summary()))
    return 0


def indicators_word(argv: list[str]) -> list[str]:
    """`import indicators` as the parser's `import-indicators`: argparse cannot tell `import indicators --from px FILE`
    from `import --from TOOL FILE` by position, so the word chooses the parser."""
    for i, word in enumerate(argv[:-1]):
        if word == "import" and argv[i + 1] == "indicators":
            return argv[:i] + ["import-indicators"] + argv[i + 2 :]
    return argv


def import_indicators_command(args, workspace: Workspace) -> int:
    from pipeline.indicators import import_indicators
    from pipeline.indicators.shape import Choices

    form, file = args.form
    missing = [code.strip() for code in args.missing.split(",") if code.strip()] if args.missing is not None else None
    choices = Choices(args.unit_column, args.period_column, args.indicator_column, args.where, missing)
    result = import_indicators(
        form,
        Path(file),
        workspace.inputs / safe_name(args.project, "--project"),
        value_column=args.value_column,
        sheet=args.sheet,
        units_from_project=args.units_from_project,
        choices=choices,
        force=args.force,
        append=args.append,
        replace=args.replace,
    )
    print("\n".join(result.summary()))
    return 0


def index_command(args, workspace: Workspace) -> int:
    from pipeline.run.index import write_index

    print(f"index of every report: {os.path.relpath(write_index(workspace.reports, args.language))}")
    return 0


def due_command(args, workspace: Workspace) -> int:
    from pipeline.committees import due as committees_due
    from pipeline.committees import show
    from pipeline.committees.ledger import Ledger
    from pipeline.run.index import write_index
    from pipeline.run.lock import projects_locked
    from pipeline.run.progress import batch_progress

    projects, problems = committees_due.projects_with_committees(workspace, args.projects)
    for problem in problems:
        print(f"NOT RUN {show.log_line(problem)}", file=sys.stderr)
    with (
        projects_locked(workspace.reports, [p.id for p in projects], wait=args.wait),
        Ledger.at(workspace.reports) as ledger,
    ):
        statuses = committees_due.plan(projects, workspace, ledger, args.on, args.force)
        print("\n".join(show.plan_lines(statuses, args.on, workspace.reports)))
        if args.dry_run:
            return 1 if problems or any(status.problem for status in statuses) else 0
        to_make = len(committees_due.jobs_to_make(statuses, workspace))  # each status and its case
        with batch_progress(to_make, args.jobs) if to_make else nullcontext() as progress:
            on_done = progress.finished if progress else lambda result: None
            outcomes = committees_due.make_due(
                statuses, workspace, ledger, args.timeout, args.jobs, on_done, args.force
            )
    print("\n".join(show.outcome_lines(outcomes, args.on, workspace.reports)))
    if any(outcome.result and not outcome.result.skipped for outcome in outcomes):
        write_index(workspace.reports)
    return 1 if problems or any(outcome.failed for outcome in outcomes) else 0


def decide_command(args, workspace: Workspace) -> int:
    from pipeline.committees.decide import record_decision
    from pipeline.project import load_project

    project = load_project(args.project, workspace.inputs)
    committee = record_decision(project, args.period, args.text, args.date, args.committee, args.replace)
    print(
        f"{args.project}: recorded {committee}'s decision of {args.date.isoformat()} on the case of "
        f"{args.period} in decisions.csv"
    )
    return 0


def history_command(args, workspace: Workspace) -> int:
    from rich.console import Console

    from pipeline.committees import show
    from pipeline.committees.ledger import FILE_NAME as LEDGER_FILE
    from pipeline.committees.ledger import Ledger

    if not (workspace.reports / LEDGER_FILE).exists():
        print(f"no runs recorded yet: {workspace.reports / LEDGER_FILE} does not exist (evalreport due makes it)")
        return 0
    with Ledger.at(workspace.reports) as ledger:
        Console().print(show.history_table(ledger, workspace.reports, args.project))
    return 0


def schedule_command(args, workspace: Workspace) -> int:
    from pipeline.committees import timers

    print(
        timers.cron_line(workspace, args.at, args.env_file)
        if args.cron
        else timers.systemd_units(workspace, args.at, args.env_file)
    )
    return 0


def print_summary(results: list[JobResult], workspace: Workspace, console: Console) -> None:
    from rich.markup import escape

    from pipeline.run.files import ReportFiles
    from pipeline.run.progress import summary_table

    ran = [r for r in results if not r.skipped]
    failed = [r for r in ran if not r.ok]
    seconds = sum(r.seconds for r in ran)
    console.print(
        f"\n{len(ran) - len(failed)} made, {len(failed)} failed, {len(results) - len(ran)} unchanged "
        f"(skipped), {seconds:.1f} s of work"
    )
    if ran:
        console.print(summary_table(ran))
    for result in failed:
        audit = ReportFiles.of(result.job, workspace.reports).audit("failed")
        console.print(
            f"[red]FAILED[/] {escape(result.job.label)}: {escape(result.reason)}\n  executed notebook: "
            f"{escape(os.path.relpath(audit))}"
        )
    if failed:
        console.print("the last good report of each failed job is left in place")


if __name__ == "__main__":
    sys.exit(main())
