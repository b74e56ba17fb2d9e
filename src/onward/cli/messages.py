"""Every sentence the CLI says to the user, in one place."""

from __future__ import annotations

APP_HELP = "Onward: see your load, hand work off, and find the work that fits. Everything stays on this computer."
DB_HELP = "Database URL (default: the SQLite file in your data folder). Same as ONWARD_DATABASE_URL."
SERVE_HELP = "Start the web app and print its address (with a one-time access token)."
DEMO_HELP = "Fill the database with the demo workspace (Alex's story). Refuses a database that holds data."
EXPORT_HELP = "Write the whole workspace to a JSON file."
IMPORT_HELP = "Read an Onward export into an empty workspace (or add to one with --merge). All or nothing."
BACKUP_HELP = "Write a consistent copy of the whole database to FILE, even while Onward runs."
RESTORE_HELP = (
    "Replace everything in the database with a backup made by `onward backup` (checked first; what it replaces "
    "is kept as a safety backup in the data folder's backups/)."
)
SETTINGS_HELP = "List every setting, its environment variable and its current value."

DEMO_DONE = "The demo workspace is ready ({parts})."
EXPORTED = "Exported {rows} records to {path}."
IMPORTED = "Imported {rows} records from {path}."
BACKED_UP = "Backed up {rows} rows to {path}."
RESTORED = "Restored {rows} rows from {path}. What was there before is kept in {safety} (restore it to undo)."
NOT_JSON = "{path}: not JSON ({reason})"
NO_FILE = "{path}: no such file"

# ---- workload ----
TASKS_HELP = "Your tasks: capture, list by urgency, finish, hand off."
TASKS_ADD_HELP = (
    'Add a task from one line, e.g. "Draft grant report #grants due:fri 3h !4": #duty, due:WHEN '
    "(mon…sun, today, tomorrow, YYYY-MM-DD, +3d, +2w), effort (3h, 90m), importance !1…!5, recur:weekly."
)
TASKS_LIST_HELP = "List open and waiting tasks, most urgent first, with each term of their urgency."
TASKS_DONE_HELP = "Mark a task done (a recurring task gets its next one)."
TASKS_STATUS_HELP = "Set a task's status: open, waiting, done, handed_off (with --to), dropped, deferred."
TASKS_SHOW_HELP = "Show one task with its urgency terms and checklist."
TASKS_CHECKLIST_HELP = "Give a task a checklist (replaces the one it has)."
TASKS_LOCK_HELP = "Keep a task on your plate: the hand-off plan will never suggest it (--unlock to undo)."
CALENDAR_HELP = "Your calendar: meetings take hours from your week."
CAPACITY_HELP = "The hours you have for work each week, and the days that differ (leave)."
CAPACITY_SET_HELP = (
    "Set your working hours from today on. --weekly-hours alone spreads them over Monday to Friday; "
    "--day fri=0 (repeatable) fixes a day and the other weekdays share the rest."
)
CAPACITY_SHOW_HELP = "Show your hours per weekday and the exceptions to come."
CAPACITY_EXCEPT_HELP = "Record days with other hours than usual, e.g. leave (0 hours a day)."
CAPACITY_UNEXCEPT_HELP = "Remove a capacity exception by its id."
LOAD_HELP = "Hours needed against hours available, week by week (the forecast rule is in docs/workload.md)."
DRIFT_HELP = "Temporary duties past their end, and the share of hours outside your job description."
MISTAKES_HELP = "Mistakes you logged, and their link to load."
MISTAKES_ADD_HELP = "Log a mistake: what happened, on which task or duty, the cause and the lesson."
MISTAKES_LIST_HELP = "List the mistakes you logged, newest first."
JOBS_HELP = "Your jobs."
JOBS_ADD_HELP = "Add a job."
JOBS_LIST_HELP = "List your jobs, the current one first."
DUTIES_HELP = "The responsibilities (duties) of your jobs."
DUTIES_ADD_HELP = "Add a duty to a job (origin: described, added, or temporary with --expected-end)."
DUTIES_LIST_HELP = "List duties with their open tasks and hours."
DUTIES_RATE_HELP = "Say how a duty feels: enjoyment (love, like, without), skill 1–5, energy -2…+2."
COLLEAGUES_HELP = "Colleagues who could take work over, with the hours a week they could take."
COLLEAGUES_ADD_HELP = "Add (or update) a colleague and the most hours a week they could take."
COLLEAGUES_LIST_HELP = "List colleagues."

TASK_ADDED = "Added task {id}: {title}{details}."
TASK_DONE = "Done: {title}."
TASK_NEXT = "Next one in the series is due {due}."
TASK_STATUS = "Task {id} is now {status}."
TASK_LOCKED = "Task {id} stays on your plate."
TASK_UNLOCKED = "Task {id} may be suggested for hand-off again."
NO_TASKS = 'Nothing open. Add one with: onward tasks add "…"'
CAPACITY_SET = "From {starts}: {weekly} h a week ({days})."
CAPACITY_DEFAULT = "(not set yet: Onward assumes 40 h, Monday to Friday)"
EXCEPTION_ADDED = "Recorded {first} to {last}: {hours} h a day{note}."
LOAD_OVER = "{count} of {weeks} weeks need more hours than you have."
LOAD_FITS = "Every week of the next {weeks} fits in your hours."
MISTAKE_LOGGED = "Logged. Noting it is what helps you see the pattern; be kind to yourself."
MISTAKE_CHECKLIST_OFFER = (
    "'{title}' comes back {recurrence}: a checklist could catch this next time: "
    'onward tasks checklist {id} "first step" "second step"'
)
NO_MISTAKES = "No mistakes logged."
JOB_ADDED = "Added job {id}: {title}."
DUTY_ADDED = "Added duty {id}: {name} ({origin})."
DUTY_RATED = "{name}: {enjoyment}, skill {skill}, energy {energy}."
COLLEAGUE_ADDED = "{name} could take up to {hours} h a week."
HANDOFF_HELP = (
    "The hand-off plan: which tasks to hand off, defer or drop so every week fits, losing as little as possible "
    "(exact integer program; the greedy plan is shown for comparison). The cost rule is in docs/handoff.md."
)
HANDOFF_FITS = "Every week already fits: nothing needs to come off your plate."
HANDOFF_PLAN = "To fit every week of the next {weeks}, take {count} tasks off your plate ({hours} h in these weeks):"
HANDOFF_SHORT = "No plan fits every week: even without every task you could let go, {weeks} still need more hours."
HANDOFF_COST = (
    "Cost of the plan {objective:g} (the quick greedy plan: {greedy:g}). Lock a task to keep it: onward tasks lock ID"
)
# ---- fit ----
PROFILE_HELP = "Your ideal-role profile: show it, export it, put it in your own words."
PROFILE_SHOW_HELP = "Show the ideal-role statement and what it is made of."
PROFILE_EXPORT_HELP = "Write the profile to FILE as JSON, or as a JSON Resume fragment (basics and skills)."
PROFILE_EDIT_HELP = "Keep your own wording of the statement or the role label (--generated goes back to Onward's)."
ENVIRONMENT_HELP = "The environment you do your best work in."
ENVIRONMENT_SHOW_HELP = "Show the environment you described."
ENVIRONMENT_SET_HELP = "Describe the environment you thrive in; options left out keep their value."
AUDIT_HELP = "The task audit: rate each duty (past jobs too) by enjoyment, skill and energy."
AUDIT_LIST_HELP = "List every duty with its rating, grouped by job."
AUDIT_RATE_HELP = "Rate one duty: love / like / without, skill 1–5, energy -2…+2."
AUDIT_RATE_TASK_HELP = "Rate one single task: love / like / without, skill 1–5."
AUDIT_PAST_JOB_HELP = "Add a job you held before, so its duties can be rated too."
AUDIT_ADD_DUTY_HELP = "Add a duty to a job, in your own words."
APPLICATIONS_HELP = "Applications: where each stands, with gentle follow-up suggestions."
APPLICATIONS_ADD_HELP = "Add an application (as wishlist, or applied on a date)."
APPLICATIONS_LIST_HELP = "List applications and today's follow-up suggestions."
APPLICATIONS_ADVANCE_HELP = (
    "Move an application to its next stage: applied, interviewing, offer, accepted, declined, rejected, ghosted."
)
APPLICATIONS_FOLLOW_UP_HELP = "Note that you followed up (the suggestion then waits for the next natural step)."
OFFERS_HELP = "Offers, compared side by side with your ideal-role profile."
OFFERS_ADD_HELP = "Record an offer for an application."
OFFERS_COMPARE_HELP = "Compare every offer with your ideal-role profile, with a plain summary of each."
PROFILE_EMPTY = "No statement yet: rate a few duties (`onward audit list`, `onward audit rate`) to start one."
PROFILE_WRITTEN = "Wrote the profile ({format}) to {path}."
PROFILE_SAVED = "Saved. {statement}"
ENVIRONMENT_SAVED = "Saved the environment."
AUDIT_DUTY_RATED = "Rated '{name}': {enjoyment}, skill {skill}, energy {energy}."
TASK_RATED = "Rated task {id}."
PAST_JOB_ADDED = "Added past job {id}: {title}. Add its duties with `onward audit add-duty {id} NAME`."
AUDIT_DUTY_ADDED = "Added duty {id}: {name}."
APPLICATION_ADDED = "Added application {id}: {role} at {employer} ({stage})."
APPLICATION_MOVED = "{role} at {employer} is now: {stage}."
FOLLOW_UP_NOTED = "Noted your follow-up with {employer}."
NO_APPLICATIONS = "No applications yet. Add one with `onward applications add EMPLOYER ROLE`."
OFFER_ADDED = "Added the offer from {employer}. Compare offers with `onward offers compare`."
NO_OFFERS = "No offers yet. Add one with `onward offers add APPLICATION_ID`."
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
PREPARING_MATCHING = "Preparing to match by meaning (once per computer; a minute or more on a laptop)…"
LOADING_MODEL = "Loading the language model"
COMPUTING_EMBEDDINGS = "Embedding the O*NET tasks, once per computer: {done:,} of {total:,}"
POSTINGS_IMPORTED = "Read {read} postings from {path}: {added} added, {merged} merged into postings already here."
NO_TEXTS = (
    "Nothing to match yet: give task texts, or rate some duties 'love' or 'like' "
    '(onward occupations match "teach adults to read").'
)
NO_MATCHES = "No occupations found."
NO_POSTINGS = "No postings yet. Import some with `onward postings import FILE --format csv|jsonld|text`."
MATCHED_BY = "Matched by {label}."
