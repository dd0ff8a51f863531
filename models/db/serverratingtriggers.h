// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// The need ratings' insert triggers on a server database, set-based (rules
// version 3, docs/server.md). The migrations give need_rating two row
// triggers on INSERT — need_rating_same_field (a rating's competency must be
// of the teacher's field) and need_rating_restored (a rating deleted before
// and now inserted again continues its version and loses its tombstone) —
// which SqlDialect translates into PL/pgSQL functions run once per row. A
// national survey inserts hundreds of thousands of ratings, and there those
// per-row calls cost several times the insert itself. On a server they are
// replaced by one statement-level trigger with a transition table that does
// the same once per INSERT statement with joins: the same refusal (same
// message, the whole statement refused), the same versions and tombstones
// afterwards. A file keeps the row triggers (SQLite has no statement-level
// triggers; its import pauses them itself, RatingInserter).
namespace kopru::ServerRatingTriggers {

// Drops the two row triggers and their functions and creates the
// statement-level trigger; may run again on a database that has it.
QStringList statements();

} // namespace kopru::ServerRatingTriggers
