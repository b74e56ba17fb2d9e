"""Fit pages: the overview, audit, environment, profile, applications and offers (pages.py), and matching:
occupations and postings (matching.py)."""
