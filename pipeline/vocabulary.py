"""The house's words, one home each: the languages a report is written in and the status words of the input tables.

Kept free of imports, so that the command line can offer the languages without loading the pipeline.
"""

# The reports' languages and the locale each is formatted in (Babel): Danish, Norwegian bokmål, British English.
LOCALES = {"da": "da_DK", "nb": "nb_NO", "en": "en_GB"}
LANGUAGES = tuple(LOCALES)

# The status words of the input tables: the loaders check them, analysis counts by them, texts name them.
MILESTONE_STATUSES = ("done", "open", "cancelled")
ASSESSMENT_STATUSES = ("met", "partly_met", "not_met", "not_assessed")
RECOMMENDATION_STATUSES = ("proposed", "adopted", "in_progress", "implemented", "rejected", "dropped")
DECIDED_STATUSES = ("adopted", "in_progress", "implemented", "rejected")  # a decision was taken, on a day
