"""Entry point: parse options, run a command or open the app, turn every error into one line."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, Protocol

from safety_assess import __version__
from safety_assess.domain.errors import SafetyAssessError

PROG = "safety-assess"


class Window(Protocol):
    """The app's window, handed in by the launcher (the command line never imports Qt)."""

    def run_app(self, data_dir: str | None, database_url: str | None, quit_after_show: bool) -> int: ...

    def run_self_test(self) -> int: ...

    def render_pdf_page(self, path: Path, page: int, max_pixels: int) -> bytes:
        """Page ``page`` (1-based) of a PDF as PNG bytes (the window's PDF renderer; MapError when it cannot)."""
        ...


class Parser(argparse.ArgumentParser):
    """Usage errors as one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see {self.prog} --help)\n")


# The module of each command, imported only when its command runs: a command loads its own code, not every
# command's (each spawn of the program is quicker). --help and unknown commands load them all.
COMMAND_MODULES = {
    "checklist": "checklist_cmds",
    "campus": "campus_cmds",
    "assessment": "assessment_cmds",
    "photo": "photo_cmds",
    "photos": "photo_cmds",
    "finding": "plan_cmds",
    "action": "plan_cmds",
    "review": "review_cmds",
    "map": "map_cmds",
    "report": "report_cmds",
    "device": "device_cmds",
    "bundle": "bundle_cmds",
    "team": "team_cmds",
    "district-key": "district_key_cmds",
    "district": "district_cmds",
    "drill": "drill_cmds",
    "check": "check_cmds",
    "targets": "targets_cmds",
    "terms": "targets_cmds",
    "demo": "demo_cmds",
    "backup": "backup_cmds",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or only of ``command`` (a name in COMMAND_MODULES) when given."""
    # only when a command is given: the app opens without loading the commands
    wanted = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else list(dict.fromkeys(COMMAND_MODULES.values()))
    common = Parser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, metavar="DIR", help="data folder to use")
    common.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="a shared PostgreSQL database (postgresql+psycopg://user@host/name) instead of the data folder's file",
    )
    parser = Parser(prog=PROG, description="School facility safety assessments.", parents=[common])
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation works (no window; a temporary folder), then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in wanted:
        importlib.import_module(f"safety_assess.cli.{name}").register(commands, common)
    return parser


def quick_options(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """The options that come before any command, and the rest, parsed without loading the commands."""
    quick = Parser(prog=PROG, add_help=False)
    quick.add_argument("--data-dir", default=None)
    quick.add_argument("--database-url", default=None)
    quick.add_argument("--quit-after-show", action="store_true")
    return quick.parse_known_args(argv)


def app_options(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options when no command is given (the app opens)."""
    known, rest = quick_options(argv)
    return None if rest else known


def command_word(argv: Sequence[str] | None) -> str | None:
    """The command named first after the options (None for --help, --version and the like)."""
    rest = quick_options(argv)[1]
    return rest[0] if rest else None


def main(argv: Sequence[str] | None = None, window: Window | None = None) -> int:
    """Run the command in ``argv``; with no command, open ``window`` (the launcher's; None: commands only)."""
    try:
        app_args = app_options(argv)
        if app_args is not None:
            return open_app(app_args, window)
        args = build_parser(command_word(argv)).parse_args(argv)
        args.data_dir = getattr(args, "data_dir", None)  # --data-dir may come before or after the command
        args.database_url = getattr(args, "database_url", None)
        if args.self_test:
            return window.run_self_test() if window is not None else no_window()
        if args.command is None:
            return open_app(args, window)
        args.window = window  # what a command needs drawn (a PDF page) is drawn by the window's code
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # every error is one line; the traceback only on request
        if os.environ.get("SAFETY_ASSESS_DEBUG"):
            raise
        return report(error)


def report(error: Exception) -> int:
    if isinstance(error, SafetyAssessError):
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
    else:
        logging.getLogger("safety_assess.cli").error("unexpected error", exc_info=error)
        message = f"internal error ({type(error).__name__}: {error}); set SAFETY_ASSESS_DEBUG=1 for details"
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def no_window() -> int:
    print(f"{PROG}: error: this entry point runs commands only; start the app with {PROG}", file=sys.stderr)
    return 2


def open_app(args: argparse.Namespace, window: Window | None) -> int:
    if window is None:
        return no_window()
    if not has_display():
        print(
            f"{PROG}: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run it in a desktop session, "
            f"or on a machine without a screen: xvfb-run -a {PROG}, or QT_QPA_PLATFORM=offscreen {PROG}",
            file=sys.stderr,
        )
        return 2
    return window.run_app(args.data_dir, args.database_url, args.quit_after_show)
