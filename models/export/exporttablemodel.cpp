// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/exporttablemodel.h"

#include "models/export/cellformat.h"

namespace kopru::exporting {

void ExportTableModel::setDocument(TableDocument doc, int sheet)
{
    beginResetModel();
    m_doc = std::move(doc);
    m_rows.clear();
    for (int s = 0; s < int(m_doc.sheets.size()); ++s) {
        if (sheet >= 0 && s != sheet)
            continue;
        for (const QVariantList &row : m_doc.sheets[std::size_t(s)].rows)
            m_rows.emplace_back(&m_doc.sheets[std::size_t(s)], &row);
    }
    endResetModel();
}

int ExportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_doc.columns.size());
}

QVariant ExportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[sheet, row] = m_rows[std::size_t(index.row())];
    const TableColumn &column = m_doc.columns[std::size_t(index.column())];
    const QVariant value = index.column() < row->size() ? row->at(index.column()) : QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return cellText(value, column.type, CellStyle::Display);
    case Qt::ToolTipRole: {
        const QString text = cellText(value, column.type, CellStyle::Display);
        return text.size() > 40 ? QVariant(text) : QVariant();
    }
    case RawValueRole:
        return value;
    case SheetRole:
        return sheet->name;
    case Qt::TextAlignmentRole:
        if (column.type == ColumnType::Integer || column.type == ColumnType::Decimal || column.type == ColumnType::Percent)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ExportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= int(m_doc.columns.size()))
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_doc.columns[std::size_t(section)].header;
}

} // namespace kopru::exporting
