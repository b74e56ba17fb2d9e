"""Workload commands: tasks, capacity, load, drift, mistakes, jobs, duties, colleagues (commands.py), task files
and calendars (files.py), `onward handoff` (handoff.py) and `onward report` (report.py)."""
