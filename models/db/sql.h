// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>

// Small helpers so that every prepare/exec result is checked and values are
// always bound, never concatenated into SQL.
namespace kopru::Sql {

// Runs one statement with positional bindings.
Status exec(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings = {});
// Prepares `sql` into `query` (forward-only).
Status prepare(QSqlQuery &query, const QString &sql);
// Executes a prepared query after binding `bindings` positionally.
Status run(QSqlQuery &query, std::initializer_list<QVariant> bindings = {});
// The first column of the first row, or an invalid QVariant; errors as Error.
Expected<QVariant> scalar(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> bindings = {});
// Error from a failed query, with the statement for context.
Error errorOf(const QSqlQuery &query);

} // namespace kopru::Sql
