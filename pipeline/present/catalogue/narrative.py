"""The end report told as a story: its chapters, the sentences that carry a figure into them, and the appendix."""

MESSAGES = {
    # The appendix: numbered, after the story.
    "appendix_title": {"da": "Bilag {n}: {title}", "nb": "Vedlegg {n}: {title}", "en": "Appendix {n}: {title}"},
    "appendix_criteria": {
        "da": "Succeskriterierne i tal",
        "nb": "Suksesskriteriene i tall",
        "en": "The success criteria in figures",
    },
    "appendix_activities": {
        "da": "Aktiviteter og deltagere",
        "nb": "Aktiviteter og deltakere",
        "en": "Activities and participants",
    },
    "appendix_recommendations": {
        "da": "Anbefalingerne samlet",
        "nb": "Anbefalingene samlet",
        "en": "The recommendations in one table",
    },
    "appendix_methods": {
        "da": "Sådan er tallene lavet",
        "nb": "Slik er tallene laget",
        "en": "How the figures were made",
    },
    "see_appendix": {
        "da": "Tallene bag står i bilag {n}.",
        "nb": "Tallene bak står i vedlegg {n}.",
        "en": "The figures behind it are in appendix {n}.",
    },
    # The chapters.
    "text_next": {"da": "Det videre arbejde", "nb": "Veien videre", "en": "The way forward"},
    "criteria_told_lead": {
        "da": (
            "Projektet blev fra starten målt på {count} succeskriterier. Her er hvert af dem med resultatet og "
            "vurderingen."
        ),
        "nb": (
            "Prosjektet ble fra starten målt på {count} suksesskriterier. Her er hvert av dem med resultatet og "
            "vurderingen."
        ),
        "en": (
            "From the start, the project was measured on {count} success criteria. Here is each with its result "
            "and assessment."
        ),
    },
    "criterion_key_figure": {
        "da": "Resultatet er {result} mod et mål på {target}.",
        "nb": "Resultatet er {result} mot et mål på {target}.",
        "en": "The result is {result} against a target of {target}.",
    },
    "criterion_key_attainment": {
        "da": "Opnåelsesgraden er {attainment}.",
        "nb": "Måloppnåelsen er {attainment}.",
        "en": "The attainment is {attainment}.",
    },
    "criterion_key_no_data": {
        "da": "Der er ingen tal at vurdere kriteriet ud fra i perioden.",
        "nb": "Det finnes ingen tall å vurdere kriteriet etter i perioden.",
        "en": "There are no figures to judge the criterion by in the period.",
    },
    "criterion_key_withheld": {
        "da": (
            "Svarene på spørgsmålet bag kriteriet vises ikke, fordi for få har svaret til, at ingen kan "
            "genkendes; kriteriet kan derfor ikke vurderes ud fra dem."
        ),
        "nb": (
            "Svarene på spørsmålet bak kriteriet vises ikke, fordi for få har svart til at ingen kan kjennes "
            "igjen; kriteriet kan derfor ikke vurderes ut fra dem."
        ),
        "en": (
            "The answers to the question behind the criterion are not shown, since too few answered for nobody "
            "to be recognised; so the criterion cannot be judged by them."
        ),
    },
    "done": {"da": "Hvad der er gjort", "nb": "Hva som er gjort", "en": "What was done"},
    "act_themes_told": {
        "da": "Aktiviteterne har taget {count} temaer op: {themes}.",
        "nb": "Aktivitetene har tatt opp {count} temaer: {themes}.",
        "en": "The activities took up {count} themes: {themes}.",
    },
    "act_told_participants": {"da": "Deltagere: {count}.", "nb": "Deltakere: {count}.", "en": "Participants: {count}."},
    "participants_say": {"da": "Deltagernes vurdering", "nb": "Deltakernes vurdering", "en": "What participants say"},
    "survey_answered_of": {
        "da": "Spørgeskemaet blev sendt til {invited}, og {answered} har svaret helt eller delvis ({share}, {wave}).",
        "nb": "Spørreskjemaet ble sendt til {invited}, og {answered} har svart helt eller delvis ({share}, {wave}).",
        "en": (
            "The questionnaire went to {invited} people, and {answered} answered all or some of it ({share}, {wave})."
        ),
    },
    "survey_least": {
        "da": "Mindst enighed: »{item}« ({share} positive).",
        "nb": "Minst enighet: «{item}» ({share} positive).",
        "en": "Least agreement: “{item}” ({share} positive).",
    },
    "rec_told_given": {
        "da": "Givet af {source} den {date} og sendt til {to}.",
        "nb": "Gitt av {source} den {date} og sendt til {to}.",
        "en": "Given by {source} on {date} and sent to {to}.",
    },
    "methods_plain": {
        "da": (
            "Rapportens tal er regnet ud fra projektets egne opgørelser, spørgeskemaer og milepælsplan. Et "
            "succeskriterium er opfyldt, når resultatet når mindst {met} af vejen til målet, og delvist opfyldt, "
            "når det når mindst {partly}. En »positiv« andel er dem, der har givet et af skalaens positive svar, "
            "blandt dem, der har taget stilling. Ingen gruppe med færre end {min} personer vises, så ingen kan "
            "genkendes, og kommentarer gengives uden personoplysninger. Et tomt felt betyder, at der ikke er "
            "tal, og tæller aldrig som nul."
        ),
        "nb": (
            "Rapportens tall er regnet ut fra prosjektets egne oppgjørelser, spørreskjemaer og milepælsplan. Et "
            "suksesskriterium er nådd når resultatet når minst {met} av veien til målet, og delvis nådd når det "
            "når minst {partly}. En «positiv» andel er dem som har gitt et av skalaens positive svar, blant dem "
            "som har tatt stilling. Ingen gruppe med færre enn {min} personer vises, slik at ingen kan kjennes "
            "igjen, og kommentarer gjengis uten personopplysninger. Et tomt felt betyr at det ikke finnes tall, "
            "og teller aldri som null."
        ),
        "en": (
            "The report's figures are worked out from the project's own records, questionnaires and milestone "
            "plan. A success criterion is met when the result gets at least {met} of the way to the target, and "
            "partly met when it gets at least {partly}. A “positive” share is those who gave one of the scale's "
            "positive answers, among those who gave an opinion. No group of fewer than {min} people is shown, so "
            "that nobody can be recognised, and comments are quoted without personal data. An empty field means "
            "there is no figure, and never counts as zero."
        ),
    },
    "methods_terms": {"da": "Fagudtryk og formler", "nb": "Fagbegreper og formler", "en": "Terms and formulas"},
}
