// SPDX-License-Identifier: GPL-3.0-or-later
// Round trip: a demo database exported with TableExporter and imported into
// a new database gives the same tables, compared by natural keys (ids differ).
#include "models/demo/demogenerator.h"
#include "models/import/importer.h"
#include "models/io/tablereader.h"
#include "tests/common/tableexporter.h"
#include "tests/common/testutil.h"

#include <QSqlError>
#include <QSqlRecord>

using namespace kopru;
using kopru::test::scalar;

namespace {

// Rows of `sql` as sorted text lines.
QStringList rowsOf(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    QStringList out;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString());
        out << cells.join(QLatin1Char('|'));
    }
    out.sort();
    return out;
}

// Each table described by its natural keys and values, never by ids.
const char *const kViews[] = {
    "SELECT t.national_id, t.first_name, t.last_name, f.code, t.branch, s.name, s.province_id, s.district, t.province_id, "
    "c.name, "
    "t.email, t.phone, t.experience_years, t.available_from, t.available_to, t.notes FROM teacher t JOIN field f ON f.id = "
    "t.field_id "
    "LEFT JOIN school s ON s.id = t.school_id LEFT JOIN centre c ON c.id = t.centre_id",
    "SELECT s.name, s.province_id, s.district FROM school s",
    "SELECT f.code, c.code, c.title_tr, c.title_en, c.unit FROM competency c JOIN field f ON f.id = c.field_id",
    "SELECT p.name, p.sector, p.province_id, p.district, p.address, p.contact_person, p.phone, p.email, p.protocol_date, "
    "p.active, "
    "(SELECT group_concat(code) FROM (SELECT c.code FROM partner_competency pc JOIN competency c ON c.id = pc.competency_id "
    " WHERE pc.partner_id = p.id ORDER BY c.code)) FROM partner p",
    "SELECT p.name, p.province_id, p.address, f.code, x.start_date, x.end_date, x.hours, x.capacity, "
    "(SELECT group_concat(code) FROM (SELECT c.code FROM session_competency sc JOIN competency c ON c.id = sc.competency_id "
    " WHERE sc.session_id = x.id ORDER BY c.code)) FROM training_session x JOIN partner p ON p.id = x.partner_id JOIN field f ON "
    "f.id = x.field_id",
    "SELECT t.national_id, c.code, r.round, r.need, r.proficiency FROM need_rating r JOIN teacher t ON t.id = r.teacher_id "
    "JOIN competency c ON c.id = r.competency_id",
};

} // namespace

class TestImportRoundTrip : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static ImportReport importBytes(QSqlDatabase db, ImportKind kind, const QByteArray &bytes)
    {
        auto t = TableReader::readBytes(bytes, ImportKinds::name(kind) + QStringLiteral(".csv"), {});
        if (!t) {
            ImportReport r;
            r.refuse(t.error());
            return r;
        }
        return Importer::run(db, kind, t->table, {});
    }

private slots:
    void exportedDemoImportsIdentically()
    {
        auto source = test::newDatabase(m_dir.filePath(QStringLiteral("source.kopru")));
        QVERIFY(source);
        DemoGenerator::Options options;
        options.teachers = 300;
        options.partners = 80;
        options.minPlaces = 150;
        options.seed = 11;
        auto made = DemoGenerator::generate(source->connection(), options);
        QVERIFY2(made.ok(), qPrintable(made.message()));

        auto target = test::newDatabase(m_dir.filePath(QStringLiteral("target.kopru")));
        QVERIFY(target);
        // Order matters only for references: competencies before the rest, needs last.
        for (ImportKind kind :
            { ImportKind::Competencies, ImportKind::Teachers, ImportKind::Partners, ImportKind::Sessions, ImportKind::Needs }) {
            auto csv = TableExporter::toCsv(source->connection(), kind);
            QVERIFY2(csv.ok(), qPrintable(csv.message()));
            const ImportReport r = importBytes(target->connection(), kind, csv.value());
            QVERIFY2(r.ok() && r.committed, qPrintable(r.errors.isEmpty() ? r.summary() : r.errors.first().toString()));
            QCOMPARE(r.updated, 0);
            QCOMPARE(r.skipped, 0);
        }
        for (const char *view : kViews) {
            const QStringList a = rowsOf(source->connection(), QString::fromUtf8(view));
            const QStringList b = rowsOf(target->connection(), QString::fromUtf8(view));
            QVERIFY(!a.isEmpty());
            QCOMPARE(b.size(), a.size());
            QCOMPARE(b, a);
        }

        // Importing the same files again changes nothing: every row is skipped.
        for (ImportKind kind :
            { ImportKind::Competencies, ImportKind::Teachers, ImportKind::Partners, ImportKind::Sessions, ImportKind::Needs }) {
            auto csv = TableExporter::toCsv(target->connection(), kind);
            QVERIFY(csv.ok());
            const ImportReport r = importBytes(target->connection(), kind, csv.value());
            QVERIFY2(r.ok(), qPrintable(r.summary()));
            QCOMPARE(r.inserted, 0);
            QCOMPARE(r.updated, 0);
            QVERIFY(r.skipped > 0);
        }

        // The wide survey form carries the needs (not the proficiency).
        auto wide = TableExporter::toCsv(source->connection(), ImportKind::Needs, TableExporter::NeedsShape::Wide);
        QVERIFY(wide.ok());
        QVERIFY(Sql::exec(target->connection(), QStringLiteral("DELETE FROM need_rating")));
        const ImportReport r = importBytes(target->connection(), ImportKind::Needs, wide.value());
        QVERIFY2(r.committed, qPrintable(r.errors.isEmpty() ? r.summary() : r.errors.first().toString()));
        const QString needs = QStringLiteral(
            "SELECT t.national_id, c.code, r.round, r.need FROM need_rating r JOIN teacher t ON t.id = r.teacher_id "
            "JOIN competency c ON c.id = r.competency_id");
        QCOMPARE(rowsOf(target->connection(), needs), rowsOf(source->connection(), needs));
    }
};

QTEST_GUILESS_MAIN(TestImportRoundTrip)
#include "tst_importroundtrip.moc"
