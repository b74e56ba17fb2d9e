"""Local-mode access token, CSRF protection, the Host allow-list and security headers.

Tokens, cookies and headers are compared as bytes: a non-ASCII value is simply wrong, never a 500.
Only the hosts Onward serves are answered (127.0.0.1, localhost, ::1, the address it listens on and the
`allowed_hosts` setting): a page on another site that points its own name at 127.0.0.1 (DNS rebinding)
gets a refusal, as with Jupyter.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from onward.errors import NotAllowed

SESSION_COOKIE = "onward_session"
CSRF_COOKIE = "onward_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Vendored files only: no inline script, no CDN. SVG charts use presentation attributes, not style=.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Pages anyone may open without the token: static files and a health check.
PUBLIC_PREFIXES = ("/static/", "/api/health")
# The one kind of page open without signing in: a feedback answer page, reached by its link's unguessable
# token (onward.feedback.links: /f/ and one path segment of URL-safe characters; the route itself answers 404
# for any that is not a live link, so a truncated link reads "not found", not "sign in"). The token in the
# path is what a cross-site form could not know, so these pages need no CSRF cookie either.
PUBLIC_ANSWER_PATH = re.compile(r"/f/[A-Za-z0-9_-]{1,100}")


def is_public_answer_path(path: str) -> bool:
    return PUBLIC_ANSWER_PATH.fullmatch(path) is not None


LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
COOKIE_DAYS = 30  # how long a browser stays signed in (and keeps its CSRF token) without the link again


def allowed_hosts(listen_host: str, extra: str) -> frozenset[str]:
    """Return the host names a request may name: the local ones, the listening address, the setting's."""
    names = {name.strip().lower().strip("[]") for name in extra.split(",") if name.strip()}
    if listen_host not in ("0.0.0.0", "::", ""):  # noqa: S104 - a wildcard is not a name a browser sends
        names.add(listen_host.lower().strip("[]"))
    return LOCAL_HOSTS | names


def host_of(header: str) -> str:
    """Return the host name of a Host header without its port ("[::1]:8765" → "::1")."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def same(offered: str, expected: str) -> bool:
    """Compare two secrets in constant time; any text is welcome (compare_digest refuses non-ASCII str)."""
    return hmac.compare_digest(offered.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape"))


def session_value(token: str) -> str:
    """Return the session cookie value that proves the browser once presented `token`."""
    return hmac.new(token.encode(), b"onward-local-session", hashlib.sha256).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def is_authorised(request: Request, token: str) -> bool:
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if cookie and same(cookie, session_value(token)):
        return True
    header = request.headers.get("authorization", "")
    return header.startswith("Bearer ") and same(header[7:], token)


def _set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    # Expiry stated; Secure whenever the page came over https (hosted behind TLS), so it never leaks to http.
    response.set_cookie(
        name,
        value,
        max_age=COOKIE_DAYS * 24 * 3600,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def make_access_middleware(
    token: str,
    forbidden: Callable[[Request], Response],
    hosts: frozenset[str] = LOCAL_HOSTS,
    wrong_host: Callable[[Request], Response] | None = None,
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    """Return the middleware that lets a request in with the token (once) or the session cookie,
    and only when it names one of `hosts`."""

    async def access(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        path = request.url.path
        offered = request.query_params.get("token")
        if host_of(request.headers.get("host", "")) not in hosts:
            response: Response = (wrong_host or forbidden)(request)
        elif offered is not None and same(offered, token):
            # Like Jupyter: the token is checked once, then a cookie keeps the browser signed in.
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            # One leading slash only: "//evil.example/" would be another site to the browser (open redirect).
            target = "/" + path.lstrip("/\\") + ("?" + urlencode(rest) if rest else "")
            response = RedirectResponse(target, status_code=303)
            _set_cookie(request, response, SESSION_COOKIE, session_value(token))
        elif path.startswith(PUBLIC_PREFIXES) or is_public_answer_path(path) or is_authorised(request, token):
            response = await call_next(request)
        else:
            response = forbidden(request)
        if CSRF_COOKIE not in request.cookies:
            _set_cookie(request, response, CSRF_COOKIE, csrf_token(request))
        headers = response.headers
        headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        headers["X-Frame-Options"] = "DENY"
        headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.3f}"
        return response

    return access


def csrf_token(request: Request) -> str:
    """Return this browser's CSRF token (double-submit: a cookie, echoed by every form and htmx request)."""
    existing = getattr(request.state, "csrf", None) or request.cookies.get(CSRF_COOKIE)
    if not existing:
        existing = secrets.token_urlsafe(24)
    request.state.csrf = existing
    return str(existing)


async def check_csrf(request: Request) -> None:
    """Refuse an unsafe request whose CSRF token does not match the browser's cookie.

    API clients that authenticate with the bearer token are not a browser and need no CSRF token.
    """
    if request.method not in UNSAFE_METHODS:
        return
    if is_public_answer_path(request.url.path):
        return
    if request.headers.get("authorization", "").startswith("Bearer "):
        return
    expected = request.cookies.get(CSRF_COOKIE, "")
    offered = request.headers.get(CSRF_HEADER, "")
    if not offered and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        offered = str(form.get(CSRF_FIELD, ""))
    if not expected or not offered or not same(expected, offered):
        raise NotAllowed("this form has expired or did not come from Onward; reload the page and try again")
