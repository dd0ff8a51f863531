// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/preferencesdialog.h"

#include "models/core/languagepreference.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kopru {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("PreferencesDialog"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Automatic (follow the system)"), QStringLiteral("auto"));
    // Language names in their own language, as users look for them.
    m_language->addItem(QStringLiteral("Türkçe"), QStringLiteral("tr"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    const int current = m_language->findData(LanguagePreference::stored());
    m_language->setCurrentIndex(current < 0 ? 0 : current);

    auto *note = new QLabel(tr("The window changes to the chosen language at once; the undo history is cleared."), this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

void PreferencesDialog::accept()
{
    LanguagePreference::store(m_language->currentData().toString());
    QDialog::accept();
}

} // namespace kopru
