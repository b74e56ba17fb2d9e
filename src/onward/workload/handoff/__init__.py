"""The plan: schedule every open task before its due date first, then decide what cannot fit.

`schedule.py` is the integer program (and the earliest-due-first placement), `cost.py` what taking a task off
the plate costs, `reasons.py` the plain sentence of each line, `service.py` builds the problem from the forecast
and the colleagues and carries out a plan, `view.py` is the plan page (and `onward handoff --json`).
"""
