// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace kopru {

// Shown when Köprü starts without a database: create a new one, open an
// existing one, connect to a server database, or open the demo database.
class StartDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { None, CreateNew, OpenExisting, ConnectServer, OpenDemo };

    explicit StartDialog(QWidget *parent = nullptr);
    Choice choice() const { return m_choice; }

private:
    void choose(Choice choice);
    Choice m_choice = Choice::None;
};

} // namespace kopru
