// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/querytablemodel.h"

namespace kopru::certificates {

// One issued certificate as the register lists it.
struct RegisterEntry
{
    int placementId = 0;
    QString number;
    QString teacherName;
    int sessionId = 0;
    QString session; // "partner, dd.MM.yyyy – dd.MM.yyyy"
    QString firstIssuedAt, issuedAt; // UTC, "yyyy-MM-dd HH:mm:ss"
    int issueCount = 0;
};

// The register of issued certificates (table certificate), by number:
// number, teacher, session, first issued, last issued, times issued.
// Read-only; reload() after issuing. The verification codes are not shown.
class CertificateRegisterModel final : public QueryTableModel<RegisterEntry>
{
    Q_OBJECT
public:
    enum Column { Number, Teacher, Session, FirstIssued, Issued, Count, ColumnCount };

    explicit CertificateRegisterModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    const RegisterEntry &entry(int row) const { return m_rows.at(std::size_t(row)); }

private:
    QString selectSql() const override;
    void addRow(const QSqlQuery &q) override;
    QStringList headers() const override;
};

} // namespace kopru::certificates
