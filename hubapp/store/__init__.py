"""The only layer that speaks SQL. Functions take an open Database and return records."""

from hubapp.store.db import open_db, transaction

__all__ = ["open_db", "transaction"]
