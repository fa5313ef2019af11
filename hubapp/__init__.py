"""Hub Desk: daily log, throughput and reports for an inland logistics hub."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hubapp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
