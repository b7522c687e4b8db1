"""Words of the success-criteria section. One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "criteria": {"da": "Succeskriterier", "nb": "Suksesskriterier", "en": "Success criteria"},
    "success_criteria": {"da": "Succeskriterier", "nb": "Suksesskriterier", "en": "Success criteria"},
    "met": {"da": "Opfyldt", "nb": "Nådd", "en": "Met"},
    "partly_met": {"da": "Delvist opfyldt", "nb": "Delvis nådd", "en": "Partly met"},
    "not_met": {"da": "Ikke opfyldt", "nb": "Ikke nådd", "en": "Not met"},
    "no_data": {"da": "Ingen data", "nb": "Ingen data", "en": "No data"},
    "not_applicable": {"da": "Ikke relevant", "nb": "Ikke aktuelt", "en": "Not applicable"},
    "in_progress": {"da": "Undervejs", "nb": "Underveis", "en": "In progress"},
    "criterion": {"da": "Succeskriterium", "nb": "Suksesskriterium", "en": "Success criterion"},
    "measured_by": {"da": "Målt ved", "nb": "Målt ved", "en": "Measured by"},
    "result": {"da": "Resultat", "nb": "Resultat", "en": "Result"},
    "target": {"da": "Mål", "nb": "Mål", "en": "Target"},
    "baseline": {"da": "Udgangspunkt", "nb": "Utgangspunkt", "en": "Baseline"},
    "attainment": {"da": "Opnåelsesgrad", "nb": "Måloppnåelse", "en": "Attainment"},
    "status": {"da": "Status", "nb": "Status", "en": "Status"},
    "ratio": {"da": "Andel", "nb": "Andel", "en": "Ratio"},
    "total": {"da": "I alt", "nb": "Totalt", "en": "Total"},
    "justification": {"da": "Begrundelse", "nb": "Begrunnelse", "en": "Justification"},
    "assessed_by": {
        "da": "Vurderet af {assessor}, {date}",
        "nb": "Vurdert av {assessor}, {date}",
        "en": "Assessed by {assessor}, {date}",
    },
    "kind_ratio": {
        "da": "{numerator} / {denominator}",
        "nb": "{numerator} / {denominator}",
        "en": "{numerator} / {denominator}",
    },
    "kind_indicator": {"da": "{indicator}", "nb": "{indicator}", "en": "{indicator}"},
    "kind_assessment": {"da": "Kvalitativ vurdering", "nb": "Kvalitativ vurdering", "en": "Qualitative assessment"},
    "lower_is_better": {"da": "lavere er bedre", "nb": "lavere er bedre", "en": "lower is better"},
    "criteria_met": {
        "da": "{met} af {total} succeskriterier er opfyldt.",
        "nb": "{met} av {total} suksesskriterier er nådd.",
        "en": "{met} of {total} success criteria are met.",
    },
    "count_partly_met": {"da": "{count} delvist opfyldt", "nb": "{count} delvis nådd", "en": "{count} partly met"},
    "count_in_progress": {"da": "{count} undervejs", "nb": "{count} underveis", "en": "{count} in progress"},
    "provisional_figure": {
        "da": "Tallet er foreløbigt, opgjort pr. {date}.",
        "nb": "Tallet er foreløpig, opgjort per {date}.",
        "en": "The figure is provisional, counted up to {date}.",
    },
    "provisional_undated": {
        "da": "Tallet er foreløbigt.",
        "nb": "Tallet er foreløpig.",
        "en": "The figure is provisional.",
    },
    "provisional_prorated": {
        "da": "Det er vurderet mod den del af målet, der svarer til den optalte periode ({target}).",
        "nb": "Det er vurdert mot den delen av målet som svarer til perioden som er telt opp ({target}).",
        "en": "It is judged against the part of the target that matches the period counted ({target}).",
    },
    "provisional_not_judged": {
        "da": "Kriteriet vurderes først, når tallet er endeligt.",
        "nb": "Kriteriet vurderes først når tallet er endelig.",
        "en": "The criterion is judged once the figure is final.",
    },
    "in_progress_note": {
        "da": "Målåret {year} er ikke slut pr. {date}: kriteriet er undervejs og vurderes ved årets udgang.",
        "nb": "Målåret {year} er ikke over per {date}: kriteriet er underveis og vurderes ved årets slutt.",
        "en": (
            "The target year {year} has not ended by {date}: the criterion is in progress, judged when the year "
            "is over."
        ),
    },
    "count_not_met": {"da": "{count} ikke opfyldt", "nb": "{count} ikke nådd", "en": "{count} not met"},
    "count_no_data": {"da": "{count} uden data", "nb": "{count} uten data", "en": "{count} without data"},
    # The rest after "Tre af fem … er opfyldt.": led by words, so that no sentence opens with a count.
    "criteria_rest": {
        "da": "Af de øvrige er {counts}.",
        "nb": "Av de øvrige er {counts}.",
        "en": "Of the others, {counts}.",
    },
    "units_met": {
        "da": "Målet er nået i {met} af {total} {units}",
        "nb": "Målet er nådd i {met} av {total} {units}",
        "en": "The target is met in {met} of {total} {units}",
    },
    "units_met_names": {"da": ": {names}.", "nb": ": {names}.", "en": ": {names}."},
    "units_left_out": {
        "da": "{count} {units} mangler tal og indgår ikke i totalen: {names}.",
        "nb": "{count} {units} mangler tall og inngår ikke i totalen: {names}.",
        "en": "Left out of the total for lack of a figure ({count} {units}): {names}.",
    },
    "units_counted_as_zero": {
        "da": "{count} {units} uden tal for {numerator} tælles som 0 i totalen, men vises som »ingen data«: {names}.",
        "nb": "{count} {units} uten tall for {numerator} telles som 0 i totalen, men vises som «ingen data»: {names}.",
        "en": (
            "Counted as 0 in the total for want of a figure for {numerator}, but shown as “no data” ({count} "
            "{units}): {names}."
        ),
    },
    "unit_figures": {
        "da": "{name} ({denominator}: {bottom}; {numerator}: {top})",
        "nb": "{name} ({denominator}: {bottom}; {numerator}: {top})",
        "en": "{name} ({denominator}: {bottom}; {numerator}: {top})",
    },
    "no_figure": {"da": "intet tal", "nb": "ingen tall", "en": "no figure"},
    "units_not_applicable": {
        "da": "{count} {units} har intet at opfylde ({names}).",
        "nb": "{count} {units} hadde ingenting å oppfylle ({names}).",
        "en": "{count} {units} had nothing to attain ({names}).",
    },
    "ratio_total": {
        "da": "Samlet: {numerator} af {denominator} ({ratio}).",
        "nb": "Samlet: {numerator} av {denominator} ({ratio}).",
        "en": "In total: {numerator} of {denominator} ({ratio}).",
    },
    "caption_criteria": {
        "da": "Succeskriterier og status",
        "nb": "Suksesskriterier og status",
        "en": "Success criteria and status",
    },
    "caption_units_chart": {
        "da": "{criterion}: opnåelsesgrad pr. {unit}; den lodrette linje er målet",
        "nb": "{criterion}: måloppnåelse per {unit}; den loddrette linjen er målet",
        "en": "{criterion}: attainment by {unit}; the vertical line is the target",
    },
    "caption_units_table": {
        "da": "{criterion} pr. {unit}",
        "nb": "{criterion} per {unit}",
        "en": "{criterion} by {unit}",
    },
    "alt_units": {
        "da": "Søjlediagram: målet er nået i {met} af {total} {units}.",
        "nb": "Stolpediagram: målet er nådd i {met} av {total} {units}.",
        "en": "Bar chart: the target is met in {met} of {total} {units}.",
    },
    "exceeded": {"da": "overopfyldt", "nb": "overoppfylt", "en": "exceeded"},
    "mean_attainment": {
        "da": (
            "Gennemsnitlig opnåelsesgrad: {mean} ({count} kriterier med en beregnet opnåelsesgrad; hvert tæller "
            "højst med 100 %)."
        ),
        "nb": (
            "Gjennomsnittlig måloppnåelse: {mean} ({count} kriterier med beregnet måloppnåelse; hvert teller "
            "høyst med 100 %)."
        ),
        "en": "Mean attainment: {mean} ({count} criteria with a computed attainment, each counted at most 100 %).",
    },
    "kind_milestones_on_time": {
        "da": "Andel milepæle gennemført til tiden",
        "nb": "Andel milepæler gjennomført i tide",
        "en": "Share of milestones done on time",
    },
    "units_overview": {"da": "Oversigt pr. {unit}", "nb": "Oversikt per {unit}", "en": "Overview by {unit}"},
    "caption_units_overview": {
        "da": "Opnåelsesgrad pr. {unit} og kriterium, bedste først (gennemsnit med højst 100 % pr. kriterium)",
        "nb": "Måloppnåelse per {unit} og kriterium, best først (gjennomsnitt med høyst 100 % per kriterium)",
        "en": "Attainment by {unit} and criterion, best first (mean with each criterion capped at 100 %)",
    },
    "mean": {"da": "Gennemsnit", "nb": "Gjennomsnitt", "en": "Mean"},
    "criteria_met_short": {"da": "Opfyldt", "nb": "Nådd", "en": "Met"},
    "caption_units_overview_chart": {
        "da": "Gennemsnitlig opnåelsesgrad pr. {unit} (hvert kriterium højst 100 %); den lodrette linje er målet",
        "nb": "Gjennomsnittlig måloppnåelse per {unit} (hvert kriterium høyst 100 %); den loddrette linjen er målet",
        "en": "Mean attainment by {unit} (each criterion capped at 100 %); the vertical line is the target",
    },
    "alt_units_overview": {
        "da": "Søjlediagram: højest ligger {best} med {best_mean}, lavest {worst} med {worst_mean}.",
        "nb": "Stolpediagram: høyest ligger {best} med {best_mean}, lavest {worst} med {worst_mean}.",
        "en": "Bar chart: highest is {best} at {best_mean}, lowest {worst} at {worst_mean}.",
    },
}
