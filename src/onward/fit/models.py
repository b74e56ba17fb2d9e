"""The fit domain's tables (the matching half: postings live in posting_models.py)."""

from __future__ import annotations

from onward.fit.posting_models import Posting

__all__ = ["Posting"]
