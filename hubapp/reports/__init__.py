"""Printed reports: store.reports' numbers → one HTML document → preview, print, PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hubapp.domain.audit import COMMAND_LINE
from hubapp.reports.document import ReportContentRecord, content
from hubapp.store import open_db
from hubapp.store import reports as report_data


def make(db_path: Path, kind: str, first: dt.date | None, last: dt.date | None,
         language: str) -> ReportContentRecord:
    """The report's content from its own connection: safe on a worker thread. first and
    last None: the hub's today (store.reports.build)."""
    db = open_db(db_path, create=False)
    try:
        data = report_data.build(db, kind, first, last)
    finally:
        db.close()
    return content(data, language, COMMAND_LINE)


def write_pdf(db_path: Path, kind: str, first: dt.date | None, last: dt.date | None,
              language: str, output: Path) -> int:
    """The command line's report: a PDF file, with no display needed; returns its pages."""
    from hubapp.reports import printing

    printing.ensure_application()
    printing.require_chinese_font(language)
    return printing.write_pdf(make(db_path, kind, first, last, language), output, db_path)
