// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/common/tableexporter.h"

#include "models/db/sql.h"
#include "models/io/csvwriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlQuery>
#include <map>

namespace kopru {

namespace {

QString u8(const char *s)
{
    return QString::fromUtf8(s);
}

QString trDate(const QVariant &iso)
{
    if (iso.isNull())
        return {};
    const QDate d = QDate::fromString(iso.toString(), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd.MM.yyyy")) : iso.toString();
}

QString text(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

// Runs `sql` and adds one CSV row per record, built by `row`.
template <typename RowFn> Status addRows(QSqlDatabase db, CsvWriter &csv, const QString &sql, RowFn row)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Status s = Sql::prepare(q, sql); !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    while (q.next())
        csv.addRow(row(q));
    return {};
}

const QString kCompetencyList
    = QStringLiteral("(SELECT group_concat(code, ', ') FROM (SELECT c.code FROM %1 l JOIN competency c ON c.id = l.competency_id "
                     "WHERE l.%2 = x.id ORDER BY c.code))");

Expected<QByteArray> needsWide(QSqlDatabase db)
{
    // Columns Q1[SQ001]…: the competency numbered n in each teacher's field.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Status s = Sql::prepare(q,
            QStringLiteral(
                "SELECT t.national_id, f.code, c.code, r.round, r.need FROM need_rating r JOIN teacher t ON t.id = r.teacher_id "
                "JOIN competency c ON c.id = r.competency_id JOIN field f ON f.id = t.field_id ORDER BY t.id, r.round"));
        !s || !(s = Sql::run(q)))
        return s.error();
    struct Line
    {
        QString nid, field;
        int round;
        std::map<int, QString> needs;
    };
    std::vector<Line> lines;
    int width = 0;
    while (q.next()) {
        const QString nid = q.value(0).toString();
        const QString field = q.value(1).toString();
        const QString code = q.value(2).toString();
        const int round = q.value(3).toInt();
        bool ok = false;
        const int n = code.startsWith(field) ? code.mid(field.size()).toInt(&ok) : 0;
        if (!ok || n < 1 || n > 99)
            return Error { QCoreApplication::translate(
                               "TableExporter", "competency %1 is not numbered within its field %2: use the long form")
                               .arg(code, field),
                {}, 0, 0 };
        if (lines.empty() || lines.back().nid != nid || lines.back().round != round)
            lines.push_back(Line { nid, field, round, {} });
        lines.back().needs[n] = text(q.value(4));
        width = std::max(width, n);
    }
    CsvWriter csv;
    QStringList header { u8("TC Kimlik No"), u8("Alan"), u8("Tur") };
    for (int n = 1; n <= width; ++n)
        header << QStringLiteral("Q1[SQ%1]").arg(n, 3, 10, QLatin1Char('0'));
    csv.addRow(header);
    for (const Line &l : lines) {
        QStringList cells { l.nid, l.field, QString::number(l.round) };
        for (int n = 1; n <= width; ++n) {
            auto it = l.needs.find(n);
            cells << (it == l.needs.end() ? QString() : it->second);
        }
        csv.addRow(cells);
    }
    return csv.data();
}

} // namespace

Expected<QByteArray> TableExporter::toCsv(QSqlDatabase db, ImportKind kind, NeedsShape shape)
{
    CsvWriter csv;
    Status s;
    switch (kind) {
    case ImportKind::Teachers:
        csv.addRow({ u8("TC Kimlik No"), u8("Ad"), u8("Soyad"), u8("Alan"), u8("Dal"), u8("Okul"), u8("İl"), u8("İlçe"),
            u8("SMM"), u8("E-posta"), u8("Telefon"), u8("Deneyim"), u8("Müsait başlangıç"), u8("Müsait bitiş"), u8("Notlar") });
        s = addRows(db, csv,
            QStringLiteral(
                "SELECT t.national_id, t.first_name, t.last_name, f.code, t.branch, s.name, p.name, s.district, c.name, t.email, "
                "t.phone, "
                "t.experience_years, t.available_from, t.available_to, t.notes FROM teacher t JOIN field f ON f.id = t.field_id "
                "JOIN province p ON p.id = t.province_id LEFT JOIN school s ON s.id = t.school_id LEFT JOIN centre c ON c.id = "
                "t.centre_id "
                "ORDER BY t.id"),
            [](const QSqlQuery &q) {
                QStringList r;
                for (int i = 0; i < 12; ++i)
                    r << text(q.value(i));
                r << trDate(q.value(12)) << trDate(q.value(13)) << text(q.value(14));
                return r;
            });
        break;
    case ImportKind::Partners:
        csv.addRow({ u8("Firma"), u8("Sektör"), u8("İl"), u8("İlçe"), u8("Adres"), u8("Yetkili"), u8("Telefon"), u8("E-posta"),
            u8("Protokol tarihi"), u8("Aktif"), u8("Yeterlikler") });
        s = addRows(db, csv,
            QStringLiteral("SELECT x.name, x.sector, p.name, x.district, x.address, x.contact_person, x.phone, x.email, "
                           "x.protocol_date, x.active, %1 "
                           "FROM partner x JOIN province p ON p.id = x.province_id ORDER BY x.id")
                .arg(kCompetencyList.arg(QStringLiteral("partner_competency"), QStringLiteral("partner_id"))),
            [](const QSqlQuery &q) {
                QStringList r;
                for (int i = 0; i < 8; ++i)
                    r << text(q.value(i));
                r << trDate(q.value(8)) << (q.value(9).toInt() ? u8("Evet") : u8("Hayır")) << text(q.value(10));
                return r;
            });
        break;
    case ImportKind::Sessions:
        csv.addRow({ u8("Firma"), u8("İl"), u8("Adres"), u8("Alan"), u8("Başlangıç"), u8("Bitiş"), u8("Saat"), u8("Kontenjan"),
            u8("Yeterlikler") });
        s = addRows(db, csv,
            QStringLiteral("SELECT pa.name, p.name, pa.address, f.code, x.start_date, x.end_date, x.hours, x.capacity, %1 FROM "
                           "training_session x "
                           "JOIN partner pa ON pa.id = x.partner_id JOIN province p ON p.id = pa.province_id JOIN field f ON "
                           "f.id = x.field_id ORDER BY x.id")
                .arg(kCompetencyList.arg(QStringLiteral("session_competency"), QStringLiteral("session_id"))),
            [](const QSqlQuery &q) {
                return QStringList { text(q.value(0)), text(q.value(1)), text(q.value(2)), text(q.value(3)), trDate(q.value(4)),
                    trDate(q.value(5)), text(q.value(6)), text(q.value(7)), text(q.value(8)) };
            });
        break;
    case ImportKind::Competencies:
        csv.addRow({ u8("Alan"), u8("Kod"), u8("Başlık"), u8("İngilizce başlık"), u8("Ünite") });
        s = addRows(db, csv,
            QStringLiteral("SELECT f.code, c.code, c.title_tr, c.title_en, c.unit FROM competency c JOIN field f ON f.id = "
                           "c.field_id ORDER BY c.id"),
            [](const QSqlQuery &q) {
                return QStringList { text(q.value(0)), text(q.value(1)), text(q.value(2)), text(q.value(3)), text(q.value(4)) };
            });
        break;
    case ImportKind::Needs:
        if (shape == NeedsShape::Wide)
            return needsWide(db);
        csv.addRow({ u8("TC Kimlik No"), u8("Yeterlik"), u8("İhtiyaç"), u8("Yeterlilik düzeyi"), u8("Tur") });
        s = addRows(db, csv,
            QStringLiteral("SELECT t.national_id, c.code, r.need, r.proficiency, r.round FROM need_rating r JOIN teacher t ON "
                           "t.id = r.teacher_id "
                           "JOIN competency c ON c.id = r.competency_id ORDER BY t.id, c.id, r.round"),
            [](const QSqlQuery &q) {
                return QStringList { text(q.value(0)), text(q.value(1)), text(q.value(2)), text(q.value(3)), text(q.value(4)) };
            });
        break;
    case ImportKind::Attendance:
    case ImportKind::Evaluations:
        return Error { QStringLiteral("TableExporter: no export of %1").arg(ImportKinds::name(kind)), {}, 0, 0 };
    }
    if (!s)
        return s.error();
    return csv.data();
}

} // namespace kopru
