// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kopru {

// Writes CSV the way Excel on Turkish Windows reads it: UTF-8 with BOM, ';'
// separator, CRLF line ends, RFC 4180 quoting. Cells that a spreadsheet would
// run as a formula (starting with = + - @, tab or CR) are neutralised with a
// leading apostrophe unless the column is declared numeric.
class CsvWriter
{
public:
    explicit CsvWriter(QChar separator = QLatin1Char(';'))
        : m_separator(separator)
    { }

    void addRow(const QStringList &cells);
    // Like addRow, but the given cell is written as-is when it is a plain number
    // (so negative numbers stay numbers).
    void addRow(const QStringList &cells, const QList<bool> &numeric);
    // The document (BOM + rows).
    QByteArray data() const;

    // A single cell: quoted when needed; formula-like text neutralised.
    static QString escape(const QString &cell, QChar separator, bool numeric = false);
    // Whether a spreadsheet would treat `cell` as a formula.
    static bool looksLikeFormula(const QString &cell);

private:
    QChar m_separator;
    QString m_text;
};

} // namespace kopru
