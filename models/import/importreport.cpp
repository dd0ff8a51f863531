// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/importreport.h"

#include <QCoreApplication>
#include <algorithm>
#include <tuple>

namespace kopru {

QString ImportReport::summary() const
{
    const QString what = kind == ImportKind::Needs ? QCoreApplication::translate("ImportReport", "need ratings")
        : kind == ImportKind::Attendance           ? QCoreApplication::translate("ImportReport", "attendance days and outcomes")
        : kind == ImportKind::Evaluations          ? QCoreApplication::translate("ImportReport", "evaluation answers")
                                                   : QCoreApplication::translate("ImportReport", "rows");
    const QString counts
        = QCoreApplication::translate("ImportReport", "%1: %2 %3 inserted, %4 updated, %5 skipped")
              .arg(ImportKinds::name(kind), QString::number(inserted), what, QString::number(updated), QString::number(skipped));
    if (dryRun)
        return QCoreApplication::translate("ImportReport", "dry run, nothing written: %1").arg(counts);
    return counts;
}

QString ImportReport::columnName(const Error &error) const
{
    if (error.column <= 0)
        return {};
    const QString text = header.value(error.column - 1).simplified();
    return text.isEmpty() ? QString::number(error.column) : text;
}

QString ImportReport::describe(const Error &error) const
{
    const QString name = columnName(error);
    if (name.isEmpty() || error.line <= 0 || error.file != file)
        return error.toString();
    Error named = error;
    named.message = name + QStringLiteral(": ") + error.message;
    return named.toString();
}

void ImportReport::sort()
{
    const auto byPosition
        = [](const Error &a, const Error &b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); };
    std::stable_sort(errors.begin(), errors.end(), byPosition);
    std::stable_sort(notices.begin(), notices.end(), byPosition);
}

} // namespace kopru
