"""Words of the survey section. One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "survey": {"da": "Spørgeskemaundersøgelse", "nb": "Spørreundersøkelse", "en": "Survey feedback"},
    "comments": {
        "da": "Kommentarer fra respondenterne",
        "nb": "Kommentarer fra respondentene",
        "en": "Respondents' comments",
    },
    "survey_feedback": {"da": "Spørgeskemaundersøgelse", "nb": "Spørreundersøkelse", "en": "Survey feedback"},
    "item": {"da": "Spørgsmål", "nb": "Spørsmål", "en": "Question"},
    "answers": {"da": "Svar (n)", "nb": "Svar (n)", "en": "Answers (n)"},
    "positive_share": {"da": "Andel positive", "nb": "Andel positive", "en": "Positive share"},
    "interval": {"da": "95 %-konfidensinterval", "nb": "95 %-konfidensintervall", "en": "95 % confidence interval"},
    "scale_mean": {"da": "Gennemsnit (1–{top})", "nb": "Gjennomsnitt (1–{top})", "en": "Mean (1–{top})"},
    "dont_know": {"da": "Ved ikke", "nb": "Vet ikke", "en": "Don't know"},
    "group": {"da": "Gruppe", "nb": "Gruppe", "en": "Group"},
    "respondents": {"da": "Respondenter", "nb": "Respondenter", "en": "Respondents"},
    "suppressed": {"da": "for få til at vise", "nb": "for få til å vises", "en": "too few to show"},
    "suppressed_to_protect": {
        "da": "skjult for at beskytte små grupper",
        "nb": "skjult for å beskytte små grupper",
        "en": "withheld to protect small groups",
    },
    "survey_total": {"da": "I alt", "nb": "Totalt", "en": "Total"},
    "range": {"da": "{low} til {high}", "nb": "{low} til {high}", "en": "{low} to {high}"},
    "kind_survey": {
        "da": "Andel positive svar: {item}",
        "nb": "Andel positive svar: {item}",
        "en": "Positive answers: {item}",
    },
    "survey_responses": {
        "da": "{n} har svaret på spørgeskemaet ({wave}).",
        "nb": "{n} har svart på spørreskjemaet ({wave}).",
        "en": "{n} answered the questionnaire ({wave}).",
    },
    "survey_best": {
        "da": "Størst enighed: »{item}« ({share} positive).",
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
    # The answers to the Likert questions.
    "answers_heading": {"da": "Svarene", "nb": "Svarene", "en": "The answers"},
    # No-break spaces keep "(n = 40, ved ikke 2)" in one piece when a long question is wrapped.
    "likert_label": {
        "da": "{text} (n\u00a0=\u00a0{n})",
        "nb": "{text} (n\u00a0=\u00a0{n})",
        "en": "{text} (n\u00a0=\u00a0{n})",
    },
    "likert_label_dont_know": {
        "da": "{text} (n\u00a0=\u00a0{n},\u00a0ved\u00a0ikke\u00a0{dont_know})",
        "nb": "{text} (n\u00a0=\u00a0{n},\u00a0vet\u00a0ikke\u00a0{dont_know})",
        "en": "{text} (n\u00a0=\u00a0{n},\u00a0don't\u00a0know\u00a0{dont_know})",
    },
    "caption_likert_chart": {
        "da": (
            "Svarfordeling pr. spørgsmål, {wave}. Neutrale svar ligger omkring nul, negative til venstre og "
            "positive til højre; »ved ikke« indgår ikke i søjlerne, men står i parentes"
        ),
        "nb": (
            "Svarfordeling per spørsmål, {wave}. Nøytrale svar ligger rundt null, negative til venstre og "
            "positive til høyre; «vet ikke» inngår ikke i stolpene, men står i parentes"
        ),
        "en": (
            "Answers by question, {wave}. Neutral answers are centred on zero, negative ones to the left and "
            "positive ones to the right; “don't know” is left out of the bars and given in brackets"
        ),
    },
    "caption_likert_table": {
        "da": "Andel positive svar med 95 %-konfidensinterval og gennemsnit, {wave}",
        "nb": "Andel positive svar med 95 %-konfidensintervall og gjennomsnitt, {wave}",
        "en": "Positive share with 95 % confidence interval, and mean, {wave}",
    },
    "alt_likert": {
        "da": (
            "Diagram over svarfordelingen på {count} spørgsmål, sorteret efter andel positive svar: {items}. "
            "»Ved ikke« ({dont_know} svar i alt) indgår ikke i søjlerne."
        ),
        "nb": (
            "Diagram over svarfordelingen på {count} spørsmål, sortert etter andel positive svar: {items}. «Vet "
            "ikke» ({dont_know} svar totalt) inngår ikke i stolpene."
        ),
        "en": (
            "Chart of the answers to {count} questions, sorted by positive share: {items}. “Don't know” "
            "({dont_know} answers in all) is left out of the bars."
        ),
    },
    "alt_likert_item": {
        "da": "»{text}« {share} positive",
        "nb": "«{text}» {share} positive",
        "en": "“{text}” {share} positive",
    },
    # Response rates.
    "response_rate": {"da": "Svarprocent", "nb": "Svarprosent", "en": "Response rate"},
    "invited": {"da": "Inviterede", "nb": "Inviterte", "en": "Invited"},
    "complete": {"da": "Fuldt besvaret", "nb": "Fullstendig besvart", "en": "Complete"},
    "partial": {"da": "Delvist besvaret", "nb": "Delvis besvart", "en": "Partial"},
    "rr1": {"da": "RR1 (fuldt besvaret)", "nb": "RR1 (fullstendig besvart)", "en": "RR1 (complete)"},
    "rr2": {"da": "RR2 (fuldt og delvist)", "nb": "RR2 (fullstendig og delvis)", "en": "RR2 (complete and partial)"},
    "response_rate_sentence": {
        "da": (
            "{complete} af {invited} inviterede har besvaret alle skalaspørgsmålene ({rr1}); medregnes delvise "
            "besvarelser, er svarprocenten {rr2}."
        ),
        "nb": (
            "{complete} av {invited} inviterte har besvart alle skalaspørsmålene ({rr1}); regnes delvise "
            "besvarelser med, er svarprosenten {rr2}."
        ),
        "en": (
            "{complete} of {invited} invited answered every scale question ({rr1}); counting partial responses "
            "too, the response rate is {rr2}."
        ),
    },
    "caption_response_rates": {
        "da": "Svarprocent pr. respondentgruppe, {wave} (AAPOR RR1 og RR2)",
        "nb": "Svarprosent per respondentgruppe, {wave} (AAPOR RR1 og RR2)",
        "en": "Response rate by respondent group, {wave} (AAPOR RR1 and RR2)",
    },
    "rate_total_covers": {
        "da": (
            "I alt omfatter kun de grupper, hvor antallet inviterede er kendt. For {groups} er antallet "
            "inviterede ikke oplyst."
        ),
        "nb": (
            "Totalen omfatter bare gruppene der antallet inviterte er kjent. For {groups} er antallet inviterte "
            "ikke oppgitt."
        ),
        "en": (
            "The total covers only the groups whose number invited is known. For {groups} the number invited is "
            "not given."
        ),
    },
    # Change between waves.
    "change_heading": {"da": "Udvikling siden {wave}", "nb": "Utvikling siden {wave}", "en": "Change since {wave}"},
    "change_intro": {
        "da": (
            "Andelen positive svar: {latest} sammenlignet med {previous}. En ændring kaldes sikker, når dens 95 "
            "%-konfidensinterval ikke omfatter nul."
        ),
        "nb": (
            "Andelen positive svar: {latest} sammenlignet med {previous}. En endring kalles sikker når 95 "
            "%-konfidensintervallet ikke omfatter null."
        ),
        "en": (
            "The positive share: {latest} compared with {previous}. A change is called certain when its 95 % "
            "confidence interval excludes zero."
        ),
    },
    "change_up": {
        "da": "Steget fra {before} til {after} (ændringen er statistisk sikker).",
        "nb": "Økt fra {before} til {after} (endringen er statistisk sikker).",
        "en": "Up from {before} to {after} (the change is statistically significant).",
    },
    "change_down": {
        "da": "Faldet fra {before} til {after} (ændringen er statistisk sikker).",
        "nb": "Falt fra {before} til {after} (endringen er statistisk sikker).",
        "en": "Down from {before} to {after} (the change is statistically significant).",
    },
    "change_none": {
        "da": "Ingen sikker ændring (fra {before} til {after}).",
        "nb": "Ingen sikker endring (fra {before} til {after}).",
        "en": "No certain change (from {before} to {after}).",
    },
    "change_unknown": {
        "da": "Kan ikke sammenlignes: ingen har taget stilling i en af undersøgelserne.",
        "nb": "Kan ikke sammenlignes: ingen har tatt stilling i en av undersøkelsene.",
        "en": "Cannot be compared: nobody gave an opinion in one of the surveys.",
    },
    "change_short_up": {"da": "Sikker stigning", "nb": "Sikker økning", "en": "Certain increase"},
    "change_short_down": {"da": "Sikkert fald", "nb": "Sikker nedgang", "en": "Certain decrease"},
    "change_short_none": {"da": "Ingen sikker ændring", "nb": "Ingen sikker endring", "en": "No certain change"},
    "change_short_unknown": {"da": "Kan ikke beregnes", "nb": "Kan ikke beregnes", "en": "Cannot be computed"},
    "change_points": {
        "da": "Ændring (procentpoint)",
        "nb": "Endring (prosentpoeng)",
        "en": "Change (percentage points)",
    },
    "change_verdict": {"da": "Vurdering", "nb": "Vurdering", "en": "Verdict"},
    "share_with_n": {"da": "{share} ({n})", "nb": "{share} ({n})", "en": "{share} ({n})"},
    "group_with_n": {
        "da": "{group} (n\u00a0=\u00a0{n})",
        "nb": "{group} (n\u00a0=\u00a0{n})",
        "en": "{group} (n\u00a0=\u00a0{n})",
    },
    "caption_change": {
        "da": (
            "Ændring i andelen positive svar fra {previous} til {latest}, med 95 %-konfidensinterval (Newcombe); "
            "antal svar (n) i parentes"
        ),
        "nb": (
            "Endring i andelen positive svar fra {previous} til {latest}, med 95 %-konfidensintervall "
            "(Newcombe); antall svar (n) i parentes"
        ),
        "en": (
            "Change in the positive share from {previous} to {latest}, with 95 % confidence interval (Newcombe); "
            "number of answers (n) in brackets"
        ),
    },
    "change_previous_too_few": {
        "da": "Undersøgelsen {wave} havde for få svar ({n}) til en sammenligning; grænsen er {min}.",
        "nb": "Undersøkelsen {wave} hadde for få svar ({n}) til en sammenligning; grensen er {min}.",
        "en": "The survey {wave} had too few responses ({n}) for a comparison; the limit is {min}.",
    },
    # Net Promoter Score.
    "nps_heading": {
        "da": "Vil deltagerne anbefale det til andre?",
        "nb": "Vil deltakerne anbefale det til andre?",
        "en": "Would respondents recommend it?",
    },
    "nps": {"da": "NPS", "nb": "NPS", "en": "NPS"},
    "detractors": {"da": "Kritikere", "nb": "Kritikere", "en": "Detractors"},
    "passives": {"da": "Passive", "nb": "Passive", "en": "Passives"},
    "promoters": {"da": "Anbefalere", "nb": "Ambassadører", "en": "Promoters"},
    "count_share": {"da": "{count} ({share})", "nb": "{count} ({share})", "en": "{count} ({share})"},
    "nps_sentence": {
        "da": "»{item}«: Net Promoter Score {score} ({promoters} anbefalere minus {detractors} kritikere, n = {n}).",
        "nb": "«{item}»: Net Promoter Score {score} ({promoters} ambassadører minus {detractors} kritikere, n = {n}).",
        "en": "“{item}”: Net Promoter Score {score} ({promoters} promoters minus {detractors} detractors, n = {n}).",
    },
    "caption_nps": {
        "da": (
            "Net Promoter Score pr. respondentgruppe, {wave}: »{item}« (kritikere har svaret 0–6, passive 7–8 og "
            "anbefalere 9–10)"
        ),
        "nb": (
            "Net Promoter Score per respondentgruppe, {wave}: «{item}» (kritikere har svart 0–6, passive 7–8 og "
            "ambassadører 9–10)"
        ),
        "en": (
            "Net Promoter Score by respondent group, {wave}: “{item}” (detractors answered 0–6, passives 7–8 and "
            "promoters 9–10)"
        ),
    },
    # Groups side by side.
    "caption_groups": {
        "da": "Andel positive svar pr. respondentgruppe",
        "nb": "Andel positive svar per respondentgruppe",
        "en": "Positive share by respondent group",
    },
    "groups_suppressed_note": {
        "da": (
            "Tal for færre end {min} svar vises ikke, og heller ikke tal, som de kunne regnes ud fra sammen med "
            "projektets andre rapporter."
        ),
        "nb": (
            "Tall for færre enn {min} svar vises ikke, og heller ikke tall som de kunne regnes ut fra sammen med "
            "prosjektets andre rapporter."
        ),
        "en": (
            "Figures for fewer than {min} answers are not shown, nor are figures from which they could be worked "
            "out together with the project's other reports."
        ),
    },
    "items_suppressed_note": {
        "da": (
            "Spørgsmål markeret »for få til at vise« har færre end {min} svar her; de markeret »skjult for at "
            "beskytte små grupper« har flere, men deres tal kunne sammen med projektets andre rapporter afsløre "
            "en lille gruppe."
        ),
        "nb": (
            "Spørsmål merket «for få til å vises» har færre enn {min} svar her; de merket «skjult for å beskytte "
            "små grupper» har flere, men tallene kunne sammen med prosjektets andre rapporter avsløre en liten "
            "gruppe."
        ),
        "en": (
            "Questions marked “too few to show” have fewer than {min} answers here; those marked “withheld to "
            "protect small groups” have more, but their figures could, with the project's other reports, reveal "
            "a small group."
        ),
    },
    "in_each_unit": {"da": " i hver {unit}", "nb": " i hver {unit}", "en": " in each {unit}"},
    "other_questions": {"da": "Andre spørgsmål", "nb": "Andre spørsmål", "en": "Other questions"},
    "option": {"da": "Svarmulighed", "nb": "Svaralternativ", "en": "Option"},
    "count": {"da": "Antal", "nb": "Antall", "en": "Number"},
    "share_of_answers": {"da": "Andel af svarene", "nb": "Andel av svarene", "en": "Share of answers"},
    "mean": {"da": "Gennemsnit", "nb": "Gjennomsnitt", "en": "Mean"},
    "median": {"da": "Median", "nb": "Median", "en": "Median"},
    "item_too_few": {
        "da": (
            "For få svar til at vise (grænsen er {min}), eller tallene kunne regnes ud fra projektets andre rapporter."
        ),
        "nb": (
            "For få svar til å vises (grensen er {min}), eller tallene kunne regnes ut fra prosjektets andre rapporter."
        ),
        "en": (
            "Too few answers to show (the limit is {min}), or the figures could be worked out from the project's "
            "other reports."
        ),
    },
    "caption_choice": {
        "da": "Svarene på »{item}«, {wave} (n\u00a0=\u00a0{n})",
        "nb": "Svarene på «{item}», {wave} (n\u00a0=\u00a0{n})",
        "en": "Answers to “{item}”, {wave} (n\u00a0=\u00a0{n})",
    },
    "caption_multi": {
        "da": "Andel, der satte kryds ved hver svarmulighed i »{item}«, {wave} (n\u00a0=\u00a0{n}; flere kryds muligt)",
        "nb": "Andel som krysset av for hvert svaralternativ i «{item}», {wave} (n\u00a0=\u00a0{n}; flere kryss mulig)",
        "en": "Share ticking each option of “{item}”, {wave} (n\u00a0=\u00a0{n}; several ticks possible)",
    },
    "caption_numbers": {
        "da": "Tal oplyst af respondenterne, {wave}: antal svar, gennemsnit og median",
        "nb": "Tall oppgitt av respondentene, {wave}: antall svar, gjennomsnitt og median",
        "en": "Numbers given by respondents, {wave}: answers, mean and median",
    },
    "survey_methods_kinds": {
        "da": (
            "Fordelingen på svarmuligheder uden rækkefølge regnes af dem, der har svaret; ved »sæt gerne flere "
            "kryds« af dem, der har sat mindst ét; for tal vises gennemsnit og median, aldrig mindste eller "
            "største svar."
        ),
        "nb": (
            "Fordelingen på svaralternativer uten rekkefølge regnes av dem som har svart; ved «kryss av for alt "
            "som passer» av dem som har krysset av minst én gang; for tall vises gjennomsnitt og median, aldri "
            "minste eller største svar."
        ),
        "en": (
            "Distributions over options without an order are shares of those who answered; for "
            "tick-all-that-apply questions, of those who ticked at least one; numbers are shown by mean and "
            "median, never the smallest or largest answer."
        ),
    },
    "comments_sample": {
        "da": "{shown} af {count} kommentarer, udvalgt tilfældigt.",
        "nb": "{shown} av {count} kommentarer, valgt ut tilfeldig.",
        "en": "{shown} of {count} comments, chosen at random.",
    },
    # Comments.
    # Withheld from a cell too small to publish any figure of (below the suppression limit): not even counted.
    "comments_withheld_uncounted": {
        "da": "Kommentarer fra {group} gengives ikke, fordi gruppen har færre end {min} respondenter.",
        "nb": "Kommentarer fra {group} gjengis ikke, fordi gruppen har færre enn {min} respondenter.",
        "en": "Comments from {group} are not quoted, because the group has fewer than {min} respondents.",
    },
    "comments_withheld_unit_uncounted": {
        "da": (
            "Kommentarer fra {group} gengives ikke, fordi gruppen har færre end {min} respondenter i de {units}, "
            "de kommer fra."
        ),
        "nb": (
            "Kommentarer fra {group} gjengis ikke, fordi gruppen har færre enn {min} respondenter i de {units} "
            "de kommer fra."
        ),
        "en": (
            "Comments from {group} are not quoted, because the group has fewer than {min} respondents in the "
            "{units} they come from."
        ),
    },
    "comments_withheld_one": {
        "da": "Én kommentar fra {group} gengives ikke, fordi gruppen har færre end {min} respondenter.",
        "nb": "Én kommentar fra {group} gjengis ikke, fordi gruppen har færre enn {min} respondenter.",
        "en": "One comment from {group} is not quoted, because the group has fewer than {min} respondents.",
    },
    "comments_withheld_unit_one": {
        "da": (
            "Én kommentar fra {group} gengives ikke, fordi gruppen har færre end {min} respondenter i den "
            "{unit}, den kommer fra."
        ),
        "nb": (
            "Én kommentar fra {group} gjengis ikke, fordi gruppen har færre enn {min} respondenter i den {unit} "
            "den kommer fra."
        ),
        "en": (
            "One comment from {group} is not quoted, because the group has fewer than {min} respondents in the "
            "{unit} it comes from."
        ),
    },
    "comments_withheld_many": {
        "da": "{count} kommentarer fra {group} gengives ikke, fordi gruppen har færre end {min} respondenter.",
        "nb": "{count} kommentarer fra {group} gjengis ikke, fordi gruppen har færre enn {min} respondenter.",
        "en": "{count} comments from {group} are not quoted, because the group has fewer than {min} respondents.",
    },
    "comments_withheld_unit_many": {
        "da": (
            "{count} kommentarer fra {group} gengives ikke, fordi gruppen har færre end {min} respondenter i de "
            "{units}, de kommer fra."
        ),
        "nb": (
            "{count} kommentarer fra {group} gjengis ikke, fordi gruppen har færre enn {min} respondenter i de "
            "{units} de kommer fra."
        ),
        "en": (
            "{count} comments from {group} are not quoted, because the group has fewer than {min} respondents in "
            "the {units} they come from."
        ),
    },
    "comments_note": {
        "da": (
            "Kommentarerne er gengivet ordret, men personoplysninger (CPR- og personnumre, telefonnumre og "
            "e-mailadresser) er erstattet med […]."
        ),
        "nb": (
            "Kommentarene er gjengitt ordrett, men personopplysninger (fødselsnumre, CPR-numre, telefonnumre og "
            "e-postadresser) er erstattet med […]."
        ),
        "en": (
            "Comments are quoted verbatim, but personal data (national identity numbers, phone numbers and "
            "e-mail addresses) are replaced by […]."
        ),
    },
    # How the survey figures are made: shown under the section, in small print.
    "survey_methods_shares": {
        "da": (
            "Andel positive svar regnes af dem, der har taget stilling (»ved ikke« og blanke svar indgår ikke), "
            "med et 95 %-konfidensinterval efter Wilson. Gennemsnittet er den gennemsnitlige placering på "
            "skalaen (1 = laveste svarmulighed)."
        ),
        "nb": (
            "Andel positive svar regnes av dem som har tatt stilling («vet ikke» og blanke svar inngår ikke), "
            "med et 95 %-konfidensintervall etter Wilson. Gjennomsnittet er den gjennomsnittlige plasseringen på "
            "skalaen (1 = laveste svaralternativ)."
        ),
        "en": (
            "Positive shares are taken of those who gave an opinion (“don't know” and blanks are left out), with "
            "a Wilson 95 % confidence interval. The mean is the average position on the scale (1 = the lowest "
            "option)."
        ),
    },
    "survey_methods_rates": {
        "da": (
            "Svarprocenterne følger AAPOR: RR1 = fuldt besvarede ÷ inviterede og RR2 = (fuldt + delvist "
            "besvarede) ÷ inviterede, hvor alle inviterede regnes som berettigede til at svare. En besvarelse er "
            "fuld, når alle skalaspørgsmål har et svar (»ved ikke« tæller som svar), og delvis, når nogle, men "
            "ikke alle, har."
        ),
        "nb": (
            "Svarprosentene følger AAPOR: RR1 = fullstendig besvarte ÷ inviterte og RR2 = (fullstendig + delvis "
            "besvarte) ÷ inviterte, der alle inviterte regnes som kvalifisert til å svare. En besvarelse er "
            "fullstendig når alle skalaspørsmål har et svar («vet ikke» teller som svar), og delvis når noen, "
            "men ikke alle, har det."
        ),
        "en": (
            "Response rates follow AAPOR: RR1 = complete ÷ invited and RR2 = (complete + partial) ÷ invited, "
            "everyone invited being counted as eligible. A response is complete when every scale question has an "
            "answer (“don't know” counts as one) and partial when some but not all have."
        ),
    },
    "survey_methods_change": {
        "da": (
            "Ændringen fra én undersøgelse til den næste har et 95 %-konfidensinterval efter Newcombe (hybrid "
            "score); den kaldes sikker, når intervallet ikke omfatter nul."
        ),
        "nb": (
            "Endringen fra én undersøkelse til den neste har et 95 %-konfidensintervall etter Newcombe (hybrid "
            "score); den kalles sikker når intervallet ikke omfatter null."
        ),
        "en": (
            "The change from one survey to the next has a Newcombe (hybrid score) 95 % confidence interval; it "
            "is called certain when the interval excludes zero."
        ),
    },
    "survey_methods_nps": {
        "da": (
            "Net Promoter Score = andel anbefalere (9–10) minus andel kritikere (0–6) af dem, der har givet en "
            "score; den går fra −100 til +100."
        ),
        "nb": (
            "Net Promoter Score = andel ambassadører (9–10) minus andel kritikere (0–6) av dem som har gitt en "
            "score; den går fra −100 til +100."
        ),
        "en": (
            "Net Promoter Score = share of promoters (9–10) minus share of detractors (0–6) among those who gave "
            "a score; it runs from −100 to +100."
        ),
    },
    "survey_methods_privacy": {
        "da": (
            "Tal for færre end {min} svar vises ikke, heller ikke gennem projektets andre rapporter, og "
            "kommentarer citeres kun fra grupper med mindst {quote} respondenter{where}."
        ),
        "nb": (
            "Tall for færre enn {min} svar vises ikke, heller ikke gjennom prosjektets andre rapporter, og "
            "kommentarer siteres bare fra grupper med minst {quote} respondenter{where}."
        ),
        "en": (
            "Figures for fewer than {min} answers are not shown, nor can they be worked out from the project's "
            "other reports, and comments are quoted only from groups of at least {quote} respondents{where}."
        ),
    },
}
