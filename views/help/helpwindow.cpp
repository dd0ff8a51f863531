// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/help/helpwindow.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QScreen>
#include <QScrollBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace kopru {

HelpWindow::HelpWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("helpWindow"));
    setWindowTitle(tr("Köprü User Guide"));

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    m_browser->setOpenExternalLinks(true);

    const auto button = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    QToolButton *back = button(tr("◀ &Back"), QStringLiteral("helpBack"), tr("Back to the previous place in the guide"));
    QToolButton *forward = button(tr("&Forward ▶"), QStringLiteral("helpForward"), tr("Forward again"));
    QToolButton *contents
        = button(tr("&Contents"), QStringLiteral("helpContents"), tr("The beginning of the guide, with its contents"));
    back->setEnabled(false);
    forward->setEnabled(false);
    connect(back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(contents, &QToolButton::clicked, this, [this] { showSection({}); });
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, forward, &QToolButton::setEnabled);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("helpSearch"));
    m_search->setPlaceholderText(tr("Search the guide…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(m_search, &QLineEdit::textEdited, this, [this] {
        m_search->setPalette(QPalette());
        QTextCursor start = m_browser->textCursor();
        start.setPosition(start.selectionStart());
        m_browser->setTextCursor(start);
        findNext(false);
    });
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *next = new QAction(this);
    next->setShortcut(QKeySequence::FindNext);
    connect(next, &QAction::triggered, this, [this] { findNext(false); });
    auto *previous = new QAction(this);
    previous->setShortcut(QKeySequence::FindPrevious);
    connect(previous, &QAction::triggered, this, [this] { findNext(true); });
    addActions({ find, next, previous });

    auto *bar = new QHBoxLayout;
    bar->addWidget(back);
    bar->addWidget(forward);
    bar->addWidget(contents);
    bar->addStretch();
    bar->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_browser, 1);

    // The screenshots are 800 px wide: as wide as they are, but never wider
    // than the screen leaves.
    QSize size(880, 680);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableSize() * 0.9);
    resize(size);
}

QUrl HelpWindow::guideUrl(const QString &section)
{
    const bool turkish = QLocale().language() == QLocale::Turkish;
    QUrl url(turkish ? QStringLiteral("qrc:/help/guide-tr.html") : QStringLiteral("qrc:/help/guide-en.html"));
    if (!section.isEmpty())
        url.setFragment(section);
    return url;
}

void HelpWindow::showSection(const QString &section)
{
    m_browser->setSource(guideUrl(section));
    // Again at the section even when the guide was already there and scrolled.
    if (section.isEmpty())
        m_browser->verticalScrollBar()->setValue(0);
    else
        m_browser->scrollToAnchor(section);
    show();
    raise();
    activateWindow();
}

void HelpWindow::findNext(bool backwards)
{
    const QString text = m_search->text();
    if (text.isEmpty())
        return;
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_browser->find(text, flags);
    if (!found) {
        QTextCursor wrap = m_browser->textCursor();
        wrap.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_browser->setTextCursor(wrap);
        found = m_browser->find(text, flags);
    }
    QPalette palette;
    if (!found)
        palette.setColor(QPalette::Base, QColor(0xff, 0xe0, 0xe0));
    m_search->setPalette(palette);
}

} // namespace kopru
