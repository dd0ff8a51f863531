// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>

namespace kopru {

class Random;

// Global ids of records that travel between databases (docs/exchange.md,
// "Identity"): lower-case UUID text, 36 characters.
namespace GlobalId {

// A random (version 4) id: teachers, partners, sessions, placements, proposals.
QString random();
// The same ids as random(), drawn from a seeded generator (the demo builds the
// national office and every centre from one seed with the same ids).
QString fromSeed(Random &rng);

// Name-based (version 5) ids: the same natural key gives the same id in every
// database, so reference data, the catalogue and schools made in two places
// are one record. Keys are exact (as stored), like the tables' UNIQUE keys.
QString forField(const QString &code);
QString forCentre(int centreId);
QString forCompetency(const QString &fieldCode, const QString &code);
QString forSchool(int provincePlate, const QString &district, const QString &name);
// A review item's id from its kind and subject (the same conflict found in
// any order of packages gets the same id).
QString forReviewItem(const QString &kind, const QString &subject);

// Whether `id` is a UUID in the form above.
bool isValid(QStringView id);

} // namespace GlobalId

} // namespace kopru
