"""How a command ends: its exit code, Ctrl+C, SIGTERM and SIGHUP (held past the point of no
return; while a long statement runs, raised once it is ended), stdout that cannot be
written, and the progress line a long one rewrites."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import sys
from collections.abc import Callable, Iterator

from hubapp.cli.common import error_line, translate
from hubapp.domain.errors import DatabaseError, HubError, UnusableDatabaseError, os_reason
from hubapp.domain.wording import display_width

# The exit codes of `hubapp --help` (and README): scripts tell a refused call (2, argparse's)
# from a command that refused its input (1), a database to name again or mend (3) from one to
# try again in a moment (4), and check's problems found (1) from a file it could not check
# (3), busy too, as check has always said.
FAILED, UNUSABLE, BUSY = 1, 3, 4
NOT_CHECKED = UNUSABLE

# Ctrl+C, and what timeout, systemd and a dropped ssh session send, ended on as Ctrl+C is
# (SIGHUP is not on Windows).
_STOPS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
               if hasattr(signal, name))
# A handler of one of them not set by anyone: Python's own for SIGINT, SIG_DFL for the rest.
_UNSET = (signal.SIG_DFL, signal.default_int_handler)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised as Ctrl+C raises KeyboardInterrupt: the same finally blocks
    then remove a backup's, export's or restore's half-written files, which the signals' own
    end, at once, left behind (a nightly `timeout 1h hubapp backup` one a night)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Held:
    """Ctrl+C, SIGTERM and SIGHUP once a command is past its point of no return
    (store.no_return): only recorded, so that it finishes saying what it saved rather than
    "stopped", which a nightly job read as nothing saved and ran again (an import then
    refused as all duplicates). Recorded too while SQLite runs a statement it can end early
    for them (watched)."""

    def __init__(self) -> None:
        self.holding = False
        self.signum: int | None = None
        self.watching = False
        self.waiting: int | None = None  # a stop come while watched() ran its block

    @contextlib.contextmanager
    def passing(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        except BaseException:
            # The write failed, nothing was kept: a stop held meanwhile ends the command.
            self.holding = False
            if self.signum is not None:
                raise _stop(self.signum) from None
            raise

    @contextlib.contextmanager
    def watched(self) -> Iterator[Callable[[], bool]]:
        """A statement SQLite can end early (store.stoppable): a stop only recorded while it
        runs, and raised once it has ended, as it would have been at once."""
        self.watching = True
        try:
            yield lambda: self.waiting is not None
        finally:
            self.watching = False
            if self.waiting is not None:
                raise _stop(self.waiting) from None


held = _Held()


def _stopped(signum: int, _frame) -> None:
    if held.holding:
        held.signum = signum
    elif held.watching:
        held.waiting = signum
    else:
        raise _stop(signum)


def _stop(signum: int) -> KeyboardInterrupt:
    return KeyboardInterrupt() if signum == signal.SIGINT else Stopped(signum)


def catch_stops() -> dict[int, object]:
    """Ctrl+C raised as KeyboardInterrupt, SIGTERM and SIGHUP as Stopped from now on, none
    held yet; the handlers they had, to put back. nohup's ignored SIGHUP stays ignored, as
    does the SIGINT a shell ignores for a job in the background."""
    global held
    held = _Held()
    return {stop: signal.signal(stop, _stopped) for stop in _STOPS
            if signal.getsignal(stop) in _UNSET}


def ignore_until_exit(handlers: dict[int, object]) -> None:
    """The stops catch_stops caught and a command still has, ignored: the process ends
    with its outcome said. One coming as Python ended, after main, gave a KeyboardInterrupt
    traceback from threading._shutdown, or a kill by the default Python put back last,
    instead of the exit code of a command that had finished. (The window had them back
    before it opened.)"""
    for stop in handlers:
        if signal.getsignal(stop) is _stopped:
            signal.signal(stop, signal.SIG_IGN)


def handle_stops_as(handlers: dict[int, object]) -> None:
    for stop, handler in handlers.items():
        signal.signal(stop, handler)


def exit_code(args: argparse.Namespace, error: HubError | None = None) -> int:
    from hubapp.store.db import DamagedDatabaseError, is_busy

    if args.command == "check":
        # A damaged file is what check looks for: found, not a file it could not check.
        return FAILED if isinstance(error, DamagedDatabaseError) else NOT_CHECKED
    if isinstance(error, DatabaseError) and is_busy(error):
        return BUSY
    return UNUSABLE if isinstance(error, UnusableDatabaseError) else FAILED


@contextlib.contextmanager
def guarded_output() -> Iterator[None]:
    """stdout as the commands and --help write it, not the window: a failed write is
    OutputFailed, a reader that stopped early (`hubapp stats … | head`) too. SIGPIPE stays
    ignored, as Python sets it: its default end, exit 141 and not a word, came after an
    import's commit too, and a script took the import for failed and ran it again."""
    stdout = sys.stdout
    sys.stdout = _Output(_Closed() if stdout is None else stdout)
    try:
        try:
            yield
        except SystemExit:  # argparse's end of --help and --version, their text unwritten
            sys.stdout.flush()
            raise
        # Output to a file is buffered: a full disk shows here, not in Python's exit.
        sys.stdout.flush()
    finally:
        sys.stdout = stdout


@contextlib.contextmanager
def told_by_exit_code() -> Iterator[None]:
    """A command whose outcome is its exit code (check's: sound, problems found, not
    checked), its lines the detail: a reader that stops early (`| head -3`, `| grep -m1
    PROBLEM`) does not end it. Ended there, check exited 3, "could not check", and a
    script under `set -o pipefail` took a sound hub for one it could not use; 1 would have
    said problems found. Its outcome is then its exit code alone, as a saved command's is
    once its summary is lost; the rest of its lines go nowhere, as theirs."""
    output = sys.stdout
    if not isinstance(output, _Output):  # not run by main: its writes are not guarded
        yield
        return
    output.outcome_in_exit_code = True
    try:
        yield
    finally:
        output.outcome_in_exit_code = False


@contextlib.contextmanager
def unheard_errors() -> Iterator[None]:
    """stderr as the command line writes it (_Unheard)."""
    stderr = sys.stderr
    sys.stderr = _Unheard(stderr)
    try:
        yield
    finally:
        sys.stderr = stderr


class OutputFailed(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.reason = os_reason(error)
        # What `| head` does once it has its lines: not worth a word, as with other tools.
        self.reader_stopped = error.errno == errno.EPIPE


class _Output:
    """A command's stdout: a failed write (`> /dev/full`, a full disk) is told apart from
    the command's own errors, and said in one line rather than as a traceback."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.outcome_in_exit_code = False  # told_by_exit_code()

    def write(self, text: str) -> int:
        return self._guarded(self._stream.write, text)

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

    def _guarded(self, call, *args):
        try:
            return call(*args)
        except OSError as error:
            failed = OutputFailed(error)
            if not (failed.reader_stopped and self.outcome_in_exit_code):
                raise failed from error
        # The rest is written where no one reads, as the reader wanted: unsaid. Where its
        # descriptor cannot be put there, the write fails as any other into a reader gone.
        _to_nowhere(self._stream)
        try:
            return call(*args)
        except OSError as error:
            raise OutputFailed(error) from error


class _Closed:
    """stdout closed before the start (`>&-`), which Python leaves as None: print would
    write nowhere and the command report success with its output lost. A write fails as
    into any closed descriptor (cat and echo say "Bad file descriptor")."""

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass  # nothing written, nothing lost


class _Unheard:
    """A command's stderr, where a write that fails is left unsaid: there is nowhere else to
    say anything. With stdout and stderr into one pipe whose reader had gone (`2>&1 | true`),
    a saved import's "work is done and kept" line raised BrokenPipeError, and it exited 1;
    closed (`2>&-`, which Python leaves as None), print(file=None) wrote to stdout."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is not None:
            try:
                self._stream.write(text)
            except OSError:
                _to_nowhere(self._stream)
                self._stream = None
        return len(text)

    def flush(self) -> None:
        self.write("")

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def say_output_failed(failed: OutputFailed, kept: bool = False) -> None:
    """kept: the command is past its point of no return, its work saved."""
    _discard_output()
    if failed.reader_stopped and not kept:
        return
    error_line((translate("cli", "Cannot write to the standard output ({reason}); the "
                                 "command's work is done and kept") if kept else
                translate("cli", "Cannot write to the standard output: {reason}")).format(
        reason=failed.reason.written(translate)))


def _discard_output() -> None:
    """What is left in stdout's buffer goes nowhere: flushed at exit, it failed again as
    Python's own "Exception ignored" lines."""
    if sys.stdout is None:  # closed from the start: nothing buffered, nothing at exit
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    _to_nowhere(sys.stdout)


def _to_nowhere(stream) -> None:
    """stream's descriptor on the null device, so that what its buffer still holds is not
    written again as Python ends (a failure there is its exit code 120)."""
    with contextlib.suppress(OSError, ValueError):
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, stream.fileno())
        os.close(nowhere)


class _ProgressLine:
    """A line on stderr that a long command rewrites as it goes, on a terminal only: a
    script reading stderr wants the reasons there, not these. A big hub's export, backup or
    restore took half a minute at a silent prompt, which a clerk took for a hang."""

    def __init__(self) -> None:
        self._shown = sys.stderr.isatty()  # closed (`2>&-`): not one either (_Unheard)
        self._width = 0

    def say(self, text: str) -> None:
        if not self._shown:
            return
        # Padded over what a longer text before it left on the line.
        print("\r" + text + " " * (self._width - display_width(text)), end="",
              file=sys.stderr, flush=True)
        self._width = max(self._width, display_width(text))

    def percent(self, template: str) -> Callable[[int, int], None]:
        """A progress(done, total) saying template with its {percent}."""

        def said(done: int, total: int) -> None:
            percent = 100 * done // total if total else 100
            self.say(template.format(percent=f"{percent:3d}"))

        return said

    def step(self, template: str) -> None:
        """A store's step, a template marked for "messages"."""
        self.say(translate("messages", template))

    def end(self) -> None:
        if self._width:  # what is said next starts a line of its own
            print(file=sys.stderr)


@contextlib.contextmanager
def progress_line() -> Iterator[_ProgressLine]:
    line = _ProgressLine()
    try:
        yield line
    finally:
        line.end()
