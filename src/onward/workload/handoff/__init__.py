"""The plan: schedule every open task before its due date first, then decide what cannot fit.

`schedule.py` is the plan's entry point and writes the program out; `problem.py` holds its input and answer,
`program.py` builds the integer program, `solve.py` runs HiGHS, `reading.py` reads its answer, `placing.py`
places the hours earliest due first. `cost.py` is what taking a task off the plate costs, `reasons.py` the
plain sentence of each line, `service.py` builds the problem from the forecast and the colleagues and carries
out a plan, `view.py` is the plan page (and `onward handoff --json`).
"""
