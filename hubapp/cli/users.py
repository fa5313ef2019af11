"""hubapp users: who may log in, listed or added."""

from __future__ import annotations

import argparse
import sys

from hubapp.cli.common import named, print_table, translate
from hubapp.domain.errors import QT_TRANSLATE_NOOP, InputError


def run_users(args: argparse.Namespace) -> int:
    return (_list_users if args.users_command == "list" else _add_user)(args)


def _list_users(args: argparse.Namespace) -> int:
    from hubapp.domain.wording import on_hub_clock
    from hubapp.store import open_db, settings, users

    db = open_db(args.db, create=False)
    try:
        listed, single_user = users.list_users(db), users.single_user_mode(db)
        zone, today = settings.time_zone(db), settings.hub_today(db)
    finally:
        db.close()
    # A lock-out as the Users screen shows it, on the hub's clock: listed "active yes" alone,
    # a locked-out user could not log in for reasons the list did not tell.
    print_table((translate("cli", "user"), translate("cli", "role"), translate("cli", "active"),
                 translate("cli", "locked until")),
                [(user.name, translate("audit", user.role),
                  translate("audit", "yes") if user.active else translate("audit", "no"),
                  on_hub_clock(user.locked_until, zone, today) if user.locked() else "")
                 for user in listed])
    if single_user:
        print(translate("cli", "{database} is in single-user mode: the app opens without "
                        "asking who is working.").format(database=named(args.db)),
              file=sys.stderr)
    return 0


def _add_user(args: argparse.Namespace) -> int:
    from hubapp.store import open_db, settings, users

    password = _password(args.name)
    db = open_db(args.db, create=False)
    try:
        user = users.add_user(db, users.SHELL_ADMIN, args.name, args.role, password)
        single_user = users.single_user_mode(db)
        set_up = settings.is_set_up(db)
    finally:
        db.close()
    print(translate("cli", "User {name} ({role}) added to {database}").format(
        name=user.name, role=translate("audit", user.role), database=named(args.db)))
    if single_user:  # a warning, not a failure: the user is there once logins are required
        print(translate("cli", "{database} is in single-user mode: the app opens without "
                        "asking who is working, so {name} cannot log in yet. Logins are "
                        "required once an admin turns off “Single-user mode” on the app's "
                        "Users screen.").format(database=named(args.db), name=user.name),
              file=sys.stderr)
    if user.role == users.ADMIN and not set_up:
        # A hub's first admin made here (as README and add_user's refusal of a first clerk
        # say to) skips the first start's box: told here, or its reports stayed headed by
        # the demo's park with nothing saying why until the window asked.
        print(translate("cli", "{database} is not set up yet: Hub Desk asks for the hub's "
                        "name, time zone and daily train target when an admin next logs "
                        "in.").format(database=named(args.db)), file=sys.stderr)
    return 0


_NO_PASSWORD = QT_TRANSLATE_NOOP("messages", "No password was given; nothing was changed")


def _password(name: str) -> str:
    """Typed twice at a terminal, else the first line of stdin."""
    import getpass

    if sys.stdin is None:  # closed (`<&-`), which Python leaves as None
        raise InputError(_NO_PASSWORD)
    if not sys.stdin.isatty():
        # Nothing to read (`< /dev/null`, an empty pipe) was told "A password needs at least
        # 8 characters", as if one had been given.
        if not (line := sys.stdin.readline()):
            raise InputError(_NO_PASSWORD)
        return line.rstrip("\r\n")
    try:
        password = getpass.getpass(translate("cli", "Password for {name}: ").format(name=name))
        again = getpass.getpass(translate("cli", "Again: "))
    except EOFError:  # Ctrl+D at the prompt
        print(file=sys.stderr)  # the prompt's line ended, as Enter would have
        raise InputError(_NO_PASSWORD) from None
    if again != password:
        raise InputError(QT_TRANSLATE_NOOP("messages",
                                         "The two passwords differ; nothing was changed"))
    return password
