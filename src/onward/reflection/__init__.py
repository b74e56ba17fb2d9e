"""Reflection: a private guided journal, searched and resurfaced, never part of any report."""
