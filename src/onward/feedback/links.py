"""Link tokens: drawn from `secrets`, never stored; only two unrelated hashes of each are kept (models.py)."""

from __future__ import annotations

import hashlib
import re
import secrets

TOKEN_BYTES = 24  # 192 bits: far past guessing (the issue asks for at least 128)
# What a token looks like: secrets.token_urlsafe(24) is 32 characters of A-Z a-z 0-9 - _.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")
ANSWER_PREFIX = "/f/"  # links are <public url>/f/<token>: short enough to read out or type on a phone


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def invite_hash(token: str) -> str:
    """Return what the invite keeps of its token."""
    return hashlib.sha256(b"onward-feedback-invite:" + token.encode()).hexdigest()


def answer_key(token: str) -> str:
    """Return what the answer keeps of the token it came by: a different hash, so the two cannot be joined."""
    return hashlib.sha256(b"onward-feedback-answer:" + token.encode()).hexdigest()


def link(public_url: str, token: str) -> str:
    return public_url.rstrip("/") + ANSWER_PREFIX + token


def is_token(text: str) -> bool:
    return TOKEN_PATTERN.fullmatch(text) is not None
