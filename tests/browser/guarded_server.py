"""Run `onward serve` with an audit hook that records (and refuses) any connection leaving this machine.

The browser tests start the real server through this file and read the record afterwards: the running
app must never reach out to the network.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

RECORD = Path(os.environ["ONWARD_TEST_OUTBOUND_LOG"])


def _local(host: object) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


def _guard(event: str, args: tuple[object, ...]) -> None:
    target = None
    if event == "socket.connect" and isinstance(args[1], tuple) and not _local(args[1][0]):
        target = args[1]
    elif event == "socket.getaddrinfo" and not _local(args[0]):
        target = args[0]
    if target is not None:
        with RECORD.open("a") as handle:
            handle.write(f"{event} {target!r}\n")
        raise ConnectionRefusedError(f"outbound connection to {target!r} refused")


sys.addaudithook(_guard)
RECORD.write_text("")

from onward.cli.main import main  # noqa: E402 - the hook must be in place before Onward loads

sys.exit(main(["serve", *sys.argv[1:]]))
