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
