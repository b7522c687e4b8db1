"""`evalreport new`: a project folder to start from. A project.yaml in the project's language with every key explained
in a comment and placeholders ("TODO: …") that `validate` lists until they are filled in, the tables it names,
empty but for their headers, and the report's texts in text/, begun."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from pipeline.errors import EvalreportError
from pipeline.municipalities import UnitList
from pipeline.narrative import FOLDER
from pipeline.paths import safe_name
from pipeline.placeholders import placeholders
from pipeline.project import PROJECT_FILE, YAML_LOADER
from pipeline.spec import MIN_GROUP_SIZE
from pipeline.tables import ASSESSMENT_COLUMNS, INDICATOR_COLUMNS, MILESTONE_COLUMNS, SURVEY_COLUMNS
from pipeline.vocabulary import LANGUAGES

# What each kind of project measures, after the three examples in inputs/: a county's settlement of refugees in its
# municipalities, a municipality's forum with a yearly survey, an area's plan with baselines; blank has the least.
KINDS = {
    "settlement": ("indicators", "survey", "milestones", "assessments"),
    "forum": ("indicators", "survey", "milestones", "assessments"),
    "plan": ("indicators", "survey", "milestones", "assessments"),
    "blank": ("milestones", "assessments"),
}
# The tables' headers, with the optional columns a newcomer would otherwise not know of.
HEADERS = {
    "indicators": [*INDICATOR_COLUMNS, "note"],
    "milestones": [*MILESTONE_COLUMNS, "forecast"],
    "assessments": [*ASSESSMENT_COLUMNS, "assessor", "date"],
}

# The evaluator's own texts (pipeline.narrative), each begun with a line that `validate` lists until it is written
# over, or the file deleted: the report shows every word of a text, so a guiding comment must not stay.
TEXTS = {
    "da": {
        "introduction": (
            "TODO: skriv indledningen – hvad projektet ville, for hvem, og hvordan det er evalueret (eller slet filen)"
        ),
        "conclusion": "TODO: skriv konklusionen – hvad projektet nåede, og hvad der skal ske nu (eller slet filen)",
        "lessons": "TODO: skriv erfaringerne – hvad andre kan lære af projektet (eller slet filen)",
    },
    "nb": {
        "introduction": (
            "TODO: skriv innledningen – hva prosjektet ville, for hvem, og hvordan det er evaluert (eller slett filen)"
        ),
        "conclusion": "TODO: skriv konklusjonen – hva prosjektet oppnådde, og hva som skal skje nå (eller slett filen)",
        "lessons": "TODO: skriv erfaringene – hva andre kan lære av prosjektet (eller slett filen)",
    },
    "en": {
        "introduction": (
            "TODO: write the introduction – what the project set out to do, for whom, and how it was evaluated "
            "(or delete the file)"
        ),
        "conclusion": (
            "TODO: write the conclusion – what the project achieved and what happens next (or delete the file)"
        ),
        "lessons": "TODO: write the lessons – what others can learn from the project (or delete the file)",
    },
}


@dataclass
class NewProject:
    folder: Path
    language: str
    kind: str
    files: list[str] = field(default_factory=list)
    to_fill_in: int = 0

    def summary(self) -> list[str]:
        name = self.folder.name
        return [
            f"made {self.folder}/ ({self.kind}, {self.language}): {', '.join(self.files)}",
            (
                f"next: replace the {self.to_fill_in} things marked TODO in {self.folder / PROJECT_FILE} (each "
                "key is explained in a comment there)"
            ),
            (
                f"      and in {self.folder / FOLDER}/ (the report's introduction, conclusion and lessons: write "
                "them, or delete a file)"
            ),
            f"      evalreport validate {name}    lists what is left to fill in, then any other problem",
            "      add the project's data to the tables (docs/inputs.md describes each column), or import them:",
            (
                f"      evalreport import --from TOOL FILE --project {name};  evalreport import indicators --from "
                f"FORMAT FILE --project {name}"
            ),
            f"      evalreport run {name}",
        ]


def new_project(inputs: Path, name: str, language: str, kind: str, units: UnitList | None = None) -> NewProject:
    """Write inputs/<name>/; refused if the folder exists, whatever it holds."""
    safe_name(name, "PROJECT")  # the project's id names its folder and its reports' folder
    if language not in LANGUAGES:
        raise EvalreportError(f"--language: expected one of {', '.join(LANGUAGES)}, found {language!r}")
    if kind not in KINDS:
        raise EvalreportError(f"--kind: expected one of {', '.join(KINDS)}, found {kind!r}")
    folder = inputs / name
    project_yaml = project_description(name, language, kind, units)
    files = {PROJECT_FILE: project_yaml} | {
        f"{table}.csv": ",".join(headers) + "\n" for table, headers in table_headers(project_yaml).items()
    }
    files |= {f"{FOLDER}/{place}.{language}.md": f"{text}\n" for place, text in TEXTS[language].items()}
    inputs.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()  # fails if it exists: nothing of an existing project is ever replaced
    except FileExistsError:
        raise EvalreportError(
            f"new: {folder} exists already; evalreport new never writes over a project (choose another name)"
        ) from None
    try:
        for file_name, text in files.items():
            (folder / file_name).parent.mkdir(exist_ok=True)
            (folder / file_name).write_text(text, encoding="utf-8")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # the folder is ours, made just now: no half project is left
        raise
    left = len(placeholders(PROJECT_FILE, yaml.compose(project_yaml, Loader=YAML_LOADER))) + len(TEXTS[language])
    return NewProject(folder, language, kind, list(files), left)


def project_description(name: str, language: str, kind: str, units: UnitList | None) -> str:
    """project.yaml's text, from the template in the project's language."""
    environment = Environment(
        loader=PackageLoader("pipeline", "templates/new"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # YAML, not HTML: every value from outside goes through `q`
    )
    environment.filters["q"] = lambda text: json.dumps(str(text), ensure_ascii=False)  # a JSON string is a YAML string
    template = environment.get_template(f"project.{language}.yaml.j2")
    return template.render(
        name=name,
        kind=kind,
        tables=KINDS[kind],
        units=units.units if units else [],
        units_from=units.source if units else "",
        min_group_size=MIN_GROUP_SIZE,
    )


def table_headers(project_yaml: str) -> dict[str, list[str]]:
    """The header of each table project.yaml names: survey.csv's columns follow its items."""
    document = yaml.safe_load(project_yaml)
    headers = {}
    for table in document.get("files", {}):
        if table == "survey":
            headers[table] = [*SURVEY_COLUMNS, *document["survey"]["items"]]
        else:
            headers[table] = HEADERS[table]
    return headers
