// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/monthreport.h"

#include "models/export/monthcalendarmodel.h"

#include <QCoreApplication>

namespace kopru::exporting {

namespace {

// Sessions listed per day: with six weeks a row has room for about six lines
// of the compact table font on a landscape page (two for a long name).
constexpr int kLinesPerDay = 4;
constexpr int kLabelChars = 34;

QString shortened(const QString &text)
{
    return text.size() <= kLabelChars ? text : text.left(kLabelChars - 1) + QChar(0x2026);
}

} // namespace

document::Document monthReport(const MonthCalendarModel &calendar)
{
    document::Document doc;
    doc.title = QCoreApplication::translate("Export", "Schedule, %1").arg(calendar.monthTitle());
    doc.orientation = QPageLayout::Landscape;
    doc.typography = document::Typography::compact();
    std::vector<document::TableColumn> columns;
    for (int day = 0; day < calendar.columnCount(); ++day)
        columns.push_back({ calendar.headerData(day, Qt::Horizontal).toString(), 1, false });
    document::Block grid = document::table(columns);
    for (int week = 0; week < calendar.rowCount(); ++week) {
        QStringList cells;
        for (int day = 0; day < calendar.columnCount(); ++day) {
            const QModelIndex index = calendar.index(week, day);
            if (!index.data(MonthCalendarModel::InMonthRole).toBool()) {
                cells << QString();
                continue;
            }
            QStringList lines { index.data().toString() };
            const auto sessions = calendar.sessionsOn(index.data(MonthCalendarModel::DateRole).toDate());
            const int shown = int(sessions.size()) <= kLinesPerDay ? int(sessions.size()) : kLinesPerDay - 1;
            for (int i = 0; i < shown; ++i)
                lines << shortened(MonthCalendarModel::label(*sessions[std::size_t(i)]));
            if (shown < int(sessions.size()))
                lines << MonthCalendarModel::moreLabel(int(sessions.size()) - shown);
            cells << lines.join(QLatin1Char('\n'));
        }
        grid.table.rows.push_back(cells);
    }
    doc.last().name = calendar.monthTitle();
    doc.last().blocks.push_back(document::heading(calendar.monthTitle()));
    doc.last().blocks.push_back(std::move(grid));
    return doc;
}

} // namespace kopru::exporting
