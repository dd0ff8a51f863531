// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/columnspec.h"

#include <QDialog>
#include <QVariantMap>
#include <vector>

class QLabel;

namespace kopru {

class Lookups;

// A form for a new row: one editor per column (text, combo for province/field/
// centre, date, number). OK validates every value with ValueCheck and keeps the
// dialog open with the reason when one is refused.
class RecordDialog final : public QDialog
{
    Q_OBJECT
public:
    RecordDialog(const QString &title, std::vector<ColumnSpec> columns, const Lookups &lookups, QWidget *parent);

    // Preset a value (by database column) before exec().
    void setValue(const char *dbColumn, const QVariant &value);
    // The normalised values by database column (after accept).
    QVariantMap values() const { return m_values; }
    // A sentence above the form saying what the form is for (word-wrapped).
    void setIntro(const QString &text);
    // An extra check run on OK (e.g. uniqueness): returns a reason or empty.
    void setExtraCheck(std::function<QString(const QVariantMap &)> check) { m_extraCheck = std::move(check); }

    void accept() override;

private:
    QVariant editorValue(std::size_t i) const;

    std::vector<ColumnSpec> m_columns;
    std::vector<QWidget *> m_editors;
    QLabel *m_intro;
    QLabel *m_problem;
    QVariantMap m_values;
    std::function<QString(const QVariantMap &)> m_extraCheck;
};

} // namespace kopru
