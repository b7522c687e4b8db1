"""Answer scales and "don't know" wordings that Danish, Norwegian and English questionnaires use, low to high.

These let a draft codebook put a tool's answer labels in order when the export does not say the order. Each
scale is listed in the wordings ("styles") it is met in; a style is used only when it holds every label seen.
"""

from __future__ import annotations

import re

KNOWN_SCALES: dict[str, list[list[str]]] = {
    "agree5": [
        ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
        ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
        ["Strongly disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Strongly agree"],
    ],
    "agree4": [
        ["Strongly disagree", "Disagree", "Agree", "Strongly agree"],
        ["Strongly disagree", "Somewhat disagree", "Somewhat agree", "Strongly agree"],
    ],
    "satisfied5": [["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]],
    "extent5": [
        ["Not at all", "To a small extent", "To some extent", "To a large extent", "To a very large extent"],
        ["To a very small extent", "To a small extent", "To a moderate extent", "To a great extent", "To a very great extent"],
    ],
    "quality5": [["Very poor", "Poor", "Fair", "Good", "Very good"], ["Very poor", "Poor", "Fair", "Good", "Excellent"]],
    "frequency5": [["Never", "Rarely", "Sometimes", "Often", "Always"], ["Never", "Rarely", "Sometimes", "Often", "All of the time"]],
    # Danish
    "enig5_da": [
        ["Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"],
        ["Helt uenig", "Delvis uenig", "Hverken enig eller uenig", "Delvis enig", "Helt enig"],
        ["Meget uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Meget enig"],
    ],
    "grad5_da": [
        ["I meget lav grad", "I lav grad", "I nogen grad", "I høj grad", "I meget høj grad"],
        ["Slet ikke", "I mindre grad", "I nogen grad", "I høj grad", "I meget høj grad"],
    ],
    "tilfreds5_da": [["Meget utilfreds", "Utilfreds", "Hverken tilfreds eller utilfreds", "Tilfreds", "Meget tilfreds"]],
    "vigtig4_da": [["Ikke vigtigt", "Lidt vigtigt", "Vigtigt", "Meget vigtigt"]],
    # Norwegian bokmål
    "enig5_nb": [
        ["Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig"],
        ["Helt uenig", "Uenig", "Verken enig eller uenig", "Enig", "Helt enig"],
        ["Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig"],
    ],
    "grad5_nb": [
        ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"],
        ["Ikke i det hele tatt", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"],
    ],
    "fornoyd5_nb": [["Svært misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Svært fornøyd"]],
    "viktig4_nb": [["Ikke viktig", "Litt viktig", "Ganske viktig", "Veldig viktig"]],
    # Danish and Norwegian write a four-point agreement scale alike.
    "enig4": [
        ["Helt uenig", "Uenig", "Enig", "Helt enig"],
        ["Helt uenig", "Delvis uenig", "Delvis enig", "Helt enig"],
        ["Helt uenig", "Litt uenig", "Litt enig", "Helt enig"],
    ],
}

# Answers that say "no answer on the scale"; compared after `normalised`.
DONT_KNOW = {
    # da
    "ved ikke", "ikke relevant", "ikke aktuelt", "kan ikke svare", "ønsker ikke at svare", "vil ikke svare", "husker ikke",
    "kan ikke vurdere", "ingen holdning",
    # nb
    "vet ikke", "ønsker ikke å svare", "ikke sikker",
    # en
    "don't know", "do not know", "dont know", "i don't know", "not applicable", "n/a", "prefer not to say",
    "prefer not to answer", "no opinion", "can't say", "cannot say", "don't remember", "i don't remember", "not relevant",
}

_JOINERS = re.compile(r"\s*(?:/|,|;|\beller\b|\bor\b|\bog\b)\s*")


def normalised(label: str) -> str:
    """Lower case, straight apostrophes, single spaces, no full stop at the end: how labels are compared."""
    text = label.replace("\u2019", "'").replace("\u00a0", " ").casefold()
    return " ".join(text.split()).rstrip(".!").strip()


def is_dont_know(label: str) -> bool:
    """'Vet ikke', 'Ikke relevant / vet ikke', "I don't know.": a wording, or wordings joined, from DONT_KNOW."""
    text = normalised(label)
    if text in DONT_KNOW:
        return True
    parts = [part for part in _JOINERS.split(text) if part]
    return len(parts) > 1 and all(part in DONT_KNOW for part in parts)


def fitting(labels: list[str]) -> list[tuple[str, int, list[str]]]:
    """Every (scale, style, labels low to high in the answers' spelling) whose wording holds all `labels`."""
    seen = {normalised(label): label for label in labels}
    found = []
    for name, styles in KNOWN_SCALES.items():
        for number, style in enumerate(styles):
            wording = [normalised(label) for label in style]
            if set(seen) <= set(wording):
                found.append((name, number, [seen.get(n, label) for n, label in zip(wording, style)]))
    return found


def known_order(labels: list[str]) -> tuple[str, list[str]] | None:
    """The known scale whose wording holds every label, and its labels low to high in the answers' spelling.

    Of several that fit, the one with the fewest labels nobody chose wins: a guess the draft codebook flags.
    """
    best = min(fitting(labels), key=lambda fit: len(fit[2]), default=None)
    return (best[0], best[2]) if best else None
