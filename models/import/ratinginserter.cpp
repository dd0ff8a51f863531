// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/ratinginserter.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QStringList>
#include <atomic>
#include <limits>

namespace kopru {

namespace {

// Rows per block statement. One statement per rating costs more in Qt's
// driver than SQLite needs to store it; binding is what the driver spends
// most on (it formats a placeholder name for every value), so when the
// numbers allow a rating travels as one integer that SQLite takes apart
// again (pack()): one bound value per rating instead of five.
constexpr int kBlock = 500;
constexpr int kPlainBlock = 100;

// A new rating as one integer: bits 0-2 need, 3-5 proficiency (0 = NULL),
// then the round, the competency id and the teacher id. Ratings whose
// numbers do not fit are written as five values instead.
constexpr int kRoundShift = 6, kRoundBits = 7;
constexpr int kCompetencyShift = kRoundShift + kRoundBits, kCompetencyBits = 24;
constexpr int kTeacherShift = kCompetencyShift + kCompetencyBits, kTeacherBits = 63 - kTeacherShift;

bool packable(const RatingInserter::Row &r)
{
    return r.teacher >= 0 && r.teacher < (qint64(1) << kTeacherBits) && r.competency >= 0
        && r.competency < (qint64(1) << kCompetencyBits) && r.round >= 0 && r.round < (1 << kRoundBits) && r.need >= 0
        && r.need <= 7 && r.proficiency >= 0 && r.proficiency <= 7;
}

qint64 pack(const RatingInserter::Row &r)
{
    return (r.teacher << kTeacherShift) | (r.competency << kCompetencyShift) | (qint64(r.round) << kRoundShift)
        | (qint64(r.proficiency) << 3) | qint64(r.need);
}

QVariant level(int value)
{
    return value == 0 ? QVariant() : QVariant(value);
}

// A field id no row has: NULL, or no such row.
constexpr qint64 kNoField = std::numeric_limits<qint64>::min();

std::atomic<int> s_keepTriggers { 0 };

const QString kInsert = QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need, proficiency) ");

} // namespace

RatingInserter::KeepTriggers::KeepTriggers()
{
    ++s_keepTriggers;
}

RatingInserter::KeepTriggers::~KeepTriggers()
{
    --s_keepTriggers;
}

RatingInserter::RatingInserter(QSqlDatabase db)
    : m_db(db)
    , m_single(db)
    , m_block(db)
    , m_packedBlock(db)
    , m_paused(db)
{ }

Status RatingInserter::begin(qint64 expected, qint64 existing)
{
    if (Status s = Sql::prepare(m_single, kInsert + QStringLiteral("VALUES (?, ?, ?, ?, ?)")); !s)
        return s;
    QStringList rows;
    for (int i = 0; i < kPlainBlock; ++i)
        rows << QStringLiteral("(?, ?, ?, ?, ?)");
    if (Status s = Sql::prepare(m_block, kInsert + QStringLiteral("VALUES ") + rows.join(QLatin1Char(','))); !s)
        return s;
    rows.clear();
    // The first value typed: a server types the others after it (they would
    // be text otherwise); SQLite takes the cast as it is.
    rows << QStringLiteral("(CAST(? AS BIGINT))");
    for (int i = 1; i < kBlock; ++i)
        rows << QStringLiteral("(?)");
    if (Status s = Sql::prepare(m_packedBlock,
            kInsert
                + QStringLiteral("SELECT column1 >> %1, (column1 >> %2) & %3, (column1 >> %4) & %5, "
                                 "nullif(column1 & 7, 0), nullif((column1 >> 3) & 7, 0) FROM (VALUES %6) AS v")
                      .arg(kTeacherShift)
                      .arg(kCompetencyShift)
                      .arg((qint64(1) << kCompetencyBits) - 1)
                      .arg(kRoundShift)
                      .arg((1 << kRoundBits) - 1)
                      .arg(rows.join(QLatin1Char(','))));
        !s)
        return s;
    m_pending.reserve(kBlock);
    // A bulk load (more new ratings than the table holds, e.g. a whole
    // national survey) drops the table's secondary indexes and builds them
    // again in finish(): sorting once costs less than hundreds of thousands
    // of inserts at random places. The SQL that made each index is run again
    // as it is, inside the caller's transaction, so a failed or cancelled
    // write rolls the drop back too.
    // Not on a server (SqlDialect::pausesSchemaForBulkLoads).
    if (expected < 10000 || expected <= existing || !SqlDialect::pausesSchemaForBulkLoads(SqlDialect::backendOf(m_db)))
        return {};
    if (Status s = m_paused.drop(QStringLiteral("index"), QStringLiteral("need_rating")); !s)
        return s;
    if (s_keepTriggers.load() > 0)
        return {};
    return pauseTriggers();
}

Status RatingInserter::pauseTriggers()
{
    // The row triggers cost more than the insert itself: at 3.2 million
    // ratings 8.4 of 18 s CPU (SQLite 3.40 on this machine, the import's
    // statements without Qt): each runs a small program with its look-ups
    // per row. Done here once, their effect is the same.
    const QString table = QStringLiteral("need_rating");
    const QString sameField = QStringLiteral("need_rating_same_field");
    const QString restored = QStringLiteral("need_rating_restored");
    if (Status s = m_paused.drop(QStringLiteral("trigger"), table, { sameField }); !s)
        return s;
    if (m_paused.holds(sameField)) {
        m_checkingField = true;
        const auto load = [&](const QString &sql, QHash<qint64, qint64> &into) {
            return Sql::forEachRow(m_db, sql, [&](const QSqlQuery &q) {
                into.insert(q.value(0).toLongLong(), q.value(1).isNull() ? kNoField : q.value(1).toLongLong());
            });
        };
        if (Status s = load(QStringLiteral("SELECT id, field_id FROM teacher"), m_teacherField); !s)
            return s;
        if (Status s = load(QStringLiteral("SELECT id, field_id FROM competency"), m_competencyField); !s)
            return s;
    }
    // need_rating_restored fires only for a rating with a tombstone (one
    // deleted before, docs/exchange.md); with none, it cannot fire.
    const auto hasRestored = Sql::scalar(m_db,
        QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name = ?"),
        { table, restored });
    if (!hasRestored)
        return hasRestored.error();
    if (hasRestored.value().toInt() == 0)
        return {};
    const auto tombstones
        = Sql::scalar(m_db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM tombstone WHERE table_name = ?)"), { table });
    if (!tombstones)
        return tombstones.error();
    if (tombstones.value().toInt() != 0)
        return {};
    return m_paused.drop(QStringLiteral("trigger"), table, { restored });
}

bool RatingInserter::sameField(const Row &row)
{
    // As the trigger compares: (teacher's field) IS NOT (competency's field),
    // a missing row or a NULL field being NULL.
    if (row.teacher != m_lastTeacher) {
        m_lastTeacher = row.teacher;
        m_lastTeacherField = m_teacherField.value(row.teacher, kNoField);
    }
    return m_lastTeacherField == m_competencyField.value(row.competency, kNoField);
}

Status RatingInserter::add(const Row &row)
{
    // A rating the paused trigger would refuse: the trigger comes back
    // before the rating is written, and refuses it itself.
    if (m_checkingField && !sameField(row)) {
        if (Status s = m_paused.restore(QStringLiteral("trigger")); !s)
            return s;
        m_checkingField = false;
        m_teacherField.clear();
        m_competencyField.clear();
    }
    m_pending.push_back(row);
    m_packable = m_packable && packable(row);
    if (int(m_pending.size()) == (m_packable ? kBlock : kPlainBlock))
        return flushBlock();
    return {};
}

Status RatingInserter::flushBlock()
{
    // A failed statement changes nothing: then one by one, so that the error
    // names the line of the rating that caused it. The savepoint keeps the
    // transaction usable after the failure (a server aborts the whole
    // transaction otherwise).
    if (Status s = Sql::exec(m_db, QStringLiteral("SAVEPOINT rating_block")); !s)
        return s;
    if (Status s = write(m_packable ? m_packedBlock : m_block, m_packable); !s) {
        if (Status back = Sql::exec(m_db, QStringLiteral("ROLLBACK TO rating_block")); !back)
            return back;
        if (Status released = Sql::exec(m_db, QStringLiteral("RELEASE rating_block")); !released)
            return released;
        return flushSingly();
    }
    if (Status s = Sql::exec(m_db, QStringLiteral("RELEASE rating_block")); !s)
        return s;
    m_pending.clear();
    m_packable = true;
    return {};
}

Status RatingInserter::flushSingly()
{
    std::vector<Row> rows;
    rows.swap(m_pending);
    for (const Row &r : rows) {
        m_pending.assign(1, r);
        if (Status s = write(m_single, false); !s)
            return s;
    }
    m_pending.clear();
    m_packable = true;
    return {};
}

Status RatingInserter::write(QSqlQuery &q, bool packed)
{
    int i = 0;
    for (const Row &r : m_pending) {
        if (packed) {
            q.bindValue(i++, pack(r));
            continue;
        }
        q.bindValue(i++, r.teacher);
        q.bindValue(i++, r.competency);
        q.bindValue(i++, r.round);
        q.bindValue(i++, level(r.need));
        q.bindValue(i++, level(r.proficiency));
    }
    if (!q.exec())
        return Sql::rowError(q, m_pending.front().line);
    return {};
}

Status RatingInserter::finish()
{
    if (Status s = flushSingly(); !s)
        return s;
    m_checkingField = false;
    m_teacherField.clear();
    m_competencyField.clear();
    return m_paused.restore();
}

} // namespace kopru
