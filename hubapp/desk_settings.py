"""This desk's own settings (QSettings; the hub's are in its database): the names and
defaults the window, the reports and the command line each read, in one place, so that a
rename cannot leave one of them reading a setting nobody writes. Qt-free."""

# QSettings' file (or registry key) is named by these; platformdirs' folders by APPLICATION.
ORGANIZATION = "Hub Desk"
APPLICATION = "hubapp"

PAPER_KEY, PAPER_DEFAULT = "report/paper", "A4"
LANGUAGE_KEY, LANGUAGE_DEFAULT = "language", "system"
BACKUP_FOLDER_KEY = "backup/folder"  # empty: beside the database
