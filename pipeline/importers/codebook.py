"""A draft codebook for the `survey:` section of project.yaml, guessed from an export, with every guess named.

What is guessed (kinds.py): each item's kind, the order of a scale's labels when the tool does not give it, which
labels are positive (the top two; the top one of a scale of two or three labels) and which mean "don't know". Every
scale, and every item whose kind was read from its answers alone, is written `confirmed: false` under a comment
saying what was guessed: no report is made from it until the user has checked it and set it to true.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import yaml

from pipeline.importers.canonical import DEFAULT_GROUP, Canonical
from pipeline.importers.export import MULTI_JOINER, Export, Question
from pipeline.importers.groups import looks_like_groups
from pipeline.importers.kinds import Guess, guess_items
from pipeline.importers.known import Known
from pipeline.importers.scales import normalised
from pipeline.importers.vocabularies import LANGUAGES
from pipeline.importers.waves import project_years
from pipeline.spec import Period

CONFIRM = "Check, then set confirmed: true"


@dataclass
class Scale:
    name: str
    labels: list[str]
    positive: list[str]
    dont_know: list[str]
    how: str  # how its order was found: "known", "yes_no", "numeric" or "numbers" (see kinds.Guess)
    order: str = ""  # the same, in words
    items: list[str] = field(default_factory=list)
    unseen: list[str] = field(default_factory=list)  # labels nobody chose, added from a known scale or yes/no
    seen: set[str] = field(default_factory=set)

    @property
    def guessed(self) -> str:
        """What was guessed, in words: the comment above the scale in the draft, and what `validate` repeats."""
        parts = [self.order]
        if self.unseen:
            parts.append(f"{_quoted(self.unseen)} added (nobody chose {'it' if len(self.unseen) == 1 else 'them'})")
        parts.append("top two positive" if len(self.positive) == 2 else f"{_quoted(self.positive)} positive")
        if self.dont_know:
            parts.append(f"{_quoted(self.dont_know)} as don't know")
        return "; ".join(parts)


@dataclass
class Draft:
    text: str  # the YAML, comments included
    review: list[str]  # what the user must check, one line each
    scales: dict[str, Scale]
    items: dict[str, dict]


def draft_codebook(
    export: Export,
    canonical: Canonical,
    made: date | None = None,
    language: str | None = None,
    known: Known | None = None,
    calendar: Period | None = None,
) -> Draft:
    """The draft; `language` is the report's, in which a yes/no question answered only yes gets its no.
    `calendar` is the project's years: on fiscal or school years a new wave's year is the one holding its answers,
    written by its label (2019/20).

    With `known` (the project's survey section), the draft is the project's merged with what is new: its waves,
    groups, scales and items kept as written, new items drafted, and a new item's scale the project's own when it
    has the same labels.
    """
    known = known if known is not None else Known()
    new = [question for question in canonical.items if question.id not in known.items]
    guesses = guess_items(new, canonical.table, language)
    scales = _scales(new, guesses, known)
    items = {question.id: _item(question, guesses[question.id], scales, export.tool) for question in new}
    for question in new:
        guess = guesses[question.id]
        why = looks_like_groups(question.text, guess.labels, known.groups) if guess.kind == "choice" else ""
        if why:
            items[question.id].update(confirmed=False, guessed=_GROUP_GUESS.format(why=why, column=question.column))
            guess.group_like = why
    by_name = {scale.name: scale for scale in scales.values() if scale.name not in known.scales}
    groups = _groups(canonical, known)
    review = _review(export, canonical, by_name, {q.id: guesses[q.id] for q in new}, known)
    made, calendar = made or date.today(), calendar or Period(start=1900, end=2200)
    years = {
        wave: calendar.year_label(year or calendar.year_of(made))
        for wave, year in project_years(canonical, export, calendar).items()
    }
    text = _yaml(export, canonical, by_name, items, groups, review, made, known, years)
    return Draft(text, review, by_name, items)


_GROUP_GUESS = (
    '{why}, so these may be the respondents\' groups: if so, import again with --group-column "{column}" (and leave '
    "this item out); if it is a question of its own, keep it"
)


def _item(question: Question, guess: Guess, scales: dict[tuple, Scale], tool: str) -> dict:
    item: dict = {"text": question.text}
    if guess.kind == "likert":
        item["scale"] = scales[tuple(guess.labels)].name
        return item
    item["kind"] = guess.kind
    if guess.kind in ("choice", "multi"):
        item["options"] = guess.labels
    if guess.kind == "multi":
        item["separator"] = MULTI_JOINER.strip()
    if not guess.confirmed:
        item["confirmed"] = False
        item["guessed"] = {
            "choice": (
                "no known order in the answers, so a choice (counts and shares, no positive share) with the options "
            )
            + (f"as {tool} lists them" if guess.how == "tool" else "in alphabetical order")
            + "; if they run low to high, make it a scale",
            "multi": (
                f"answers holding several options joined by '{MULTI_JOINER.strip()}', so tick all that apply (the "
                "share ticking each)"
            ),
            "number": "every answer a number, so a count or an amount (n, mean, median)",
        }[guess.kind]
    return item


def _scales(items: list[Question], guesses: dict[str, Guess], known: Known) -> dict[tuple, Scale]:
    """One scale per list of labels; items sharing one share their "don't know" labels too. A list of labels the
    project has a scale for is that scale, by its name."""
    scales: dict[tuple, Scale] = {}
    projects = {
        tuple(normalised(str(label)) for label in scale.get("labels") or []): name
        for name, scale in known.scales.items()
        if isinstance(scale, dict)
    }
    for question in items:
        guess = guesses[question.id]
        if guess.kind != "likert":
            continue
        key = tuple(guess.labels)
        if key not in scales:
            name = projects.get(tuple(normalised(label) for label in key)) or _projects_scale(guess, projects)
            name = name or _scale_name(guess, question, scales, known)
            scales[key] = Scale(name, guess.labels, _positive(guess.labels), [], guess.how, _order(guess))
        scale = scales[key]
        scale.items.append(question.id)
        scale.dont_know += [d for d in guess.dont_know if d not in scale.dont_know]
        scale.seen |= guess.seen
    for scale in scales.values():
        if scale.how in ("known", "yes_no"):
            scale.unseen = [label for label in scale.labels if normalised(label) not in scale.seen]
    return scales


def _projects_scale(guess: Guess, projects: dict[tuple, str]) -> str | None:
    """The project's scale that holds every label answered, for answers a known vocabulary put in order: the
    project's own scale says more than a vocabulary does (a five-point scale nobody answered in the middle)."""
    if guess.how not in ("known", "yes_no"):
        return None
    holding = [name for labels, name in projects.items() if guess.seen <= set(labels)]
    return holding[0] if len(holding) == 1 else None


def _order(guess: Guess) -> str:
    if guess.how == "known":
        assert guess.fit is not None  # kinds.guess_items chooses a fit for every "known" guess
        order = f"order from the {LANGUAGES[guess.fit.language]} {guess.fit.vocabulary} vocabulary"
        return order + (f" (a wording that adds {_quoted(guess.also)} fits too)" if guess.also else "")
    if guess.how == "yes_no":
        return "a yes/no question"
    if guess.how == "numeric":
        return f"numbers {guess.labels[0]} to {guess.labels[-1]}, the ends from {guess.ends}"
    return "order from the numbers the labels hold"


def _positive(labels: list[str]) -> list[str]:
    return labels[-2:] if len(labels) >= 4 else labels[-1:]


def _scale_name(guess: Guess, question: Question, scales: dict[tuple, Scale], known: Known) -> str:
    if guess.how == "known":
        assert guess.fit is not None  # kinds.guess_items chooses a fit for every "known" guess
        name = f"{guess.fit.vocabulary}{len(guess.labels)}_{guess.fit.language}"
    elif guess.how == "yes_no":
        name = "yes_no"
    elif guess.how == "numeric":
        name = f"scale_{guess.labels[0]}_{guess.labels[-1]}"
    else:
        name = f"{question.id}_answers"
    taken = {scale.name for scale in scales.values()} | set(known.scales)
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}_{n}"
    return candidate


def _groups(canonical: Canonical, known: Known) -> dict[str, str]:
    """The project's groups as written, then each new code (labelled by itself, to be given a label)."""
    codes = [code for code in dict.fromkeys(canonical.table["group"]) if code]
    if canonical.group is None:
        found = {DEFAULT_GROUP: "All respondents"}
    else:
        found = {code: code for code in sorted(codes, key=normalised)}
    groups = {str(code): str(label) for code, label in known.groups.items()}
    return groups | {code: label for code, label in found.items() if code not in groups}


def _review(
    export: Export, canonical: Canonical, scales: dict[str, Scale], guesses: dict[str, Guess], known: Known
) -> list[str]:
    questions = {q.id: q for q in canonical.items}
    single = [i for i, g in guesses.items() if g.kind == "text" and g.how == "single"]
    uncoded = [i for i in guesses if _looks_like_code(questions[i].text)]
    notes = []
    if canonical.wave_source == "dates":
        notes.append(
            f"waves: '{canonical.wave}' is the year most respondents answered in; check its id, label and year"
        )
    elif canonical.wave_source == "placeholder":
        notes.append("waves: the export has no answer dates, so wave '1' is a placeholder; import again with --wave")
    elif canonical.wave_source == "column" and canonical.wave_column is not None:
        notes.append(
            f"waves: {', '.join(repr(w) for w in canonical.waves)} are the answers to "
            f"{canonical.wave_column.column!r}; write a label for each and check its year"
        )
    elif not any(str(wave.get("id")) == canonical.wave and wave.get("label") for wave in known.waves):
        # A wave the project already declares with its label (written before an --append) needs no note.
        notes.append(
            f"waves: write a label for wave '{canonical.wave}'" + ("" if canonical.wave_year else " and its year")
        )
    if canonical.group is None:
        notes.append(
            f"groups: everyone is in group '{DEFAULT_GROUP}' (no --group-column); rename it, or import again "
            "with --group-column"
        )
    else:
        new_codes = sorted(
            {code for code in canonical.table["group"] if code and code not in known.groups}, key=normalised
        )
        if new_codes:
            notes.append(
                f"groups: the codes are the answers to {canonical.group.column!r}; write a label for each"
                + (f" new one ({', '.join(new_codes)})" if known.groups else "")
            )
        without = int((canonical.table["group"] == "").sum())
        if without:
            notes.append(
                f"groups: {without} respondent(s) did not answer {canonical.group.column!r} and have no "
                "group; give them one in survey.csv"
            )
    if canonical.unit is not None:
        units = sorted({u for u in canonical.table["unit"] if u}, key=normalised)
        notes.append(
            f"units: {', '.join(units)} (from {canonical.unit.column!r}) must each be a unit id in project.yaml"
        )
    for scale in scales.values():
        notes.append(f"scale '{scale.name}' ({_listed(scale.items)}): {scale.guessed}")
    if scales:
        notes.append(
            "positive: guessed as the top two labels of each scale (the top one of a scale of two or three); check each"
        )
    group_like = [i for i, g in guesses.items() if g.group_like]
    if group_like:
        column = questions[group_like[0]].column
        notes.append(
            f"items whose answers look like respondent groups, not questions: {_listed(group_like)}; if they "
            "are, import "
            f'again with --group-column "{column}"'
        )
    made = {kind: [i for i, g in guesses.items() if g.kind == kind] for kind in ("choice", "number", "multi", "nps")}
    if made["choice"]:
        notes.append(
            "items made kind: choice, answers with no known order (counts and shares; make one a scale if "
            f"its answers run low to high): {_listed(made['choice'])}"
        )
    if made["number"]:
        notes.append(f"items made kind: number, every answer a number (n, mean, median): {_listed(made['number'])}")
    if made["multi"]:
        notes.append(
            f"items made kind: multi, tick all that apply, the options joined by '{MULTI_JOINER.strip()}' in "
            f"survey.csv: {_listed(made['multi'])}"
        )
    kept_as_text = [i for i, g in guesses.items() if g.kind == "text" and g.how == "multi"]
    if kept_as_text:
        notes.append(
            f"multi-select items whose options hold '{MULTI_JOINER.strip()}' themselves, kept as text: "
            f"{_listed(kept_as_text)}"
        )
    if single:
        notes.append(f"items with a single answer given, kept as text: {_listed(single)}")
    if made["nps"]:
        notes.append(
            "items answered 0-10 about recommending, made kind: nps; make them a scale if they ask something "
            f"else: {_listed(made['nps'])}"
        )
    if uncoded:
        notes.append(f"items whose text is only their code in the export; write the question: {_listed(uncoded)}")
    if known:
        again = [q.id for q in canonical.items if q.id in known.items]
        notes.append(
            f"kept from {known.source}: its waves, groups, scales and items as written"
            + (f"; asked again, under their ids: {_listed(again)}" if again else "")
            + (f"; new items drafted: {_listed(list(guesses))}" if guesses else "; no new items")
        )
    if known.problem:
        notes.append(known.problem)
    if scales or any(not g.confirmed for g in guesses.values()):
        notes.append(
            "each guessed scale and item says confirmed: false; check it, then set confirmed: true (validate "
            "and run refuse it until then)"
        )
    return notes


def _listed(ids: list[str], limit: int = 6) -> str:
    return ", ".join(ids[:limit]) + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _looks_like_code(text: str) -> bool:
    """'kompetanse', 'G01Q02_SQ001', 'Skills-Advance-Career': a variable's name, not a question someone reads."""
    text = text.strip()
    return " " not in text and (text.islower() or any(c.isdigit() or c in "_-[]/." for c in text))


def _yaml(
    export: Export,
    canonical: Canonical,
    scales: dict[str, Scale],
    items: dict,
    groups: dict,
    review: list[str],
    made: date,
    known: Known,
    years: dict[str, str],
) -> str:
    kept = len(canonical.table)
    status = ", ".join(f"{count} {name}" for name, count in sorted(canonical.status.items()))
    left = Counter(export.left_out)
    if canonical.without_answers:
        left["without answers"] += canonical.without_answers
    lines = [
        f"# Draft codebook made by `evalreport import --from {export.tool}` from {export.file} on {made.isoformat()}.",
        "# Review it, then paste it under `survey:` in project.yaml. Guesses to check:",
        *[f"#   - {note}" for note in review],
        f"# Respondents: {kept}"
        + (f" ({status})" if status else "")
        + (f"; left out: {', '.join(f'{n} {why}' for why, n in left.items())}" if left else ""),
    ]
    if export.personal:
        lines.append(f"# Dropped as personal data: {', '.join(export.personal)}")
    lines.append("waves:")
    lines += [f"  - {_flow(wave)}" for wave in known.waves]
    ids = {str(wave.get("id")) for wave in known.waves}
    lines += [
        f"  - {{id: {_q(wave)}, label: {_q(wave)}, year: {year}}}" for wave, year in years.items() if wave not in ids
    ]
    lines.append("groups:")
    lines += [f"  {_key(code)}: {_q(label)}" for code, label in groups.items()]
    if scales or known.scales:
        lines.append("scales:")
    for name, written in known.scales.items():
        lines.append(f"  {_key(name)}: {_flow(written)}")
    for scale in scales.values():
        lines += [
            f"  # guessed: {scale.guessed}. {CONFIRM}",
            f"  {_key(scale.name)}:",
            f"    labels: {_list(scale.labels)}",
            f"    positive: {_list(scale.positive)}",
        ]
        if scale.dont_know:
            lines.append(f"    dont_know: {_list(scale.dont_know)}")
        lines.append("    confirmed: false")
    lines.append("items:")
    for item_id, item in known.items.items():
        lines.append(f"  {_key(item_id)}: {_flow(item)}")
    for item_id, item in items.items():
        if "guessed" in item:
            lines.append(f"  # guessed: {item['guessed']}. {CONFIRM}")
        lines.append(f"  {_key(item_id)}: {{{_fields(item)}}}")
    return "\n".join(lines) + "\n"


def _fields(item: dict) -> str:
    """An item's fields in one line: text, then scale or kind, options, separator and confirmed."""
    fields = [
        f"text: {_q(item['text'])}",
        f"scale: {_key(item['scale'])}" if "scale" in item else f"kind: {item['kind']}",
    ]
    if "options" in item:
        fields.append(f"options: {_list(item['options'])}")
    if "separator" in item:
        fields.append(f"separator: {_q(item['separator'])}")
    if item.get("confirmed") is False:
        fields.append("confirmed: false")
    return ", ".join(fields)


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _flow(value: object) -> str:
    """A value of the project's own codebook, as one line of YAML (a mapping in braces, a list in brackets)."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6).strip()


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _key(text: str) -> str:
    return text if _PLAIN.fullmatch(text) and text.casefold() not in _YAML_WORDS else _q(text)


def _list(labels: list[str]) -> str:
    return "[" + ", ".join(_q(label) for label in labels) + "]"


def _quoted(labels: list[str]) -> str:
    return ", ".join(f"'{label}'" for label in labels)
