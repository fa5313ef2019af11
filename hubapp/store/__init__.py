"""The only layer that speaks SQL. Functions take an open Database and return records."""

import sys

if "numpy" not in sys.modules:
    # sqlite-utils imports numpy if it can (matplotlib installs it), only to store numpy values,
    # which Hub Desk never passes; that alone made every start ~0.15 s slower. Hidden while
    # sqlite-utils loads, numpy still loads as usual for the charts.
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]

from hubapp.store.db import open_db, transaction  # noqa: E402

__all__ = ["open_db", "transaction"]
