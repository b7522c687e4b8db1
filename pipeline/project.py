"""The one door to a project: `load_project` reads project.yaml and its tables and validates all of it."""

from __future__ import annotations

import codecs
import hashlib
import json
import pickle
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

import pandas as pd
import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from pipeline import coverage, tables
from pipeline.analysis.activities import ByGroup, participants_by_group
from pipeline.analysis.suppression import Suppression, earlier_versions, survey_suppression
from pipeline.errors import EvalreportError, InputError, Problem, ProjectNotFound, UnsafePath
from pipeline.images import logo_problem
from pipeline.narrative import Narrative, read_narrative, unknown_rows
from pipeline.own_notebooks import read_notebook
from pipeline.paths import confined, default_inputs, safe_name
from pipeline.placeholders import is_placeholder_error, placeholders, text_placeholders
from pipeline.sources.limits import check_size
from pipeline.spec import MIN_GROUP_SIZE, ProjectSpec

PROJECT_FILE = "project.yaml"
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there: several times faster

# A hand-written project.yaml is a few kilobytes. Past these bounds a file is not one (or is built to hurt): libyaml
# crashes the interpreter on brackets nested some ten thousand deep, and aliases (*a) that repeat anchors which repeat
# others ("billion laughs") stand for more values than memory holds, though the file is small.
MAX_PROJECT_FILE_BYTES = 10 * 1024 * 1024
MAX_YAML_DEPTH = 50
MAX_YAML_VALUES = 100_000
MAX_YAML_NUMBER = 1e12
_OPENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_YAML_KINDS = {
    "timestamp": "date",
    "int": "whole number",
    "float": "number",
    "bool": "yes or no",
    "binary": "base64 text",
}


@dataclass(frozen=True)
class Project:
    """A validated project: its declarations and its tables, ready for analysis."""

    id: str
    folder: Path
    spec: ProjectSpec
    indicators: pd.DataFrame
    survey: pd.DataFrame
    milestones: pd.DataFrame
    assessments: pd.DataFrame
    input_files: tuple[Path, ...] = field(default=())
    recommendations: pd.DataFrame = field(default_factory=tables.empty_recommendations)
    activities: pd.DataFrame = field(default_factory=tables.empty_activities)
    budget: pd.DataFrame = field(default_factory=tables.empty_budget_table)
    decisions: pd.DataFrame = field(default_factory=tables.empty_decisions)  # decisions.csv, when the folder has one
    narrative: Narrative = field(default_factory=Narrative)  # the evaluator's texts in text/
    notices: tuple[Problem, ...] = ()  # what validate says about the inputs without stopping a report
    # The results.json records of the project's reports published before (`with_published`): the decision keeps
    # what they showed from giving away an answer added since.
    published: tuple[dict, ...] = ()
    # The survey's decision taken before for these very answers and published figures (stored beside the reports,
    # `pipeline.run.decision`): obeyed as it is, not taken again.
    decision: Suppression | None = None

    def input_hashes(self) -> dict[str, str]:
        """SHA-256 of every file the project reads, by its path in the project folder: the provenance of a report."""
        return dict(self._input_hashes)

    @cached_property
    def _input_hashes(self) -> dict[str, str]:
        # Read once per loaded project: the job's key, its run record, its cover and its workbook all ask.
        return {self._name(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in self.input_files}

    def _name(self, path: Path) -> str:
        # text/criteria/K1.md and text/status/2026/criteria/K1.md are two files of one name.
        return (
            path.relative_to(self.folder.resolve()).as_posix()
            if path.is_relative_to(self.folder.resolve())
            else path.name
        )

    @cached_property
    def survey_suppression(self) -> Suppression:
        """The one decision every report of the project obeys, over today's answers and every version of the survey's
        figures published before (`published`: their results.json records)."""
        if self.decision is not None:
            return self.decision
        earlier = earlier_versions(self.published, self.spec.survey) if self.published and self.spec.survey else None
        return survey_suppression(self.survey, self.spec.survey, earlier)

    @cached_property
    def _input_digest(self) -> str:
        lines = "".join(f"{name}:{digest}\n" for name, digest in sorted(self._input_hashes.items()))
        return hashlib.sha256(lines.encode()).hexdigest()

    @cached_property
    def participation(self) -> ByGroup:
        """Which figures of participants (activities.csv) no report of this project may show, decided once."""
        survey = self.spec.survey
        limit, width = (survey.min_group_size, survey.protection_width) if survey else (MIN_GROUP_SIZE, None)
        return participants_by_group(self.activities, limit, width)

    def input_digest(self) -> str:
        """One SHA-256 over all input files: changes when any of them does."""
        return self._input_digest


def project_folder(project: str | Path, inputs: Path | None = None) -> Path:
    """Resolve a project id (a folder under `inputs`) or a path to its folder."""
    candidate = Path(project)
    if (candidate / PROJECT_FILE).is_file() or isinstance(project, Path):
        folder = candidate  # a folder given as a path, not an id
    else:
        folder = (inputs or default_inputs()) / safe_name(str(project), "project")  # not `../elsewhere`
    if not (folder / PROJECT_FILE).is_file():
        raise ProjectNotFound(f"no project '{project}': expected {folder / PROJECT_FILE}")
    return folder


def list_projects(inputs: Path | None = None) -> list[str]:
    root = inputs or default_inputs()
    return sorted(p.parent.name for p in root.glob(f"*/{PROJECT_FILE}"))


def published_records(reports: Path, project_id: str, also: Iterable[Path] = ()) -> tuple[dict, ...]:
    """Every results.json of the project in the reports folder: what its current reports show, the versions
    publishing keeps beside them (`.<name>.versions/`), and `also` (the ones a ledger names), each once. A file that
    cannot be read is not published."""
    folder = reports / project_id
    found: dict[str, dict] = {}
    paths = sorted([*folder.glob("*/*.results.json"), *folder.glob("*/.*.versions/*/*.results.json")])
    for path in dict.fromkeys([*paths, *also]):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # pruned or replaced since: what is not there is not published any more
        if isinstance(record, dict) and record.get("project") in (None, project_id):
            found.setdefault(hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest(), record)
    return tuple(found.values())


def with_published(project: Project, records: tuple[dict, ...]) -> Project:
    """The project whose decision also covers `records`, the figures published of it before."""
    return _same_files(project, replace(project, published=records, decision=None)) if records else project


def with_decision(project: Project, decision: Suppression) -> Project:
    """The project with its survey's decision taken already (for its answers and its published figures)."""
    return _same_files(project, replace(project, decision=decision))


def _same_files(project: Project, changed: Project) -> Project:
    """`changed`, a copy of `project` reading the same files, with their digests as far as `project` read them."""
    read: dict[str, object] = {
        name: project.__dict__[name] for name in ("_input_hashes", "_input_digest") if name in project.__dict__
    }
    changed.__dict__.update(read)
    return changed


# A job's worker loads and validates the project once, and hands it to the notebook's kernel as a file in the job's
# own temporary folder (`pipeline.run.execute`): the kernel then neither reads nor validates the inputs again.
HANDED_OVER = "project.pickle"


def hand_over(project: Project, path: Path) -> None:
    """Write the loaded project for the kernel of its job (`handed_over`)."""
    with path.open("wb") as file:
        pickle.dump(project, file, protocol=pickle.HIGHEST_PROTOCOL)


def handed_over(path: Path, project_id: str) -> Project:
    """The project a job's worker handed over at `path` (written by `hand_over` in that worker, for this job alone)."""
    with path.open("rb") as file:
        project = pickle.load(file)  # noqa: S301 (written by this job's own worker into the job's private folder)
    if not isinstance(project, Project) or project.id != project_id:
        found = project.id if isinstance(project, Project) else type(project).__name__
        raise EvalreportError(f"loaded: expected the project {project_id!r} in {path}, found {found!r}")
    return project


def load_project(project: str | Path, inputs: Path | None = None) -> Project:
    """Load and validate a project; raise InputError listing every problem found."""
    folder = project_folder(project, inputs)
    try:
        spec = load_spec(folder / PROJECT_FILE)
    except InputError as error:
        raise InputError([*error.problems, *text_placeholders(folder)]) from None  # the whole checklist at once
    problems = folder_name_problems(folder) + cross_reference_problems(spec, folder)
    if problems:
        raise InputError(problems)

    files = spec.files
    read = {
        "indicators": (files.indicators, tables.parse_indicators, tables.empty_indicators),
        "survey": (files.survey, tables.parse_survey, tables.empty_survey),
        "milestones": (files.milestones, tables.parse_milestones, tables.empty_milestones),
        "assessments": (files.assessments, tables.parse_assessments, tables.empty_assessments),
        "recommendations": (files.recommendations, tables.parse_recommendations, tables.empty_recommendations),
        "activities": (files.activities, tables.parse_activities, tables.empty_activities),
        "budget": (files.budget, tables.parse_budget, tables.empty_budget_table),
        # Not named in project.yaml: `evalreport decide` writes it, and a project without one has decided nothing yet.
        "decisions": (
            tables.DECISIONS_FILE if (folder / tables.DECISIONS_FILE).is_file() else None,
            tables.parse_decisions,
            tables.empty_decisions,
        ),
    }
    frames: dict[str, pd.DataFrame] = {}
    input_files = [folder / PROJECT_FILE]
    for name, (file_name, parse, empty) in read.items():
        if not file_name:
            frames[name] = empty(spec)
            continue
        path = confined(folder, file_name, f"files.{name}")  # checked by cross_reference_problems already
        input_files.append(path)
        try:
            frames[name] = parse(path, spec)
        except InputError as error:
            problems.extend(error.problems)
    problems += unconfirmed_guesses(folder / PROJECT_FILE, spec)  # no report is made from what an import guessed
    unshown = [notice for frame in frames.values() for notice in frame.attrs.pop("notices", [])]
    if "activities" in frames:
        problems += wave_activity_problems(spec, frames["activities"])
    narrative, text_files, text_problems, notices = read_narrative(folder, spec)
    problems += text_placeholders(folder) + text_problems  # a text `evalreport new` began, still to be written
    for section in spec.sections:  # the evaluator's own notebooks: part of the job key, checked before any run
        path = confined(folder, section.notebook, "sections.notebook")  # checked by cross_reference_problems already
        text_files.append(path)
        _, notebook_problems, notebook_notices = read_notebook(path, section.notebook, spec)
        problems += notebook_problems
        notices += notebook_notices
    if problems:
        raise InputError(problems)
    notices += unshown + coverage.notices(spec, frames)  # nothing dropped in silence
    for kind, table in (("activities", spec.files.activities), ("recommendations", spec.files.recommendations)):
        notices += unknown_rows(narrative, kind, list(frames[kind]["id"]), table or f"{kind}.csv")
    return Project(
        id=folder.name,
        folder=folder,
        spec=spec,
        input_files=tuple(input_files + text_files),
        narrative=narrative,
        notices=tuple(notices),
        **frames,
    )


def wave_activity_problems(spec: ProjectSpec, activities: pd.DataFrame) -> list[Problem]:
    """A survey wave tied to an activity (`activity:`) names one in activities.csv."""
    ids = list(activities["id"])
    waves = spec.survey.waves if spec.survey else []
    expected = (
        f"an activity id from {spec.files.activities} ({', '.join(ids[:12])}{', …' if len(ids) > 12 else ''})"
        if spec.files.activities
        else "no activity: files.activities names no activities table"
    )
    return [
        Problem(PROJECT_FILE, None, f"survey.waves.{i}.activity", expected, repr(wave.activity))
        for i, wave in enumerate(waves)
        if wave.activity is not None and wave.activity not in ids
    ]


def folder_name_problems(folder: Path) -> list[Problem]:
    """The folder's name is the project's id and the name of its reports folder, reports/<project>/."""
    try:
        safe_name(folder.name, "project folder name")
    except UnsafePath as unsafe:
        return [unsafe.problem(str(folder))]
    return []


def load_spec(path: Path) -> ProjectSpec:
    """Parse project.yaml into a ProjectSpec; every pydantic error is reported with its line in the file."""
    check_size(path, MAX_PROJECT_FILE_BYTES)
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            [
                Problem(
                    path.name, 1, None, "text saved as UTF-8", 'text saved as UTF-16 ("Unicode" in Notepad and Excel)'
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        # An editor that saves in the Windows code page turns ø and å into bytes that are not UTF-8.
        line = raw[: error.start].count(b"\n") + 1
        found = f"byte 0x{raw[error.start]:02x}, which is not UTF-8 (was the file saved as Windows-1252/ANSI?)"
        raise InputError([Problem(path.name, line, None, "text saved as UTF-8", found)]) from None
    tree = None
    try:
        _check_nesting(path.name, text)
        tree = yaml.compose(text, Loader=YAML_LOADER)
        _check_aliases(path.name, tree)
        document = (
            yaml.constructor.SafeConstructor().construct_document(tree) if tree is not None else None
        )  # not parsed again
    except yaml.YAMLError as original:
        # The pure-Python parser's messages name the offending character; libyaml's do not. A tag that cannot be
        # applied (!!python/name, !!omap of a scalar) passes the parser: libyaml's constructor error says which.
        parsed = _pure_python_yaml_error(path.name, text) or original
        mark = getattr(parsed, "problem_mark", None)
        at = mark.line + 1 if mark else None
        raise InputError(
            [Problem(path.name, at, None, "valid YAML", str(getattr(parsed, "problem", parsed)))]
        ) from None
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError):
        # YAML reads `2016-02-30` as a date and `!!float abc` as a number, and fails on making one of them.
        raise InputError([_unreadable_value(path.name, tree)]) from None
    if not isinstance(document, dict):
        raise InputError(
            [Problem(path.name, 1, None, "a mapping of keys such as title, owner, language", repr(document))]
        )
    # What `evalreport new` left to fill in comes first, as a checklist; a placeholder's own error ("TODO" is no
    # year) is not repeated.
    to_fill_in = placeholders(path.name, tree)
    try:
        spec = ProjectSpec.model_validate(document)
    except ValidationError as error:
        errors = [e for e in error.errors() if not is_placeholder_error(e["loc"], to_fill_in)]
        raise InputError(
            [*to_fill_in.values(), *(_problem_from_pydantic(path.name, tree, e) for e in errors)]
        ) from None
    if to_fill_in:
        raise InputError(list(to_fill_in.values()))
    problems = (
        octal_looking_unit_ids(path.name, tree, spec)
        + _number_problems(path.name, tree, spec)
        + committee_problems(path.name, tree, spec)
    )
    if problems:
        raise InputError(problems)
    return spec


def _check_nesting(file: str, text: str, loader: type = YAML_LOADER) -> None:
    """Refuse values nested deeper than MAX_YAML_DEPTH before a parser builds them: both recurse once per level
    (libyaml crashes; the pure-Python parser raises RecursionError)."""
    depth = 0
    for token in yaml.scan(text, Loader=loader):  # the scanner does not recurse
        if isinstance(token, _OPENS):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                found = f"values nested more than {MAX_YAML_DEPTH} deep"
                raise InputError(
                    [
                        Problem(
                            file,
                            token.start_mark.line + 1,
                            None,
                            "keys and lists nested a few levels deep, as in docs/inputs.md",
                            found,
                        )
                    ]
                )
        elif isinstance(token, _CLOSES):
            depth -= 1


def _check_aliases(file: str, tree: yaml.Node | None) -> None:
    """Refuse a document whose aliases add more than MAX_YAML_VALUES values to those written in it.

    Each node is composed once, however many aliases repeat it: the written values are the distinct nodes, the
    values the document stands for are counted with every repetition (once per node, so a bomb is never expanded).
    """
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        if id(node) not in sizes:
            sizes[id(node)] = 1  # an alias inside its own anchor counts once
            if isinstance(node, yaml.SequenceNode):
                sizes[id(node)] = 1 + sum(size(child) for child in node.value)
            elif isinstance(node, yaml.MappingNode):
                sizes[id(node)] = 1 + sum(size(key) + size(value) for key, value in node.value)
        return sizes[id(node)]

    if tree is not None and size(tree) - len(sizes) > MAX_YAML_VALUES:  # `sizes` holds each written node once
        found = f"aliases (*name) that repeat anchors (&name) into more than {MAX_YAML_VALUES:,} values"
        raise InputError([Problem(file, None, None, "a project description of a reasonable size", found)])


def _scalars(tree: yaml.Node | None):
    """Every scalar of a composed document (keys too) in the order of the file, with the keys leading to it."""
    stack: list[tuple[yaml.Node, list[str]]] = [(tree, [])] if tree is not None else []
    while stack:
        node, location = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node, location
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, location + [str(i)]) for i, child in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend([(value, location + [str(key.value)]), (key, location)])


def _unreadable_value(file: str, tree: yaml.Node | None) -> Problem:
    """The first value YAML cannot construct (an impossible date, a tag it cannot apply), with its line and key."""
    constructor = yaml.constructor.SafeConstructor()
    for node, location in _scalars(tree):
        try:
            constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, AttributeError, KeyError, OverflowError):
            kind = _YAML_KINDS.get(node.tag.rsplit(":", 1)[-1], "value")
            expected = f"a valid {kind}, or text in quotes"
            return Problem(file, node.start_mark.line + 1, ".".join(location) or None, expected, repr(node.value)[:80])
    return Problem(file, None, None, "values YAML can read", "a value it cannot")


def _number_problems(file: str, tree: yaml.Node | None, spec: ProjectSpec) -> list[Problem]:
    """Numbers no project has (.nan, .inf, 1e308, an integer of thousands of digits) break the report's arithmetic
    and formatting far from where they were written: refuse them here, with their line."""
    problems: list[Problem] = []

    def walk(value, location: list) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key, location + [key]) if isinstance(key, (int, float)) else None  # a year of a yearly target
                walk(item, location + [key])
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                walk(item, location + [i])
        elif (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and not -MAX_YAML_NUMBER <= value <= MAX_YAML_NUMBER
        ):
            node, line = yaml_node(tree, location)  # NaN fails every comparison, so it is caught too
            written = node.value if isinstance(node, yaml.ScalarNode) else _repr(value)
            found = repr(written) if len(written) <= 40 else f"{written[:30]!r}… ({len(written):,} characters)"
            problems.append(
                Problem(
                    file,
                    line,
                    ".".join(str(part) for part in location),
                    "a finite number of at most a million million (10¹²) either way",
                    found,
                )
            )

    walk(spec.model_dump(), [])
    return problems


def _pure_python_yaml_error(file: str, text: str) -> yaml.YAMLError | None:
    """The pure-Python parser's error for a file libyaml refused. libyaml's scanner reads ahead, so its error may
    come before `_check_nesting` saw how deep the file goes: the pure-Python scanner measures that again first."""
    try:
        _check_nesting(file, text, yaml.SafeLoader)
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return error
    return None


def octal_looking_unit_ids(file: str, tree: yaml.Node, spec: ProjectSpec) -> list[Problem]:
    """An unquoted id such as 0701 is a number to YAML (octal 449); the id the user meant is lost, so ask for quotes."""
    problems = []
    for i, unit in enumerate(spec.units):
        node, line = yaml_node(tree, ["units", i, "id"])
        if isinstance(node, yaml.ScalarNode) and node.value != unit.id and not node.style:
            problems.append(
                Problem(
                    file,
                    line,
                    f"units.{i}.id",
                    f'the id in quotes, "{node.value}", so that it stays as written',
                    node.value,
                )
            )
    return problems


def committee_problems(file: str, tree: yaml.Node | None, spec: ProjectSpec) -> list[Problem]:
    """A committee is known by its name in the run ledger, so names are unique; its unit must be one of the
    project's."""
    problems = []
    names = [committee.name for committee in spec.committees]
    unit_ids = [unit.id for unit in spec.units]
    for i, committee in enumerate(spec.committees):
        if names.index(committee.name) != i:
            line = yaml_node(tree, ["committees", i, "name"])[1]
            problems.append(
                Problem(
                    file, line, f"committees.{i}.name", "each committee name once", f"{committee.name!r} a second time"
                )
            )
        if committee.unit is not None and committee.unit not in unit_ids:
            line = yaml_node(tree, ["committees", i, "unit"])[1]
            problems.append(
                Problem(
                    file, line, f"committees.{i}.unit", f"one of the project's units {unit_ids}", repr(committee.unit)
                )
            )
    return problems


def _problem_from_pydantic(file: str, tree: yaml.Node, error: ErrorDetails) -> Problem:
    location = [part for part in error["loc"]]
    field_name = ".".join(str(part) for part in location) or None
    message = error["msg"].removeprefix("Value error, ")  # our own validators' messages are sentences already
    expected = message[0].lower() + message[1:]
    if error["type"] == "extra_forbidden":
        expected = "only known keys (see docs/inputs.md); this key is not one"
    elif error["type"] == "missing":
        expected = "this key, which is required"
    found = "nothing" if error["type"] == "missing" else _repr(error.get("input"))
    node, line = yaml_node(tree, location)
    if isinstance(error.get("input"), (bool, date)) and isinstance(node, yaml.ScalarNode):
        found = repr(
            node.value
        )  # YAML reads no, yes, on, off as false/true and 2026-10-01 as a date: show what the file says
    if len(found) > 80:
        found = found[:77] + "..."
    return Problem(file, line, field_name, expected, found)


def _repr(value) -> str:
    try:
        return repr(value)
    except ValueError:  # an integer of thousands of digits (0b111…) that Python will not write out
        return "a number too long to show"


def yaml_node(tree: yaml.Node | None, location: list) -> tuple[yaml.Node | None, int | None]:
    """The node at `location` (or its nearest existing parent) and its 1-based line in the YAML file."""
    node, line = tree, (tree.start_mark.line + 1 if tree else None)
    for part in location:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if match is None:
                continue  # pydantic adds steps that are not in the file (a union member's tag)
            key, node = match
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
    return node, line


def cross_reference_problems(spec: ProjectSpec, folder: Path) -> list[Problem]:
    """Problems that no single field shows: names that refer to things declared elsewhere, files that are missing."""
    file = PROJECT_FILE
    problems: list[Problem] = []

    def duplicates(values: list[str]) -> list[str]:
        return sorted(value for value, count in Counter(values).items() if count > 1)

    for unit_id in duplicates([u.id for u in spec.units]):
        problems.append(Problem(file, None, "units", "each unit id once", f"'{unit_id}' twice or more"))
    for criterion_id in duplicates([c.id for c in spec.criteria]):
        problems.append(Problem(file, None, "criteria", "each criterion id once", f"'{criterion_id}' twice or more"))

    named_files = {f"files.{kind}": name for kind, name in spec.files.model_dump().items()} | {
        "report.logo": spec.report.logo
    }
    named_files |= {f"sections.{i}.notebook": section.notebook for i, section in enumerate(spec.sections)}
    for key, name in named_files.items():
        if not name:
            continue
        try:
            path = confined(folder, name, key, "the project folder")
        except UnsafePath as unsafe:
            problems.append(unsafe.problem(file))
            continue
        if not path.is_file():
            problems.append(Problem(file, None, key, f"a file {name} in {folder}", "no such file"))
        elif key == "report.logo" and (unfit := logo_problem(path)):  # decoded now, not first by the PDF
            problems.append(
                Problem(file, None, key, f"{name} as a picture every report can draw (SVG, PNG or JPEG)", unfit)
            )

    if spec.survey:
        for item_id, item in spec.survey.items.items():
            if item.kind == "likert" and item.scale not in spec.survey.scales:
                problems.append(
                    Problem(
                        file,
                        None,
                        f"survey.items.{item_id}.scale",
                        f"one of the declared scales {sorted(spec.survey.scales)}",
                        repr(item.scale),
                    )
                )

    for i, criterion in enumerate(spec.criteria):
        measure = criterion.measure
        where = f"criteria[{i}] ({criterion.id}).measure"
        for role in ("numerator", "denominator", "indicator"):
            name = getattr(measure, role, None)
            if name is not None and name not in spec.indicators:
                problems.append(
                    Problem(
                        file,
                        None,
                        f"{where}.{role}",
                        f"an indicator declared under 'indicators' {sorted(spec.indicators)}",
                        repr(name),
                    )
                )
        if measure.kind == "survey":
            items = spec.survey.items if spec.survey else {}
            if measure.item not in items or items[measure.item].kind != "likert":
                likert = sorted(k for k, v in items.items() if v.kind == "likert")
                problems.append(
                    Problem(
                        file,
                        None,
                        f"{where}.item",
                        f"a likert item declared under 'survey.items' {likert}",
                        repr(measure.item),
                    )
                )
            known_groups = sorted(spec.survey.groups) if spec.survey else []
            for group in measure.groups:
                if group not in known_groups:
                    problems.append(
                        Problem(
                            file,
                            None,
                            f"{where}.groups",
                            f"groups declared under 'survey.groups' {known_groups}",
                            repr(group),
                        )
                    )
        needs = {
            "ratio": "indicators",
            "indicator": "indicators",
            "survey": "survey",
            "milestones": "milestones",
            "assessment": "assessments",
        }
        table = needs[measure.kind]
        if not getattr(spec.files, table):
            problems.append(
                Problem(
                    file,
                    None,
                    f"files.{table}",
                    f"a {table} table, which criterion {criterion.id} is measured from",
                    "none",
                )
            )
    return problems


def unconfirmed_guesses(path: Path, spec: ProjectSpec) -> list[Problem]:
    """A problem for each scale and item that `evalreport import` guessed and nobody has confirmed yet
    (`confirmed: false`), saying what was guessed: the comment the import wrote above it, `# guessed: …`."""
    survey = spec.survey
    if survey is None:
        return []
    guessed = [("scales", name) for name, scale in survey.scales.items() if not scale.confirmed]
    guessed += [("items", name) for name, item in survey.items.items() if not item.confirmed]
    if not guessed:
        return []
    text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")  # load_spec has read it already
    tree, lines = yaml.compose(text, Loader=YAML_LOADER), text.splitlines()
    checked = {
        "scales": (
            "true after you checked the order of the labels (low to high) and which are positive: set confirmed: true"
        ),
        "items": "true after you checked the item's kind and its options: set confirmed: true",
    }
    problems = []
    for part, name in guessed:
        key_line = yaml_node(tree, ["survey", part, name])[1]
        line = yaml_node(tree, ["survey", part, name, "confirmed"])[1]
        guess = _guess_above(lines, key_line)
        found = f"false (guessed: {guess})" if guess else "false"
        problems.append(Problem(path.name, line, f"survey.{part}.{name}.confirmed", checked[part], found))
    return problems


def _guess_above(lines: list[str], line: int | None) -> str:
    """What the `# guessed: …` comment in the lines just above `line` (1-based) says, without its last instruction."""
    index = (line or 1) - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        comment = lines[index].strip().lstrip("#").strip()
        if comment.startswith("guessed:"):
            return comment.removeprefix("guessed:").split(" Check, then", 1)[0].strip().rstrip(".")
        index -= 1
    return ""
