"""Network guards shared by fetching (ingest) and mailing (deliver): a total deadline on a
connection's I/O, and the addresses a fetch may connect to.

A socket timeout bounds each read, not the whole exchange: a server that sends one byte every
few seconds keeps a fetch or an SMTP greeting alive for ever. `Deadline` shuts the watched
sockets down when the time is up, which ends any blocked read at once (the caller then reports
the deadline, not the closed connection).

`connect` resolves a host, refuses private, loopback and link-local addresses unless they are
allowed, and connects to an address it checked (never to a second resolution of the name).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType


class Deadline:
    """Shut down every watched socket `seconds` after entering; `expired` says it happened."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._watched: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._end = time.monotonic() + seconds

    def __enter__(self) -> Deadline:
        self._end = time.monotonic() + self.seconds
        self._timer = threading.Timer(max(self.seconds, 0.0), self._expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            for dup in self._watched:
                dup.close()
            self._watched.clear()

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())

    @property
    def over(self) -> bool:
        """The time is up (even when the timer thread, on a busy machine, has not run yet)."""
        return self.expired or self.remaining() <= 0

    def watch(self, sock: socket.socket) -> socket.socket:
        """Watch `sock` (returned as it is). A duplicate descriptor is kept: shutting it down
        ends the connection even after `sock` has been wrapped in TLS."""
        dup = socket.fromfd(sock.fileno(), sock.family, sock.type)
        with self._lock:
            self._watched.append(dup)
            if self.expired:
                _shutdown(dup)
        return sock

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for dup in self._watched:
                _shutdown(dup)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class PrivateAddressError(OSError):
    """A host that resolves to a private, loopback or link-local address, which is not allowed."""


def is_private(address: str) -> bool:
    """Private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local (169.254/16, fe80::/10),
    or otherwise not a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def connect(
    host: str,
    port: int,
    timeout: object,
    *,
    allowed: Callable[[str, int], bool],
    deadline: Deadline | None = None,
) -> socket.socket:
    """A connected socket to `host:port`: every address the name resolves to is checked first
    (PrivateAddressError unless `allowed(host, port)`), then tried in turn."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allowed(host, port):
        for *_, sockaddr in infos:
            if is_private(str(sockaddr[0])):
                raise PrivateAddressError(
                    f"{host} resolves to {sockaddr[0]}, a private, loopback or link-local address "
                    "(allow private networks to fetch it)"
                )
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if deadline is not None:
                deadline.watch(sock)
            if isinstance(timeout, int | float):  # http.client may hand over its "default" marker
                sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"{host}: no address to connect to")
