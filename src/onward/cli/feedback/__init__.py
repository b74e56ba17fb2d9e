"""Feedback commands: `onward feedback …` (commands.py) and `onward meetings …` (meetings.py)."""
