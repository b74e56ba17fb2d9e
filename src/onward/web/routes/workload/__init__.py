"""Workload pages: the plate and its pages (pages.py), task files and calendars (files.py), the hand-off plan
(handoff.py) and the one-page 1:1 report (report.py)."""
