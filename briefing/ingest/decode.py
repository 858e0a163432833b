"""Bytes to text: UTF-8 first, Windows-1256 (common for Arabic) with a notice, a reason otherwise.

Also what kind of document some bytes are (text, an HTML page, an RSS/Atom feed) when neither a
file suffix nor a content type says.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefing.text.normalize import has_arabic

# Byte order marks, longest first (UTF-32 LE starts with UTF-16 LE's). UTF-8's is decoded as
# a character like the others (offsets have always counted it).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Punctuation a real text has; in Windows-1256 mojibake of UTF-8 the symbols of 0x80-0xBF
# (§ ¨ © ¬ ® ± µ ¶ …) stand between the letters instead.
_TEXT_PUNCTUATION = frozenset(".,;:!?'\"()[]{}-_/%&*+=<>@#$|~^`\\،؛؟٪٫٬۔«»–—…‘’“”•·")


def decode(raw: bytes) -> tuple[str, str | None]:
    """Text and a notice (None when it was plain UTF-8). ValueError says why it is not text.

    Strict: UTF-8, or the encoding a byte order mark names; UTF-16 without one when the NUL
    bytes say so; Windows-1256 only when the whole file decodes as it into something that reads
    as text. A damaged UTF-8 file is refused, never turned into mojibake.
    """
    if not raw.strip():
        raise ValueError("empty file")
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom) :], codec), f"decoded as {name}"
    if b"\0" in raw[:4096]:
        return _utf16_without_bom(raw)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        damaged = _damaged_utf8(raw, exc)
    if damaged:
        raise ValueError(damaged)
    text = raw.decode("cp1256")  # every byte has a character: only the result can be judged
    if not has_arabic(text) or not reads_as_text(text):
        raise ValueError("not UTF-8 text, and not Arabic in Windows-1256 either")
    return text, "decoded as Windows-1256 (not UTF-8)"


def _strict(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid {codec.upper()}: bad bytes at byte {exc.start}") from None


def _utf16_without_bom(raw: bytes) -> tuple[str, str]:
    """UTF-16 text with no byte order mark: its ASCII (spaces, digits) puts a NUL in every other byte."""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if len(raw) % 2 == 0 and min(even, odd) == 0:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            text = ""
        if text and reads_as_text(text):
            return text, "decoded as UTF-16 (no byte order mark)"
    raise ValueError("binary file (NUL bytes), not text")


def _damaged_utf8(raw: bytes, first: UnicodeDecodeError) -> str | None:
    """Why `raw` is UTF-8 with bad bytes in it (more good multibyte characters than bad bytes), or None."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if good <= bad:
        return None
    return f"invalid UTF-8: {bad} bad byte sequence(s), the first at byte {first.start}; not decoded"


def reads_as_text(text: str) -> bool:
    """No control characters, and letters, digits, spaces and common punctuation (98% or more)."""
    odd = 0
    for ch in text:
        if ch in "\t\n\r\f" or ch in _TEXT_PUNCTUATION:
            continue
        kind = unicodedata.category(ch)
        if kind[0] == "C" and ch not in "\u200c\u200d\u200e\u200f\ufeff":
            return False
        if kind[0] not in "LMNZ":
            odd += 1
    return odd <= len(text) * 0.02


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
