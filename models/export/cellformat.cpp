// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/cellformat.h"

#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <cmath>

namespace kopru::exporting {

namespace {
QString decimal(double v, int decimals)
{
    QString s = QString::number(v, 'f', decimals);
    s.replace(QLatin1Char('.'), QLatin1Char(','));
    return s;
}
} // namespace

QString cellText(const QVariant &value, ColumnType type, CellStyle style)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (type) {
    case ColumnType::Date:
        return value.toDate().toString(style == CellStyle::Csv ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("dd.MM.yyyy"));
    case ColumnType::Integer:
        return QString::number(value.toLongLong());
    case ColumnType::Decimal: {
        const double v = value.toDouble();
        return std::isnan(v) ? QString() : decimal(v, 2);
    }
    case ColumnType::Percent: {
        const double v = value.toDouble();
        if (std::isnan(v))
            return {};
        return style == CellStyle::Csv ? decimal(100.0 * v, 1) : decimal(100.0 * v, 1) + QStringLiteral(" %");
    }
    case ColumnType::Text:
    case ColumnType::Identifier:
        break;
    }
    return value.toString();
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    // Exports hold personal data: 0600 from the first byte, under a
    // temporary name until complete (PrivateFile).
    PrivateFile file(path);
    if (Status s = file.open(); !s)
        return s;
    if (file.device().write(bytes) != bytes.size())
        return Error { QCoreApplication::translate("Export", "cannot write the file: %1").arg(file.device().errorString()), path,
            0, 0 };
    return file.commit();
}

} // namespace kopru::exporting
