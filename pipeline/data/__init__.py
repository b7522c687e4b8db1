"""Data shipped with evalreport: the municipality lists `evalreport new --units-from` reads."""
