"""Fit commands: audit, profile, environment, applications, offers (commands.py), and matching: occupations and
postings (matching.py)."""
