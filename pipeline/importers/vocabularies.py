"""The answer scales Danish, Norwegian (bokmål and nynorsk), Swedish and English questionnaires use, low to high.

VOCABULARIES[vocabulary][language] holds that vocabulary's scales in that language, each an ordered list of labels
from the lowest to the highest. A language lists one scale per wording met in questionnaires (five points or four,
"Litt enig" or "Delvis enig"): a draft codebook takes the wording that holds every answer given, and fills in
the labels nobody chose from it. Labels are compared without case, so "Strongly Agree" fits "Strongly agree".
"""

from __future__ import annotations

# The languages a questionnaire may be in, named as the draft codebook's comments name them.
LANGUAGES = {"da": "Danish", "nb": "Norwegian bokmål", "nn": "Norwegian nynorsk", "sv": "Swedish", "en": "English"}

VOCABULARIES: dict[str, dict[str, list[list[str]]]] = {
    "agreement": {
        "da": [
            ["Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"],
            ["Helt uenig", "Delvis uenig", "Hverken enig eller uenig", "Delvis enig", "Helt enig"],
            ["Meget uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Meget enig"],
            ["Helt uenig", "Overvejende uenig", "Hverken enig eller uenig", "Overvejende enig", "Helt enig"],
            ["Helt uenig", "Uenig", "Enig", "Helt enig"],
            ["Helt uenig", "Delvis uenig", "Delvis enig", "Helt enig"],
            ["Meget uenig", "Uenig", "Enig", "Meget enig"],
            # SurveyXact's and Enalyzer's Danish agreement scale, with "Delvist" (and "Ved ikke" beside it)
            ["Helt uenig", "Delvist uenig", "Hverken enig eller uenig", "Delvist enig", "Helt enig"],
            ["Helt uenig", "Delvist uenig", "Delvist enig", "Helt enig"],
            ["Meget uenig", "Uenig", "Neutral", "Enig", "Meget enig"],  # Microsoft Forms' Likert in Danish
        ],
        "nb": [
            ["Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig"],
            ["Helt uenig", "Uenig", "Verken enig eller uenig", "Enig", "Helt enig"],
            ["Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig"],
            ["Svært uenig", "Uenig", "Verken enig eller uenig", "Enig", "Svært enig"],
            ["Helt uenig", "Uenig", "Enig", "Helt enig"],
            ["Helt uenig", "Delvis uenig", "Delvis enig", "Helt enig"],
            ["Helt uenig", "Litt uenig", "Litt enig", "Helt enig"],
            ["Helt uenig", "Uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Enig", "Helt enig"],
            ["Svært uenig", "Uenig", "Nøytral", "Enig", "Svært enig"],  # Microsoft Forms' Likert in bokmål
            ["Helt uenig", "Delvis uenig", "Nøytral", "Delvis enig", "Helt enig"],
        ],
        "nn": [
            ["Heilt ueinig", "Litt ueinig", "Verken einig eller ueinig", "Litt einig", "Heilt einig"],
            ["Heilt ueinig", "Ueinig", "Verken einig eller ueinig", "Einig", "Heilt einig"],
            ["Heilt ueinig", "Delvis ueinig", "Verken einig eller ueinig", "Delvis einig", "Heilt einig"],
            ["Heilt ueinig", "Litt ueinig", "Korkje einig eller ueinig", "Litt einig", "Heilt einig"],
            ["Heilt ueinig", "Ueinig", "Einig", "Heilt einig"],
            ["Heilt ueinig", "Litt ueinig", "Litt einig", "Heilt einig"],
            ["Heilt ueinig", "Delvis ueinig", "Delvis einig", "Heilt einig"],
            ["Svært ueinig", "Ueinig", "Nøytral", "Einig", "Svært einig"],
        ],
        "sv": [
            [
                "Instämmer inte alls",
                "Instämmer i liten grad",
                "Instämmer delvis",
                "Instämmer i stor grad",
                "Instämmer helt",
            ],
            ["Helt oenig", "Delvis oenig", "Varken enig eller oenig", "Delvis enig", "Helt enig"],
            ["Helt oenig", "Oenig", "Varken enig eller oenig", "Enig", "Helt enig"],
            ["Mycket oenig", "Oenig", "Varken enig eller oenig", "Enig", "Mycket enig"],
            ["Stämmer inte alls", "Stämmer ganska dåligt", "Stämmer ganska bra", "Stämmer helt"],
            ["Helt oenig", "Delvis oenig", "Delvis enig", "Helt enig"],
            ["Instämmer inte alls", "Instämmer i liten grad", "Instämmer i stor grad", "Instämmer helt"],
            ["Tar helt avstånd", "Tar delvis avstånd", "Varken eller", "Instämmer delvis", "Instämmer helt"],
            ["Instämmer inte alls", "Instämmer inte", "Neutral", "Instämmer", "Instämmer helt"],
        ],
        "en": [
            ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
            ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
            [
                "Strongly disagree",
                "Somewhat disagree",
                "Neither agree nor disagree",
                "Somewhat agree",
                "Strongly agree",
            ],
            ["Strongly disagree", "Disagree", "Neither agree or disagree", "Agree", "Strongly agree"],
            ["Strongly disagree", "Disagree", "Agree", "Strongly agree"],
            ["Strongly disagree", "Somewhat disagree", "Somewhat agree", "Strongly agree"],
            [
                "Strongly disagree",
                "Disagree",
                "Somewhat disagree",
                "Neither agree nor disagree",
                "Somewhat agree",
                "Agree",
                "Strongly agree",
            ],
        ],
    },
    "satisfaction": {
        "da": [
            ["Meget utilfreds", "Utilfreds", "Hverken tilfreds eller utilfreds", "Tilfreds", "Meget tilfreds"],
            [
                "Meget utilfreds",
                "Lidt utilfreds",
                "Hverken tilfreds eller utilfreds",
                "Lidt tilfreds",
                "Meget tilfreds",
            ],
            ["Meget utilfreds", "Utilfreds", "Tilfreds", "Meget tilfreds"],
            ["Meget utilfreds", "Utilfreds", "Neutral", "Tilfreds", "Meget tilfreds"],
            [
                "Meget utilfreds",
                "Delvist utilfreds",
                "Hverken tilfreds eller utilfreds",
                "Delvist tilfreds",
                "Meget tilfreds",
            ],
        ],
        "nb": [
            ["Svært misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Svært fornøyd"],
            ["Meget misfornøyd", "Misfornøyd", "Verken fornøyd eller misfornøyd", "Fornøyd", "Meget fornøyd"],
            ["Svært misfornøyd", "Litt misfornøyd", "Verken fornøyd eller misfornøyd", "Litt fornøyd", "Svært fornøyd"],
            ["Svært misfornøyd", "Misfornøyd", "Fornøyd", "Svært fornøyd"],
            ["Svært misfornøyd", "Misfornøyd", "Nøytral", "Fornøyd", "Svært fornøyd"],
            ["Misfornøyd", "Lite fornøyd", "Nøytral", "Fornøyd", "Svært fornøyd"],
        ],
        "nn": [
            ["Svært misnøgd", "Misnøgd", "Verken nøgd eller misnøgd", "Nøgd", "Svært nøgd"],
            ["Svært misnøgd", "Misnøgd", "Korkje nøgd eller misnøgd", "Nøgd", "Svært nøgd"],
            ["Svært misnøgd", "Misnøgd", "Nøgd", "Svært nøgd"],
        ],
        "sv": [
            ["Mycket missnöjd", "Missnöjd", "Varken nöjd eller missnöjd", "Nöjd", "Mycket nöjd"],
            ["Mycket missnöjd", "Ganska missnöjd", "Varken nöjd eller missnöjd", "Ganska nöjd", "Mycket nöjd"],
            ["Mycket missnöjd", "Ganska missnöjd", "Ganska nöjd", "Mycket nöjd"],
            ["Mycket missnöjd", "Missnöjd", "Neutral", "Nöjd", "Mycket nöjd"],
        ],
        "en": [
            ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
            [
                "Very dissatisfied",
                "Somewhat dissatisfied",
                "Neither satisfied nor dissatisfied",
                "Somewhat satisfied",
                "Very satisfied",
            ],
            ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
            ["Very dissatisfied", "Dissatisfied", "Satisfied", "Very satisfied"],
            ["Not at all satisfied", "Not so satisfied", "Somewhat satisfied", "Very satisfied", "Extremely satisfied"],
            ["Very unsatisfied", "Unsatisfied", "Neutral", "Satisfied", "Very satisfied"],
        ],
    },
    # "I høj grad … slet ikke": to what extent.
    "extent": {
        "da": [
            ["I meget lav grad", "I lav grad", "I nogen grad", "I høj grad", "I meget høj grad"],
            ["Slet ikke", "I mindre grad", "I nogen grad", "I høj grad", "I meget høj grad"],
            ["Slet ikke", "I ringe grad", "I nogen grad", "I høj grad", "I meget høj grad"],
            ["Slet ikke", "I mindre grad", "I nogen grad", "I høj grad"],
            ["I meget ringe grad", "I ringe grad", "I nogen grad", "I høj grad", "I meget høj grad"],
            ["Slet ikke", "I ringe grad", "I nogen grad", "I høj grad"],
        ],
        "nb": [
            ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"],
            ["Ikke i det hele tatt", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"],
            ["I svært liten grad", "I liten grad", "I middels grad", "I stor grad", "I svært stor grad"],
            ["Ikke i det hele tatt", "I liten grad", "I noen grad", "I stor grad"],
            ["I svært liten grad", "I liten grad", "I stor grad", "I svært stor grad"],
        ],
        "nn": [
            ["I svært liten grad", "I liten grad", "I nokon grad", "I stor grad", "I svært stor grad"],
            ["Ikkje i det heile tatt", "I liten grad", "I nokon grad", "I stor grad", "I svært stor grad"],
            ["Ikkje i det heile tatt", "I liten grad", "I nokon grad", "I stor grad"],
        ],
        "sv": [
            ["Inte alls", "I liten grad", "I viss grad", "I hög grad", "I mycket hög grad"],
            ["I mycket liten grad", "I liten grad", "I någon grad", "I stor grad", "I mycket stor grad"],
            ["Inte alls", "I liten grad", "I ganska stor grad", "I mycket stor grad"],
            ["Inte alls", "I liten grad", "I viss grad", "I hög grad"],
        ],
        "en": [
            ["Not at all", "To a small extent", "To some extent", "To a large extent", "To a very large extent"],
            [
                "To a very small extent",
                "To a small extent",
                "To a moderate extent",
                "To a great extent",
                "To a very great extent",
            ],
            ["Not at all", "To a small extent", "To some extent", "To a large extent"],
            ["Not at all", "Slightly", "Moderately", "Very", "Extremely"],
            ["Not at all", "A little", "Somewhat", "Quite a bit", "A great deal"],
        ],
    },
    "frequency": {
        "da": [
            ["Aldrig", "Sjældent", "Nogle gange", "Ofte", "Altid"],
            ["Aldrig", "Sjældent", "Af og til", "Ofte", "Altid"],
            ["Aldrig", "Sjældent", "Af og til", "Ofte", "Meget ofte"],
            ["Aldrig", "Sjældent", "Af og til", "Ofte"],
            ["Aldrig", "Sjældent", "En gang imellem", "Ofte", "Altid"],
        ],
        "nb": [
            ["Aldri", "Sjelden", "Av og til", "Ofte", "Alltid"],
            ["Aldri", "Sjelden", "Noen ganger", "Ofte", "Alltid"],
            ["Aldri", "Sjelden", "Av og til", "Ofte", "Svært ofte"],
            ["Aldri", "Sjelden", "Av og til", "Ofte"],
            ["Aldri", "Svært sjelden", "Sjelden", "Ofte", "Svært ofte", "Alltid"],
        ],
        "nn": [
            ["Aldri", "Sjeldan", "Av og til", "Ofte", "Alltid"],
            ["Aldri", "Sjeldan", "Nokre gonger", "Ofte", "Alltid"],
            ["Aldri", "Sjeldan", "Av og til", "Ofte"],
        ],
        "sv": [
            ["Aldrig", "Sällan", "Ibland", "Ofta", "Alltid"],
            ["Aldrig", "Sällan", "Ibland", "Ofta", "Mycket ofta"],
            ["Aldrig", "Sällan", "Ibland", "Ofta"],
        ],
        "en": [
            ["Never", "Rarely", "Sometimes", "Often", "Always"],
            ["Never", "Rarely", "Sometimes", "Often", "All of the time"],
            ["Never", "Seldom", "Sometimes", "Often", "Always"],
            ["Never", "Rarely", "Sometimes", "Often", "Very often"],
            ["Never", "Sometimes", "Often", "Always"],
            ["Never", "Rarely", "Sometimes", "Usually", "Always"],  # SurveyMonkey's answer bank
        ],
    },
    "quality": {
        "da": [
            ["Meget dårlig", "Dårlig", "Hverken god eller dårlig", "God", "Meget god"],
            ["Meget dårligt", "Dårligt", "Hverken godt eller dårligt", "Godt", "Meget godt"],
            ["Meget dårlig", "Dårlig", "Middel", "God", "Meget god"],
            ["Meget dårlig", "Dårlig", "God", "Meget god"],
            ["Meget dårligt", "Dårligt", "Godt", "Meget godt"],
        ],
        "nb": [
            ["Svært dårlig", "Dårlig", "Verken god eller dårlig", "God", "Svært god"],
            ["Svært dårlig", "Dårlig", "Middels", "God", "Svært god"],
            ["Svært dårlig", "Dårlig", "Verken godt eller dårlig", "Godt", "Svært godt"],
            ["Meget dårlig", "Dårlig", "Middels", "God", "Meget god"],
            ["Svært dårlig", "Dårlig", "God", "Svært god"],
            ["Svært dårlig", "Dårlig", "Godt", "Svært godt"],
        ],
        "nn": [
            ["Svært dårleg", "Dårleg", "Verken god eller dårleg", "God", "Svært god"],
            ["Svært dårleg", "Dårleg", "Middels", "God", "Svært god"],
            ["Svært dårleg", "Dårleg", "Verken godt eller dårleg", "Godt", "Svært godt"],
            ["Svært dårleg", "Dårleg", "God", "Svært god"],
        ],
        "sv": [
            ["Mycket dålig", "Dålig", "Varken bra eller dålig", "Bra", "Mycket bra"],
            ["Mycket dåligt", "Dåligt", "Varken bra eller dåligt", "Bra", "Mycket bra"],
            ["Mycket dålig", "Ganska dålig", "Varken bra eller dålig", "Ganska bra", "Mycket bra"],
            ["Mycket dålig", "Ganska dålig", "Ganska bra", "Mycket bra"],
            ["Mycket dåligt", "Ganska dåligt", "Ganska bra", "Mycket bra"],
        ],
        "en": [
            ["Very poor", "Poor", "Fair", "Good", "Very good"],
            ["Very poor", "Poor", "Fair", "Good", "Excellent"],
            ["Poor", "Fair", "Good", "Very good", "Excellent"],
            ["Very bad", "Bad", "Neither good nor bad", "Good", "Very good"],
            ["Poor", "Fair", "Good", "Excellent"],
        ],
    },
    "importance": {
        "da": [
            ["Meget uvigtigt", "Uvigtigt", "Hverken vigtigt eller uvigtigt", "Vigtigt", "Meget vigtigt"],
            ["Ikke vigtigt", "Lidt vigtigt", "Vigtigt", "Meget vigtigt"],
            ["Slet ikke vigtigt", "Mindre vigtigt", "Vigtigt", "Meget vigtigt"],
        ],
        "nb": [
            ["Helt uviktig", "Lite viktig", "Verken viktig eller uviktig", "Viktig", "Svært viktig"],
            ["Ikke viktig", "Litt viktig", "Ganske viktig", "Veldig viktig"],
            ["Ikke viktig", "Lite viktig", "Viktig", "Svært viktig"],
            ["Ikke viktig", "Lite viktig", "Nøytral", "Ganske viktig", "Svært viktig"],
        ],
        "nn": [
            ["Heilt uviktig", "Lite viktig", "Verken viktig eller uviktig", "Viktig", "Svært viktig"],
            ["Ikkje viktig", "Litt viktig", "Ganske viktig", "Svært viktig"],
        ],
        "sv": [
            ["Helt oviktigt", "Ganska oviktigt", "Varken viktigt eller oviktigt", "Ganska viktigt", "Mycket viktigt"],
            ["Inte alls viktigt", "Inte särskilt viktigt", "Ganska viktigt", "Mycket viktigt"],
        ],
        "en": [
            [
                "Not at all important",
                "Slightly important",
                "Moderately important",
                "Very important",
                "Extremely important",
            ],
            ["Not important", "Somewhat important", "Important", "Very important"],
            ["Not at all important", "Not very important", "Fairly important", "Very important"],
            ["Not at all important", "Not so important", "Somewhat important", "Very important", "Extremely important"],
        ],
    },
    # How likely: SurveyMonkey's answer bank, and the Scandinavian wordings of it.
    "likelihood": {
        "da": [
            [
                "Meget usandsynligt",
                "Usandsynligt",
                "Hverken sandsynligt eller usandsynligt",
                "Sandsynligt",
                "Meget sandsynligt",
            ],
        ],
        "nb": [
            [
                "Svært usannsynlig",
                "Lite sannsynlig",
                "Verken sannsynlig eller usannsynlig",
                "Ganske sannsynlig",
                "Svært sannsynlig",
            ],
        ],
        "sv": [
            [
                "Mycket osannolikt",
                "Ganska osannolikt",
                "Varken sannolikt eller osannolikt",
                "Ganska sannolikt",
                "Mycket sannolikt",
            ],
        ],
        "en": [
            ["Not at all likely", "Not so likely", "Somewhat likely", "Very likely", "Extremely likely"],
            ["Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely", "Very likely"],
        ],
    },
}

# A yes/no question's two answers, no first: a two-label scale whose positive label is yes.
YES_NO: dict[str, tuple[str, str]] = {
    "da": ("Nej", "Ja"),
    "nb": ("Nei", "Ja"),
    "nn": ("Nei", "Ja"),
    "sv": ("Nej", "Ja"),
    "en": ("No", "Yes"),
}

# Answers that are no answer on the scale ("don't know"), in lower case.
DONT_KNOW: dict[str, list[str]] = {
    "da": [
        "ved ikke",
        "ikke relevant",
        "ikke aktuelt",
        "kan ikke svare",
        "ønsker ikke at svare",
        "vil ikke svare",
        "husker ikke",
        "kan ikke vurdere",
        "ingen holdning",
        "ved ikke rigtigt",
    ],
    "nb": [
        "vet ikke",
        "ikke relevant",
        "ikke aktuelt",
        "ønsker ikke å svare",
        "vil ikke svare",
        "ikke sikker",
        "usikker",
        "husker ikke",
        "kan ikke svare",
        "ingen formening",
    ],
    "nn": [
        "veit ikkje",
        "vet ikkje",
        "ikkje relevant",
        "ikkje aktuelt",
        "ønskjer ikkje å svare",
        "vil ikkje svare",
        "hugsar ikkje",
        "usikker",
    ],
    "sv": [
        "vet inte",
        "vet ej",
        "ej aktuellt",
        "inte aktuellt",
        "ej relevant",
        "ingen åsikt",
        "vill inte svara",
        "kan inte svara",
        "minns inte",
        "osäker",
    ],
    "en": [
        "don't know",
        "do not know",
        "dont know",
        "i don't know",
        "not applicable",
        "n/a",
        "prefer not to say",
        "prefer not to answer",
        "no opinion",
        "uncertain",
        "can't say",
        "cannot say",
        "don't remember",
        "i don't remember",
        "not relevant",
        "not sure",
        "unsure",
        "i'm not sure",
    ],
}
