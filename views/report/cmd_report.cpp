// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the report is built.
#include "report/reportcommand.h"

#include <QCoreApplication>

namespace kopru::cli {

int runReport(const QStringList &, Io &io)
{
    return fail(io, Usage, QCoreApplication::translate("cli", "the %1 command is not available yet").arg(QStringLiteral("report")));
}

} // namespace kopru::cli
