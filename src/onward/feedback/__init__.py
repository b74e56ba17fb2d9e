"""Feedback: anonymous feedback by link, its results, and the 1:1s with the manager."""
