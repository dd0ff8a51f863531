// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/sourcetable.h"

namespace kopru {

SourceRow::SourceRow(int line, const QStringList &cells)
    : line(line)
{
    qsizetype length = 0;
    for (const QString &c : cells)
        length += c.size();
    m_text.reserve(length);
    m_ends.reserve(std::size_t(cells.size()));
    for (const QString &c : cells) {
        m_text += c;
        m_ends.push_back(int(m_text.size()));
    }
    m_text.squeeze();
}

QString SourceRow::cell(int index) const
{
    return cellView(index).toString();
}

QStringView SourceRow::cellView(int index) const
{
    if (index < 0 || std::size_t(index) >= m_ends.size())
        return {};
    const int begin = index == 0 ? 0 : m_ends[std::size_t(index) - 1];
    return QStringView(m_text).mid(begin, m_ends[std::size_t(index)] - begin);
}

QStringList SourceRow::cells() const
{
    QStringList out;
    out.reserve(size());
    for (int i = 0; i < int(size()); ++i)
        out << cell(i);
    return out;
}

} // namespace kopru
