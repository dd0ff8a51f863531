// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

class QLineEdit;
class QTextBrowser;

namespace kopru {

// The user guide shipped inside the program (resources/help/, offline), in
// the UI language, opened with F1 at the section of the current page. One
// window per main window; F1 again brings it to the front at the new section.
class HelpWindow final : public QWidget
{
    Q_OBJECT
public:
    explicit HelpWindow(QWidget *parent = nullptr);

    // The guide of the UI language ("tr" when QLocale() is Turkish, else
    // "en") at `section` (a page's name, or empty for the beginning).
    static QUrl guideUrl(const QString &section = {});
    // Shows the guide at `section`, raising the window.
    void showSection(const QString &section);

    QTextBrowser *browser() const { return m_browser; }
    QLineEdit *searchEdit() const { return m_search; }

private:
    // Looks for the search text from the cursor on, wrapping once; marks the
    // box when it is not in the guide.
    void findNext(bool backwards);

    QTextBrowser *m_browser = nullptr;
    QLineEdit *m_search = nullptr;
};

} // namespace kopru
