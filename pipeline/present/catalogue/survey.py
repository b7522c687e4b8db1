"""Words of the survey section. One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "survey": {"da": "Spørgeskemaundersøgelse", "nb": "Spørreundersøkelse", "en": "Survey feedback"},
    "comments": {"da": "Kommentarer fra respondenterne", "nb": "Kommentarer fra respondentene", "en": "Respondents' comments"},
    "survey_feedback": {"da": "Spørgeskemaundersøgelse", "nb": "Spørreundersøkelse", "en": "Survey feedback"},
    "item": {"da": "Spørgsmål", "nb": "Spørsmål", "en": "Question"},
    "answers": {"da": "Svar (n)", "nb": "Svar (n)", "en": "Answers (n)"},
    "positive_share": {"da": "Andel positive", "nb": "Andel positive", "en": "Positive share"},
    "interval": {"da": "95 %-konfidensinterval", "nb": "95 %-konfidensintervall", "en": "95 % confidence interval"},
    "dont_know": {"da": "Ved ikke", "nb": "Vet ikke", "en": "Don't know"},
    "group": {"da": "Gruppe", "nb": "Gruppe", "en": "Group"},
    "respondents": {"da": "Respondenter", "nb": "Respondenter", "en": "Respondents"},
    "suppressed": {"da": "for få til at vise", "nb": "for få til å vises", "en": "too few to show"},
    "kind_survey": {"da": "Andel positive svar: {item}", "nb": "Andel positive svar: {item}", "en": "Positive answers: {item}"},
    "survey_responses": {
        "da": "{n} har svaret i undersøgelsen {wave}.",
        "nb": "{n} har svart på undersøkelsen {wave}.",
        "en": "{n} responded to the survey {wave}.",
    },
    "survey_best": {
        "da": "Størst enighed: «{item}» ({share} positive).",
        "nb": "Størst enighet: «{item}» ({share} positive).",
        "en": "Most agreement: “{item}” ({share} positive).",
    },
    "survey_too_few": {
        "da": "Der er for få svar ({n}) til at vise resultater; grænsen er {min}.",
        "nb": "Det er for få svar ({n}) til å vise resultater; grensen er {min}.",
        "en": "Too few responses ({n}) to show results; the limit is {min}.",
    },
    "survey_none": {
        "da": "Der er ingen spørgeskemaundersøgelse i perioden.",
        "nb": "Det er ingen spørreundersøkelse i perioden.",
        "en": "There is no survey in this period.",
    },
    "comments_hidden": {
        "da": "Kommentarer vises kun, når mindst {min} har svaret.",
        "nb": "Kommentarer vises bare når minst {min} har svart.",
        "en": "Comments are shown only when at least {min} have responded.",
    },
    "caption_likert_chart": {
        "da": "Svarfordeling pr. spørgsmål, {wave} (n i parentes)",
        "nb": "Svarfordeling per spørsmål, {wave} (n i parentes)",
        "en": "Answers by question, {wave} (n in brackets)",
    },
    "caption_likert_table": {
        "da": "Andel positive svar med 95 %-konfidensinterval, {wave}",
        "nb": "Andel positive svar med 95 %-konfidensintervall, {wave}",
        "en": "Positive share with 95 % confidence interval, {wave}",
    },
    "caption_groups": {
        "da": "Andel positive svar pr. respondentgruppe",
        "nb": "Andel positive svar per respondentgruppe",
        "en": "Positive share by respondent group",
    },
    "alt_likert": {
        "da": "Søjlediagram: andelen positive svar ligger mellem {low} og {high} på tværs af {count} spørgsmål.",
        "nb": "Stolpediagram: andelen positive svar ligger mellom {low} og {high} på tvers av {count} spørsmål.",
        "en": "Bar chart: the positive share ranges from {low} to {high} across {count} questions.",
    },
}
