// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/needs/needspage.h"

#include "models/db/database.h"
#include "models/db/sql.h"
#include "models/report/needsreport.h"
#include "models/stats/competencystatsmodel.h"
#include "models/stats/flagfiltermodel.h"
#include "models/stats/groupstatsmodel.h"
#include "views/charts/chartpanel.h"
#include "views/charts/needcharts.h"
#include "views/pages/compactcombo.h"
#include "views/pages/flowlayout.h"
#include "views/pages/pageregistry.h"
#include "views/pages/savedfiles.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kopru {

namespace {
Q_LOGGING_CATEGORY(lcNeedsPage, "kopru.needs.page")
} // namespace

using stats::CompetencyStatsModel;
using stats::GroupStatsModel;

NeedsPage::NeedsPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
{
    setObjectName(QStringLiteral("NeedsPage"));
    createModels();
    createLayout();
}

QString NeedsPage::pageTitle() const
{
    return QCoreApplication::translate("Navigation", "Needs analysis");
}

void NeedsPage::createModels()
{
    m_competencies = new CompetencyStatsModel(this);
    m_competencies->setScale(stats::LikertScale::stored());
    m_unmet = new stats::FlagFilterModel(CompetencyStatsModel::UnmetRole, true, this);
    m_unmet->setSourceModel(m_competencies);
    m_groups = new GroupStatsModel(this);
    m_shownGroups = new stats::FlagFilterModel(GroupStatsModel::SuppressedRole, false, this);
    m_shownGroups->setSourceModel(m_groups);
    m_shownGroups->setSortRole(Qt::EditRole);
    m_shownGroups->sort(GroupStatsModel::MeanNeed, Qt::DescendingOrder);
}

void NeedsPage::createLayout()
{
    m_field = new QComboBox;
    m_field->setObjectName(QStringLiteral("needsField"));
    makeCompact(m_field, 24);
    auto *fieldLabel = new QLabel(tr("&Field:"));
    fieldLabel->setBuddy(m_field);
    m_scope = new QComboBox;
    m_scope->setObjectName(QStringLiteral("needsScope"));
    makeCompact(m_scope, 18);
    auto *scopeLabel = new QLabel(tr("&Teachers of:"));
    scopeLabel->setBuddy(m_scope);
    auto *scaleButton = new QPushButton(tr("Scale &labels…"));
    scaleButton->setToolTip(tr("Change the labels of the need scale 1–5"));
    m_report = new QPushButton(tr("PDF &report…"));
    m_report->setObjectName(QStringLiteral("needsReport"));
    m_report->setToolTip(tr("Write the printable needs-analysis report of the field as a PDF"));

    auto *controls = new FlowLayout; // wraps on a narrow window (issue #18)
    controls->addWidget(fieldLabel);
    controls->addWidget(m_field);
    controls->addSpacing(12);
    controls->addWidget(scopeLabel);
    controls->addWidget(m_scope);
    controls->addStretch();
    controls->addWidget(scaleButton);
    controls->addWidget(m_report);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("needsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    using charts::ChartPanel;
    QAbstractItemModel *comps = m_competencies;
    QAbstractItemModel *unmet = m_unmet;
    QAbstractItemModel *groups = m_shownGroups;
    m_panels << new ChartPanel({ QStringLiteral("needsMean"), [comps] { return charts::createMeanNeedChart(comps); }, comps,
        { CompetencyStatsModel::Code, CompetencyStatsModel::Title, CompetencyStatsModel::Respondents,
            CompetencyStatsModel::NotApplicable, CompetencyStatsModel::MeanNeed, CompetencyStatsModel::HighNeedShare },
        true, CompetencyStatsModel::Title, nullptr, {}, {} });
    m_panels << new ChartPanel({ QStringLiteral("needsDistribution"), [comps] { return charts::createLikertChart(comps); }, comps,
        { CompetencyStatsModel::Code, CompetencyStatsModel::Need1, CompetencyStatsModel::Need2, CompetencyStatsModel::Need3,
            CompetencyStatsModel::Need4, CompetencyStatsModel::Need5, CompetencyStatsModel::NotApplicable },
        true, -1, nullptr, {}, {} });
    m_panels << new ChartPanel(
        { QStringLiteral("needsSupply"), [comps, unmet] { return charts::createNeedSupplyChart(comps, unmet); }, unmet,
            { CompetencyStatsModel::Code, CompetencyStatsModel::Title, CompetencyStatsModel::MeanNeed,
                CompetencyStatsModel::HighNeedShare, CompetencyStatsModel::Supply, CompetencyStatsModel::Coverage },
            false, CompetencyStatsModel::Title, nullptr, { comps }, {} });
    m_panels << new ChartPanel({ QStringLiteral("needsGroups"),
        [this, groups] {
            return charts::createGroupChart(groups,
                m_groups->breakdown().kind == stats::Breakdown::Kind::Province ? tr("Mean need per province")
                                                                               : tr("Mean need per centre"));
        },
        m_groups, {}, true, GroupStatsModel::Name, groups, {}, [this] { ensureGroups(); } });
    m_panels[2]->setNote(m_competencies->rule().description());
    m_panels[3]->setNote(
        tr("Groups with fewer than %1 respondents are suppressed to protect anonymity and left out of the chart.")
            .arg(stats::kMinGroupRespondents));

    m_compare = new QComboBox;
    m_compare->setObjectName(QStringLiteral("needsCompare"));
    m_compare->addItem(tr("Provinces"), int(stats::Breakdown::Kind::Province));
    m_compare->addItem(tr("Centres"), int(stats::Breakdown::Kind::Centre));
    auto *groupsPage = new QWidget;
    auto *groupsLayout = new QVBoxLayout(groupsPage);
    auto *compareRow = new QHBoxLayout;
    auto *compareLabel = new QLabel(tr("&Compare:"));
    compareLabel->setBuddy(m_compare);
    compareRow->addWidget(compareLabel);
    compareRow->addWidget(m_compare);
    compareRow->addStretch();
    groupsLayout->addLayout(compareRow);
    groupsLayout->addWidget(m_panels[3], 1);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("needsTabs"));
    m_tabs->addTab(m_panels[0], tr("Mean need"));
    m_tabs->addTab(m_panels[1], tr("Distribution"));
    m_tabs->addTab(m_panels[2], tr("Need and supply"));
    m_tabs->addTab(groupsPage, tr("Province / centre comparison"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        loadScopes();
        reload();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &NeedsPage::reload);
    connect(m_compare, &QComboBox::currentIndexChanged, this, &NeedsPage::reloadGroups);
    // Only the charts (and the comparison) of the tab shown are kept current.
    connect(m_tabs, &QTabWidget::currentChanged, this, &NeedsPage::updateShownPanels);
    connect(scaleButton, &QPushButton::clicked, this, &NeedsPage::editScaleLabels);
    connect(m_report, &QPushButton::clicked, this, &NeedsPage::writeReport);
}

charts::ChartPanel *NeedsPage::panel(int index) const
{
    return m_panels.value(index);
}

int NeedsPage::panelCount() const
{
    return int(m_panels.size());
}

void NeedsPage::setDatabase(Database *db)
{
    m_db = db;
    m_cache.clear();
    m_data.reset();
    // Switching fields re-reads ~13,000 ratings; a page cache that holds the
    // whole national file (~12 MB) keeps that in memory (16 MB at most,
    // per connection; SQLite's default is 2 MB).
    if (m_db) {
        // Only speed depends on it: a refusal is logged and the page works on.
        if (Status s = Sql::exec(m_db->connection(), QStringLiteral("PRAGMA cache_size = -16384")); !s)
            qCWarning(lcNeedsPage) << "cannot enlarge the page cache:" << s.message();
    }
    loadFields();
}

void NeedsPage::refresh()
{
    m_cache.clear(); // data changed elsewhere
    reload();
}

std::shared_ptr<const stats::FieldData> NeedsPage::fieldData(QString *error)
{
    const QString code = currentFieldCode();
    if (!m_db || code.isEmpty())
        return {};
    auto data = m_cache.get(m_db->connection(), code);
    if (!data) {
        if (error)
            *error = data.message();
        return {};
    }
    return data.value();
}

QString NeedsPage::currentFieldCode() const
{
    return m_field->currentData().toString();
}

void NeedsPage::setFieldCode(const QString &code)
{
    const int index = m_field->findData(code.trimmed().toUpper());
    if (index >= 0)
        m_field->setCurrentIndex(index);
    else
        m_pendingField = code.trimmed().toUpper();
}

void NeedsPage::loadFields()
{
    const QString keep = m_pendingField.isEmpty() ? currentFieldCode() : m_pendingField;
    {
        const QSignalBlocker blocker(m_field);
        m_field->clear();
        if (m_db) {
            auto fields = stats::listFields(m_db->connection());
            if (!fields) {
                m_lastError = fields.message();
                emit statusMessage(m_lastError);
            } else {
                for (const stats::FieldInfo &f : fields.value())
                    m_field->addItem(QStringLiteral("%1 – %2").arg(f.code, f.displayName()), f.code);
            }
        }
        const int index = m_field->findData(keep);
        m_field->setCurrentIndex(index >= 0 ? index : (m_field->count() > 0 ? 0 : -1));
    }
    if (m_field->findData(m_pendingField) >= 0)
        m_pendingField.clear();
    loadScopes();
    reload();
}

void NeedsPage::loadScopes()
{
    const QSignalBlocker blocker(m_scope);
    m_scope->clear();
    m_scope->addItem(tr("all provinces and centres"), QVariant());
    const auto data = fieldData();
    if (!data)
        return; // reload() reports the error
    for (const stats::ScopeOption &o : data->scopeOptions()) {
        const QString text = o.scope.kind == stats::Scope::Kind::Province
            ? tr("province %1 (%n teachers)", nullptr, o.teachers).arg(o.name)
            : tr("centre %1 (%n teachers)", nullptr, o.teachers).arg(o.name);
        m_scope->addItem(text, QVariantList { int(o.scope.kind), o.scope.id });
    }
}

stats::Scope NeedsPage::currentScope() const
{
    const QVariantList data = m_scope->currentData().toList();
    if (data.size() != 2)
        return {};
    return stats::Scope { stats::Scope::Kind(data.at(0).toInt()), data.at(1).toInt() };
}

void NeedsPage::reload()
{
    m_lastError.clear();
    const QString code = currentFieldCode();
    if (!m_db || code.isEmpty()) {
        m_data.reset();
        m_competencies->setStats({});
        m_summary->setText(m_db ? tr("The database has no pilot fields.") : tr("No database is open."));
        m_report->setEnabled(false);
        reloadGroups();
        updateShownPanels();
        return;
    }
    m_data = fieldData(&m_lastError);
    if (!m_data) {
        m_summary->setText(m_lastError);
        m_competencies->setStats({});
        reloadGroups();
        updateShownPanels();
        return;
    }
    m_competencies->setStats(m_data->stats(currentScope()));
    const stats::FieldStats &f = m_competencies->stats();
    const QLocale locale;
    const int unmet = m_unmet->rowCount();
    QString text = tr("%1: %2 teachers, %3 respondents, %n competencies, survey round %4.", nullptr, int(f.competencies.size()))
                       .arg(f.displayName(), locale.toString(f.teachers), locale.toString(f.respondents))
                       .arg(f.round);
    if (f.round == 0)
        text += QLatin1Char(' ') + tr("No need ratings have been recorded for this field yet.");
    else if (f.suppressed)
        text += QLatin1Char(' ')
            + tr("Fewer than %1 respondents in this selection: the values are suppressed to protect anonymity.")
                  .arg(stats::kMinGroupRespondents);
    else
        text += QLatin1Char(' ') + tr("%n unmet need(s).", nullptr, unmet);
    if (!f.centres.isEmpty())
        text += QLatin1Char(' ') + tr("Centre(s): %1.").arg(f.centres.join(QStringLiteral(", ")));
    m_summary->setText(text);
    m_report->setEnabled(true);
    reloadGroups();
    updateShownPanels();
}

void NeedsPage::updateShownPanels()
{
    for (charts::ChartPanel *panel : std::as_const(m_panels))
        if (panel->isShown())
            panel->ensureCurrent();
}

void NeedsPage::reloadGroups()
{
    // The comparison is computed when its tab is shown (or its model asked for).
    m_groupsStale = true;
    if (m_panels[3]->isShown())
        m_panels[3]->ensureCurrent(); // computes the comparison first
    else if (m_groups->rowCount() > 0)
        m_groups->setBreakdown({}); // no comparison of another field stays behind
}

stats::GroupStatsModel *NeedsPage::groupModel()
{
    ensureGroups();
    return m_groups;
}

void NeedsPage::ensureGroups()
{
    if (!m_groupsStale)
        return;
    m_groupsStale = false;
    if (!m_db || !m_data || m_competencies->stats().code.isEmpty()) {
        m_groups->setBreakdown({});
        return;
    }
    // The comparison is always over the whole field (the scope filter does not apply).
    const auto kind = stats::Breakdown::Kind(m_compare->currentData().toInt());
    m_groups->setBreakdown(m_data->breakdown(kind));
}

void NeedsPage::editScaleLabels()
{
    stats::LikertScale scale = m_competencies->scale();
    QStringList lines;
    for (const QString &l : scale.labels)
        lines << l;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Scale labels"),
        tr("Labels of the need scale, one per line, from 1 (no need) to 5 (very high need):"), lines.join(QLatin1Char('\n')),
        &ok);
    if (!ok)
        return;
    const QStringList entered = text.split(QLatin1Char('\n'));
    const stats::LikertScale defaults = stats::LikertScale::defaults();
    for (int i = 0; i < stats::kScaleSize; ++i) {
        const QString l = i < entered.size() ? entered.at(i).trimmed() : QString();
        scale.labels[std::size_t(i)] = l.isEmpty() ? defaults.labels[std::size_t(i)] : l;
    }
    scale.store();
    m_competencies->setScale(scale);
    reload(); // the Likert legend takes its labels from the model headers
}

void NeedsPage::writeReport()
{
    if (!m_db)
        return;
    const QString code = currentFieldCode();
    QString path = QFileDialog::getSaveFileName(this, tr("PDF report"),
        SavedFiles::suggestion(tr("needs-%1.pdf").arg(code), QFileInfo(m_db->path()).absolutePath()), tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto input = report::collectNeedsReport(m_db->connection(), code, currentScope());
    Status written = input ? report::writeNeedsReport(input.value(), path) : Status(input.error());
    QApplication::restoreOverrideCursor();
    if (!written)
        QMessageBox::warning(this, tr("PDF report"), written.message());
    else
        SavedFiles::offer(this, path, tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
}

charts::ChartPanel *NeedsPage::currentPanel() const
{
    QWidget *tab = m_tabs->currentWidget();
    if (auto *panel = qobject_cast<charts::ChartPanel *>(tab))
        return panel;
    return tab ? tab->findChild<charts::ChartPanel *>() : nullptr;
}

bool NeedsPage::canPrint() const
{
    return currentPanel() != nullptr;
}

void NeedsPage::print()
{
    if (charts::ChartPanel *panel = currentPanel())
        panel->printChart();
}

Page *createNeedsPage(QUndoStack *undo, QWidget *parent)
{
    return new NeedsPage(undo, parent);
}

} // namespace kopru
