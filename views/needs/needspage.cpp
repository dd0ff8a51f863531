// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/needs/needspage.h"

#include "models/db/database.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/quality/competencychangemodel.h"
#include "models/report/needsreport.h"
#include "models/stats/competencystatsmodel.h"
#include "models/stats/flagfiltermodel.h"
#include "models/stats/groupstatsmodel.h"
#include "models/stats/roundcomparison.h"
#include "views/charts/chartpanel.h"
#include "views/charts/needcharts.h"
#include "views/pages/compactcombo.h"
#include "views/pages/flowlayout.h"
#include "views/pages/liverefresh.h"
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
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kopru {

namespace {
Q_LOGGING_CATEGORY(lcNeedsPage, "kopru.needs.page")
// The Round selector's last choice (QSettings): a round, NeedsPage::kCompareRounds, 0 = the latest.
const QString kRoundKey = QStringLiteral("needs/round");
} // namespace

using stats::CompetencyStatsModel;
using stats::GroupStatsModel;

NeedsPage::NeedsPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
{
    setObjectName(QStringLiteral("NeedsPage"));
    m_roundChoice = QSettings().value(kRoundKey, 0).toInt();
    createModels();
    createLayout();
    // Other users' changes of what the page shows (docs/server.md).
    LiveRefresh::follow(this,
        { QStringLiteral("centre"), QStringLiteral("centre_field"), QStringLiteral("competency"), QStringLiteral("field"),
            QStringLiteral("need_rating"), QStringLiteral("province"), QStringLiteral("session_competency"),
            QStringLiteral("teacher"), QStringLiteral("training_session") });
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
    m_changes = new quality::CompetencyChangeModel(this);
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
    m_round = new QComboBox;
    m_round->setObjectName(QStringLiteral("needsRound"));
    m_round->addItem(tr("Round 1"), 1);
    m_round->addItem(tr("Round 2"), 2);
    m_round->addItem(tr("Compare rounds"), kCompareRounds);
    m_round->setToolTip(tr("Survey round 1 is the needs survey, round 2 the survey after the training"));
    m_roundLabel = new QLabel(tr("R&ound:"));
    m_roundLabel->setBuddy(m_round);
    m_round->setVisible(false); // shown for a field with answers of round 2
    m_roundLabel->setVisible(false);
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
    controls->addSpacing(12);
    controls->addWidget(m_roundLabel);
    controls->addWidget(m_round);
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
    QAbstractItemModel *changes = m_changes;
    m_panels << new ChartPanel({ QStringLiteral("needsRounds"), [changes] { return charts::createRoundChangeChart(changes); },
        changes,
        // The competency's title is the code's tooltip: the figures fit beside the chart.
        { quality::CompetencyChangeModel::Code, quality::CompetencyChangeModel::Before, quality::CompetencyChangeModel::After,
            quality::CompetencyChangeModel::Change, quality::CompetencyChangeModel::CiLow, quality::CompetencyChangeModel::CiHigh,
            quality::CompetencyChangeModel::Answers, quality::CompetencyChangeModel::Method },
        true, -1, nullptr, {}, {} });
    m_panels[2]->setNote(m_competencies->rule().description());
    m_panels[4]->setNote(tr("Change: mean need in round 2 minus round 1; negative means the need fell. Paired: the teachers "
                            "who answered both rounds (n), with Student's t on their differences; with fewer than two such "
                            "teachers the rounds are compared as independent samples (Welch's interval, n = answers of both "
                            "rounds)."));
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
    m_tabs->addTab(m_panels[4], tr("Round 1 and 2"));
    m_tabs->setTabVisible(4, false); // only when the rounds are compared

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        loadScopes();
        reload();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &NeedsPage::reload);
    connect(m_round, &QComboBox::currentIndexChanged, this, [this] {
        m_roundChoice = m_round->currentData().toInt();
        QSettings().setValue(kRoundKey, m_roundChoice);
        reload();
    });
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
        const QSqlDatabase c = m_db->connection();
        for (const QString &statement : SqlDialect::largerPageCache(SqlDialect::backendOf(c), 16384))
            if (Status s = Sql::exec(c, statement); !s)
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
    m_shownRound = 0;
    const QString code = currentFieldCode();
    if (!m_db || code.isEmpty()) {
        m_data.reset();
        m_competencies->setStats({});
        m_changes->clear();
        m_summary->setText(m_db ? tr("The database has no pilot fields.") : tr("No database is open."));
        m_report->setEnabled(false);
        updateRoundChoice();
        reloadGroups();
        updateShownPanels();
        return;
    }
    m_data = fieldData(&m_lastError); // the latest round: what a field switch reads
    if (m_data && m_data->latestRound() >= 2 && m_roundChoice != 0 && m_roundChoice != m_data->latestRound()) {
        // Another round, or round 1 beside round 2 for the comparison: read when chosen, then cached.
        auto other = m_cache.get(m_db->connection(), code, m_roundChoice == kCompareRounds ? 1 : m_roundChoice);
        if (!other) {
            m_lastError = other.message();
            m_data.reset();
        } else if (m_roundChoice != kCompareRounds) {
            m_data = other.value();
        }
    }
    updateRoundChoice();
    if (!m_data) {
        m_summary->setText(m_lastError);
        m_competencies->setStats({});
        m_changes->clear();
        reloadGroups();
        updateShownPanels();
        return;
    }
    m_competencies->setStats(m_data->stats(currentScope()));
    m_report->setEnabled(true);
    if (m_shownRound == kCompareRounds) {
        showRoundComparison();
        reloadGroups();
        updateShownPanels();
        return;
    }
    m_changes->clear();
    const stats::FieldStats &f = m_competencies->stats();
    const QLocale locale;
    const int unmet = m_unmet->rowCount();
    QString text = tr("%1: %2 teachers, %3 respondents, %n competencies, survey round %4.", nullptr, int(f.competencies.size()))
                       .arg(f.displayName(), locale.toString(f.teachers), locale.toString(f.respondents))
                       .arg(f.round);
    if (f.round == 0 || (f.respondents == 0 && f.scope.kind == stats::Scope::Kind::All))
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
    reloadGroups();
    updateShownPanels();
}

void NeedsPage::updateRoundChoice()
{
    // Rounds are chosen only where there are two; the choice stays for the next such field.
    const bool choosable = m_data && m_data->latestRound() >= 2;
    m_round->setVisible(choosable);
    m_roundLabel->setVisible(choosable);
    const int choice = m_roundChoice != 0 ? m_roundChoice : (m_data ? m_data->latestRound() : 0);
    m_shownRound = !m_data ? 0 : choosable && choice == kCompareRounds ? kCompareRounds : m_data->round();
    if (choosable) {
        const QSignalBlocker blocker(m_round);
        m_round->setCurrentIndex(m_round->findData(m_shownRound));
    }
    showComparisonTab(m_shownRound == kCompareRounds);
}

bool NeedsPage::setRoundChoice(int choice)
{
    const int index = m_round->findData(choice);
    if (!m_data || m_data->latestRound() < 2 || index < 0)
        return false;
    if (index == m_round->currentIndex() && m_shownRound == choice)
        return true;
    m_roundChoice = choice;
    QSettings().setValue(kRoundKey, m_roundChoice);
    reload();
    return true;
}

void NeedsPage::showRoundComparison()
{
    const QString code = currentFieldCode();
    auto before = m_cache.get(m_db->connection(), code, 1);
    auto after
        = before ? m_cache.get(m_db->connection(), code, 2) : Expected<std::shared_ptr<const stats::FieldData>>(before.error());
    if (!after) {
        m_lastError = after.message();
        m_summary->setText(m_lastError);
        m_changes->clear();
        return;
    }
    const stats::RoundComparison c = stats::compareRounds(*before.value(), *after.value(), currentScope());
    m_changes->setChanges(c.competencies, c.displayName());
    const QLocale locale;
    QString text = tr("%1: %2 teachers; respondents of survey round 1: %3, of round 2: %4, of both rounds: %5.")
                       .arg(c.displayName(), locale.toString(c.teachers), locale.toString(c.respondentsBefore),
                           locale.toString(c.respondentsAfter), locale.toString(c.bothRounds));
    if (c.suppressed)
        text += QLatin1Char(' ')
            + tr("Fewer than %1 respondents in a round of this selection: the values are suppressed to protect anonymity.")
                  .arg(stats::kMinGroupRespondents);
    else
        text += QLatin1Char(' ') + tr("%n competency(ies) with answers in round 2.", nullptr, int(c.competencies.size()));
    m_summary->setText(text);
}

void NeedsPage::showComparisonTab(bool compare)
{
    const int comparison = m_tabs->count() - 1;
    if (compare == m_tabs->isTabVisible(comparison))
        return;
    // The comparison replaces the single round's tabs while the rounds are compared.
    if (compare) {
        m_tabs->setTabVisible(comparison, true);
        m_tabs->setCurrentIndex(comparison);
    }
    for (int i = 0; i < comparison; ++i)
        m_tabs->setTabVisible(i, !compare);
    if (!compare) {
        m_tabs->setCurrentIndex(0);
        m_tabs->setTabVisible(comparison, false);
    }
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
