"""Hub Desk: daily log, throughput and reports for an inland logistics hub."""


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata took ~40 ms of every start of the window.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("hubapp")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found
