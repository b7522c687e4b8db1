"""What notebooks call to show results: sections (a document model drawn as HTML and PDF) with tables, charts and
sentences in the report's language."""

__all__ = ["Report"]


def __getattr__(name: str):
    # Loaded on first use: the command line needs the message catalogues, not pandas, matplotlib and statsmodels.
    if name == "Report":
        from pipeline.present.report import Report

        return Report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
