"""CSV/XLSX import and export of loading lists (Qt-free): all or nothing, line-numbered problems."""

from hubapp.interchange.importing import ImportResultRecord, import_file, summary
from hubapp.interchange.parsing import COLUMNS, Problem
from hubapp.interchange.reading import FileFormatError, read_table
from hubapp.interchange.writing import (
    export_file, export_moves, neutralise, write_audit, write_problems,
)

__all__ = [
    "COLUMNS", "FileFormatError", "ImportResultRecord", "Problem", "export_file", "export_moves",
    "import_file", "neutralise", "read_table", "summary", "write_audit", "write_problems",
]
