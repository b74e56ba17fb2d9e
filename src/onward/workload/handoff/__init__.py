"""The hand-off plan: which tasks to hand off, defer or drop so the weeks fit.

`solver.py` solves it (exact integer program, and a greedy plan to compare with), `cost.py` says what taking a
task off the plate costs and why, `service.py` builds the problem from the forecast and the colleagues who
could take work, and carries out a suggestion, `view.py` is the hand-off page (and `onward handoff --json`).
"""
