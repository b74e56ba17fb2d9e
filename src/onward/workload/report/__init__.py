"""The one-page 1:1 report for the manager.

`service.py` gathers it from the same numbers as the pages; `page.py` holds what it says and renders it as
HTML, Markdown or a one-page PDF.
"""
