"""The duplicate key of a URL: one spelling for the many ways a link to one page is written."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = ("utm_", "fbclid", "gclid", "at_medium", "at_campaign")


def url_key(url: str | None) -> str | None:
    """The duplicate key of a URL: lower-case scheme and host, no fragment, default port,
    tracking parameters or trailing slash."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        ]
    )
    scheme = "http" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host, parts.path.rstrip("/") or "/", query, ""))
