// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the command is built.
#include "cli/cliargs.h"

#include <QCoreApplication>

namespace kopru::cli {

int runPlan(const QStringList &, Io &io)
{
    return fail(io, Usage, QCoreApplication::translate("cli", "the %1 command is not available yet").arg(QStringLiteral("plan")));
}

} // namespace kopru::cli
