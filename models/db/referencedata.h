// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <array>
namespace kopru::ref {
struct Province
{
    int plate;
    const char *name;
    double lat;
    double lon;
}; // UTF-8 names
struct Field
{
    const char *code;
    const char *nameTr;
    const char *nameEn;
};
struct Centre
{
    int id;
    const char *name;
    int provincePlate;
    const char *district;
    const char *fieldCodes;
}; // fieldCodes: codes separated by ';'
extern const std::array<Province, 81> kProvinces; // plate 1..81 in order
extern const std::array<Field, 25> kFields;
extern const std::array<Centre, 15> kCentres; // ids 1..15 in the order of domain.md's table
extern const std::array<int, 25> kPilotProvincePlates; // the 25 pilot provinces of domain.md
} // namespace kopru::ref
