// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/csvwriter.h"

#include <QRegularExpression>

namespace kopru {

bool CsvWriter::looksLikeFormula(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    const QChar c = cell.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

QString CsvWriter::escape(const QString &cell, QChar separator, bool numeric)
{
    static const QRegularExpression plainNumber(QStringLiteral("^-?[0-9]+([.,][0-9]+)?$"));
    QString text = cell;
    if (looksLikeFormula(text) && !(numeric && plainNumber.match(text).hasMatch()))
        text.prepend(QLatin1Char('\''));
    const bool quote = text.contains(separator) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')) || text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void CsvWriter::addRow(const QStringList &cells)
{
    addRow(cells, {});
}

void CsvWriter::addRow(const QStringList &cells, const QList<bool> &numeric)
{
    for (int i = 0; i < cells.size(); ++i) {
        if (i > 0)
            m_text += m_separator;
        m_text += escape(cells.at(i), m_separator, i < numeric.size() && numeric.at(i));
    }
    m_text += QLatin1String("\r\n");
}

QByteArray CsvWriter::data() const
{
    return QByteArrayLiteral("\xEF\xBB\xBF") + m_text.toUtf8();
}

} // namespace kopru
