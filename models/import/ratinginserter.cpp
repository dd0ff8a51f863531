// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/ratinginserter.h"

#include "models/db/pragmascope.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QSqlError>
#include <QStringList>
#include <atomic>
#include <charconv>
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
// On SQLite the packed ratings of a block travel as one text, a JSON array
// that json_each() takes apart: one bound value per block instead of one per
// rating (binding cost 12 % of the 100,000-teacher survey's import through
// Qt's driver, which looks every value's placeholder up by a formatted name).
constexpr int kJsonBlock = 8192;
// The page cache while the indexes are built again (finish()).
constexpr int kSortRunKiB = 2048;

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

// The columns of need_rating from a packed rating named `v`.
QString unpacked(const QString &v)
{
    return QStringLiteral("%1 >> %2, (%1 >> %3) & %4, (%1 >> %5) & %6, nullif(%1 & 7, 0), nullif((%1 >> 3) & 7, 0)")
        .arg(v)
        .arg(kTeacherShift)
        .arg(kCompetencyShift)
        .arg((qint64(1) << kCompetencyBits) - 1)
        .arg(kRoundShift)
        .arg((1 << kRoundBits) - 1);
}

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
    , m_jsonBlock(db)
    , m_paused(db)
    , m_fieldOfTeacher(db)
    , m_fieldOfCompetency(db)
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
                + QStringLiteral("SELECT %1 FROM (VALUES %2) AS v")
                      .arg(unpacked(QStringLiteral("column1")), rows.join(QLatin1Char(','))));
        !s)
        return s;
    const SqlDialect::Backend backend = SqlDialect::backendOf(m_db);
    if (SqlDialect::hasPragmas(backend)) {
        // An SQLite built without JSON cannot prepare this: then the blocks
        // of bound values above do the work.
        m_json
            = m_jsonBlock.prepare(kInsert + QStringLiteral("SELECT %1 FROM json_each(?)").arg(unpacked(QStringLiteral("value"))));
        const auto keys = Sql::scalar(m_db, QStringLiteral("PRAGMA foreign_keys"));
        if (!keys)
            return keys.error();
        m_checkingKeys = keys.value().toInt() == 0;
        if (m_checkingKeys) {
            if (Status s = loadFields(); !s)
                return s;
        }
    }
    m_pending.reserve(m_json ? kJsonBlock : kBlock);
    // A bulk load (more new ratings than the table holds, e.g. a whole
    // national survey) drops the table's secondary indexes and builds them
    // again in finish(): sorting once costs less than hundreds of thousands
    // of inserts at random places. The SQL that made each index is run again
    // as it is, inside the caller's transaction, so a failed or cancelled
    // write rolls the drop back too.
    // Not on a server (SqlDialect::pausesSchemaForBulkLoads).
    if (expected < 10000 || expected <= existing || !SqlDialect::pausesSchemaForBulkLoads(backend))
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
        if (Status s = loadFields(); !s)
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

Status RatingInserter::loadFields()
{
    if (!m_teacherField.isEmpty() || !m_competencyField.isEmpty())
        return {};
    if (Status s = Sql::prepare(m_fieldOfTeacher, QStringLiteral("SELECT field_id FROM teacher WHERE id = ?")); !s)
        return s;
    if (Status s = Sql::prepare(m_fieldOfCompetency, QStringLiteral("SELECT field_id FROM competency WHERE id = ?")); !s)
        return s;
    const auto load = [&](const QString &sql, QHash<qint64, qint64> &into) {
        return Sql::forEachRow(m_db, sql, [&](const QSqlQuery &q) {
            into.insert(q.value(0).toLongLong(), q.value(1).isNull() ? kNoField : q.value(1).toLongLong());
        });
    };
    if (Status s = load(QStringLiteral("SELECT id, field_id FROM teacher"), m_teacherField); !s)
        return s;
    return load(QStringLiteral("SELECT id, field_id FROM competency"), m_competencyField);
}

qint64 RatingInserter::fieldOf(bool teacher, qint64 id, bool *exists)
{
    // The fields read at begin(), and those of rows written since (the demo
    // writes each teacher just before its ratings), read when first met.
    QHash<qint64, qint64> &known = teacher ? m_teacherField : m_competencyField;
    if (const auto it = known.constFind(id); it != known.cend()) {
        *exists = true;
        return *it;
    }
    QSqlQuery &q = teacher ? m_fieldOfTeacher : m_fieldOfCompetency;
    q.bindValue(0, id);
    if (!q.exec()) {
        if (m_lookupFailure)
            m_lookupFailure = Sql::errorOf(q);
        *exists = false;
        return kNoField;
    }
    *exists = q.next();
    const qint64 field = *exists && !q.value(0).isNull() ? q.value(0).toLongLong() : kNoField;
    q.finish();
    if (*exists)
        known.insert(id, field);
    return field;
}

bool RatingInserter::sameField(const Row &row)
{
    // As the trigger compares: (teacher's field) IS NOT (competency's field),
    // a missing row or a NULL field being NULL.
    if (row.teacher != m_lastTeacher) {
        m_lastTeacher = row.teacher;
        m_lastTeacherField = fieldOf(true, row.teacher, &m_lastTeacherExists);
    }
    return m_lastTeacherField == fieldOf(false, row.competency, &m_lastCompetencyExists);
}

bool RatingInserter::keysExist() const
{
    // sameField() ran for this row just before.
    return m_lastTeacherExists && m_lastCompetencyExists;
}

Status RatingInserter::add(const Row &row)
{
    // A rating the paused trigger would refuse: the trigger comes back
    // before the rating is written, and refuses it itself.
    const bool same = !(m_checkingField || m_checkingKeys) || sameField(row);
    if (!m_lookupFailure)
        return m_lookupFailure;
    if (m_checkingField && !same) {
        if (Status s = m_paused.restore(QStringLiteral("trigger")); !s)
            return s;
        m_checkingField = false;
    }
    if (m_checkingKeys && !keysExist()) {
        // What SQLite says when a foreign key refuses a row.
        Error e = Sql::errorOf(QSqlError(QString(), QStringLiteral("FOREIGN KEY constraint failed"), QSqlError::StatementError));
        e.line = row.line;
        return e;
    }
    if (!m_checkingField && !m_checkingKeys && !m_teacherField.isEmpty()) {
        m_teacherField.clear();
        m_competencyField.clear();
    }
    // A rating that does not pack ends a block of packed ones.
    const bool fits = packable(row);
    if (m_packable && !fits && !m_pending.empty()) {
        if (Status s = flushBlock(); !s)
            return s;
    }
    m_pending.push_back(row);
    m_packable = m_packable && fits;
    if (int(m_pending.size()) == (m_packable ? (m_json ? kJsonBlock : kBlock) : kPlainBlock))
        return flushBlock();
    return {};
}

Status RatingInserter::flushBlock()
{
    if (m_pending.empty())
        return {};
    // A block of any size goes as JSON; the other statements take exactly
    // their number of rows (what is left at the end goes one by one).
    Shape shape = Shape::Single;
    if (m_packable && m_json)
        shape = Shape::Json;
    else if (m_packable && m_pending.size() == std::size_t(kBlock))
        shape = Shape::Packed;
    else if (!m_packable && m_pending.size() == std::size_t(kPlainBlock))
        shape = Shape::Plain;
    if (shape == Shape::Single)
        return flushSingly();
    // A failed statement changes nothing: then one by one, so that the error
    // names the line of the rating that caused it. The savepoint keeps the
    // transaction usable after the failure (a server aborts the whole
    // transaction otherwise).
    if (Status s = Sql::exec(m_db, QStringLiteral("SAVEPOINT rating_block")); !s)
        return s;
    QSqlQuery &q = shape == Shape::Json ? m_jsonBlock : shape == Shape::Packed ? m_packedBlock : m_block;
    if (Status s = write(q, shape); !s) {
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
        if (Status s = write(m_single, Shape::Single); !s)
            return s;
    }
    m_pending.clear();
    m_packable = true;
    return {};
}

Status RatingInserter::write(QSqlQuery &q, Shape shape)
{
    if (shape == Shape::Json) {
        // "[n,n,…]": up to 19 digits and a comma per rating.
        QByteArray json;
        json.reserve(qsizetype(m_pending.size()) * 20 + 2);
        json += '[';
        char digits[24];
        for (const Row &r : m_pending) {
            if (json.size() > 1)
                json += ',';
            const auto end = std::to_chars(digits, digits + sizeof digits, pack(r)).ptr;
            json.append(digits, qsizetype(end - digits));
        }
        json += ']';
        q.bindValue(0, QString::fromLatin1(json));
        if (!q.exec())
            return Sql::rowError(q, m_pending.front().line);
        return {};
    }
    const bool packed = shape == Shape::Packed;
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
    if (Status s = flushBlock(); !s)
        return s;
    m_checkingField = false;
    m_checkingKeys = false;
    m_teacherField.clear();
    m_competencyField.clear();
    // SQLite's sorter sizes its sorted runs by the page cache: with the bulk
    // write's 64 MB (BulkWriteScope) one run is a list of millions of keys
    // whose merge sort misses the processor's caches at every step; runs of
    // 2 MB are sorted within them and merged from the temporary files in
    // one pass (CREATE INDEX over 4.3 million ratings: 4.1 s CPU with 64 MB,
    // 2.4 s with 2 MB; docs/benchmarks.md). The cache is set back after.
    const PragmaScope sortRuns(m_db, "cache_size", -kSortRunKiB);
    return m_paused.restore();
}

} // namespace kopru
