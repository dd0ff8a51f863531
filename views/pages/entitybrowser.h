// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kopru {

class EntityTableModel;
class Lookups;
class TurkishFilterProxy;

// The common part of the entity pages: a toolbar (search box, filter combos
// with "All", Add and Delete) over a sortable table of an EntityTableModel
// through a TurkishFilterProxy, with validating delegates. Column widths and
// order are kept in QSettings under "pages/<name>/header".
class EntityBrowser final : public QWidget
{
    Q_OBJECT
public:
    enum Filter { FieldFilter = 1, ProvinceFilter = 2, CentreFilter = 4 };

    EntityBrowser(const QString &settingsName, EntityTableModel *model, int filters, QWidget *parent);
    ~EntityBrowser() override;

    // Fills the filter combos (after a database was opened).
    void setLookups(const Lookups *lookups);
    void setFieldFilter(int fieldId);

    QTableView *view() const { return m_view; }
    TurkishFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *deleteButton() const { return m_delete; }
    QComboBox *filterCombo(Filter which) const;

    // Source ids of the selected rows, and of the current row (0 when none).
    QList<int> selectedIds() const;
    int currentId() const;
    // Makes the row with this id current (clears filters that hide it).
    void selectId(int id);

    void saveHeaderState() const;

signals:
    void addRequested();
    void deleteRequested();
    void currentIdChanged(int id);

private:
    void createToolbar(int filters);
    void createView();
    void updateCount();
    QComboBox *makeFilter(int role, const QString &toolTip);

    QString m_settingsName;
    EntityTableModel *m_model;
    TurkishFilterProxy *m_proxy;
    QLineEdit *m_search = nullptr;
    QComboBox *m_field = nullptr, *m_province = nullptr, *m_centre = nullptr;
    QPushButton *m_add = nullptr, *m_delete = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_view = nullptr;
    bool m_headerRestored = false;
    // The id last sent with currentIdChanged: a search or filter re-sorts the
    // proxy with layoutChanged, after which the selection model does not say
    // that the current row has gone.
    int m_shownId = 0;
};

} // namespace kopru
