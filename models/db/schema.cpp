// SPDX-License-Identifier: GPL-3.0-or-later
// The database schema as ordered migration steps. Never edit a released step:
// add a new one and raise kCurrentVersion. Each step is tested from the
// previous version in tests/tst_database.
#include "models/db/schema.h"

namespace kopru::Schema {

namespace {

// Version 1: every entity of the product specification.
const Step kStep1 { 1,
    {
        R"sql(CREATE TABLE province (
    id      INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 81),  -- plate code
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    lat     REAL NOT NULL CHECK (lat BETWEEN 35 AND 43),
    lon     REAL NOT NULL CHECK (lon BETWEEN 25 AND 45)))sql",

        R"sql(CREATE TABLE field (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 12),
    name_tr TEXT NOT NULL CHECK (name_tr <> ''),
    name_en TEXT NOT NULL CHECK (name_en <> '')))sql",

        R"sql(CREATE TABLE centre (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    province_id INTEGER NOT NULL REFERENCES province(id) ON DELETE RESTRICT,
    district    TEXT NOT NULL DEFAULT ''))sql",

        // Which fields a centre coordinates (two fields have two centres).
        R"sql(CREATE TABLE centre_field (
    centre_id INTEGER NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
    field_id  INTEGER NOT NULL REFERENCES field(id) ON DELETE CASCADE,
    PRIMARY KEY (centre_id, field_id)) WITHOUT ROWID)sql",

        R"sql(CREATE TABLE school (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    province_id INTEGER NOT NULL REFERENCES province(id) ON DELETE RESTRICT,
    district    TEXT NOT NULL DEFAULT '',
    UNIQUE (name, province_id, district)))sql",

        R"sql(CREATE TABLE teacher (
    id               INTEGER PRIMARY KEY,
    national_id      TEXT NOT NULL UNIQUE
                     CHECK (length(national_id) = 11 AND national_id NOT GLOB '*[^0-9]*'
                            AND substr(national_id, 1, 1) <> '0'),
    first_name       TEXT NOT NULL CHECK (first_name <> ''),
    last_name        TEXT NOT NULL CHECK (last_name <> ''),
    field_id         INTEGER NOT NULL REFERENCES field(id) ON DELETE RESTRICT,
    branch           TEXT NOT NULL DEFAULT '',
    school_id        INTEGER REFERENCES school(id) ON DELETE SET NULL,
    province_id      INTEGER NOT NULL REFERENCES province(id) ON DELETE RESTRICT,
    centre_id        INTEGER REFERENCES centre(id) ON DELETE SET NULL,
    email            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    experience_years INTEGER CHECK (experience_years BETWEEN 0 AND 60),
    available_from   TEXT CHECK (date(available_from) IS available_from),
    available_to     TEXT CHECK (date(available_to) IS available_to),
    notes            TEXT NOT NULL DEFAULT '',
    CHECK (available_from IS NULL OR available_to IS NULL OR available_to >= available_from)))sql",
        "CREATE INDEX teacher_field ON teacher(field_id)",
        "CREATE INDEX teacher_province ON teacher(province_id)",

        R"sql(CREATE TABLE competency (
    id       INTEGER PRIMARY KEY,
    field_id INTEGER NOT NULL REFERENCES field(id) ON DELETE RESTRICT,
    code     TEXT NOT NULL CHECK (code <> ''),
    title_tr TEXT NOT NULL CHECK (title_tr <> ''),
    title_en TEXT NOT NULL DEFAULT '',
    unit     TEXT NOT NULL DEFAULT '',
    UNIQUE (field_id, code)))sql",

        // need NULL = "not applicable"; ratings belong to the teacher and go with them.
        R"sql(CREATE TABLE need_rating (
    teacher_id    INTEGER NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competency(id) ON DELETE CASCADE,
    round         INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
    need          INTEGER CHECK (need BETWEEN 1 AND 5),
    proficiency   INTEGER CHECK (proficiency BETWEEN 1 AND 5),
    PRIMARY KEY (teacher_id, competency_id, round)) WITHOUT ROWID)sql",
        "CREATE INDEX need_rating_competency ON need_rating(competency_id)",
        R"sql(CREATE TRIGGER need_rating_same_field BEFORE INSERT ON need_rating
    WHEN (SELECT field_id FROM teacher WHERE id = NEW.teacher_id)
         IS NOT (SELECT field_id FROM competency WHERE id = NEW.competency_id)
BEGIN
    SELECT RAISE(ABORT, 'need rating: competency is not in the teacher''s field');
END)sql",

        R"sql(CREATE TABLE partner (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (name <> ''),
    sector         TEXT NOT NULL DEFAULT '',
    province_id    INTEGER NOT NULL REFERENCES province(id) ON DELETE RESTRICT,
    district       TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    protocol_date  TEXT CHECK (date(protocol_date) IS protocol_date),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))))sql",

        R"sql(CREATE TABLE partner_competency (
    partner_id    INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competency(id) ON DELETE CASCADE,
    PRIMARY KEY (partner_id, competency_id)) WITHOUT ROWID)sql",

        // Sessions go with their partner; a session with placements cannot be
        // deleted (placement.session_id RESTRICT), so deleting a partner whose
        // sessions hold placements is refused until the user removed them explicitly.
        R"sql(CREATE TABLE training_session (
    id         INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    field_id   INTEGER NOT NULL REFERENCES field(id) ON DELETE RESTRICT,
    start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
    end_date   TEXT NOT NULL CHECK (date(end_date) IS end_date),
    hours      INTEGER NOT NULL DEFAULT 80 CHECK (hours > 0),
    capacity   INTEGER NOT NULL CHECK (capacity > 0),
    CHECK (end_date >= start_date)))sql",
        "CREATE INDEX training_session_partner ON training_session(partner_id)",
        "CREATE INDEX training_session_field ON training_session(field_id)",

        R"sql(CREATE TABLE session_competency (
    session_id    INTEGER NOT NULL REFERENCES training_session(id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competency(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, competency_id)) WITHOUT ROWID)sql",

        R"sql(CREATE TABLE placement (
    id         INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES training_session(id) ON DELETE RESTRICT,
    status     TEXT NOT NULL DEFAULT 'proposed'
               CHECK (status IN ('proposed', 'confirmed', 'completed', 'cancelled')),
    locked     INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    score      REAL,
    reason     TEXT NOT NULL DEFAULT ''))sql",
        // A teacher is placed at most once (cancelled placements do not count).
        "CREATE UNIQUE INDEX placement_one_per_teacher ON placement(teacher_id) WHERE status <> 'cancelled'",
        "CREATE INDEX placement_session ON placement(session_id)",
    } };

// Version 2: optimiser runs are recorded and placements point to the run that
// proposed them; an audit log without personal data (KVKK erasures, imports).
const Step kStep2 { 2,
    {
        R"sql(CREATE TABLE plan_run (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    parameters  TEXT NOT NULL DEFAULT '{}',
    objective   INTEGER,
    placed      INTEGER NOT NULL DEFAULT 0 CHECK (placed >= 0),
    unplaced    INTEGER NOT NULL DEFAULT 0 CHECK (unplaced >= 0),
    duration_ms REAL NOT NULL DEFAULT 0 CHECK (duration_ms >= 0)))sql",
        "ALTER TABLE placement ADD COLUMN plan_run_id INTEGER REFERENCES plan_run(id) ON DELETE SET NULL",
        R"sql(CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    action  TEXT NOT NULL CHECK (action <> ''),
    details TEXT NOT NULL DEFAULT ''))sql",
    } };

// Version 3: facts about the database itself, as keys and values (documented
// in docs/data-safety.md, "Database identity"). database_id is a random UUID
// made when the database is created or upgraded to version 3 and kept for
// ever: a restore, a copy or an import never changes it. Backups are filed
// under it. Later keys (the database's role in the national exchange) join it.
const Step kStep3 { 3,
    {
        R"sql(CREATE TABLE meta (
    key   TEXT PRIMARY KEY CHECK (key <> ''),
    value TEXT NOT NULL) WITHOUT ROWID)sql",
        // A version 4 UUID from SQLite's random generator (Database::migrate may set
        // one chosen beforehand instead, see BackupManager::backupBeforeMigration).
        R"sql(INSERT INTO meta(key, value) VALUES ('database_id',
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))))sql",
    } };

} // namespace

const std::vector<Step> &steps()
{
    static const std::vector<Step> all { kStep1, kStep2, kStep3, exchangeStep(kExchangeVersion),
        programmeStep(kProgrammeVersion) };
    return all;
}

} // namespace kopru::Schema
