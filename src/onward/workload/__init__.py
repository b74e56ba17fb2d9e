"""Workload: see the overload, get back under capacity, bring one page to the manager."""
