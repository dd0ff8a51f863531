// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/export/exporttable.h"

#include <QAbstractTableModel>

namespace kopru::exporting {

// Read-only table model over one sheet of a TableDocument (or all sheets one
// after the other). Display: dates dd.MM.yyyy, decimals with a comma;
// Qt::UserRole: the raw value (for sorting); numbers right-aligned.
class ExportTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int RawValueRole = Qt::UserRole;
    static constexpr int SheetRole = Qt::UserRole + 1; // the row's sheet name

    explicit ExportTableModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent)
    { }

    // `sheet` < 0: every sheet.
    void setDocument(TableDocument doc, int sheet = -1);
    const TableDocument &document() const { return m_doc; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    TableDocument m_doc;
    std::vector<std::pair<const TableSheet *, const QVariantList *>> m_rows;
};

} // namespace kopru::exporting
