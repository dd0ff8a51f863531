// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/recorddialog.h"

#include "models/editing/valuecheck.h"
#include "models/itemmodels/lookups.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kopru {

RecordDialog::RecordDialog(const QString &title, std::vector<ColumnSpec> columns, const Lookups &lookups, QWidget *parent)
    : QDialog(parent)
    , m_columns(std::move(columns))
    , m_intro(new QLabel(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(title);
    // Wide enough for the title and a sentence of explanation.
    setMinimumWidth(fontMetrics().averageCharWidth() * 52);
    auto *layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    m_intro->setObjectName(QStringLiteral("intro"));
    m_intro->hide();
    layout->addWidget(m_intro);
    auto *form = new QFormLayout;
    for (const ColumnSpec &spec : m_columns) {
        QWidget *editor = nullptr;
        const auto combo = [this](const std::vector<Lookups::Item> &items, bool optional) {
            auto *box = new QComboBox(this);
            if (optional)
                box->addItem(tr("(none)"), QVariant());
            for (const Lookups::Item &item : items)
                box->addItem(item.name, item.id);
            return box;
        };
        switch (spec.kind) {
        case ValueKind::Province:
            editor = combo(lookups.provinces(), false);
            break;
        case ValueKind::Field:
            editor = combo(lookups.fields(), false);
            break;
        case ValueKind::Centre:
            editor = combo(lookups.centres(), true);
            break;
        case ValueKind::Date: {
            auto *date = new QDateEdit(QDate::currentDate(), this);
            date->setDisplayFormat(ValueCheck::dateDisplayFormat());
            date->setCalendarPopup(true);
            editor = date;
            break;
        }
        case ValueKind::Integer: {
            auto *spin = new QSpinBox(this);
            spin->setRange(spec.minimum, spec.maximum);
            editor = spin;
            break;
        }
        default: {
            auto *line = new QLineEdit(this);
            if (spec.kind == ValueKind::NationalId)
                line->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,11}")), line));
            editor = line;
            break;
        }
        }
        editor->setObjectName(QString::fromLatin1(spec.dbColumn));
        m_editors.push_back(editor);
        form->addRow(spec.required ? tr("%1 *").arg(spec.title()) : spec.title(), editor);
    }
    layout->addLayout(form);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setObjectName(QStringLiteral("problem"));
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);
    layout->addWidget(buttons);
}

void RecordDialog::setIntro(const QString &text)
{
    m_intro->setText(text);
    m_intro->setVisible(!text.isEmpty());
}

void RecordDialog::setValue(const char *dbColumn, const QVariant &value)
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (qstrcmp(m_columns[i].dbColumn, dbColumn) != 0)
            continue;
        QWidget *w = m_editors[i];
        if (auto *combo = qobject_cast<QComboBox *>(w))
            combo->setCurrentIndex(std::max(0, combo->findData(value)));
        else if (auto *date = qobject_cast<QDateEdit *>(w))
            date->setDate(value.toDate());
        else if (auto *spin = qobject_cast<QSpinBox *>(w))
            spin->setValue(value.toInt());
        else if (auto *line = qobject_cast<QLineEdit *>(w))
            line->setText(value.toString());
    }
}

QVariant RecordDialog::editorValue(std::size_t i) const
{
    QWidget *w = m_editors[i];
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentData();
    if (auto *date = qobject_cast<QDateEdit *>(w))
        return date->date();
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return spin->value();
    if (auto *line = qobject_cast<QLineEdit *>(w))
        return line->text();
    return {};
}

void RecordDialog::accept()
{
    QVariantMap values;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const ColumnSpec &spec = m_columns[i];
        const ValueCheck::Outcome outcome
            = ValueCheck::check({ spec.kind, spec.required, spec.minimum, spec.maximum }, editorValue(i));
        if (!outcome.ok()) {
            m_problem->setText(tr("%1: %2").arg(spec.title(), outcome.problem));
            m_editors[i]->setFocus();
            return;
        }
        values.insert(QString::fromLatin1(spec.dbColumn), outcome.value);
    }
    if (m_extraCheck) {
        if (const QString p = m_extraCheck(values); !p.isEmpty()) {
            m_problem->setText(p);
            return;
        }
    }
    m_values = values;
    QDialog::accept();
}

} // namespace kopru
