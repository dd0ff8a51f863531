// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL pieces the schema steps share (docs/exchange.md): global ids, owners,
// versions, change marks and tombstones of travelling tables. Included by the
// schema step files (models/db/schema*.cpp) and by SqlDialect, which
// translates KOPRU_LOCAL_LABEL for a server (SqlDialect::changeLabel); the
// macros expand to string literals, so a step written with them is fixed at
// compile time.
#pragma once

// A version 4 UUID from SQLite's random generator.
#define KOPRU_UUID_SQL                                                                                                           \
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' "     \
    "|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"
// The local owner: the centre's id for a centre database, NULL for the national office.
#define KOPRU_LOCAL_OWNER "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'centre_id')"
// Each session's placements that hold a place (every one but the cancelled):
// a table of (session_id, placed), for the over-capacity rule of the
// integrity check and the planning page's conflicts. Counting first and
// joining the sessions after costs a third of grouping the joined rows
// (issue #16).
#define KOPRU_PLACED_PER_SESSION                                                                                                 \
    "(SELECT session_id, count(*) AS placed FROM placement WHERE status <> 'cancelled' GROUP BY session_id)"
// Where a change is made: 'centre:N' or 'national' (on a server followed by
// the login, see SqlDialect::changeLabel).
#define KOPRU_LOCAL_LABEL "coalesce((SELECT 'centre:' || value FROM meta WHERE key = 'centre_id'), 'national')"
// Columns every travelling entity table has. owner_centre_id -1 = "not given":
// the insert trigger replaces it with the local owner within the statement.
#define KOPRU_UID_COLUMN "uid TEXT NOT NULL UNIQUE DEFAULT " KOPRU_UUID_SQL " CHECK (length(uid) = 36),"
#define KOPRU_VERSION_COLUMNS                                                                                                    \
    "version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 0),"                                                                   \
    "modified_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"                                                                       \
    "modified_by TEXT NOT NULL DEFAULT '',"                                                                                      \
    "change_serial INTEGER"
#define KOPRU_OWNER_COLUMN "owner_centre_id INTEGER DEFAULT -1 REFERENCES centre(id),"

// Triggers of an entity table T with content columns C (see docs/exchange.md,
// "Versions and change marks" and "Deletions").
#define KOPRU_OWNER_TRIGGER(T)                                                                                                   \
    "CREATE TRIGGER " T "_owner AFTER INSERT ON " T " WHEN NEW.owner_centre_id = -1 BEGIN "                                      \
    "UPDATE " T " SET owner_centre_id = " KOPRU_LOCAL_OWNER ", modified_by = " KOPRU_LOCAL_LABEL " WHERE id = NEW.id; END"
#define KOPRU_LABEL_TRIGGER(T)                                                                                                   \
    "CREATE TRIGGER " T "_made AFTER INSERT ON " T " WHEN NEW.modified_by = '' BEGIN "                                           \
    "UPDATE " T " SET modified_by = " KOPRU_LOCAL_LABEL " WHERE id = NEW.id; END"
#define KOPRU_CHANGED_TRIGGER(T, COLUMNS, DIFFERS)                                                                               \
    "CREATE TRIGGER " T "_changed AFTER UPDATE OF " COLUMNS " ON " T " WHEN NEW.version = OLD.version AND (" DIFFERS ") "        \
    "BEGIN UPDATE " T " SET version = OLD.version + 1, modified_at = CURRENT_TIMESTAMP, modified_by = " KOPRU_LOCAL_LABEL        \
    ", change_serial = NULL WHERE id = NEW.id; END"
#define KOPRU_TOMBSTONE_TRIGGER(T, OWNER)                                                                                        \
    "CREATE TRIGGER " T "_deleted AFTER DELETE ON " T " WHEN " OWNER " IS " KOPRU_LOCAL_OWNER " BEGIN "                          \
    "INSERT INTO tombstone(table_name, uid, owner_centre_id, version, deleted_at, deleted_by) VALUES ('" T "', OLD.uid, " OWNER  \
    ", OLD.version + 1, CURRENT_TIMESTAMP, " KOPRU_LOCAL_LABEL ") "                                                              \
    "ON CONFLICT(table_name, uid) DO UPDATE SET version = max(tombstone.version, excluded.version), "                            \
    "deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by, change_serial = NULL; END"
#define KOPRU_RESTORED_TRIGGER(T)                                                                                                \
    "CREATE TRIGGER " T "_restored AFTER INSERT ON " T " WHEN EXISTS (SELECT 1 FROM tombstone WHERE table_name = '" T            \
    "' AND uid = NEW.uid) BEGIN UPDATE " T " SET version = max(NEW.version, (SELECT version FROM tombstone WHERE "               \
    "table_name = '" T "' AND uid = NEW.uid) + 1), change_serial = NULL WHERE id = NEW.id; "                                     \
    "DELETE FROM tombstone WHERE table_name = '" T "' AND uid = NEW.uid; END"
// A list that travels with its parent P (link table L, column K): a change
// raises the parent's version when the parent is the database's own (the
// owner of the parent row is OWNER_NEW / OWNER_OLD).
#define KOPRU_LINK_TRIGGERS(L, P, K, OWNER_NEW, OWNER_OLD)                                                                       \
    "CREATE TRIGGER " L "_added AFTER INSERT ON " L " WHEN " OWNER_NEW " IS " KOPRU_LOCAL_OWNER " BEGIN UPDATE " P               \
    " SET version = version + 1, modified_at = CURRENT_TIMESTAMP, modified_by = " KOPRU_LOCAL_LABEL                              \
    ", change_serial = NULL WHERE id = NEW." K "; END",                                                                          \
        "CREATE TRIGGER " L "_removed AFTER DELETE ON " L " WHEN " OWNER_OLD " IS " KOPRU_LOCAL_OWNER " BEGIN UPDATE " P         \
        " SET version = version + 1, modified_at = CURRENT_TIMESTAMP, modified_by = " KOPRU_LOCAL_LABEL                          \
        ", change_serial = NULL WHERE id = OLD." K "; END"
