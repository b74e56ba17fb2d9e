"""Reflection commands: `onward journal …`."""
