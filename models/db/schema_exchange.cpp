// SPDX-License-Identifier: GPL-3.0-or-later
// The schema step of the national exchange (docs/exchange.md): global ids,
// owners, versions, change marks, tombstones, aliases, plan decisions,
// proposals, the review list and the exchange log. A released step: never
// edit it, add a new one.
//
// Tables that get a uid with a DEFAULT are rebuilt (SQLite cannot add a column
// with a non-constant default): Database::migrate runs steps that rebuild with
// foreign keys off and legacy_alter_table on (SQLite's documented procedure)
// and checks foreign_key_check before committing. need_rating only gains two
// columns (it has no uid: its natural key is global).
#include "models/db/schema.h"
#include "models/db/schemamacros.h"
#include "models/db/sql.h"
#include "models/exchange/globalid.h"

#include <QSqlQuery>
#include <vector>

namespace kopru::Schema {

namespace {

// Fields, centres, competencies and schools get name-based ids (GlobalId),
// the same in every database.
Status assignNameBasedIds(QSqlDatabase db)
{
    struct Rule
    {
        const char *select;
        const char *update;
        QString (*id)(const QSqlQuery &);
    };
    const Rule rules[] = {
        { "SELECT id, code FROM field", "UPDATE field SET uid = ? WHERE id = ?",
            [](const QSqlQuery &q) { return GlobalId::forField(q.value(1).toString()); } },
        { "SELECT id FROM centre", "UPDATE centre SET uid = ? WHERE id = ?",
            [](const QSqlQuery &q) { return GlobalId::forCentre(q.value(0).toInt()); } },
        { "SELECT c.id, f.code, c.code FROM competency c JOIN field f ON f.id = c.field_id",
            "UPDATE competency SET uid = ? WHERE id = ?",
            [](const QSqlQuery &q) { return GlobalId::forCompetency(q.value(1).toString(), q.value(2).toString()); } },
        { "SELECT id, province_id, district, name FROM school", "UPDATE school SET uid = ? WHERE id = ?",
            [](const QSqlQuery &q) {
                return GlobalId::forSchool(q.value(1).toInt(), q.value(2).toString(), q.value(3).toString());
            } },
    };
    for (const Rule &rule : rules) {
        QSqlQuery read(db), write(db);
        if (Status s = Sql::prepare(read, QString::fromLatin1(rule.select)); !s)
            return s;
        if (Status s = Sql::run(read); !s)
            return s;
        std::vector<std::pair<QString, qlonglong>> ids;
        while (read.next())
            ids.emplace_back(rule.id(read), read.value(0).toLongLong());
        read.finish();
        if (Status s = Sql::prepare(write, QString::fromLatin1(rule.update)); !s)
            return s;
        for (const auto &[uid, id] : ids)
            if (Status s = Sql::run(write, { uid, id }); !s)
                return s;
    }
    return {};
}

} // namespace

Step exchangeStep(int toVersion)
{
    return Step { toVersion,
        {
            // ---- reference data and the catalogue (owned by the national office) ----
            R"sql(CREATE TABLE field_new (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 12),
    name_tr TEXT NOT NULL CHECK (name_tr <> ''),
    name_en TEXT NOT NULL CHECK (name_en <> ''),
    )sql" KOPRU_UID_COLUMN KOPRU_VERSION_COLUMNS ")",
            // Shipped reference data: every database has it (change_serial 0: nothing to send).
            "INSERT INTO field_new(id, code, name_tr, name_en, modified_at, modified_by, change_serial) "
            "SELECT id, code, name_tr, name_en, '2021-03-01 00:00:00', 'national', 0 FROM field",
            "DROP TABLE field",
            "ALTER TABLE field_new RENAME TO field",

            R"sql(CREATE TABLE centre_new (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    province_id INTEGER NOT NULL REFERENCES province(id) ON DELETE RESTRICT,
    district    TEXT NOT NULL DEFAULT '',
    )sql" KOPRU_UID_COLUMN KOPRU_VERSION_COLUMNS ")",
            "INSERT INTO centre_new(id, name, province_id, district, modified_at, modified_by, change_serial) "
            "SELECT id, name, province_id, district, '2021-03-01 00:00:00', 'national', 0 FROM centre",
            "DROP TABLE centre",
            "ALTER TABLE centre_new RENAME TO centre",

            R"sql(CREATE TABLE school_new (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    province_id INTEGER NOT NULL REFERENCES province(id) ON DELETE RESTRICT,
    district    TEXT NOT NULL DEFAULT '',
    )sql" KOPRU_UID_COLUMN KOPRU_OWNER_COLUMN KOPRU_VERSION_COLUMNS R"sql(,
    UNIQUE (name, province_id, district)))sql",
            "INSERT INTO school_new(id, name, province_id, district, owner_centre_id, modified_by) "
            "SELECT id, name, province_id, district, NULL, 'national' FROM school",
            "DROP TABLE school",
            "ALTER TABLE school_new RENAME TO school",

            R"sql(CREATE TABLE competency_new (
    id       INTEGER PRIMARY KEY,
    field_id INTEGER NOT NULL REFERENCES field(id) ON DELETE RESTRICT,
    code     TEXT NOT NULL CHECK (code <> ''),
    title_tr TEXT NOT NULL CHECK (title_tr <> ''),
    title_en TEXT NOT NULL DEFAULT '',
    unit     TEXT NOT NULL DEFAULT '',
    )sql" KOPRU_UID_COLUMN KOPRU_VERSION_COLUMNS R"sql(,
    UNIQUE (field_id, code)))sql",
            "INSERT INTO competency_new(id, field_id, code, title_tr, title_en, unit, modified_by) "
            "SELECT id, field_id, code, title_tr, title_en, unit, 'national' FROM competency",
            "DROP TABLE competency",
            "ALTER TABLE competency_new RENAME TO competency",

            // ---- teachers: the identity (the survey's or the registering centre's) and
            // what the teacher's centre records (record_* columns) ----
            R"sql(CREATE TABLE teacher_new (
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
    )sql" KOPRU_UID_COLUMN KOPRU_OWNER_COLUMN KOPRU_VERSION_COLUMNS R"sql(,
    record_version     INTEGER NOT NULL DEFAULT 1 CHECK (record_version >= 0),
    record_modified_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    record_modified_by TEXT NOT NULL DEFAULT '',
    CHECK (available_from IS NULL OR available_to IS NULL OR available_to >= available_from)))sql",
            "INSERT INTO teacher_new(id, national_id, first_name, last_name, field_id, branch, school_id, province_id, "
            "centre_id, email, "
            "phone, experience_years, available_from, available_to, notes, owner_centre_id, modified_by, record_modified_by) "
            "SELECT id, national_id, first_name, last_name, field_id, branch, school_id, province_id, centre_id, email, phone, "
            "experience_years, available_from, available_to, notes, NULL, 'national', 'national' FROM teacher",
            "DROP TABLE teacher",
            "ALTER TABLE teacher_new RENAME TO teacher",
            "CREATE INDEX teacher_field ON teacher(field_id)",
            "CREATE INDEX teacher_province ON teacher(province_id)",
            "CREATE INDEX teacher_centre ON teacher(centre_id)",

            // Ratings: the survey (national office). Existing rows are version 1 and not
            // yet sent (change_serial NULL).
            "ALTER TABLE need_rating ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 0)",
            "ALTER TABLE need_rating ADD COLUMN change_serial INTEGER",

            // ---- partners, sessions, placements (owned by the centre that made them) ----
            // tax_number: VKN (10 digits) or a sole proprietor's TC Kimlik No (11);
            // the checksum is checked by the models layer (TaxNumber).
            R"sql(CREATE TABLE partner_new (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (name <> ''),
    tax_number     TEXT UNIQUE CHECK (tax_number IS NULL OR (length(tax_number) IN (10, 11) AND tax_number NOT GLOB '*[^0-9]*')),
    sector         TEXT NOT NULL DEFAULT '',
    province_id    INTEGER NOT NULL REFERENCES province(id) ON DELETE RESTRICT,
    district       TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    protocol_date  TEXT CHECK (date(protocol_date) IS protocol_date),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    )sql" KOPRU_UID_COLUMN KOPRU_OWNER_COLUMN KOPRU_VERSION_COLUMNS ")",
            "INSERT INTO partner_new(id, name, sector, province_id, district, address, contact_person, phone, email, "
            "protocol_date, active, "
            "owner_centre_id, modified_by) SELECT id, name, sector, province_id, district, address, contact_person, phone, "
            "email, "
            "protocol_date, active, NULL, 'national' FROM partner",
            "DROP TABLE partner",
            "ALTER TABLE partner_new RENAME TO partner",

            R"sql(CREATE TABLE training_session_new (
    id         INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
    field_id   INTEGER NOT NULL REFERENCES field(id) ON DELETE RESTRICT,
    start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
    end_date   TEXT NOT NULL CHECK (date(end_date) IS end_date),
    hours      INTEGER NOT NULL DEFAULT 80 CHECK (hours > 0),
    capacity   INTEGER NOT NULL CHECK (capacity > 0),
    )sql" KOPRU_UID_COLUMN KOPRU_OWNER_COLUMN KOPRU_VERSION_COLUMNS R"sql(,
    CHECK (end_date >= start_date)))sql",
            "INSERT INTO training_session_new(id, partner_id, field_id, start_date, end_date, hours, capacity, owner_centre_id, "
            "modified_by) "
            "SELECT id, partner_id, field_id, start_date, end_date, hours, capacity, NULL, 'national' FROM training_session",
            "DROP TABLE training_session",
            "ALTER TABLE training_session_new RENAME TO training_session",
            "CREATE INDEX training_session_partner ON training_session(partner_id)",
            "CREATE INDEX training_session_field ON training_session(field_id)",

            R"sql(CREATE TABLE placement_new (
    id          INTEGER PRIMARY KEY,
    teacher_id  INTEGER NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
    session_id  INTEGER NOT NULL REFERENCES training_session(id) ON DELETE RESTRICT,
    status      TEXT NOT NULL DEFAULT 'proposed'
                CHECK (status IN ('proposed', 'confirmed', 'completed', 'cancelled')),
    locked      INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    score       REAL,
    reason      TEXT NOT NULL DEFAULT '',
    plan_run_id INTEGER REFERENCES plan_run(id) ON DELETE SET NULL,
    )sql" KOPRU_UID_COLUMN KOPRU_OWNER_COLUMN KOPRU_VERSION_COLUMNS ")",
            "INSERT INTO placement_new(id, teacher_id, session_id, status, locked, score, reason, plan_run_id, owner_centre_id, "
            "modified_by) "
            "SELECT id, teacher_id, session_id, status, locked, score, reason, plan_run_id, NULL, 'national' FROM placement",
            "DROP TABLE placement",
            "ALTER TABLE placement_new RENAME TO placement",
            "CREATE UNIQUE INDEX placement_one_per_teacher ON placement(teacher_id) WHERE status <> 'cancelled'",
            "CREATE INDEX placement_session ON placement(session_id)",

            // ---- what the exchange itself keeps ----
            // A deleted record the database owned (or any KVKK erasure): travels like a
            // row. uid of a rating: 'teacher-uid:competency-uid:round'; of a plan
            // decision: the placement's uid.
            R"sql(CREATE TABLE tombstone (
    table_name      TEXT NOT NULL CHECK (table_name <> ''),
    uid             TEXT NOT NULL CHECK (uid <> ''),
    owner_centre_id INTEGER REFERENCES centre(id),
    version         INTEGER NOT NULL CHECK (version >= 1),
    erased          INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1)),
    deleted_at      TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_by      TEXT NOT NULL DEFAULT '',
    change_serial   INTEGER,
    PRIMARY KEY (table_name, uid)) WITHOUT ROWID)sql",

            // The national office's merges: `uid` is the id that went away (the alias),
            // any reference to it means `target_uid`; target_owner_centre_id is the owner
            // of the record that stays.
            R"sql(CREATE TABLE uid_alias (
    id                     INTEGER PRIMARY KEY,
    target_uid             TEXT NOT NULL CHECK (length(target_uid) = 36),
    table_name             TEXT NOT NULL CHECK (table_name IN ('teacher', 'partner', 'school')),
    target_owner_centre_id INTEGER REFERENCES centre(id),
    )sql"
            "uid TEXT NOT NULL UNIQUE CHECK (length(uid) = 36)," KOPRU_VERSION_COLUMNS R"sql(,
    CHECK (uid <> target_uid)))sql",

            // The national office's decision on a centre's placement.
            R"sql(CREATE TABLE plan_decision (
    placement_id INTEGER PRIMARY KEY REFERENCES placement(id) ON DELETE CASCADE,
    decision     TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
    note         TEXT NOT NULL DEFAULT '',
    )sql" KOPRU_VERSION_COLUMNS ")",

            // A centre's proposed correction of a teacher's identity (one column).
            R"sql(CREATE TABLE proposal (
    id             INTEGER PRIMARY KEY,
    teacher_id     INTEGER NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
    column_name    TEXT NOT NULL CHECK (column_name IN ('national_id', 'first_name', 'last_name', 'field_id', 'branch',
                       'school_id', 'province_id', 'centre_id', 'email', 'phone', 'experience_years')),
    proposed_value TEXT,
    base_version   INTEGER NOT NULL CHECK (base_version >= 0),
    note           TEXT NOT NULL DEFAULT '',
    )sql" KOPRU_UID_COLUMN KOPRU_OWNER_COLUMN KOPRU_VERSION_COLUMNS ")",
            "CREATE INDEX proposal_teacher ON proposal(teacher_id)",

            // The national office's review list (docs/exchange.md, "Conflicts").
            // subject: what the conflict is about (national ID, tax number, session or
            // proposal uid); centres: the centres it concerns, ',3,5,'; detail: JSON.
            R"sql(CREATE TABLE review_item (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('duplicate_teacher', 'duplicate_partner', 'capacity', 'correction')),
    subject     TEXT NOT NULL CHECK (subject <> ''),
    centres     TEXT NOT NULL DEFAULT ',',
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution  TEXT NOT NULL DEFAULT ''
                CHECK (resolution IN ('', 'keep', 'merge', 'reject', 'keep_all', 'reject_placements', 'adopt', 'erased')),
    chosen_uid  TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '{}',
    resolved_at TEXT,
    resolved_by TEXT NOT NULL DEFAULT '',
    )sql" KOPRU_UID_COLUMN KOPRU_VERSION_COLUMNS R"sql(,
    UNIQUE (kind, subject)))sql",
            // Rows of a package held back by an open review item (at the national office
            // only; never sent): the package row as JSON, to be applied on resolution.
            R"sql(CREATE TABLE review_parked (
    review_id       INTEGER NOT NULL REFERENCES review_item(id) ON DELETE CASCADE,
    table_name      TEXT NOT NULL,
    uid             TEXT NOT NULL,
    owner_centre_id INTEGER REFERENCES centre(id),
    row_json        TEXT NOT NULL,
    PRIMARY KEY (review_id, table_name, uid)) WITHOUT ROWID)sql",
            "CREATE INDEX review_parked_uid ON review_parked(uid)",

            // The other databases this one exchanges with, and every package made or applied.
            R"sql(CREATE TABLE exchange_peer (
    id                 INTEGER PRIMARY KEY,
    role               TEXT NOT NULL CHECK (role IN ('national', 'centre')),
    centre_id          INTEGER REFERENCES centre(id),
    database_id        TEXT NOT NULL DEFAULT '',
    last_sent_seq      INTEGER NOT NULL DEFAULT 0,
    acked_seq          INTEGER NOT NULL DEFAULT 0,
    last_received_seq  INTEGER NOT NULL DEFAULT 0,
    last_received_sha  TEXT NOT NULL DEFAULT '',
    last_received_at   TEXT,
    CHECK ((role = 'centre') = (centre_id IS NOT NULL)),
    UNIQUE (role, centre_id)))sql",
            "CREATE UNIQUE INDEX exchange_peer_national ON exchange_peer(role) WHERE role = 'national'",
            R"sql(CREATE TABLE exchange_package (
    id            INTEGER PRIMARY KEY,
    direction     TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    peer_id       INTEGER NOT NULL REFERENCES exchange_peer(id) ON DELETE CASCADE,
    sequence      INTEGER NOT NULL CHECK (sequence >= 1),
    base_sequence INTEGER NOT NULL DEFAULT 0,
    ack_sequence  INTEGER NOT NULL DEFAULT 0,
    serial        INTEGER,
    full          INTEGER NOT NULL DEFAULT 0 CHECK (full IN (0, 1)),
    at            TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    file_name     TEXT NOT NULL DEFAULT '',
    content_sha   TEXT NOT NULL DEFAULT '',
    counts        TEXT NOT NULL DEFAULT '{}',
    UNIQUE (direction, peer_id, sequence)))sql",

            // ---- triggers: owner, version, tombstones (see the macros above) ----
            KOPRU_LABEL_TRIGGER("field"),
            KOPRU_CHANGED_TRIGGER("field", "code, name_tr, name_en",
                "NEW.code IS NOT OLD.code OR NEW.name_tr IS NOT OLD.name_tr OR NEW.name_en IS NOT OLD.name_en"),
            KOPRU_TOMBSTONE_TRIGGER("field", "NULL"),
            KOPRU_RESTORED_TRIGGER("field"),

            KOPRU_LABEL_TRIGGER("centre"),
            KOPRU_CHANGED_TRIGGER("centre", "name, province_id, district",
                "NEW.name IS NOT OLD.name OR NEW.province_id IS NOT OLD.province_id OR NEW.district IS NOT OLD.district"),
            KOPRU_TOMBSTONE_TRIGGER("centre", "NULL"),
            KOPRU_RESTORED_TRIGGER("centre"),
            KOPRU_LINK_TRIGGERS("centre_field", "centre", "centre_id", "NULL", "NULL"),

            KOPRU_OWNER_TRIGGER("school"),
            KOPRU_CHANGED_TRIGGER("school", "name, province_id, district",
                "NEW.name IS NOT OLD.name OR NEW.province_id IS NOT OLD.province_id OR NEW.district IS NOT OLD.district"),
            KOPRU_TOMBSTONE_TRIGGER("school", "OLD.owner_centre_id"),
            KOPRU_RESTORED_TRIGGER("school"),

            KOPRU_LABEL_TRIGGER("competency"),
            KOPRU_CHANGED_TRIGGER("competency", "field_id, code, title_tr, title_en, unit",
                "NEW.field_id IS NOT OLD.field_id OR NEW.code IS NOT OLD.code OR NEW.title_tr IS NOT OLD.title_tr "
                "OR NEW.title_en IS NOT OLD.title_en OR NEW.unit IS NOT OLD.unit"),
            KOPRU_TOMBSTONE_TRIGGER("competency", "NULL"),
            KOPRU_RESTORED_TRIGGER("competency"),

            KOPRU_OWNER_TRIGGER("teacher"),
            "CREATE TRIGGER teacher_record_made AFTER INSERT ON teacher WHEN NEW.record_modified_by = '' BEGIN "
            "UPDATE teacher SET record_modified_by = " KOPRU_LOCAL_LABEL " WHERE id = NEW.id; END",
            KOPRU_CHANGED_TRIGGER("teacher",
                "national_id, first_name, last_name, field_id, branch, school_id, province_id, centre_id, email, phone, "
                "experience_years",
                "NEW.national_id IS NOT OLD.national_id OR NEW.first_name IS NOT OLD.first_name OR NEW.last_name IS NOT "
                "OLD.last_name "
                "OR NEW.field_id IS NOT OLD.field_id OR NEW.branch IS NOT OLD.branch OR NEW.school_id IS NOT OLD.school_id "
                "OR NEW.province_id IS NOT OLD.province_id OR NEW.centre_id IS NOT OLD.centre_id OR NEW.email IS NOT OLD.email "
                "OR NEW.phone IS NOT OLD.phone OR NEW.experience_years IS NOT OLD.experience_years"),
            "CREATE TRIGGER teacher_record_changed AFTER UPDATE OF available_from, available_to, notes ON teacher "
            "WHEN NEW.record_version = OLD.record_version AND (NEW.available_from IS NOT OLD.available_from "
            "OR NEW.available_to IS NOT OLD.available_to OR NEW.notes IS NOT OLD.notes) BEGIN UPDATE teacher SET "
            "record_version = OLD.record_version + 1, record_modified_at = CURRENT_TIMESTAMP, record_modified_by "
            "= " KOPRU_LOCAL_LABEL ", change_serial = NULL WHERE id = NEW.id; END",
            KOPRU_TOMBSTONE_TRIGGER("teacher", "OLD.owner_centre_id"),
            KOPRU_RESTORED_TRIGGER("teacher"),
            // An erased person never comes back (KVKK).
            "CREATE TRIGGER teacher_not_erased BEFORE INSERT ON teacher WHEN EXISTS (SELECT 1 FROM tombstone "
            "WHERE table_name = 'teacher' AND uid = NEW.uid AND erased = 1) BEGIN "
            "SELECT RAISE(ABORT, 'this teacher was erased (KVKK) and cannot be added again with the same id'); END",

            "CREATE TRIGGER need_rating_changed AFTER UPDATE OF need, proficiency ON need_rating WHEN NEW.version = OLD.version "
            "AND (NEW.need IS NOT OLD.need OR NEW.proficiency IS NOT OLD.proficiency) BEGIN UPDATE need_rating SET "
            "version = OLD.version + 1, change_serial = NULL WHERE teacher_id = NEW.teacher_id AND competency_id = "
            "NEW.competency_id "
            "AND round = NEW.round; END",
            "CREATE TRIGGER need_rating_deleted AFTER DELETE ON need_rating WHEN " KOPRU_LOCAL_OWNER " IS NULL "
            "AND EXISTS (SELECT 1 FROM teacher WHERE id = OLD.teacher_id) BEGIN "
            "INSERT INTO tombstone(table_name, uid, owner_centre_id, version, deleted_at, deleted_by) VALUES ('need_rating', "
            "(SELECT uid FROM teacher WHERE id = OLD.teacher_id) || ':' || (SELECT uid FROM competency WHERE id = "
            "OLD.competency_id) "
            "|| ':' || OLD.round, NULL, OLD.version + 1, CURRENT_TIMESTAMP, " KOPRU_LOCAL_LABEL ") "
            "ON CONFLICT(table_name, uid) DO UPDATE SET version = max(tombstone.version, excluded.version), "
            "deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by, change_serial = NULL; END",
            "CREATE TRIGGER need_rating_restored AFTER INSERT ON need_rating WHEN EXISTS (SELECT 1 FROM tombstone WHERE "
            "table_name = 'need_rating' AND uid = (SELECT uid FROM teacher WHERE id = NEW.teacher_id) || ':' || "
            "(SELECT uid FROM competency WHERE id = NEW.competency_id) || ':' || NEW.round) BEGIN "
            "UPDATE need_rating SET version = max(NEW.version, (SELECT version FROM tombstone WHERE table_name = 'need_rating' "
            "AND "
            "uid = (SELECT uid FROM teacher WHERE id = NEW.teacher_id) || ':' || (SELECT uid FROM competency WHERE id = "
            "NEW.competency_id) || ':' || NEW.round) + 1), change_serial = NULL WHERE teacher_id = NEW.teacher_id AND "
            "competency_id = NEW.competency_id AND round = NEW.round; DELETE FROM tombstone WHERE table_name = 'need_rating' AND "
            "uid = (SELECT uid FROM teacher WHERE id = NEW.teacher_id) || ':' || (SELECT uid FROM competency WHERE id = "
            "NEW.competency_id) || ':' || NEW.round; END",

            KOPRU_OWNER_TRIGGER("partner"),
            KOPRU_CHANGED_TRIGGER("partner",
                "name, tax_number, sector, province_id, district, address, contact_person, phone, email, protocol_date, active",
                "NEW.name IS NOT OLD.name OR NEW.tax_number IS NOT OLD.tax_number OR NEW.sector IS NOT OLD.sector "
                "OR NEW.province_id IS NOT OLD.province_id OR NEW.district IS NOT OLD.district OR NEW.address IS NOT OLD.address "
                "OR NEW.contact_person IS NOT OLD.contact_person OR NEW.phone IS NOT OLD.phone OR NEW.email IS NOT OLD.email "
                "OR NEW.protocol_date IS NOT OLD.protocol_date OR NEW.active IS NOT OLD.active"),
            KOPRU_TOMBSTONE_TRIGGER("partner", "OLD.owner_centre_id"),
            KOPRU_RESTORED_TRIGGER("partner"),
            KOPRU_LINK_TRIGGERS("partner_competency", "partner", "partner_id",
                "(SELECT owner_centre_id FROM partner WHERE id = NEW.partner_id)",
                "(SELECT owner_centre_id FROM partner WHERE id = OLD.partner_id)"),

            KOPRU_OWNER_TRIGGER("training_session"),
            KOPRU_CHANGED_TRIGGER("training_session", "partner_id, field_id, start_date, end_date, hours, capacity",
                "NEW.partner_id IS NOT OLD.partner_id OR NEW.field_id IS NOT OLD.field_id OR NEW.start_date IS NOT "
                "OLD.start_date "
                "OR NEW.end_date IS NOT OLD.end_date OR NEW.hours IS NOT OLD.hours OR NEW.capacity IS NOT OLD.capacity"),
            KOPRU_TOMBSTONE_TRIGGER("training_session", "OLD.owner_centre_id"),
            KOPRU_RESTORED_TRIGGER("training_session"),
            KOPRU_LINK_TRIGGERS("session_competency", "training_session", "session_id",
                "(SELECT owner_centre_id FROM training_session WHERE id = NEW.session_id)",
                "(SELECT owner_centre_id FROM training_session WHERE id = OLD.session_id)"),

            KOPRU_OWNER_TRIGGER("placement"),
            KOPRU_CHANGED_TRIGGER("placement", "teacher_id, session_id, status, locked, score, reason",
                "NEW.teacher_id IS NOT OLD.teacher_id OR NEW.session_id IS NOT OLD.session_id OR NEW.status IS NOT OLD.status "
                "OR NEW.locked IS NOT OLD.locked OR NEW.score IS NOT OLD.score OR NEW.reason IS NOT OLD.reason"),
            KOPRU_TOMBSTONE_TRIGGER("placement", "OLD.owner_centre_id"),
            KOPRU_RESTORED_TRIGGER("placement"),

            "CREATE TRIGGER plan_decision_made AFTER INSERT ON plan_decision WHEN NEW.modified_by = '' BEGIN "
            "UPDATE plan_decision SET modified_by = " KOPRU_LOCAL_LABEL " WHERE placement_id = NEW.placement_id; END",
            "CREATE TRIGGER plan_decision_changed AFTER UPDATE OF decision, note ON plan_decision WHEN NEW.version = OLD.version "
            "AND (NEW.decision IS NOT OLD.decision OR NEW.note IS NOT OLD.note) BEGIN UPDATE plan_decision SET "
            "version = OLD.version + 1, modified_at = CURRENT_TIMESTAMP, modified_by = " KOPRU_LOCAL_LABEL
            ", change_serial = NULL "
            "WHERE placement_id = NEW.placement_id; END",
            "CREATE TRIGGER plan_decision_deleted AFTER DELETE ON plan_decision WHEN " KOPRU_LOCAL_OWNER " IS NULL "
            "AND EXISTS (SELECT 1 FROM placement WHERE id = OLD.placement_id) BEGIN "
            "INSERT INTO tombstone(table_name, uid, owner_centre_id, version, deleted_at, deleted_by) VALUES ('plan_decision', "
            "(SELECT uid FROM placement WHERE id = OLD.placement_id), NULL, OLD.version + 1, "
            "CURRENT_TIMESTAMP, " KOPRU_LOCAL_LABEL ") "
            "ON CONFLICT(table_name, uid) DO UPDATE SET version = max(tombstone.version, excluded.version), "
            "deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by, change_serial = NULL; END",
            "CREATE TRIGGER plan_decision_restored AFTER INSERT ON plan_decision WHEN EXISTS (SELECT 1 FROM tombstone WHERE "
            "table_name = 'plan_decision' AND uid = (SELECT uid FROM placement WHERE id = NEW.placement_id)) BEGIN "
            "UPDATE plan_decision SET version = max(NEW.version, (SELECT version FROM tombstone WHERE table_name = "
            "'plan_decision' "
            "AND uid = (SELECT uid FROM placement WHERE id = NEW.placement_id)) + 1), change_serial = NULL "
            "WHERE placement_id = NEW.placement_id; DELETE FROM tombstone WHERE table_name = 'plan_decision' AND "
            "uid = (SELECT uid FROM placement WHERE id = NEW.placement_id); END",

            KOPRU_OWNER_TRIGGER("proposal"),
            KOPRU_CHANGED_TRIGGER("proposal", "teacher_id, column_name, proposed_value, base_version, note",
                "NEW.teacher_id IS NOT OLD.teacher_id OR NEW.column_name IS NOT OLD.column_name "
                "OR NEW.proposed_value IS NOT OLD.proposed_value OR NEW.base_version IS NOT OLD.base_version OR NEW.note IS NOT "
                "OLD.note"),
            KOPRU_TOMBSTONE_TRIGGER("proposal", "OLD.owner_centre_id"),
            KOPRU_RESTORED_TRIGGER("proposal"),

            KOPRU_LABEL_TRIGGER("review_item"),
            KOPRU_CHANGED_TRIGGER("review_item", "centres, status, resolution, chosen_uid, detail, resolved_at, resolved_by",
                "NEW.centres IS NOT OLD.centres OR NEW.status IS NOT OLD.status OR NEW.resolution IS NOT OLD.resolution "
                "OR NEW.chosen_uid IS NOT OLD.chosen_uid OR NEW.detail IS NOT OLD.detail"),

            KOPRU_LABEL_TRIGGER("uid_alias"),
            KOPRU_TOMBSTONE_TRIGGER("uid_alias", "NULL"),
            KOPRU_RESTORED_TRIGGER("uid_alias"),
        },
        /*rebuildsTables=*/true, &assignNameBasedIds };
}

} // namespace kopru::Schema
