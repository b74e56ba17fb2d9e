"""Files in and out of the workload: task files from other tools, calendars, tasks as iCalendar.

`tasks.py` and `tasks_csv.py` read task files (pure parsing), `calendar.py` reads meetings from iCalendar
(pure), `ical_export.py` writes tasks as to-dos (pure), and `service.py` puts them into the workspace, all or
nothing.
"""
