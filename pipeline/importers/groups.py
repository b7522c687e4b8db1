"""A question whose answers look like the respondents' groups ("Hvem deltager du som?": Borger, Medarbejder …).

Made an item without a word, it would show the groups as a question in every report, and no table would be split
by them: the draft marks it as a guess to confirm, and says how to import it as the group column instead.
"""

from __future__ import annotations

import re

from pipeline.importers.scales import normalised

# Questions asking who the respondent is, in Danish, Norwegian, Swedish and English.
_WHO = re.compile(
    r"\b(?:hvem (?:deltager|deltar|svarer|er) du|(?:deltager|deltar|deltog|svarer) du (?:som|i egenskab af)|"
    r"hvad er din (?:rolle|funktion|stilling)|hva er din (?:rolle|funksjon|stilling)|din rolle|i hvilken egenskab|"
    r"i hvilken egenskap|jeg (?:deltager|deltar|svarer) som|vem är du|vilken roll|i vilken egenskap|"
    r"what is your role|your role|which (?:group|of the following) (?:are you|describes you)|"
    r"respondentgruppe|respondent group|målgruppe|rolle|role|stilling|position)\b",
    re.IGNORECASE,
)
# More different answers than this, and a column is not a list of groups.
MAX_GROUPS = 12


def looks_like_groups(text: str, options: list[str], groups: dict[str, str]) -> str:
    """Why the answers `options` to the question `text` look like respondent groups ('' when they do not): the
    question asks who the respondent is, or most answers are the project's own group codes or labels."""
    if not 2 <= len(options) <= MAX_GROUPS:
        return ""
    known = {normalised(str(word)) for pair in groups.items() for word in pair}
    matching = [option for option in options if normalised(option) in known]
    if known and len(matching) * 2 >= len(options):
        return f"its answers are the project's groups ({', '.join(matching[:4])})"
    if _WHO.search(text):
        return "the question asks who the respondent is"
    return ""
