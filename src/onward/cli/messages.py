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
TASK_LOCKED = "Task {id} stays on your plate."
TASK_UNLOCKED = "Task {id} may be suggested for hand-off again."
NO_TASKS = 'Nothing open. Add one with: onward tasks add "…"'
CAPACITY_SET = "From {starts}: {weekly} h a week ({days})."
CAPACITY_DEFAULT = "(not set yet: Onward assumes 40 h, Monday to Friday)"
EXCEPTION_ADDED = "Recorded {first} to {last}: {hours} h a day{note}."
LOAD_OVER = "{count} of {weeks} weeks need more hours than you have."
LOAD_FITS = "Every week of the next {weeks} fits in your hours."
AT_RISK = (
    "{count} task(s) would finish after their due date as things stand, even in the best order "
    "(onward handoff makes a plan):"
)
AT_RISK_SHOWN = 10
AT_RISK_MORE = "  and {count} more (onward load --json lists them all)"
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
    "The plan: schedule every open task before its due date first; only for what cannot fit, what to hand off "
    "(all or part), defer or drop, and what to ask your manager (move a deadline, more help, drop with "
    "agreement). Work of importance 4-5 or due within 7 days is never dropped. `apply` carries it out."
)
HANDOFF_APPLY_HELP = (
    "Carry out the plan's own actions (all, or only the tasks given with --only). Asks are not carried out: "
    "they are kept for the 1:1 report. `onward undo` puts everything back."
)
UNDO_HELP = "Undo the last change to your plate (done, drop, defer, hand off, or an applied plan)."
HANDOFF_FITS = "Every task fits before its due date: nothing needs to change."
HANDOFF_PLAN = "The next {weeks} weeks, scheduled: {count} change(s) you can make yourself ({hours} h):"
HANDOFF_ASKS = "{count} thing(s) only your manager can agree to ({hours} h do not fit before their due dates):"
HANDOFF_NO_ASKS = "With these changes every task fits before its due date; nothing needs your manager."
HANDOFF_COST = "Plan cost {objective} ({proof}); solved in {seconds} s."
CONFIRM_DROP = "'{title}' matters (importance {importance}). Drop it all the same?"
NOT_DROPPED = "Not dropped: it stays on your plate."
UNDONE = "Undone: {summary}"
CHANGED = "{summary}  (undo: onward undo)"
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
# ---- wellbeing ----
CHECKIN_HELP = (
    "Check in for today (or --date): mood and energy 1-5, and if you like sleep, hours worked, minutes after "
    "hours, time with people, one line. Checking in again the same day replaces it."
)
SURVEY_HELP = (
    "Take a questionnaire: cbi (Copenhagen Burnout Inventory) or who5 (WHO-5 Well-Being Index). --answers in the "
    "published item order, each the points of the option chosen as printed (CBI 100/75/50/25/0, the reversed item "
    "as answered; WHO-5 0-5); an empty position is a skipped item. Not a diagnosis."
)
WELLBEING_HELP = "Well-being over time: trends across the years."
WELLBEING_TREND_HELP = (
    "Every week since your first check-in: mood, energy, sleep, after-hours work, load, mistakes; the 30-day "
    "rolling averages and your questionnaire scores."
)
CHECKED_IN = "Checked in for {day}: mood {mood}, energy {energy}. Thank you."
NOT_A_DIAGNOSIS = "This is not a diagnosis."
NO_TREND = "Nothing to show yet: check in with `onward checkin --mood 3 --energy 3`."

# ---- reflection ----
JOURNAL_HELP = "Your private journal: five guided prompts and free entries, searched and resurfaced."
JOURNAL_ADD_HELP = (
    'Write an entry, e.g. onward journal add --prompt fit "I want a team that…". Without TEXT (or with -) '
    "the entry is read from standard input. See the prompts with `onward journal prompts`."
)
JOURNAL_PROMPTS_HELP = "List the five guided prompts and their keys."
JOURNAL_LIST_HELP = "List entries, newest first, narrowed by prompt, tag or dates."
JOURNAL_SHOW_HELP = "Show one entry in full."
JOURNAL_EDIT_HELP = "Change an entry's text, prompt, tags or date (what you leave out stays)."
JOURNAL_DELETE_HELP = "Delete an entry (asks first unless --yes)."
JOURNAL_SEARCH_HELP = "Find the entries holding every word (word forms match: 'walk' finds 'walking'), best first."
JOURNAL_RESURFACE_HELP = "Entries worth reading again: around this date in past years, and from your heaviest weeks."
JOURNAL_EXPORT_HELP = "Write every entry, oldest first, as Markdown or as JSON (jrnl's format, with the prompt)."
JOURNAL_IMPORT_HELP = (
    "Import jrnl's JSON export (jrnl --export json -o FILE) or a JSON file Onward wrote. All or nothing; "
    "entries already here are not added twice."
)
PROMPT_OPTION_HELP = "The guided prompt: fit, tasks, people, start, care, or free (no prompt)."
JOURNAL_SAVED = "Saved entry {id} ({title}, {date})."
JOURNAL_CHANGED = "Entry {id} is saved."
JOURNAL_DELETED = "Deleted entry {id} ({title}, {date})."
JOURNAL_EMPTY = 'Nothing written yet. Start with: onward journal add --prompt fit "What I want next is…"'
JOURNAL_NOTHING_FOUND = "No entry holds all of those words{filtered}."
JOURNAL_NOTHING_AGAIN = "Nothing to resurface yet: entries from past years and busy weeks show here as you write."
JOURNAL_WRITTEN = "Wrote {entries} entries to {path}."
JOURNAL_IMPORTED = "Read {in_file} entries from {path}: {added} added, {already} already here."
JOURNAL_PRIVATE = "Your journal is private: only you can read it, and no report includes it."
# ---- mail ----
MAIL_HELP = "Your mailbox: import it, see when you send mail after hours, and what people ask of you."
MAIL_IMPORT_HELP = (
    "Import mail from PATH: an mbox file, a Maildir (or any folder of one-message files), .eml files or a folder "
    "of them, or a CSV of raw messages (columns file, message). Read only; importing again adds only what is "
    "new (by Message-ID, or a hash of key headers). Prints the counts imported, skipped as duplicates, and broken."
)
MAIL_IMAP_HELP = (
    "Import new mail from an IMAP server, read-only (nothing on the server changes). The password comes from "
    "the environment variable named by --password-env, or else the system keyring (service onward-imap, user "
    "USER@HOST); Onward never stores it."
)
MAIL_HOURS_HELP = (
    "When you send mail: totals, by hour and weekday (on your clock, ONWARD_TIMEZONE) and week by week, against "
    "ONWARD_WORK_START / ONWARD_WORK_END / ONWARD_WORK_DAYS."
)
MAIL_REQUESTS_HELP = "Requests found in received mail addressed to you, soonest due first."
MAIL_ACCEPT_HELP = "Make a request a task in your workload (with a link back to the message)."
MAIL_DISMISS_HELP = "Set a request aside: not one for you."
MAIL_DONE_HELP = "Mark a request done (answered already, say)."
MAIL_ME_HELP = "Show which addresses are yours, or replace them with --set (every message is sorted again)."
MAIL_READING = "Reading mail"
MAIL_READING_PERCENT = "Reading mail: {percent}%"
MAIL_IMPORTED = "Imported {imported} messages; {duplicates} skipped as duplicates; {broken} broken."
MAIL_REQUESTS_FOUND = "{requests} of the imported ask something of someone: see `onward mail requests`."
MAIL_BROKEN_SHOWN = "Could not read (first {shown}):"
MAIL_NO_REQUESTS = (
    "No requests waiting. Import mail with `onward mail import PATH`, and tell Onward your address with --me."
)
MAIL_NO_SENT = (
    "No sent mail yet: import a sent folder, and give your address with `onward mail import PATH --me ADDRESS`."
)
MAIL_ACCEPTED = "It is now task {task_id}: {title}"
MAIL_SET_ASIDE = "Set aside: {request}"
MAIL_MARKED_DONE = "Done: {request}"
MAIL_ME_NONE = "Not known yet. Give them with `onward mail me --set ADDRESS` or ONWARD_MAIL_ADDRESSES."
# ---- network ----
CONTACTS_HELP = "Contacts: import your address book and LinkedIn, see who is due, export them as vCard."
CONTACTS_IMPORT_HELP = (
    "Import contacts from a vCard file (2.1, 3.0, 4.0), LinkedIn's Connections.csv or a plain CSV. All or nothing; "
    "re-importing adds nobody twice (matched by vCard UID, e-mail or LinkedIn URL)."
)
CONTACTS_LIST_HELP = "List your contacts by name, with when you were last in touch."
CONTACTS_DUE_HELP = "Follow-ups due and the people you are losing touch with, with days overdue."
CONTACTS_EXPORT_HELP = "Write every contact to a vCard 4.0 file that imports back without loss."
CONTACTS_ADD_HELP = "Add a contact by hand."
CONTACTS_EDIT_HELP = "Change a contact's details (an option left out keeps its value)."
CONTACTS_SHOW_HELP = "Show one contact and what passed between you."
CONTACTS_LOG_HELP = "Log a coffee, call, message or e-mail with a contact, its outcome and a follow-up date."
CONTACTS_DONE_HELP = "Mark a follow-up done (give the interaction's id, as `contacts show` lists it)."
CONTACTS_SUGGEST_HELP = "Who to reach out to: matching your target role, mentors, met this past year, losing touch."
CONTACTS_DUPLICATES_HELP = "Contacts that look like one person (same e-mail, or same name and organisation)."
CONTACTS_MERGE_HELP = "Merge OTHER contacts into KEEP: shows a preview, and merges with --yes."
CONTACTS_CALENDAR_HELP = "Write open follow-ups to an iCalendar (.ics) file, each at the start of your working day."
CONTACTS_CADENCE_HELP = "Keep in touch every DAYS days with everyone tagged TAG (0 removes it)."
OUTREACH_HELP = "Outreach: a short message with a clear ask, from your ideal-role profile."
OUTREACH_DRAFT_HELP = "Draft a message to a contact that says what role you are after and asks for one small thing."
OUTREACH_SENT_HELP = "Record a message as sent (logged as an interaction, with a follow-up a week on)."
CONTACTS_IMPORTED = (
    "{file} ({format}): {added} added, {merged} merged with new details, {unchanged} already here, {refused} left out."
)
CONTACTS_EXPORTED = "Wrote {count} contacts to {path} (vCard 4.0)."
CALENDAR_WRITTEN = "Wrote {count} follow-ups to {path}."
NO_CONTACTS = "No contacts yet. Import some with `onward contacts import FILE --format vcard|linkedin|csv`."
NOTHING_DUE = "Nothing due, and nobody you are losing touch with."
MERGE_PREVIEW = "Nothing merged yet: run again with --yes to merge."
