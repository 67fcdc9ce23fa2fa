"""The real command line, stopped for good at a point the test chooses, for the test to kill it there.

python -m tests.e2e.stalling_cli MODULE:FUNCTION CALL safety-assess-arguments...

Before the CALL-th call (1: the first) of MODULE.FUNCTION it prints ``stalled`` and waits on stdin, which the test
never writes to: the program is then exactly where a crash would catch it.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from typing import Any


def stall_before(module_name: str, function: str, call: int) -> None:
    module = importlib.import_module(module_name)
    original: Callable[..., Any] = getattr(module, function)
    calls = [0]

    @functools.wraps(original)
    def stalling(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == call:
            print("stalled", flush=True)
            sys.stdin.read()
        return original(*args, **kwargs)

    setattr(module, function, stalling)


def main() -> int:
    where, call, *arguments = sys.argv[1:]
    module_name, function = where.split(":")
    stall_before(module_name, function, int(call))
    from safety_assess.cli.main import main as cli

    return cli(arguments)


if __name__ == "__main__":
    sys.exit(main())
