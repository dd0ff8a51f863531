// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/planning/unplaceddialog.h"

#include "models/export/exporter.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/planning/unplacedmodel.h"
#include "views/pages/savedfiles.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

UnplacedDialog::UnplacedDialog(QSqlDatabase db, const PlanScope &scope, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_scope(scope)
    , m_model(new UnplacedModel(this))
    , m_proxy(new TurkishFilterProxy(this))
    , m_reason(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("unplacedDialog"));
    setWindowTitle(tr("Teachers Without a Placement"));
    auto *error = new QLabel(this);
    error->setWordWrap(true);
    if (Status s = m_model->load(db, scope); !s)
        error->setText(s.message());
    m_proxy->setSourceModel(m_model);

    m_reason->setObjectName(QStringLiteral("reasonFilter"));
    m_reason->addItem(tr("All reasons"), QVariant());
    for (UnplacedTeacher::Reason r : { UnplacedTeacher::Reason::NoSession, UnplacedTeacher::Reason::DatesUnavailable,
             UnplacedTeacher::Reason::LockedElsewhere, UnplacedTeacher::Reason::SessionsFull })
        m_reason->addItem(Unplaced::reasonText(r), int(r));
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reason->setMinimumContentsLength(24);
    connect(m_reason, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setRoleFilter(UnplacedModel::ReasonRole, m_reason->currentData());
        updateCount();
    });
    m_search->setObjectName(QStringLiteral("unplacedSearch"));
    m_search->setPlaceholderText(tr("Search teacher, field, province…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });

    m_view->setObjectName(QStringLiteral("unplacedTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(UnplacedModel::Field, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnsToContents();

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Reason:"), this));
    filters->addWidget(m_reason, 1);
    filters->addWidget(m_search, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *save = buttons->addButton(tr("&Save List…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveUnplacedButton"));
    save->setEnabled(m_model->rowCount() > 0);
    connect(save, &QPushButton::clicked, this, &UnplacedDialog::chooseFileAndSave);
    auto *place = buttons->addButton(tr("&Place…"), QDialogButtonBox::ActionRole);
    place->setObjectName(QStringLiteral("placeUnplacedButton"));
    place->setToolTip(tr("Place the selected teacher in a session with a free place, chosen from the sessions ranked "
                         "as for a move"));
    place->setEnabled(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, place,
        [this, place] { place->setEnabled(selectedTeacher() > 0); });
    connect(place, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows(UnplacedModel::Teacher);
        if (!rows.isEmpty())
            emit placeRequested(selectedTeacher(), rows.first().data().toString());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_count->setObjectName(QStringLiteral("unplacedCount"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(error);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    layout->addWidget(buttons);
    error->setVisible(!error->text().isEmpty());
    updateCount();
    resize(900, 560);
}

int UnplacedDialog::selectedTeacher() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(TeacherIdRole).toInt();
}

void UnplacedDialog::reload()
{
    if (Status s = m_model->load(m_db, m_scope); !s)
        QMessageBox::warning(this, windowTitle(), s.message());
    updateCount();
}

void UnplacedDialog::updateCount()
{
    const int shown = m_proxy->rowCount(), all = m_model->rowCount();
    m_count->setText(shown == all
            ? tr("%1 teachers without a placement").arg(QLocale().toString(all))
            : tr("%1 of %2 teachers without a placement shown").arg(QLocale().toString(shown), QLocale().toString(all)));
}

QString UnplacedDialog::save(const QString &path)
{
    exporting::ExportRequest request;
    request.kind = exporting::Kind::Unplaced;
    request.format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? exporting::Format::Csv : exporting::Format::Xlsx;
    request.outPath = path;
    if (m_scope.fieldId != 0) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT code FROM field WHERE id = ?"));
        q.addBindValue(m_scope.fieldId);
        if (q.exec() && q.next())
            request.scope.fieldCode = q.value(0).toString();
    }
    request.scope.centreId = m_scope.centreId;
    auto summary = exporting::runExport(m_db, request, true);
    return summary ? QString() : summary.message();
}

void UnplacedDialog::chooseFileAndSave()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the List of Unplaced Teachers"),
        SavedFiles::suggestion(tr("unplaced-teachers") + QStringLiteral(".xlsx"), documents),
        tr("Excel workbook (*.xlsx);;CSV, UTF-8 with ';' (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString problem = save(path); !problem.isEmpty()) {
        QMessageBox::warning(this, tr("Not Saved"), problem);
        return;
    }
    SavedFiles::offer(this, path, tr("The list of unplaced teachers was saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace kopru
