// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/exchange/databaserole.h"

#include <QDialog>

class QComboBox;
class QRadioButton;

namespace kopru {

// File ▸ New asks what the new database is in the national programme: the
// national office, or one centre (chosen from the reference centres). The
// role is kept for ever (docs/exchange.md, "What a database is").
class RoleDialog final : public QDialog
{
    Q_OBJECT
public:
    RoleDialog(const DatabaseRole &initial, QWidget *parent);

    DatabaseRole role() const;
    void setRole(const DatabaseRole &role);

private:
    QRadioButton *m_national = nullptr;
    QRadioButton *m_centre = nullptr;
    QComboBox *m_centres = nullptr;
};

} // namespace kopru
