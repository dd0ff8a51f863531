// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/cli/cliargs.h"

namespace kopru::cli {

// kopru-cli report DB --field CODE --out FILE.pdf (needs a QApplication: charts).
int runReport(const QStringList &args, Io &io);

} // namespace kopru::cli
