// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <vector>
namespace kopru::demo {
struct Topic
{
    const char *tr;
    const char *en;
};
struct FieldVocab
{
    const char *fieldCode;
    const char *sector;
    std::vector<const char *> branches;
    std::vector<Topic> topics;
    std::vector<const char *> companyStems;
};
extern const std::vector<const char *> kMaleFirstNames; // >= 80 common Turkish names, correct diacritics
extern const std::vector<const char *> kFemaleFirstNames; // >= 80
extern const std::vector<const char *> kLastNames; // >= 150 common Turkish surnames
extern const std::vector<const char *> kSchoolStems; // >= 30
extern const std::vector<const char *> kCompanySuffixes; // "A.Ş.", "Ltd. Şti.", ...
extern const std::vector<Topic> kTopicTemplates; // exactly 2; %1 is replaced by a topic
const std::vector<FieldVocab> &fieldVocab(); // one entry per field code of kopru::ref::kFields, same order
} // namespace kopru::demo
