"""What notebooks call to show results: sections of HTML with tables, charts and sentences in the report's language."""

from pipeline.present.report import Report

__all__ = ["Report"]
