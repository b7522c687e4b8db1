"""evalreport: evaluation and status reports for public-sector projects, made from notebooks."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("evalreport")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
