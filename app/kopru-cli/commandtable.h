// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/kopru-cli/command.h"

namespace kopru::cli {

// The command called `name`, or nullptr.
const Command *findCommand(const QString &name);

// The usage of kopru-cli: one line per command, then each command's summary.
QString usageText();
// "kopru-cli: unknown command NAME" and the usage.
QString unknownCommandText(const QString &name);

} // namespace kopru::cli
