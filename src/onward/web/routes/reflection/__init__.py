"""Reflection pages: the journal, writing and editing entries, search, export and import."""
