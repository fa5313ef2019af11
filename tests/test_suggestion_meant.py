"""The suggestion a Tab takes where none is picked: the only one whose code or one of whose
names starts as typed, the names after a code's " · " and between commas each counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from hubapp.ui.daily_log.suggestions import meant


@pytest.mark.parametrize(("typed", "offered", "taken"), [
    ("chong", ["CNCQI · Chongqing", "CNXCG · Xichong"], "CNCQI · Chongqing"),
    ("duis", ["DEDUI · Duisburg", "ESXDU · Anduisa"], "DEDUI · Duisburg"),
    ("thana", ["LAVTE · Vientiane, Thanaleng", "LAXTH · Pathanam"],
     "LAVTE · Vientiane, Thanaleng"),
    ("la", ["LAVTE · Vientiane", "LAXTH · Pathanam"], None),
])
def test_the_one_meant_starts_as_typed_in_its_code_or_a_name(qtbot, typed, offered, taken):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = QCompleter(offered, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    edit.setText(typed)
    completer.setCompletionPrefix(typed)
    assert completer.completionCount() == len(offered)
    assert meant(completer) == taken
