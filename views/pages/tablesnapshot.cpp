// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/tablesnapshot.h"

#include "models/export/cellformat.h"
#include "models/export/csvexport.h"
#include "models/export/xlsxexport.h"
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
        QVariantList values;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const QModelIndex index = model->index(r, columns[i]);
            const QVariant shown = index.data(Qt::DisplayRole);
            // As the view shows it: numbers in the UI language's format.
            const QString text = texts.displayText(shown, QLocale());
            cells << text;
            // A number shown as formatted text (the entity tables, "85,0" on
            // the Quality page) is saved as the number, so that a spreadsheet
            // can sum it; an id behind a name is not, because its text differs
            // from what is shown.
            const QVariant edit = isNumber(shown) ? QVariant() : index.data(Qt::EditRole);
            bool readsBack = false;
            const double shownNumber = QLocale().toDouble(text, &readsBack);
            const bool sameNumber
                = isNumber(edit) && (texts.displayText(edit, QLocale()) == text || (readsBack && shownNumber == edit.toDouble()));
            values << (sameNumber ? edit : shown);
            if (isNumber(shown) || (index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight))
                s.numeric[i] = true;
        }
        s.rows.push_back(cells);
        s.values.push_back(values);
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

exporting::TableDocument TableSnapshot::toTableDocument(const QString &title, const QStringList &notes) const
{
    using exporting::ColumnType;
    exporting::TableDocument doc;
    doc.title = title;
    doc.notes = notes;
    exporting::TableSheet sheet;
    sheet.name = title;
    sheet.title = title;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        const auto column = std::size_t(c);
        bool whole = true, number = true, date = true, any = false;
        for (const QVariantList &row : values) {
            const QVariant &v = row.at(c);
            if (v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isEmpty()))
                continue;
            any = true;
            const bool isNum = isNumber(v);
            number = number && isNum;
            whole = whole && isNum && v.typeId() != QMetaType::Double && v.typeId() != QMetaType::Float;
            date = date && v.typeId() == QMetaType::QDate;
        }
        ColumnType type = ColumnType::Text;
        if (any && whole)
            type = ColumnType::Integer;
        else if (any && number)
            type = ColumnType::Decimal;
        else if (any && date)
            type = ColumnType::Date;
        qsizetype longest = headers.at(c).size();
        for (const QStringList &row : rows)
            longest = std::max(longest, row.at(c).size());
        doc.columns.push_back({ headers.at(c), type, double(std::clamp<qsizetype>(longest + 2, 6, 60)) });
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (column == 0)
                sheet.rows.emplace_back();
            const QVariant &v = values[r].at(c);
            if (type == ColumnType::Text)
                sheet.rows[r] << rows[r].at(c);
            else if (type == ColumnType::Integer)
                sheet.rows[r] << (v.isNull() || v.toString().isEmpty() ? QVariant() : QVariant(v.toLongLong()));
            else if (type == ColumnType::Decimal)
                sheet.rows[r] << (v.isNull() || v.toString().isEmpty() ? qQNaN() : v.toDouble());
            else
                sheet.rows[r] << v;
        }
    }
    if (headers.isEmpty())
        sheet.rows.resize(rows.size());
    doc.sheets.push_back(std::move(sheet));
    return doc;
}

Status TableSnapshot::save(const QString &path, const QString &title, const QStringList &notes) const
{
    const exporting::TableDocument doc = toTableDocument(title, notes);
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return exporting::writeFileAtomically(path, exporting::toCsv(doc));
    return exporting::writeXlsx(doc, path);
}

} // namespace kopru
