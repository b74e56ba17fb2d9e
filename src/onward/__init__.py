"""Onward: a private workbench for when a job has stopped fitting."""

__version__ = "0.1.0"
