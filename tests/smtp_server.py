"""A real SMTP server for the mail tests: aiosmtpd on 127.0.0.1, an ephemeral port, scripted replies."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class ScriptedHandler:
    """Accepts mail, except that DATA first answers with `data_replies` (one per attempt) and
    RCPT TO answers `rcpt_replies[address]` for the addresses listed there."""

    data_replies: list[str] = field(default_factory=list)
    rcpt_replies: dict[str, str] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    data_attempts: int = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        reply = self.rcpt_replies.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.data_attempts += 1
        if self.data_replies:
            reply = self.data_replies.pop(0)
            if not reply.startswith("250"):
                return reply
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 Message accepted for delivery"


class EphemeralController(Controller):  # type: ignore[misc]
    """aiosmtpd's Controller on port 0: the port the OS picked is read back before the first connection."""

    def __init__(self, handler: Any, **kwargs: Any) -> None:
        super().__init__(handler, hostname="127.0.0.1", port=0, **kwargs)

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@contextmanager
def running(handler: Any, **kwargs: Any) -> Iterator[EphemeralController]:
    controller = EphemeralController(handler, **kwargs)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()
