// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/exchange/roledialog.h"

#include "models/db/referencedata.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace kopru {

RoleDialog::RoleDialog(const DatabaseRole &initial, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("RoleDialog"));
    setWindowTitle(tr("New Database"));
    auto *intro = new QLabel(tr("Whose database is this? The national office and each centre keep their own database and "
                                "exchange packages. The choice is kept for ever."),
        this);
    intro->setWordWrap(true);
    m_national = new QRadioButton(tr("The &national office"), this);
    m_national->setObjectName(QStringLiteral("roleNational"));
    m_centre = new QRadioButton(tr("A &centre:"), this);
    m_centre->setObjectName(QStringLiteral("roleCentre"));
    m_centres = new QComboBox(this);
    m_centres->setObjectName(QStringLiteral("roleCentres"));
    for (const ref::Centre &c : ref::kCentres)
        m_centres->addItem(tr("%1. %2").arg(c.id).arg(QString::fromUtf8(c.name)), c.id);
    m_centres->setAccessibleName(tr("Centre"));
    connect(m_centre, &QRadioButton::toggled, m_centres, &QWidget::setEnabled);
    connect(m_centres, &QComboBox::activated, this, [this] { m_centre->setChecked(true); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_national);
    layout->addWidget(m_centre);
    auto *indent = new QHBoxLayout;
    indent->addSpacing(24);
    indent->addWidget(m_centres, 1);
    layout->addLayout(indent);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setRole(initial);
}

void RoleDialog::setRole(const DatabaseRole &role)
{
    (role.isCentre() ? m_centre : m_national)->setChecked(true);
    m_centres->setEnabled(role.isCentre());
    const int index = m_centres->findData(role.centreId());
    if (index >= 0)
        m_centres->setCurrentIndex(index);
}

DatabaseRole RoleDialog::role() const
{
    return m_centre->isChecked() ? DatabaseRole::centre(m_centres->currentData().toInt()) : DatabaseRole::national();
}

} // namespace kopru
