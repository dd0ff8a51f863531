// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/planning/movedialog.h"

#include "models/planning/candidatemodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

MoveDialog::MoveDialog(QSqlDatabase db, int teacherId, int currentSessionId, const QString &teacherName, QWidget *parent)
    : QDialog(parent)
    , m_model(new CandidateModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("moveDialog"));
    setWindowTitle(tr("Move %1").arg(teacherName));
    auto *label = new QLabel(tr("Sessions of the teacher's field, best first (covered need, then distance):"), this);
    auto *error = new QLabel(this);
    if (Status s = m_model->load(db, teacherId, currentSessionId); !s)
        error->setText(s.message());
    m_view->setObjectName(QStringLiteral("candidateTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Move"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("moveAcceptButton"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_model->rowCount() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTableView::doubleClicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_view);
    layout->addWidget(error);
    layout->addWidget(buttons);
    resize(900, 440);
}

int MoveDialog::sessionId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SessionIdRole).toInt();
}

void MoveDialog::setAcceptText(const QString &text)
{
    if (auto *accept = findChild<QPushButton *>(QStringLiteral("moveAcceptButton")))
        accept->setText(text);
}

} // namespace kopru
