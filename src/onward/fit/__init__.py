"""Fit: from "which of my tasks do I love" to the occupations, postings and offers that match."""
