"""A draft codebook for the `survey:` section of project.yaml, guessed from an export, with every guess named.

What is guessed: each item's kind (a scale, or free text), the order of a scale's labels when the tool does not
give it, which labels are positive (the top two; the top one of a scale of two or three labels) and which mean
"don't know" (common Danish, Norwegian and English wordings). The user reviews the draft before pasting it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import get_args

from pipeline.sources.importers.canonical import DEFAULT_GROUP, Canonical
from pipeline.sources.importers.export import MULTI_JOINER, Export, Question
from pipeline.sources.importers.scales import (
    fitting,
    is_dont_know,
    known_order,
    normalised,
)
from pipeline.spec import Item

# More different answers than this, and a column without labels from the tool is free text.
MAX_CHOICES = 12
NPS_LABELS = [str(n) for n in range(11)]


def _has_nps() -> bool:
    """Whether project.yaml knows items of kind nps (0-10, how likely to recommend)."""
    return "nps" in get_args(Item.model_fields["kind"].annotation)


@dataclass
class Scale:
    name: str
    labels: list[str]
    positive: list[str]
    dont_know: list[str]
    how: str  # "known" (a scale in scales.py), "tool", "numeric" or "unordered": how its order was found
    items: list[str] = field(default_factory=list)
    unseen: list[str] = field(default_factory=list)  # labels added from a known scale that nobody chose
    seen: set[str] = field(default_factory=set)


@dataclass
class Draft:
    text: str  # the YAML, comments included
    review: list[str]  # what the user must check, one line each
    scales: dict[str, Scale]
    items: dict[str, dict]


@dataclass
class Guess:
    kind: str  # "likert", "nps" or "text"
    labels: list[str] = field(default_factory=list)
    dont_know: list[str] = field(default_factory=list)
    how: str = ""  # see Scale.how; for text: "multi", "single" or ""
    fits: list[tuple[str, int, list[str]]] = field(default_factory=list)  # known scales the answers fit
    seen: set[str] = field(default_factory=set)  # the labels chosen, compared with `normalised`


def draft_codebook(export: Export, canonical: Canonical, made: date | None = None) -> Draft:
    guesses = {q.id: _guess(q, [v for v in canonical.table[q.id] if v]) for q in canonical.items}
    _choose_known_scales(guesses)
    scales = _scales(canonical.items, guesses)
    items: dict[str, dict] = {}
    for question in canonical.items:
        guess = guesses[question.id]
        item = {"text": question.text}
        if guess.kind == "likert":
            item["scale"] = scales[tuple(guess.labels)].name
        else:
            item["kind"] = guess.kind
        items[question.id] = item
    by_name = {scale.name: scale for scale in scales.values()}
    groups = _groups(canonical)
    review = _review(export, canonical, by_name, guesses)
    return Draft(_yaml(export, canonical, by_name, items, groups, review, made or date.today()), review, by_name, items)


def _guess(question: Question, values: list[str]) -> Guess:
    """An item's kind and, for a scale, its labels low to high and its "don't know" labels."""
    if question.kind in ("text", "multi"):
        return Guess("text", how="multi" if question.kind == "multi" else "")
    distinct = list(dict.fromkeys(values))
    if question.labels is not None:
        offered = list(dict.fromkeys(question.labels + [v for v in distinct if v not in question.labels]))
        dont_know = [label for label in offered if is_dont_know(label)]
        rest = [label for label in offered if label not in dont_know]
        known = known_order(rest)
        if known and len(known[1]) == len(rest):
            return Guess("likert", known[1], dont_know, f"known:{known[0]}")
        return Guess("likert", rest, dont_know, "tool") if len(rest) >= 2 else Guess("text", how="single")
    dont_know = [v for v in distinct if is_dont_know(v)]
    rest = [v for v in distinct if v not in dont_know]
    fits = fitting(rest) if rest else []
    if fits:
        return Guess("likert", [], dont_know, "known", fits=fits, seen={normalised(v) for v in rest})
    if rest and all(v.isdecimal() and str(int(v)) == v for v in rest) and max(int(v) for v in rest) <= 10:
        low, high = _numeric_ends(question.text, [int(v) for v in rest])
        labels = [str(n) for n in range(low, high + 1)]
        if labels == NPS_LABELS and not dont_know and _has_nps():
            return Guess("nps", labels, how="numeric")
        if len(labels) >= 2:
            return Guess("likert", labels, dont_know, "numeric")
    if question.kind == "choice" or (len(rest) <= MAX_CHOICES and len(values) >= 2 * len(distinct)):
        if len(rest) >= 2:
            return Guess("likert", sorted(rest, key=normalised), dont_know, "unordered")
        return Guess("text", how="single")
    return Guess("text")


def _choose_known_scales(guesses: dict[str, Guess]) -> None:
    """Give each item the known scale wording that most items fit: a battery of questions shares one scale even
    where some answers happen to fit a shorter one too. Ties go to the wording with the fewest labels nobody chose."""
    support = Counter((name, style) for guess in guesses.values() for name, style, _ in guess.fits)
    for guess in guesses.values():
        if guess.fits:
            name, _style, labels = max(guess.fits, key=lambda fit: (support[fit[:2]], -len(fit[2])))
            guess.labels, guess.how = labels, f"known:{name}"


def _scales(items: list[Question], guesses: dict[str, Guess]) -> dict[tuple, Scale]:
    """One scale per list of labels; items sharing one share their "don't know" labels too."""
    scales: dict[tuple, Scale] = {}
    for question in items:
        guess = guesses[question.id]
        if guess.kind != "likert":
            continue
        key = tuple(guess.labels)
        if key not in scales:
            scales[key] = Scale(_scale_name(guess.how, guess.labels, question, scales), guess.labels, _positive(guess.labels), [], guess.how.split(":")[0])
        scale = scales[key]
        scale.items.append(question.id)
        scale.dont_know += [d for d in guess.dont_know if d not in scale.dont_know]
        if guess.seen:
            scale.seen |= guess.seen
    for scale in scales.values():
        if scale.seen:
            scale.unseen = [label for label in scale.labels if normalised(label) not in scale.seen]
    return scales


_RECOMMEND = re.compile(r"recommend|anbefal", re.IGNORECASE)
_SPAN = re.compile(r"(?<!\d)(0|1)\s*(?:to|-|–|til)\s*(\d{1,2})(?!\d)")


def _numeric_ends(text: str, seen: list[int]) -> tuple[int, int]:
    """The ends the question states ('on a scale of 1 to 5', '0-10') when the answers fit them; else those seen."""
    for match in _SPAN.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low <= min(seen) and max(seen) <= high <= 10:
            return low, high
    if max(seen) == 10 and _RECOMMEND.search(text):
        return 0, 10  # "how likely are you to recommend": the 0-10 question of a Net Promoter Score
    return (0 if min(seen) == 0 else 1), max(seen)


def _positive(labels: list[str]) -> list[str]:
    return labels[-2:] if len(labels) >= 4 else labels[-1:]


def _scale_name(how: str, labels: list[str], question: Question, scales: dict[tuple, Scale]) -> str:
    if how.startswith("known:"):
        name = how.split(":", 1)[1]
    elif how == "numeric":
        name = f"scale_{labels[0]}_{labels[-1]}"
    else:
        name = f"{question.id}_answers"
    taken = {scale.name for scale in scales.values()}
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}_{n}"
    return candidate


def _groups(canonical: Canonical) -> dict[str, str]:
    codes = [code for code in dict.fromkeys(canonical.table["group"]) if code]
    if canonical.group is None:
        return {DEFAULT_GROUP: "All respondents"}
    return {code: code for code in sorted(codes, key=normalised)}


def _review(export: Export, canonical: Canonical, scales: dict[str, Scale], guesses: dict[str, Guess]) -> list[str]:
    items = {q.id: q for q in canonical.items}
    multi = [i for i, g in guesses.items() if g.kind == "text" and g.how == "multi"]
    single = [i for i, g in guesses.items() if g.kind == "text" and g.how == "single"]
    nps = [i for i, g in guesses.items() if g.kind == "nps"]
    uncoded = [i for i in guesses if _looks_like_code(items[i].text)]
    notes = []
    if canonical.wave_source == "dates":
        notes.append(f"waves: '{canonical.wave}' is the year most respondents answered in; check its id, label and year")
    elif canonical.wave_source == "placeholder":
        notes.append("waves: the export has no answer dates, so wave '1' is a placeholder; import again with --wave")
    else:
        notes.append(f"waves: write a label for wave '{canonical.wave}'" + ("" if canonical.wave_year else " and its year"))
    if canonical.group is None:
        notes.append(f"groups: everyone is in group '{DEFAULT_GROUP}' (no --group-column); rename it, or import again with --group-column")
    else:
        notes.append(f"groups: the codes are the answers to {canonical.group.column!r}; write a label for each")
        without = int((canonical.table["group"] == "").sum())
        if without:
            notes.append(f"groups: {without} respondent(s) did not answer {canonical.group.column!r} and have no group; give them one in survey.csv")
    if canonical.unit is not None:
        units = sorted({u for u in canonical.table["unit"] if u}, key=normalised)
        notes.append(f"units: {', '.join(units)} (from {canonical.unit.column!r}) must each be a unit id in project.yaml")
    for scale in scales.values():
        items = _listed(scale.items)
        if scale.how == "tool":
            notes.append(f"scale '{scale.name}' ({items}): labels in the order {export.tool} lists them; check they run low to high")
        elif scale.how == "numeric":
            notes.append(f"scale '{scale.name}' ({items}): numbers {scale.labels[0]}-{scale.labels[-1]}, from the answers and the question; check the scale's ends")
        elif scale.how == "unordered":
            notes.append(f"scale '{scale.name}' ({items}): order unknown, put alphabetically; put the labels low to high, or make the items kind: text")
        if scale.unseen:
            notes.append(f"scale '{scale.name}': {', '.join(repr(u) for u in scale.unseen)} added from a known scale (nobody chose it); check the wording")
        if scale.dont_know:
            notes.append(f"scale '{scale.name}': {', '.join(repr(d) for d in scale.dont_know)} taken as \"don't know\" (left out of shares)")
    if scales:
        notes.append("positive: guessed as the top two labels of each scale (the top one of a scale of two or three); check each")
    if multi:
        notes.append(f"multi-select items kept as text, options joined by '{MULTI_JOINER.strip()}': {_listed(multi)}")
    if single:
        notes.append(f"items with a single answer given, kept as text: {_listed(single)}")
    if nps:
        notes.append(f"items answered 0-10, made kind: nps (how likely to recommend); make them a scale if they ask something else: {_listed(nps)}")
    if uncoded:
        notes.append(f"items whose text is only their code in the export; write the question: {_listed(uncoded)}")
    return notes


def _listed(ids: list[str], limit: int = 6) -> str:
    return ", ".join(ids[:limit]) + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _looks_like_code(text: str) -> bool:
    """'kompetanse', 'G01Q02_SQ001', 'Skills-Advance-Career': a variable's name, not a question someone reads."""
    text = text.strip()
    return " " not in text and (text.islower() or any(c.isdigit() or c in "_-[]/." for c in text))


def _yaml(export: Export, canonical: Canonical, scales: dict[str, Scale], items: dict, groups: dict, review: list[str], made: date) -> str:
    kept = len(canonical.table)
    status = ", ".join(f"{count} {name}" for name, count in sorted(canonical.status.items()))
    left = Counter(export.left_out)
    if canonical.without_answers:
        left["without answers"] += canonical.without_answers
    lines = [
        f"# Draft codebook made by `evalreport import --from {export.tool}` from {export.file} on {made.isoformat()}.",
        "# Review it, then paste it under `survey:` in project.yaml. Guesses to check:",
        *[f"#   - {note}" for note in review],
        f"# Respondents: {kept}" + (f" ({status})" if status else "") + (f"; left out: {', '.join(f'{n} {why}' for why, n in left.items())}" if left else ""),
    ]
    if export.personal:
        lines.append(f"# Dropped as personal data: {', '.join(export.personal)}")
    year = canonical.wave_year or made.year
    lines += ["waves:", f"  - {{id: {_q(canonical.wave)}, label: {_q(canonical.wave)}, year: {year}}}", "groups:"]
    lines += [f"  {_key(code)}: {_q(label)}" for code, label in groups.items()]
    if scales:
        lines.append("scales:")
    for scale in scales.values():
        lines += [
            f"  {_key(scale.name)}:",
            f"    labels: {_list(scale.labels)}",
            f"    positive: {_list(scale.positive)}",
        ]
        if scale.dont_know:
            lines.append(f"    dont_know: {_list(scale.dont_know)}")
    lines.append("items:")
    for item_id, item in items.items():
        fields = f"text: {_q(item['text'])}, " + (f"scale: {_key(item['scale'])}" if "scale" in item else f"kind: {item['kind']}")
        lines.append(f"  {_key(item_id)}: {{{fields}}}")
    return "\n".join(lines) + "\n"


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _key(text: str) -> str:
    return text if _PLAIN.fullmatch(text) and text.casefold() not in _YAML_WORDS else _q(text)


def _list(labels: list[str]) -> str:
    return "[" + ", ".join(_q(label) for label in labels) + "]"
