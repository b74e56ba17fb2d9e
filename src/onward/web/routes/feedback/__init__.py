"""Feedback pages: requests and results (requests.py), the answer pages reached by a link (answers.py), 1:1s
(meetings.py)."""
