// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Who made a change, on a server database (rules version 4, docs/server.md,
// "Who"). The triggers record where a change was made in modified_by,
// record_modified_by and deleted_by; on a file that is the database's label
// ('national'), on a server the label and the login ('national:ayse',
// SqlDialect::changeLabel), since several people share the national office's
// label there. A server database made before rules version 4 has trigger
// functions that record the label alone; these statements make the function
// kopru_change_label() and rewrite every function of the schema that
// records the label alone to call it (the label's expression replaced,
// nothing else), as a new database has them. They may run again: a function
// that calls it already is left as it is.
namespace kopru::ServerLabels {

QStringList statements();

} // namespace kopru::ServerLabels
