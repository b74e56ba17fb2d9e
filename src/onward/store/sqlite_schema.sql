-- A new SQLite store at the migrations' heads, for the CLI's fast lane (onward.store.lite.open_to_write).
-- Written from a freshly migrated database by scripts/gen_sqlite_schema.py (`make docs`); do not edit.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE owners (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	email VARCHAR(320), 
	password_hash VARCHAR(200), 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_owners PRIMARY KEY (id), 
	CONSTRAINT uq_owners_email UNIQUE (email)
);
CREATE TABLE owner_settings (
	"key" VARCHAR(100) NOT NULL, 
	value VARCHAR(2000) NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_owner_settings PRIMARY KEY (id), 
	CONSTRAINT fk_owner_settings_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_owner_settings_owner_id_key UNIQUE (owner_id, "key")
);
CREATE INDEX ix_owner_settings_owner_id ON owner_settings (owner_id);
CREATE TABLE jobs (
	employer VARCHAR(200) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	start_date DATE, 
	end_date DATE, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_jobs PRIMARY KEY (id), 
	CONSTRAINT fk_jobs_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_jobs_owner_id ON jobs (owner_id);
CREATE TABLE responsibilities (
	job_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	origin VARCHAR(20) NOT NULL, 
	expected_end DATE, 
	enjoyment VARCHAR(10), 
	skill INTEGER, 
	energy INTEGER, 
	can_hand_off BOOLEAN NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_responsibilities PRIMARY KEY (id), 
	CONSTRAINT fk_responsibilities_job_id_jobs FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE CASCADE, 
	CONSTRAINT fk_responsibilities_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_responsibilities_owner_id_job_id_name UNIQUE (owner_id, job_id, name)
);
CREATE INDEX ix_responsibilities_job_id ON responsibilities (job_id);
CREATE INDEX ix_responsibilities_owner_id ON responsibilities (owner_id);
CREATE TABLE tasks (
	responsibility_id INTEGER, 
	title VARCHAR(500) NOT NULL, 
	notes TEXT NOT NULL, 
	due DATE, 
	effort_hours FLOAT, 
	remaining_hours FLOAT, 
	importance INTEGER NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	handed_to VARCHAR(200), 
	entered DATE, 
	completed DATE, 
	tags JSON NOT NULL, 
	annotations JSON NOT NULL, 
	recurrence VARCHAR(100), 
	checklist JSON NOT NULL, 
	locked BOOLEAN NOT NULL, 
	enjoyment VARCHAR(10), 
	skill INTEGER, 
	source VARCHAR(20), 
	external_id VARCHAR(200), 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_tasks PRIMARY KEY (id), 
	CONSTRAINT fk_tasks_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT fk_tasks_responsibility_id_responsibilities FOREIGN KEY(responsibility_id) REFERENCES responsibilities (id) ON DELETE SET NULL, 
	CONSTRAINT uq_tasks_owner_id_source_external_id UNIQUE (owner_id, source, external_id)
);
CREATE INDEX ix_tasks_owner_id ON tasks (owner_id);
CREATE INDEX ix_tasks_responsibility_id ON tasks (responsibility_id);
CREATE INDEX ix_tasks_status ON tasks (status);
CREATE TABLE task_dependencies (
	task_id INTEGER NOT NULL, 
	depends_on_id INTEGER NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_task_dependencies PRIMARY KEY (id), 
	CONSTRAINT fk_task_dependencies_depends_on_id_tasks FOREIGN KEY(depends_on_id) REFERENCES tasks (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_dependencies_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_dependencies_task_id_tasks FOREIGN KEY(task_id) REFERENCES tasks (id) ON DELETE CASCADE, 
	CONSTRAINT uq_task_dependencies_owner_id_task_id_depends_on_id UNIQUE (owner_id, task_id, depends_on_id)
);
CREATE INDEX ix_task_dependencies_depends_on_id ON task_dependencies (depends_on_id);
CREATE INDEX ix_task_dependencies_owner_id ON task_dependencies (owner_id);
CREATE INDEX ix_task_dependencies_task_id ON task_dependencies (task_id);
CREATE TABLE journal_entries (
	prompt VARCHAR(20), 
	text TEXT NOT NULL, 
	tags JSON NOT NULL, 
	written_at DATETIME NOT NULL, 
	load_ratio FLOAT, 
	source_key VARCHAR(80), 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_journal_entries PRIMARY KEY (id), 
	CONSTRAINT fk_journal_entries_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_journal_entries_owner_id_source_key UNIQUE (owner_id, source_key)
);
CREATE INDEX ix_journal_entries_owner_id ON journal_entries (owner_id);
CREATE INDEX ix_journal_entries_prompt ON journal_entries (prompt);
CREATE INDEX ix_journal_entries_owner_written ON journal_entries (owner_id, written_at, id);
CREATE VIRTUAL TABLE journal_fts USING fts5(text, content='journal_entries', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entries BEGIN INSERT INTO journal_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entries BEGIN INSERT INTO journal_fts(journal_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER journal_fts_update AFTER UPDATE OF text ON journal_entries BEGIN INSERT INTO journal_fts(journal_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO journal_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TABLE journal_drafts (
	form VARCHAR(40) NOT NULL, 
	prompt VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	tags VARCHAR(500) NOT NULL, 
	"on" VARCHAR(40) NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_journal_drafts PRIMARY KEY (id), 
	CONSTRAINT fk_journal_drafts_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_journal_drafts_owner_id_form UNIQUE (owner_id, form)
);
CREATE INDEX ix_journal_drafts_owner_id ON journal_drafts (owner_id);
CREATE TABLE capacities (
	starts DATE NOT NULL, 
	weekly_hours FLOAT NOT NULL, 
	day_hours JSON NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_capacities PRIMARY KEY (id), 
	CONSTRAINT fk_capacities_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_capacities_owner_id_starts UNIQUE (owner_id, starts)
);
CREATE INDEX ix_capacities_owner_id ON capacities (owner_id);
CREATE TABLE capacity_exceptions (
	first_day DATE NOT NULL, 
	last_day DATE NOT NULL, 
	hours_per_day FLOAT NOT NULL, 
	note VARCHAR(500) NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_capacity_exceptions PRIMARY KEY (id), 
	CONSTRAINT fk_capacity_exceptions_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_capacity_exceptions_owner_id_first_day_last_day UNIQUE (owner_id, first_day, last_day)
);
CREATE INDEX ix_capacity_exceptions_owner_id ON capacity_exceptions (owner_id);
CREATE TABLE colleagues (
	name VARCHAR(200) NOT NULL, 
	weekly_limit_hours FLOAT NOT NULL, 
	note VARCHAR(500) NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_colleagues PRIMARY KEY (id), 
	CONSTRAINT fk_colleagues_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_colleagues_owner_id_name UNIQUE (owner_id, name)
);
CREATE INDEX ix_colleagues_owner_id ON colleagues (owner_id);
CREATE TABLE mistakes (
	happened_on DATE NOT NULL, 
	task_id INTEGER, 
	responsibility_id INTEGER, 
	cause VARCHAR(20) NOT NULL, 
	what_happened TEXT NOT NULL, 
	lesson TEXT NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_mistakes PRIMARY KEY (id), 
	CONSTRAINT fk_mistakes_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT fk_mistakes_responsibility_id_responsibilities FOREIGN KEY(responsibility_id) REFERENCES responsibilities (id) ON DELETE SET NULL, 
	CONSTRAINT fk_mistakes_task_id_tasks FOREIGN KEY(task_id) REFERENCES tasks (id) ON DELETE SET NULL
);
CREATE INDEX ix_mistakes_happened_on ON mistakes (happened_on);
CREATE INDEX ix_mistakes_owner_id ON mistakes (owner_id);
CREATE INDEX ix_mistakes_responsibility_id ON mistakes (responsibility_id);
CREATE INDEX ix_mistakes_task_id ON mistakes (task_id);
CREATE INDEX ix_tasks_owner_id_status ON tasks (owner_id, status);
CREATE TABLE calendar_events (
	uid VARCHAR(300) NOT NULL, 
	summary VARCHAR(500) NOT NULL, 
	starts_at DATETIME NOT NULL, 
	ends_at DATETIME NOT NULL, 
	all_day BOOLEAN NOT NULL, 
	show_as VARCHAR(20) NOT NULL, 
	recurring BOOLEAN NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_calendar_events PRIMARY KEY (id), 
	CONSTRAINT fk_calendar_events_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_calendar_events_owner_id_uid_starts_at UNIQUE (owner_id, uid, starts_at)
);
CREATE INDEX ix_calendar_events_owner_id ON calendar_events (owner_id);
CREATE INDEX ix_calendar_events_starts_at ON calendar_events (starts_at);
CREATE TABLE plate_changes (
	kind VARCHAR(20) NOT NULL, 
	summary VARCHAR(1000) NOT NULL, 
	undo JSON NOT NULL, 
	undone BOOLEAN NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_plate_changes PRIMARY KEY (id), 
	CONSTRAINT fk_plate_changes_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_plate_changes_owner_id ON plate_changes (owner_id);
CREATE TABLE workload_stamps (owner_id INTEGER PRIMARY KEY, stamp BIGINT NOT NULL);
CREATE TRIGGER workload_stamp_jobs_insert AFTER INSERT ON jobs BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_jobs_update AFTER UPDATE ON jobs BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_jobs_delete AFTER DELETE ON jobs BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_responsibilities_insert AFTER INSERT ON responsibilities BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_responsibilities_update AFTER UPDATE ON responsibilities BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_responsibilities_delete AFTER DELETE ON responsibilities BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_tasks_insert AFTER INSERT ON tasks BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_tasks_update AFTER UPDATE ON tasks BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_tasks_delete AFTER DELETE ON tasks BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_capacities_insert AFTER INSERT ON capacities BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_capacities_update AFTER UPDATE ON capacities BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_capacities_delete AFTER DELETE ON capacities BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_capacity_exceptions_insert AFTER INSERT ON capacity_exceptions BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_capacity_exceptions_update AFTER UPDATE ON capacity_exceptions BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_capacity_exceptions_delete AFTER DELETE ON capacity_exceptions BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_mistakes_insert AFTER INSERT ON mistakes BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_mistakes_update AFTER UPDATE ON mistakes BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_mistakes_delete AFTER DELETE ON mistakes BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_colleagues_insert AFTER INSERT ON colleagues BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_colleagues_update AFTER UPDATE ON colleagues BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_colleagues_delete AFTER DELETE ON colleagues BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_task_dependencies_insert AFTER INSERT ON task_dependencies BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_task_dependencies_update AFTER UPDATE ON task_dependencies BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_task_dependencies_delete AFTER DELETE ON task_dependencies BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_calendar_events_insert AFTER INSERT ON calendar_events BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_calendar_events_update AFTER UPDATE ON calendar_events BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_calendar_events_delete AFTER DELETE ON calendar_events BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TRIGGER workload_stamp_plate_changes_insert AFTER INSERT ON plate_changes BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_plate_changes_update AFTER UPDATE ON plate_changes BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = NEW.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT NEW.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = NEW.owner_id); END;
CREATE TRIGGER workload_stamp_plate_changes_delete AFTER DELETE ON plate_changes BEGIN UPDATE workload_stamps SET stamp = random() WHERE owner_id = OLD.owner_id; INSERT INTO workload_stamps (owner_id, stamp) SELECT OLD.owner_id, random() WHERE NOT EXISTS (SELECT 1 FROM workload_stamps WHERE owner_id = OLD.owner_id); END;
CREATE TABLE applications (
	employer VARCHAR(200) NOT NULL, 
	role_title VARCHAR(200) NOT NULL, 
	link VARCHAR(1000) NOT NULL, 
	stage VARCHAR(20) NOT NULL, 
	applied_on DATE, 
	stage_since DATE, 
	last_follow_up DATE, 
	next_step VARCHAR(500) NOT NULL, 
	next_step_on DATE, 
	people_met JSON NOT NULL, 
	notes TEXT NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_applications PRIMARY KEY (id), 
	CONSTRAINT fk_applications_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_applications_owner_id ON applications (owner_id);
CREATE INDEX ix_applications_stage ON applications (stage);
CREATE TABLE environments (
	focus VARCHAR(20), 
	collaboration VARCHAR(20), 
	team_min INTEGER, 
	team_max INTEGER, 
	work_mode VARCHAR(20), 
	sector VARCHAR(200) NOT NULL, 
	mission TEXT NOT NULL, 
	hours_per_week FLOAT, 
	notes TEXT NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_environments PRIMARY KEY (id), 
	CONSTRAINT fk_environments_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_environments_owner_id UNIQUE (owner_id)
);
CREATE INDEX ix_environments_owner_id ON environments (owner_id);
CREATE TABLE role_profiles (
	label VARCHAR(200) NOT NULL, 
	statement TEXT NOT NULL, 
	based_on TEXT NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_role_profiles PRIMARY KEY (id), 
	CONSTRAINT fk_role_profiles_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_role_profiles_owner_id UNIQUE (owner_id)
);
CREATE INDEX ix_role_profiles_owner_id ON role_profiles (owner_id);
CREATE TABLE application_events (
	application_id INTEGER NOT NULL, 
	stage VARCHAR(20) NOT NULL, 
	date DATE NOT NULL, 
	note TEXT NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_application_events PRIMARY KEY (id), 
	CONSTRAINT fk_application_events_application_id_applications FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	CONSTRAINT fk_application_events_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_application_events_application_id ON application_events (application_id);
CREATE INDEX ix_application_events_owner_id ON application_events (owner_id);
CREATE TABLE offers (
	application_id INTEGER NOT NULL, 
	salary FLOAT, 
	currency VARCHAR(3) NOT NULL, 
	hours_per_week FLOAT, 
	work_mode VARCHAR(20), 
	team_size INTEGER, 
	main_duties TEXT NOT NULL, 
	start_date DATE, 
	deadline DATE, 
	notes TEXT NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_offers PRIMARY KEY (id), 
	CONSTRAINT fk_offers_application_id_applications FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	CONSTRAINT fk_offers_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_offers_owner_id_application_id UNIQUE (owner_id, application_id)
);
CREATE INDEX ix_offers_application_id ON offers (application_id);
CREATE INDEX ix_offers_owner_id ON offers (owner_id);
CREATE TABLE postings (
	title VARCHAR(300) NOT NULL, 
	company VARCHAR(200) NOT NULL, 
	location VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	url VARCHAR(1000) NOT NULL, 
	source VARCHAR(10) NOT NULL, 
	external_id VARCHAR(200), 
	employment_type VARCHAR(100) NOT NULL, 
	work_mode VARCHAR(10), 
	salary VARCHAR(200) NOT NULL, 
	posted DATE, 
	dedupe_key VARCHAR(64) NOT NULL, 
	fingerprint VARCHAR(16), 
	times_seen INTEGER NOT NULL, 
	duties JSON NOT NULL, 
	kinds_of_work JSON NOT NULL, 
	analysis VARCHAR(100) NOT NULL, 
	vectors TEXT, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_postings PRIMARY KEY (id), 
	CONSTRAINT fk_postings_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_postings_owner_id_dedupe_key UNIQUE (owner_id, dedupe_key)
);
CREATE INDEX ix_postings_fingerprint ON postings (fingerprint);
CREATE INDEX ix_postings_owner_id ON postings (owner_id);
CREATE TABLE check_ins (
	day DATE NOT NULL, 
	mood INTEGER NOT NULL, 
	energy INTEGER NOT NULL, 
	sleep_hours FLOAT, 
	worked_hours FLOAT, 
	after_hours_minutes INTEGER, 
	saw_people BOOLEAN, 
	people_minutes INTEGER, 
	note TEXT NOT NULL, 
	load_ratio FLOAT, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_check_ins PRIMARY KEY (id), 
	CONSTRAINT fk_check_ins_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_check_ins_owner_id_day UNIQUE (owner_id, day)
);
CREATE INDEX ix_check_ins_day ON check_ins (day);
CREATE INDEX ix_check_ins_owner_id ON check_ins (owner_id);
CREATE TABLE instrument_responses (
	instrument VARCHAR(10) NOT NULL, 
	taken_on DATE NOT NULL, 
	items JSON NOT NULL, 
	scores JSON NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_instrument_responses PRIMARY KEY (id), 
	CONSTRAINT fk_instrument_responses_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_instrument_responses_owner_id ON instrument_responses (owner_id);
CREATE INDEX ix_instrument_responses_taken_on ON instrument_responses (taken_on);
CREATE TABLE contacts (
	"key" VARCHAR(400) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	emails JSON NOT NULL, 
	phones JSON NOT NULL, 
	organisation VARCHAR(200) NOT NULL, 
	role VARCHAR(200) NOT NULL, 
	how_met VARCHAR(500) NOT NULL, 
	met_on DATE, 
	tags JSON NOT NULL, 
	notes TEXT NOT NULL, 
	relationship VARCHAR(40) NOT NULL, 
	cadence_days INTEGER, 
	support BOOLEAN NOT NULL, 
	external_ids JSON NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_contacts PRIMARY KEY (id), 
	CONSTRAINT fk_contacts_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_contacts_owner_id_key UNIQUE (owner_id, "key")
);
CREATE INDEX ix_contacts_owner_id ON contacts (owner_id);
CREATE TABLE contact_tag_cadences (
	tag VARCHAR(100) NOT NULL, 
	days INTEGER NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_contact_tag_cadences PRIMARY KEY (id), 
	CONSTRAINT fk_contact_tag_cadences_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_contact_tag_cadences_owner_id_tag UNIQUE (owner_id, tag)
);
CREATE INDEX ix_contact_tag_cadences_owner_id ON contact_tag_cadences (owner_id);
CREATE TABLE interactions (
	contact_id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	"on" DATE NOT NULL, 
	notes TEXT NOT NULL, 
	outcome VARCHAR(40) NOT NULL, 
	follow_up_on DATE, 
	follow_up_done BOOLEAN NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_interactions PRIMARY KEY (id), 
	CONSTRAINT fk_interactions_contact_id_contacts FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE, 
	CONSTRAINT fk_interactions_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_interactions_owner_contact_on ON interactions (owner_id, contact_id, "on");
CREATE INDEX ix_interactions_follow_up_on ON interactions (follow_up_on);
CREATE INDEX ix_interactions_owner_id ON interactions (owner_id);
CREATE TABLE mail_messages (
	message_key VARCHAR(300) NOT NULL, 
	folder VARCHAR(300) NOT NULL, 
	direction VARCHAR(10) NOT NULL, 
	to_me BOOLEAN NOT NULL, 
	from_address VARCHAR(320) NOT NULL, 
	from_name VARCHAR(200) NOT NULL, 
	to_addresses TEXT NOT NULL, 
	cc_addresses TEXT NOT NULL, 
	subject VARCHAR(500) NOT NULL, 
	sent_at DATETIME NOT NULL, 
	utc_offset INTEGER NOT NULL, 
	in_reply_to VARCHAR(300) NOT NULL, 
	snippet VARCHAR(300) NOT NULL, 
	body TEXT, 
	request VARCHAR(500) NOT NULL, 
	due DATE, 
	request_state VARCHAR(20), 
	task_id INTEGER, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_mail_messages PRIMARY KEY (id), 
	CONSTRAINT fk_mail_messages_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT uq_mail_messages_owner_id_message_key UNIQUE (owner_id, message_key)
);
CREATE INDEX ix_mail_messages_direction ON mail_messages (direction);
CREATE INDEX ix_mail_messages_from_address ON mail_messages (from_address);
CREATE INDEX ix_mail_messages_in_reply_to ON mail_messages (in_reply_to);
CREATE INDEX ix_mail_messages_owner_id ON mail_messages (owner_id);
CREATE INDEX ix_mail_messages_sent_at ON mail_messages (sent_at);
CREATE TABLE feedback_requests (
	title VARCHAR(200) NOT NULL, 
	reason TEXT NOT NULL, 
	asker VARCHAR(200) NOT NULL, 
	anonymous BOOLEAN NOT NULL, 
	min_answers INTEGER NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	closes_on DATE NOT NULL, 
	questions JSON NOT NULL, 
	self_ratings JSON NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_feedback_requests PRIMARY KEY (id), 
	CONSTRAINT fk_feedback_requests_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_feedback_requests_owner_id ON feedback_requests (owner_id);
CREATE INDEX ix_feedback_requests_status ON feedback_requests (status);
CREATE TABLE meetings (
	held_on DATE NOT NULL, 
	with_whom VARCHAR(200) NOT NULL, 
	concerns JSON NOT NULL, 
	agreements JSON NOT NULL, 
	notes TEXT NOT NULL, 
	next_on DATE, 
	report TEXT, 
	report_taken_on DATE, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_meetings PRIMARY KEY (id), 
	CONSTRAINT fk_meetings_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX ix_meetings_held_on ON meetings (held_on);
CREATE INDEX ix_meetings_owner_id ON meetings (owner_id);
CREATE TABLE feedback_invites (
	request_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	email VARCHAR(320) NOT NULL, 
	contact_id INTEGER, 
	token_hash VARCHAR(64) NOT NULL, 
	id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_feedback_invites PRIMARY KEY (id), 
	CONSTRAINT fk_feedback_invites_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT fk_feedback_invites_request_id_feedback_requests FOREIGN KEY(request_id) REFERENCES feedback_requests (id) ON DELETE CASCADE, 
	CONSTRAINT uq_feedback_invites_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_feedback_invites_owner_id ON feedback_invites (owner_id);
CREATE INDEX ix_feedback_invites_request_id ON feedback_invites (request_id);
CREATE TABLE feedback_responses (
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	request_id INTEGER NOT NULL, 
	answer_key VARCHAR(64) NOT NULL, 
	respondent VARCHAR(200) NOT NULL, 
	answers JSON NOT NULL, 
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	CONSTRAINT pk_feedback_responses PRIMARY KEY (id), 
	CONSTRAINT fk_feedback_responses_owner_id_owners FOREIGN KEY(owner_id) REFERENCES owners (id) ON DELETE CASCADE, 
	CONSTRAINT fk_feedback_responses_request_id_feedback_requests FOREIGN KEY(request_id) REFERENCES feedback_requests (id) ON DELETE CASCADE, 
	CONSTRAINT uq_feedback_responses_request_id_answer_key UNIQUE (request_id, answer_key)
);
CREATE INDEX ix_feedback_responses_owner_id ON feedback_responses (owner_id);
CREATE INDEX ix_feedback_responses_request_id ON feedback_responses (request_id);
INSERT INTO alembic_version (version_num) VALUES ('0001_feedback');
INSERT INTO alembic_version (version_num) VALUES ('0001_mail');
INSERT INTO alembic_version (version_num) VALUES ('0001_network');
INSERT INTO alembic_version (version_num) VALUES ('0001_wellbeing');
INSERT INTO alembic_version (version_num) VALUES ('0002_fit');
INSERT INTO alembic_version (version_num) VALUES ('0002_reflection');
INSERT INTO alembic_version (version_num) VALUES ('0004_workload');
