"""Where a benchmark works: a copy of the database it was given, or one it makes, in a
folder of its own removed after (the copy too: a benchmark writes to its database)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


@contextlib.contextmanager
def scratch_database(name: str, given: Path | None,
                     make: Callable[[Path], object]) -> Iterator[Path]:
    """The path of name in a new folder: given copied there, or else make(path)'s."""
    with tempfile.TemporaryDirectory(prefix="hubapp-bench-") as folder:
        path = Path(folder) / name
        if given:
            shutil.copyfile(given, path)
        else:
            make(path)
        yield path
