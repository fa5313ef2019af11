"""The start's edges the other files leave: the desk's language before anything it says, and
what the hook run_gui installs shows and logs for a bug or an error that escapes a screen."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings

from hubapp.desk_settings import LANGUAGE_KEY
from hubapp.domain.errors import HubError
from hubapp.ui import app, dialogs, labels
from hubapp.ui.translations import install_translations


@pytest.fixture
def started(monkeypatch):
    """run_gui as the tests may call it: no log file of the developer's, their hook kept."""
    monkeypatch.setattr(app, "_log_to_file", lambda: None)
    monkeypatch.setattr(app.sys, "excepthook", app.sys.excepthook)


def test_a_desk_set_to_chinese_says_what_its_start_refused_in_chinese(qapp, started, tmp_path,
                                                                    monkeypatch):
    """The language goes in before the start opens the database: a box about that file,
    the first thing a desk set to Chinese shows, came up in English."""
    garbage = tmp_path / "photo.db"
    garbage.write_bytes(b"\x89PNG not a database")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(
        (title, text)))
    monkeypatch.setattr(dialogs, "show_warning", lambda *args: None)  # a font missing
    app.make_application([])  # the desk's settings are read under its own name
    QSettings().setValue(LANGUAGE_KEY, "zh")
    try:
        assert app.run_gui(garbage) == 1
    finally:
        QSettings().remove(LANGUAGE_KEY)
        install_translations(qapp, "en")
    [(title, text)] = shown
    assert title == "枢纽工作台无法打开数据库"
    assert str(garbage) in text and "Hub Desk" not in text


def test_an_error_that_escapes_a_screen_is_said_as_it_is(qapp, monkeypatch, caplog):
    """A user's mistake is no crash: it is said, not logged as a bug with a traceback."""
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(
        (title, text)))
    error = HubError("No movements on {day}", day="2026-03-05")
    app._show_crash(HubError, error, None)
    assert shown == [("Hub Desk", labels.message(error))] == [
        ("Hub Desk", "No movements on 2026-03-05")]
    assert not caplog.records


def test_a_bug_is_logged_with_its_traceback_and_the_box_says_where(qapp, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(
        (title, text)))
    try:
        {}["no such key"]
    except KeyError:
        app._show_crash(*sys.exc_info())
    [(title, text)] = shown
    assert title == "Hub Desk: unexpected error"
    assert text == ("Something went wrong and was not saved. The details are in the log:\n"
                    f"{app._log_path()}\n\n'no such key'")
    [record] = caplog.records
    assert record.levelname == "ERROR" and record.name == "hubapp.ui.app"
    assert "Traceback" in record.getMessage() and "KeyError: 'no such key'" in \
        record.getMessage()
