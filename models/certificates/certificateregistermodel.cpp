// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificateregistermodel.h"

#include "models/exchange/exchangelogmodel.h"
#include "models/itemmodels/roles.h"

#include <QDate>
#include <QLocale>
#include <QSqlQuery>

namespace kopru::certificates {

CertificateRegisterModel::CertificateRegisterModel(QObject *parent)
    : QueryTableModel(ColumnCount, QStringLiteral("certificate"), parent)
{ }

QString CertificateRegisterModel::selectSql() const
{
    return QStringLiteral(
        "SELECT ce.placement_id, ce.number, t.first_name, t.last_name, ts.id, pa.name, ts.start_date, ts.end_date, "
        "ce.first_issued_at, ce.issued_at, ce.issue_count FROM certificate ce JOIN placement p ON p.id = ce.placement_id "
        "JOIN teacher t ON t.id = p.teacher_id JOIN training_session ts ON ts.id = p.session_id "
        "JOIN partner pa ON pa.id = ts.partner_id ORDER BY ce.number");
}

void CertificateRegisterModel::addRow(const QSqlQuery &q)
{
    const auto day = [](const QVariant &v) {
        return QLocale().toString(QDate::fromString(v.toString(), Qt::ISODate), QStringLiteral("dd.MM.yyyy"));
    };
    RegisterEntry e;
    e.placementId = q.value(0).toInt();
    e.number = q.value(1).toString();
    e.teacherName = q.value(2).toString() + QLatin1Char(' ') + q.value(3).toString();
    e.sessionId = q.value(4).toInt();
    e.session = tr("%1, %2 – %3").arg(q.value(5).toString(), day(q.value(6)), day(q.value(7)));
    e.firstIssuedAt = q.value(8).toString();
    e.issuedAt = q.value(9).toString();
    e.issueCount = q.value(10).toInt();
    m_rows.push_back(std::move(e));
}

QVariant CertificateRegisterModel::data(const QModelIndex &index, int role) const
{
    const RegisterEntry *row = rowAt(index);
    if (!row)
        return {};
    const RegisterEntry &e = *row;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == SortRole) {
        switch (index.column()) {
        case FirstIssued:
            return e.firstIssuedAt;
        case Issued:
            return e.issuedAt;
        case Count:
            return e.issueCount;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number:
        return e.number;
    case Teacher:
        return e.teacherName;
    case Session:
        return e.session;
    case FirstIssued:
        return localTimeText(e.firstIssuedAt);
    case Issued:
        return localTimeText(e.issuedAt);
    case Count:
        return QLocale().toString(e.issueCount);
    default:
        return {};
    }
}

QStringList CertificateRegisterModel::headers() const
{
    return { tr("Number"), tr("Teacher"), tr("Session"), tr("First issued"), tr("Issued"), tr("Times issued") };
}

} // namespace kopru::certificates
