// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QTableView;
class QUndoStack;

namespace kopru {

class Database;

// One page of the main window's navigation. The main window owns the database
// and the undo stack; pages get them and never outlive the window.
class Page : public QWidget
{
    Q_OBJECT
public:
    Page(QUndoStack *undoStack, QWidget *parent)
        : QWidget(parent)
        , m_undoStack(undoStack)
    { }

    // Stable name used by `kopru DB --page NAME` ("overview", "teachers", …).
    virtual QString pageName() const = 0;
    // Translated title shown in the navigation.
    virtual QString pageTitle() const = 0;
    // A new database was opened (nullptr: closed). Pages reload everything.
    virtual void setDatabase(Database *db) = 0;
    // How the main window hands the database to its pages: a visible page
    // loads it now, a hidden one when it is first shown (setDatabase() then),
    // so that opening a large database shows the current page first and the
    // other pages load their data only if the user visits them.
    void attachDatabase(Database *db);
    // Whether the page has loaded the database it was given.
    bool isLoaded() const { return !m_pending; }
    // Preselect a pilot field by code (from --field); pages without a field ignore it.
    virtual void setFieldCode(const QString &code) { Q_UNUSED(code) }
    // Data changed elsewhere (another page, an import, a plan run): reload.
    virtual void refresh() { }
    // Data changed while the page is hidden: refresh() when it is next shown.
    void markStale();

    // The page's search box, focused by Edit ▸ Find (Ctrl+F); nullptr if it has none.
    virtual QLineEdit *searchEdit() const { return nullptr; }
    // The table File ▸ Print (Ctrl+P) prints as shown (filtered, sorted); nullptr if none.
    virtual QTableView *printTable() const { return nullptr; }
    // File ▸ Print: true if the page has something to print.
    virtual bool canPrint() const;
    // Prints the page through a print preview (by default printTable() under the page's title).
    virtual void print();

signals:
    void statusMessage(const QString &text, int timeoutMs = 0);
    // This page changed data other pages show.
    void dataModified();

protected:
    QUndoStack *undoStack() const { return m_undoStack; }
    // For refresh(): true when the page is hidden — reloading it is wasted work
    // then; it calls refresh() again when it is next shown.
    bool deferWhileHidden();
    void showEvent(QShowEvent *event) override;

private:
    QUndoStack *m_undoStack;
    bool m_stale = false; // refresh() was deferred while hidden
    Database *m_pending = nullptr; // given while hidden, loaded on show
};

} // namespace kopru
