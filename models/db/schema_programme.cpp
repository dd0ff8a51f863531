// SPDX-License-Identifier: GPL-3.0-or-later
// The schema step of the training follow-through (issue #15, docs/quality.md):
// a placement's outcome (completion date, cancellation reason), attendance
// per day, evaluations of both kinds with configurable items, the certificate
// register, and the anonymous counts a KVKK erasure leaves behind. A released
// step once merged: never edit it, add a new one.
//
// Attendance, evaluation answers and the certificate are parts of their
// placement, like a partner's competencies are parts of the partner: their
// key is the placement's, they go with it (ON DELETE CASCADE, so also with a
// KVKK erasure of the teacher) and a change raises the placement's version
// when the database owns the placement (docs/exchange.md, "Versions").
#include "models/db/schema.h"
#include "models/db/schemamacros.h"

namespace kopru::Schema {

namespace {

// Whether the placement P (an expression of its id) is the database's own.
#define KOPRU_PLACEMENT_OWNER(P) "(SELECT owner_centre_id FROM placement WHERE id = " P ")"
// A change of the content of a part raises its placement's version.
#define KOPRU_PART_CHANGED_TRIGGER(T, COLUMNS, DIFFERS)                                                                          \
    "CREATE TRIGGER " T "_changed AFTER UPDATE OF " COLUMNS " ON " T                                                             \
    " WHEN " KOPRU_PLACEMENT_OWNER("NEW.placement_id") " IS " KOPRU_LOCAL_OWNER " AND (" DIFFERS                                 \
                                                       ") BEGIN UPDATE placement SET version = version + 1, "                    \
                                                       "modified_at = CURRENT_TIMESTAMP, modified_by = " KOPRU_LOCAL_LABEL       \
                                                       ", change_serial = NULL WHERE id = NEW.placement_id; END"

} // namespace

Step programmeStep(int toVersion)
{
    return Step { toVersion,
        {
            // ---- the outcome of a placement ----
            // cancel_reason only on a cancelled placement, completed_on only on a
            // completed one; NULL = not recorded (placements cancelled before v5).
            "ALTER TABLE placement ADD COLUMN cancel_reason TEXT CHECK (cancel_reason IS NULL OR (cancel_reason IN "
            "('illness', 'withdrew', 'partner_cancelled', 'other') AND status = 'cancelled'))",
            "ALTER TABLE placement ADD COLUMN completed_on TEXT CHECK (completed_on IS NULL OR (date(completed_on) IS "
            "completed_on AND status = 'completed'))",
            // The outcome is content of the placement: it raises the version.
            "DROP TRIGGER placement_changed",
            KOPRU_CHANGED_TRIGGER("placement",
                "teacher_id, session_id, status, locked, score, reason, cancel_reason, completed_on",
                "NEW.teacher_id IS NOT OLD.teacher_id OR NEW.session_id IS NOT OLD.session_id OR NEW.status IS NOT OLD.status "
                "OR NEW.locked IS NOT OLD.locked OR NEW.score IS NOT OLD.score OR NEW.reason IS NOT OLD.reason "
                "OR NEW.cancel_reason IS NOT OLD.cancel_reason OR NEW.completed_on IS NOT OLD.completed_on"),

            // ---- attendance: one row per training day recorded ----
            // hours: hours attended that day (0 = absent the whole day); absence: why
            // hours were missed (NULL = none missed, or no reason given).
            R"sql(CREATE TABLE attendance (
    placement_id INTEGER NOT NULL REFERENCES placement(id) ON DELETE CASCADE,
    day          TEXT NOT NULL CHECK (date(day) IS day),
    hours        REAL NOT NULL CHECK (hours BETWEEN 0 AND 24),
    absence      TEXT CHECK (absence IN ('illness', 'excused', 'unexcused', 'partner', 'other')),
    PRIMARY KEY (placement_id, day)) WITHOUT ROWID)sql",
            // A day of attendance lies within the placement's session.
            "CREATE TRIGGER attendance_in_session BEFORE INSERT ON attendance WHEN NEW.day < (SELECT s.start_date FROM "
            "training_session s JOIN placement p ON p.session_id = s.id WHERE p.id = NEW.placement_id) OR NEW.day > (SELECT "
            "s.end_date FROM training_session s JOIN placement p ON p.session_id = s.id WHERE p.id = NEW.placement_id) "
            "BEGIN SELECT RAISE(ABORT, 'attendance: the day is outside the training session'); END",
            KOPRU_LINK_TRIGGERS("attendance", "placement", "placement_id", KOPRU_PLACEMENT_OWNER("NEW.placement_id"),
                KOPRU_PLACEMENT_OWNER("OLD.placement_id")),
            KOPRU_PART_CHANGED_TRIGGER(
                "attendance", "hours, absence", "NEW.hours IS NOT OLD.hours OR NEW.absence IS NOT OLD.absence"),

            // ---- evaluations ----
            // The questionnaire items, owned by the national office: kind 'training' =
            // the teacher's evaluation of the training, 'teacher' = the partner's
            // evaluation of the teacher. Items are retired (active = 0), never deleted
            // once answered.
            R"sql(CREATE TABLE evaluation_item (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('training', 'teacher')),
    code     TEXT NOT NULL CHECK (code <> ''),
    text_tr  TEXT NOT NULL CHECK (text_tr <> ''),
    text_en  TEXT NOT NULL CHECK (text_en <> ''),
    sort_order INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (kind, code)))sql",
            R"sql(INSERT INTO evaluation_item(id, kind, code, sort_order, text_tr, text_en) VALUES
    (1, 'training', 'T1', 1, 'Eğitim, mesleki ihtiyaçlarımı karşıladı.', 'The training met my professional needs.'),
    (2, 'training', 'T2', 2, 'Öğrendiklerimi derslerimde kullanabilirim.', 'I can use what I learned in my lessons.'),
    (3, 'training', 'T3', 3, 'İşletmedeki eğitici konusuna hâkimdi ve yardımcı oldu.', 'The trainer at the company knew the subject and helped me.'),
    (4, 'training', 'T4', 4, 'Eğitimin düzenlenmesi (takvim, yer, donanım) iyiydi.', 'The organisation (schedule, place, equipment) was good.'),
    (5, 'training', 'T5', 5, 'Bu eğitimi meslektaşlarıma öneririm.', 'I would recommend this training to my colleagues.'),
    (6, 'teacher', 'P1', 1, 'Öğretmen eğitime düzenli ve zamanında katıldı.', 'The teacher attended regularly and on time.'),
    (7, 'teacher', 'P2', 2, 'Öğretmen istekliydi ve etkin katıldı.', 'The teacher was motivated and took an active part.'),
    (8, 'teacher', 'P3', 3, 'Öğretmen hedeflenen yeterlikleri kazandı.', 'The teacher gained the targeted competencies.'),
    (9, 'teacher', 'P4', 4, 'Öğretmen iş sağlığı ve güvenliği kurallarına uydu.', 'The teacher followed the occupational health and safety rules.'),
    (10, 'teacher', 'P5', 5, 'Öğretmen ekiple iyi iletişim kurdu.', 'The teacher communicated well with the team.'))sql",
            // One answer per placement and item: 1-5, NULL = not applicable.
            R"sql(CREATE TABLE evaluation_answer (
    placement_id INTEGER NOT NULL REFERENCES placement(id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES evaluation_item(id) ON DELETE RESTRICT,
    score        INTEGER CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (placement_id, item_id)) WITHOUT ROWID)sql",
            "CREATE INDEX evaluation_answer_item ON evaluation_answer(item_id)",
            KOPRU_LINK_TRIGGERS("evaluation_answer", "placement", "placement_id", KOPRU_PLACEMENT_OWNER("NEW.placement_id"),
                KOPRU_PLACEMENT_OWNER("OLD.placement_id")),
            KOPRU_PART_CHANGED_TRIGGER("evaluation_answer", "score", "NEW.score IS NOT OLD.score"),

            // ---- the certificate register ----
            // One certificate per completed placement. The number is given once and
            // kept on every re-issue (issued_at and issue_count change).
            R"sql(CREATE TABLE certificate (
    placement_id      INTEGER PRIMARY KEY REFERENCES placement(id) ON DELETE CASCADE,
    number            TEXT NOT NULL UNIQUE CHECK (number <> ''),
    verification_code TEXT NOT NULL UNIQUE CHECK (length(verification_code) >= 8),
    first_issued_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    issued_at         TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    issue_count       INTEGER NOT NULL DEFAULT 1 CHECK (issue_count >= 1)))sql",
            "CREATE TRIGGER certificate_completed BEFORE INSERT ON certificate WHEN (SELECT status FROM placement WHERE id = "
            "NEW.placement_id) IS NOT 'completed' BEGIN SELECT RAISE(ABORT, 'certificate: the placement is not completed'); "
            "END",
            "CREATE TRIGGER certificate_number_kept BEFORE UPDATE OF number, verification_code, first_issued_at ON certificate "
            "WHEN NEW.number IS NOT OLD.number OR NEW.verification_code IS NOT OLD.verification_code OR NEW.first_issued_at "
            "IS NOT OLD.first_issued_at BEGIN SELECT RAISE(ABORT, 'certificate: the number and the verification code never "
            "change'); END",
            KOPRU_LINK_TRIGGERS("certificate", "placement", "placement_id", KOPRU_PLACEMENT_OWNER("NEW.placement_id"),
                KOPRU_PLACEMENT_OWNER("OLD.placement_id")),
            KOPRU_PART_CHANGED_TRIGGER("certificate", "issued_at, issue_count",
                "NEW.issued_at IS NOT OLD.issued_at OR NEW.issue_count IS NOT OLD.issue_count"),

            // ---- what a KVKK erasure leaves: anonymous counts (local, never sent) ----
            // One row per erased teacher: where they were counted, and whether they
            // answered the needs survey (round 1) and the second round.
            R"sql(CREATE TABLE erased_teacher (
    id          INTEGER PRIMARY KEY,
    centre_id   INTEGER REFERENCES centre(id) ON DELETE SET NULL,
    field_id    INTEGER REFERENCES field(id) ON DELETE SET NULL,
    province_id INTEGER REFERENCES province(id) ON DELETE SET NULL,
    surveyed    INTEGER NOT NULL DEFAULT 0 CHECK (surveyed IN (0, 1)),
    resurveyed  INTEGER NOT NULL DEFAULT 0 CHECK (resurveyed IN (0, 1))))sql",
            // One row per placement of an erased teacher, with its attendance and
            // evaluations summed: no date, no name, no id of the person.
            R"sql(CREATE TABLE erased_placement (
    id               INTEGER PRIMARY KEY,
    erased_teacher_id INTEGER NOT NULL REFERENCES erased_teacher(id) ON DELETE CASCADE,
    partner_id       INTEGER REFERENCES partner(id) ON DELETE SET NULL,
    status           TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'completed', 'cancelled')),
    cancel_reason    TEXT CHECK (cancel_reason IN ('illness', 'withdrew', 'partner_cancelled', 'other')),
    hours_planned    REAL NOT NULL DEFAULT 0 CHECK (hours_planned >= 0),
    hours_attended   REAL CHECK (hours_attended >= 0),
    training_answers INTEGER NOT NULL DEFAULT 0 CHECK (training_answers >= 0),
    training_sum     INTEGER NOT NULL DEFAULT 0 CHECK (training_sum >= 0),
    teacher_answers  INTEGER NOT NULL DEFAULT 0 CHECK (teacher_answers >= 0),
    teacher_sum      INTEGER NOT NULL DEFAULT 0 CHECK (teacher_sum >= 0),
    certified        INTEGER NOT NULL DEFAULT 0 CHECK (certified IN (0, 1))))sql",
        } };
}

} // namespace kopru::Schema
