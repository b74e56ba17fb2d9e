"""Well-being pages: the check-in and trends (pages.py), and the questionnaires (surveys.py)."""
