// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;

namespace kopru {

// File ▸ Preferences: the UI language (Automatic, Türkçe, English), stored
// with LanguagePreference and applied at the next start.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QComboBox *m_language = nullptr;
};

} // namespace kopru
