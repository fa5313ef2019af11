"""User errors: things a person can fix, shown without a traceback.

A HubError carries an English message template and its values rather than a
finished sentence, so the UI can translate the template before filling it in
(the CLI prints the English text as it is).
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a message template for pyside6-lupdate without importing Qt.

    Write templates as QT_TRANSLATE_NOOP("messages", "…"); the UI translates
    them when shown (hubapp.ui.labels.message).
    """
    return text


class HubError(Exception):
    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template)
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return self.template.format(**self.values)


class DatabaseError(HubError):
    """The database file cannot be used: wrong kind, too new, locked, read-only, corrupt."""


class InputError(HubError):
    """A value given on the command line or in a form is not acceptable."""
