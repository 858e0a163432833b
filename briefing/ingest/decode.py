"""Bytes to text: UTF-8 first, Windows-1256 (common for Arabic) with a notice, a reason otherwise.

Also what kind of document some bytes are (text, an HTML page, an RSS/Atom feed) when neither a
file suffix nor a content type says.
"""

from __future__ import annotations

import re

from briefing.text.normalize import has_arabic


def decode(raw: bytes) -> tuple[str, str | None]:
    """Text and a notice (None when it was plain UTF-8). ValueError says why it is not text."""
    if not raw.strip():
        raise ValueError("empty file")
    if b"\0" in raw[:4096]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8 nor Windows-1256 text") from exc
    if not has_arabic(text):
        raise ValueError("not UTF-8 text, and not Arabic in Windows-1256 either")
    return text, "decoded as Windows-1256 (not UTF-8)"


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_document(raw: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Text of an HTML or feed document: its declared charset, else UTF-8, else Windows-1256."""
    if not declared:
        m = _META_CHARSET.search(raw[:4096])
        declared = m.group(1).decode("ascii") if m else None
    if declared:
        try:
            return raw.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to sniffing
    return decode(raw)


def sniff(raw: bytes) -> str:
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or re.search(rb"<(html|head|body)[\s>]", head):
        return "html"
    return "text"
