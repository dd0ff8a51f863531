// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/document/document.h"

namespace kopru::document {

Block heading(QString text, QString subtitle, int level)
{
    Block b;
    b.type = Block::Type::Heading;
    b.text = std::move(text);
    b.subtitle = std::move(subtitle);
    b.level = level;
    return b;
}

Block paragraph(QString text, TextStyle style)
{
    Block b;
    b.type = Block::Type::Paragraph;
    b.text = std::move(text);
    b.style = style;
    return b;
}

Block keyValues(std::vector<std::pair<QString, QString>> pairs)
{
    Block b;
    b.type = Block::Type::KeyValues;
    b.pairs = std::move(pairs);
    return b;
}

Block table(std::vector<TableColumn> columns, std::vector<QStringList> rows)
{
    Block b;
    b.type = Block::Type::Table;
    b.table.columns = std::move(columns);
    b.table.rows = std::move(rows);
    return b;
}

Block chart(Chart chart)
{
    Block b;
    b.type = Block::Type::Chart;
    b.chart = std::move(chart);
    return b;
}

Block image(QImage image, double widthMm)
{
    Block b;
    b.type = Block::Type::Image;
    b.image = std::move(image);
    b.widthMm = widthMm;
    return b;
}

Block spacer(double heightMm)
{
    Block b;
    b.type = Block::Type::Spacer;
    b.heightMm = heightMm;
    return b;
}

Block pageBreak()
{
    Block b;
    b.type = Block::Type::PageBreak;
    return b;
}

Section &Document::section(const QString &name)
{
    if (sections.empty() || sections.back().name != name)
        sections.push_back(Section { name, {}, {} });
    return sections.back();
}

Section &Document::last()
{
    if (sections.empty())
        sections.emplace_back();
    return sections.back();
}

std::size_t Document::tableRowCount() const
{
    std::size_t rows = 0;
    for (const Section &s : sections)
        for (const Block &b : s.blocks)
            rows += b.table.rows.size();
    return rows;
}

} // namespace kopru::document
