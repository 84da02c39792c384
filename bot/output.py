"""A command's output that cannot be written (full disk, closed pipe) ends the command with
one line on stderr and exit status 1, never a traceback."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable

WRITE_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def write_errors_to_one_line(command: Callable[[], int]) -> int:
    """Run `command` and flush stdout; a write error is reported in one line (exit 1)."""
    try:
        code = command()
        sys.stdout.flush()
    except OSError as error:
        if error.errno not in WRITE_ERRORS:
            raise
        _silence_stdout()
        reason = "the pipe was closed" if error.errno == errno.EPIPE else error.strerror
        print(f"sanctuary-bot: error: cannot write the output ({reason})", file=sys.stderr)
        return 1
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's own last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (e.g. captured by a test)
        pass
