"""What kind of item each question is, guessed from the export and the answers given: a scale with its labels low to
high (a known vocabulary, yes/no, numbers 1-5, labels holding numbers), a choice with no order, tick-all-that-apply,
a number, or free text. Each guess records how it was made, for the draft codebook to say."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from pipeline.importers.export import MULTI_JOINER, Question
from pipeline.importers.scales import (
    Fit,
    by_numbering,
    by_numbers,
    fitting,
    is_dont_know,
    normalised,
    yes_no,
    yes_no_languages,
)
from pipeline.importers.vocabularies import YES_NO

# More different answers than this, and a column the tool gives no labels for is free text, not a choice.
MAX_CHOICES = 12
# More different options than this, and answers holding ';' are free text, not options ticked.
MAX_OPTIONS = 30
NPS_LABELS = [str(n) for n in range(11)]
# When answers fit the scales of several languages equally ('Helt enig' is Danish and Norwegian), the first listed.
PREFERRED = ["nb", "da", "en", "nn", "sv"]

_SEPARATOR = MULTI_JOINER.strip()
_AMOUNT = re.compile(r"-?\d+(?:[.,]\d+)?")
_HOW_MANY = re.compile(r"\b(?:hvor mange|hur många|how many|antal|antall|number of)\b", re.IGNORECASE)
_RECOMMEND = re.compile(r"recommend|anbefal|rekommend", re.IGNORECASE)
_SPAN = re.compile(r"(?<!\d)(0|1)\s*(?:to|-|–|til)\s*(\d{1,2})(?!\d)")


@dataclass
class Guess:
    kind: str  # "likert", "nps", "text", "choice", "multi" or "number"
    labels: list[str] = field(default_factory=list)  # likert: low to high; choice and multi: the options
    dont_know: list[str] = field(default_factory=list)
    # likert: "known", "yes_no", "numeric" or "numbers"; choice and multi: "tool", "answers" or "separator";
    # text: "multi" (options that hold the separator), "single" (one answer given) or ""
    how: str = ""
    fits: list[Fit] = field(default_factory=list)  # known scales the answers fit
    fit: Fit | None = None  # the one chosen
    also: list[str] = field(default_factory=list)  # the middle label a wording one longer would add
    seen: set[str] = field(default_factory=set)  # the labels answered or listed by the tool, compared with `normalised`
    ends: str = ""  # numeric: where the ends came from, "the question" or "the answers"
    confirmed: bool = True  # choice, multi and number: False when the kind was read from the answers alone
    group_like: str = ""  # choice: why its answers look like the respondents' groups, when they do (groups.py)


def guess_items(questions: list[Question], table: pd.DataFrame, language: str | None) -> dict[str, Guess]:
    """Each question's guess. `language` is the report's, when known; else the answers' language is judged."""
    guesses = {q.id: guess_item(q, [v for v in table[q.id] if v]) for q in questions}
    language = language or questionnaire_language(guesses)
    _choose_known_scales(guesses, language)
    _complete_yes_no(guesses, language)
    return guesses


def guess_item(question: Question, values: list[str]) -> Guess:
    """One question's kind and, for a scale, its labels low to high and its "don't know" labels."""
    if question.kind == "text":
        return Guess("text")
    if question.kind == "multi":
        options = _in_order([question.labels or []] + [_split(v) for v in values])
        return (
            Guess("text", how="multi") if any(_SEPARATOR in o for o in options) else Guess("multi", options, how="tool")
        )
    distinct = list(dict.fromkeys(values))
    if question.kind is None and question.labels is None and (joined := _joined_options(values)):
        return Guess("multi", joined, how="separator", confirmed=False)
    offered = list(dict.fromkeys((question.labels or []) + distinct))
    dont_know = [label for label in offered if is_dont_know(label)]
    rest = [label for label in offered if label not in dont_know]
    seen = {normalised(label) for label in rest}  # answered, or listed by the tool
    if not rest:
        return Guess("text")
    pair = yes_no(rest)
    if pair:
        return Guess("likert", [label for label in pair if label], dont_know, "yes_no", seen=seen)
    fits = fitting(rest)
    if question.labels is not None:  # the tool lists every label: a known scale with more is another scale
        fits = [fit for fit in fits if len(fit.labels) == len(rest)]
    if fits:
        return Guess("likert", [], dont_know, "known", fits=fits, seen=seen)
    numbers = all(_AMOUNT.fullmatch(v) for v in rest)
    if (
        numbers
        and all(v.isdecimal() and str(int(v)) == v and int(v) <= 10 for v in rest)
        and not _counts(question.text)
    ):
        low, high, ends = _numeric_ends(question.text, [int(v) for v in rest])
        labels = [str(n) for n in range(low, high + 1)]
        if labels == NPS_LABELS and not dont_know and _RECOMMEND.search(question.text):
            return Guess("nps", labels, how="numeric")
        if len(labels) >= 2:
            return Guess("likert", labels, dont_know, "numeric", seen=seen, ends=ends)
    elif numbers and not dont_know and question.labels is None:
        return Guess("number", confirmed=False)
    ordered = None if numbers else (by_numbering(rest) or by_numbers(rest))
    if ordered:
        return Guess("likert", ordered, dont_know, "numbers", seen=seen)
    listed = question.labels is not None or question.kind == "choice"
    if len(rest) >= 2 and (listed or (len(rest) <= MAX_CHOICES and len(values) >= 2 * len(distinct))):
        options = offered if question.labels is not None else sorted(rest, key=normalised) + dont_know
        return Guess("choice", options, how="tool" if question.labels is not None else "answers", confirmed=False)
    return Guess("text", how="single" if len(rest) < 2 else "")


def questionnaire_language(guesses: dict[str, Guess]) -> str | None:
    """The language most items' answers are written in, judged by the known scales and yes/no words they fit."""
    votes: Counter = Counter()
    for guess in guesses.values():
        languages = {fit.language for fit in guess.fits}
        if guess.how == "yes_no":
            languages |= {language for label in guess.labels for language in yes_no_languages(label)}
        votes.update(languages)
    return max(votes, key=lambda language: (votes[language], -PREFERRED.index(language)), default=None)


def _choose_known_scales(guesses: dict[str, Guess], language: str | None) -> None:
    """Give each item the known scale wording that most items fit: a battery of questions shares one scale even
    where some answers happen to fit a shorter one too. Ties go to the report's language, then to the wording with
    the fewest labels nobody chose."""
    support = Counter(fit.key for guess in guesses.values() for fit in guess.fits)
    for guess in guesses.values():
        if guess.fits:
            guess.fit = max(guess.fits, key=lambda fit: (support[fit.key], fit.language == language, -len(fit.labels)))
            guess.labels = list(guess.fit.labels)
            # A five-point scale nobody answered in the middle fits a four-point wording too: say so.
            chosen = {normalised(label) for label in guess.labels}
            others = [
                fit
                for fit in guess.fits
                if fit.key[:2] == guess.fit.key[:2]
                and len(fit.labels) == len(chosen) + 1
                and {normalised(label) for label in fit.labels} > chosen
            ]
            guess.also = [label for label in (others[0].labels if others else ()) if normalised(label) not in chosen]


def _complete_yes_no(guesses: dict[str, Guess], language: str | None) -> None:
    """A yes/no question answered only yes (or only no) gets the other answer too, in the answer's language (the
    report's where the word is one of its own: 'Ja' is Danish, Norwegian and Swedish)."""
    for guess in guesses.values():
        if guess.how != "yes_no" or len(guess.labels) == 2:
            continue
        given = guess.labels[0]
        languages = yes_no_languages(given)
        no, yes = YES_NO[language if language in languages else languages[0]]
        is_yes = normalised(given) == normalised(yes)
        guess.labels = [no, given] if is_yes else [given, yes]


def _numeric_ends(text: str, seen: list[int]) -> tuple[int, int, str]:
    """The ends the question states ('on a scale of 1 to 5', '0-10') when the answers fit them; else those seen."""
    for match in _SPAN.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if low <= min(seen) and max(seen) <= high <= 10:
            return low, high, "the question"
    if max(seen) == 10 and _RECOMMEND.search(text):
        return 0, 10, "the question"  # "how likely are you to recommend": the 0-10 question of a Net Promoter Score
    return (0 if min(seen) == 0 else 1), max(seen), "the answers"


def _counts(text: str) -> bool:
    """'How many …', 'Antall …': the question asks for a count, unless it names a scale ('on a scale of 1 to 5')."""
    return bool(_HOW_MANY.search(text)) and not _SPAN.search(text)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(_SEPARATOR) if part.strip()]


def _joined_options(values: list[str]) -> list[str] | None:
    """The options of answers that join several with ';' ('Kurs;Netværk'), when they look ticked from a list: a few
    options, each short and chosen again and again. None for anything else, such as comments using semicolons."""
    if sum(_SEPARATOR in v for v in values) < 2:
        return None
    cells = [_split(v) for v in values]
    options = _in_order(cells)
    ticked = sum(len(parts) for parts in cells)
    if len(options) > MAX_OPTIONS or ticked < 2 * len(options) or any(len(option) > 100 for option in options):
        return None
    return options


def _in_order(cells: list[list[str]]) -> list[str]:
    """Every option named, in the order the cells name them (each cell lists its options in the questionnaire's
    order)."""
    order: list[str] = []
    for parts in cells:
        at = None  # where the cell's next new option goes: after the option before it, or else last
        for part in parts:
            if part in order:
                at = order.index(part) + 1
                continue
            at = len(order) if at is None else at
            order.insert(at, part)
            at += 1
    return order
