"""Every sentence the CLI says to the user, in one place."""

from __future__ import annotations

APP_HELP = (
    "Onward: see your load, hand work off, reflect, reach out, and care for yourself. "
    "Everything stays on this computer."
)
DB_HELP = "Database URL (default: the SQLite file in your data folder). Same as ONWARD_DATABASE_URL."
SERVE_HELP = "Start the web app and print its address (with a one-time access token)."
DEMO_HELP = "Fill the database with the demo workspace (Alex's story). Refuses a database that holds data."
EXPORT_HELP = "Write the whole workspace to a JSON file."
IMPORT_HELP = "Read an Onward export into an empty workspace (or add to one with --merge). All or nothing."
BACKUP_HELP = "Write a consistent copy of the whole database to FILE, even while Onward runs."
RESTORE_HELP = "Replace everything in the database with a backup made by `onward backup`."
SETTINGS_HELP = "List every setting, its environment variable and its current value."

SERVING = "Onward is running. Open this address in your browser (it signs you in once):\n\n    {url}\n"
SERVING_STOP = "Press Ctrl+C to stop. Your data is in {where}."
DEMO_DONE = "The demo workspace is ready ({parts})."
EXPORTED = "Exported {rows} records to {path}."
IMPORTED = "Imported {rows} records from {path}."
BACKED_UP = "Backed up {rows} rows to {path}."
RESTORED = "Restored {rows} rows from {path}."
NOT_JSON = "{path}: not JSON ({reason})"
NO_FILE = "{path}: no such file"

# ---- fit: occupations and postings ----
OCCUPATIONS_HELP = "Real occupations (O*NET 30.1) whose tasks look like the ones you love."
OCCUPATIONS_MATCH_HELP = (
    "Rank occupations by how much their tasks look like TASK texts (or your rated duties when none are given), "
    "demoting those whose core tasks look like --avoid texts."
)
POSTINGS_HELP = "Job postings: import them, then rank them against what you love."
POSTINGS_IMPORT_HELP = (
    "Import postings from a CSV file (columns found by their header), schema.org JobPosting JSON-LD (a file, a "
    "saved HTML page, or a folder of them) or text (first line the title; several postings separated by '---'). "
    "All or nothing; duplicates are merged."
)
POSTINGS_RANK_HELP = "Rank imported postings against the duties you love, like and could do without."
POSTINGS_LIST_HELP = "List imported postings, newest first."
PREPARING_MATCHING = "Preparing to match by meaning (once; about a minute on a laptop)…"
POSTINGS_IMPORTED = "Read {read} postings from {path}: {added} added, {merged} merged into postings already here."
NO_TEXTS = (
    "Nothing to match yet: give task texts, or rate some duties 'love' or 'like' "
    "(onward occupations match \"teach adults to read\")."
)
NO_MATCHES = "No occupations found."
NO_POSTINGS = "No postings yet. Import some with `onward postings import FILE --format csv|jsonld|text`."
MATCHED_BY = "Matched by {label}."
