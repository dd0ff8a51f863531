// SPDX-License-Identifier: GPL-3.0-or-later
// The commands of kopru-cli, one file each; the table that lists them is
// app/kopru-cli/commandtable.cpp.
#pragma once

#include "app/kopru-cli/command.h"

namespace kopru::cli {

Syntax initSyntax();
int runInit(const Arguments &args, Io &io);
Syntax demoSyntax();
int runDemo(const Arguments &args, Io &io);
Syntax importSyntax();
int runImport(const Arguments &args, Io &io);
Syntax statsSyntax();
int runStats(const Arguments &args, Io &io);
Syntax qualitySyntax();
int runQuality(const Arguments &args, Io &io);
Syntax planSyntax();
int runPlan(const Arguments &args, Io &io);
Syntax exportSyntax();
int runExport(const Arguments &args, Io &io);
Syntax reportSyntax();
int runReport(const Arguments &args, Io &io);
Syntax qualityReportSyntax();
int runQualityReport(const Arguments &args, Io &io);
Syntax certificatesSyntax();
int runCertificates(const Arguments &args, Io &io);
Syntax verifyCertificateSyntax();
int runVerifyCertificate(const Arguments &args, Io &io);
Syntax checkSyntax();
int runCheck(const Arguments &args, Io &io);
Syntax backupSyntax();
int runBackup(const Arguments &args, Io &io);
Syntax backupsSyntax();
int runBackups(const Arguments &args, Io &io);
Syntax restoreSyntax();
int runRestore(const Arguments &args, Io &io);
Syntax roleSyntax();
int runRole(const Arguments &args, Io &io);
Syntax packSyntax();
int runPack(const Arguments &args, Io &io);
Syntax receiveSyntax();
int runReceive(const Arguments &args, Io &io);
Syntax serverInitSyntax();
int runServerInit(const Arguments &args, Io &io);
Syntax copySyntax();
int runCopy(const Arguments &args, Io &io);
Syntax upgradeSyntax();
int runUpgrade(const Arguments &args, Io &io);
// Upgrades the server database `url` (ServerUpgrade) and prints what was done.
int upgradeServerDatabase(const QString &url, Io &io);

} // namespace kopru::cli
