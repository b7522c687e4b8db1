"""Putting a question's answer labels in order when the export does not say it: from the response vocabularies
questionnaires use (vocabularies.py), as a yes/no question, or by the numbers the labels hold ("2-4 timer")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.importers.vocabularies import DONT_KNOW, VOCABULARIES, YES_NO

_DONT_KNOW = {wording for wordings in DONT_KNOW.values() for wording in wordings}
_JOINERS = re.compile(r"\s*(?:/|,|;|\beller\b|\bor\b|\bog\b)\s*")


@dataclass(frozen=True)
class Fit:
    """A known scale that holds every label answered: its labels low to high, in the answers' spelling where given."""

    vocabulary: str
    language: str
    wording: int  # which of the language's scales in VOCABULARIES
    labels: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, int]:
        return self.vocabulary, self.language, self.wording


def normalised(label: str) -> str:
    """Lower case, straight apostrophes, single spaces, no full stop at the end: how labels are compared."""
    text = label.replace("\u2019", "'").replace("\u00a0", " ").casefold()
    return " ".join(text.split()).rstrip(".!").strip()


def is_dont_know(label: str) -> bool:
    """'Vet ikke', 'Ikke relevant / vet ikke', "I don't know.", "I don't know what it is": a wording from DONT_KNOW,
    several joined, or one of several words followed by what is not known."""
    text = normalised(unnumbered(label))
    if text in _DONT_KNOW:
        return True
    if any(text.startswith(f"{wording} ") for wording in _DONT_KNOW if " " in wording):
        return True  # "I don't know what the tidyverse is", "Vet ikke hva det er"
    parts = [part for part in _JOINERS.split(text) if part]
    return len(parts) > 1 and all(part in _DONT_KNOW for part in parts)


def fitting(labels: list[str]) -> list[Fit]:
    """Every known scale, in any vocabulary and language, whose wording holds all `labels` (compared without the
    number a tool may put in front: '1 - Helt uenig', '5. Helt enig')."""
    seen = {normalised(unnumbered(label)): label for label in labels}
    found = []
    for vocabulary, languages in VOCABULARIES.items():
        for language, wordings in languages.items():
            for number, wording in enumerate(wordings):
                compared = [normalised(label) for label in wording]
                if set(seen) <= set(compared):
                    found.append(
                        Fit(
                            vocabulary,
                            language,
                            number,
                            tuple(seen.get(n, label) for n, label in zip(compared, wording)),
                        )
                    )
    return found


# A label numbered by the tool: '1 - Helt uenig', '5 – I meget høj grad', '3. Neutral', '2)'; or the number alone.
_NUMBERED = re.compile(r"\s*(\d{1,2})\s*(?:[-–—.:)=]\s*(.*?)\s*)?")


def unnumbered(label: str) -> str:
    """'1 - Helt uenig' → 'Helt uenig'; a label without a number in front as it is."""
    match = _NUMBERED.fullmatch(label)
    return match.group(2) if match and match.group(2) else label


def by_numbering(labels: list[str]) -> list[str] | None:
    """Labels a tool numbered, perhaps naming only the ends ('1 - Helt uenig', '2', '3', '4', '5 - Helt enig'), in the
    order of their numbers; None unless every label starts with its own number and at least one has words too."""
    numbers = {}
    for label in labels:
        match = _NUMBERED.fullmatch(label)
        if not match:
            return None
        numbers[label] = int(match.group(1))
    words = any(match.group(2) for label in labels if (match := _NUMBERED.fullmatch(label)))
    if len(labels) < 2 or not words or len(set(numbers.values())) < len(numbers):
        return None
    return sorted(labels, key=numbers.__getitem__)


def yes_no(labels: list[str]) -> tuple[str | None, str | None] | None:
    """(the no, the yes) among `labels`, None for one nobody gave, when the labels are a yes and a no or one of them."""
    yes_words = {normalised(yes) for _, yes in YES_NO.values()}
    no_words = {normalised(no) for no, _ in YES_NO.values()}
    yes = [label for label in labels if normalised(label) in yes_words]
    no = [label for label in labels if normalised(label) in no_words]
    if not labels or len(yes) > 1 or len(no) > 1 or len(yes) + len(no) != len(labels):
        return None
    return (no[0] if no else None), (yes[0] if yes else None)


def yes_no_languages(label: str) -> list[str]:
    """The languages in which `label` is the word for yes or for no ('Ja': da, nb, nn, sv)."""
    return [language for language, words in YES_NO.items() if normalised(label) in {normalised(word) for word in words}]


# --- labels holding numbers: "Mindre enn 2 timer", "2-4 timer", "Mer enn 6 timer"; "0", "1-2", "3 eller flere"
# ---------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_RANGE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:-|–|—|til|till|to)\s*\d")
_BELOW = re.compile(
    r"\b(?:mindre enn|mindre end|mindre än|færre enn|færre end|färre än|less than|fewer than|under|below|inntil|"
    r"op til|opp til|upp till|up to|højst|høyst|högst|at most|maks|max)\b|<"
)
_ABOVE = re.compile(
    r"\b(?:mer enn|mere end|mer än|flere enn|flere end|fler än|more than|over|above|minst|mindst|at least)\b|>"
)
_OR_MORE = re.compile(
    r"\+|\b(?:eller (?:flere|fler|mer|mere|mera)|or more|og (?:over|mer|mere|flere)|and (?:over|more|above))\b"
)
_NONE = {"ingen", "inga", "inget", "ingenting", "none", "nothing", "nobody"}


def by_numbers(labels: list[str]) -> list[str] | None:
    """`labels` in the order of the numbers they hold, when each holds one (or says none) and they count one thing:
    below a number before it, a range from its first number, above a number after it. None when they do not."""
    keys, units, marked = {}, set(), False
    for label in labels:
        text = normalised(label)
        if text in _NONE:
            keys[label] = (0.0, 0)
            continue
        number = _NUMBER.search(text)
        if number is None:
            return None
        before, after = text[: number.start()], text[number.end() :]
        offset = -1 if _BELOW.search(before) else 1 if _ABOVE.search(before) or _OR_MORE.search(after) else 0
        marked = marked or offset != 0 or bool(_RANGE.search(text))
        keys[label] = (float(number.group(0).replace(",", ".")), offset)
        unit = _OR_MORE.sub(" ", _ABOVE.sub(" ", _BELOW.sub(" ", _NUMBER.sub(" ", text))))
        # What is counted, word by word and cut short, so that 'time'/'timer' and 'hour'/'hours' are one unit.
        words = frozenset(word[:3] for word in re.findall(r"[^\W\d_]+", unit) if word not in ("til", "till", "to"))
        if words:
            units.add(words)
    if len(labels) < 2 or len(set(keys.values())) < len(keys) or len(units) > 1 or not (marked or not units):
        return None  # two labels at one number, or several things counted ('months', 'year'), or names ('Team 1')
    return sorted(labels, key=keys.__getitem__)
