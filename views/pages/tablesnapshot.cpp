// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/tablesnapshot.h"

#include "models/itemmodels/variantnumber.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTableView>
#include <algorithm>

namespace kopru {

namespace {

QString tsvCell(QString text)
{
    if (text.contains(QLatin1Char('\t')) || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('"')))
        return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

} // namespace

TableSnapshot TableSnapshot::of(const QTableView *view, bool selectionOnly)
{
    TableSnapshot s;
    const QAbstractItemModel *model = view->model();
    if (!model)
        return s;
    const QHeaderView *header = view->horizontalHeader();
    QSet<int> selectedRows, selectedColumns;
    if (selectionOnly && view->selectionModel()) {
        for (const QModelIndex &i : view->selectionModel()->selectedIndexes()) {
            selectedRows.insert(i.row());
            selectedColumns.insert(i.column());
        }
        if (selectedRows.isEmpty() && view->currentIndex().isValid()) {
            selectedRows.insert(view->currentIndex().row());
            selectedColumns.insert(view->currentIndex().column());
        }
    }
    std::vector<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int c = header->logicalIndex(visual);
        if (c < 0 || view->isColumnHidden(c) || (selectionOnly && !selectedColumns.contains(c)))
            continue;
        columns.push_back(c);
        s.headers << model->headerData(c, Qt::Horizontal).toString();
        s.numeric.push_back(false);
    }
    const QStyledItemDelegate texts;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (view->isRowHidden(r) || (selectionOnly && !selectedRows.contains(r)))
            continue;
        QStringList cells;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const QModelIndex index = model->index(r, columns[i]);
            const QVariant shown = index.data(Qt::DisplayRole);
            // As the view shows it: numbers in the UI language's format.
            cells << texts.displayText(shown, QLocale());
            if (isNumber(shown) || (index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight))
                s.numeric[i] = true;
        }
        s.rows.push_back(cells);
    }
    return s;
}

QString TableSnapshot::toTsv() const
{
    QStringList lines;
    const auto line = [](const QStringList &cells) {
        QStringList out;
        for (const QString &c : cells)
            out << tsvCell(c);
        return out.join(QLatin1Char('\t'));
    };
    lines << line(headers);
    for (const QStringList &r : rows)
        lines << line(r);
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

document::Document TableSnapshot::toDocument(const QString &title) const
{
    document::Document doc;
    doc.title = title;
    doc.orientation = headers.size() > 5 ? QPageLayout::Landscape : QPageLayout::Portrait;
    std::vector<document::TableColumn> columns;
    for (qsizetype i = 0; i < headers.size(); ++i)
        columns.push_back({ headers.at(i), numeric[std::size_t(i)] ? 1.0 : 2.0, numeric[std::size_t(i)] });
    doc.last().blocks.push_back(document::heading(title, {}, 1));
    doc.last().blocks.push_back(document::table(std::move(columns), rows));
    return doc;
}

} // namespace kopru
