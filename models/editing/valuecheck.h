// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/roles.h"

#include <QString>
#include <QVariant>

// Validation of single values before they are written: every edit from a view
// passes through here, and a refusal carries a translated reason.
namespace kopru::ValueCheck {

struct Rules
{
    ValueKind kind = ValueKind::Text;
    bool required = false;
    int minimum = 0;
    int maximum = 0;
};

struct Outcome
{
    QVariant value; // normalised value to store (null = SQL NULL)
    QString problem; // empty when accepted
    bool ok() const { return problem.isEmpty(); }
};

// Checks and normalises `input` (as it comes from an editor) for a column.
Outcome check(const Rules &rules, const QVariant &input);

// A translated reason or empty: e-mail address (empty allowed).
QString emailProblem(const QString &email);
// Turkish phone numbers: 0XXX XXX XX XX, +90 XXX XXX XX XX, (0XXX) … ;
// `normalised` receives 11 digits with the leading zero.
QString phoneProblem(const QString &phone, QString *normalised = nullptr);
// A date typed as dd.MM.yyyy (or d.M.yyyy) or ISO yyyy-MM-dd, or a QDate.
QString dateProblem(const QVariant &input, QString *iso = nullptr);

// The fixed display format of dates in tables and editors.
inline QString dateDisplayFormat()
{
    return QStringLiteral("dd.MM.yyyy");
}

} // namespace kopru::ValueCheck
