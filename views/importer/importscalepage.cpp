// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard's page for survey files with their own answer labels
// (docs/import.md, "Need levels"): every distinct label, its count and a
// level 1–5 or "not applicable" for each.
#include "models/stats/likertscale.h"
#include "views/importer/importpages.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kopru {

ImportScalePage::ImportScalePage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_missing(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("scalePage"));
    setTitle(tr("Answer labels"));
    setSubTitle(tr("The survey labels its answers in its own words. Choose the need level each label means. "
                   "Your choices are remembered for the next file with these labels."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_missing);
    m_missing->setWordWrap(true);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({ tr("Label in the file"), tr("Cells"), tr("Level") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(this, &QWizardPage::completeChanged, this, &ImportScalePage::showMissing);
}

void ImportScalePage::initializePage()
{
    const QList<ScaleLabel> &labels = m_setup->labels;
    const ScaleMapping remembered = RememberedScale::mapping(labels);
    const stats::LikertScale scale = stats::LikertScale::defaults();
    const QLocale locale;
    m_table->setRowCount(int(labels.size()));
    m_combos.clear();
    for (int i = 0; i < labels.size(); ++i) {
        const ScaleLabel &l = labels.at(i);
        m_table->setItem(i, 0, new QTableWidgetItem(l.label));
        auto *count = new QTableWidgetItem(locale.toString(l.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(i, 1, count);
        auto *combo = new QComboBox(m_table);
        combo->addItem(tr("(choose a level)"), QVariant());
        for (int level = 1; level <= stats::kScaleSize; ++level)
            combo->addItem(scale.label(level), level);
        combo->addItem(scale.notApplicableLabel(), ScaleMapping::kNotApplicable);
        std::optional<int> level = remembered.find(l.label);
        if (!level)
            level = ScaleLabels::guess(l.label);
        combo->setCurrentIndex(level ? std::max(0, combo->findData(*level)) : 0);
        connect(combo, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
        m_table->setCellWidget(i, 2, combo);
        m_combos << combo;
    }
    emit completeChanged();
}

void ImportScalePage::showMissing()
{
    const auto missing
        = std::count_if(m_combos.cbegin(), m_combos.cend(), [](const QComboBox *c) { return !c->currentData().isValid(); });
    m_missing->setText(missing == 0
            ? QString()
            : tr("%n label(s) without a level: the import can start when each has one.", nullptr, int(missing)));
}

bool ImportScalePage::isComplete() const
{
    return std::all_of(m_combos.cbegin(), m_combos.cend(), [](const QComboBox *c) { return c->currentData().isValid(); });
}

bool ImportScalePage::validatePage()
{
    if (!isComplete())
        return false;
    ScaleMapping mapping;
    for (int i = 0; i < m_combos.size(); ++i)
        mapping.assign(m_setup->labels.at(i).label, m_combos.at(i)->currentData().toInt());
    m_setup->scale = mapping;
    RememberedScale::store(m_setup->labels, mapping);
    return true;
}

} // namespace kopru
