// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/exportoptions.h"

namespace kopru::exporting {

namespace {
struct Named
{
    const char *name;
    int value;
};
constexpr Named kKinds[] = { { "plan", int(Kind::Plan) }, { "schedule", int(Kind::Schedule) }, { "needs", int(Kind::Needs) },
    { "unplaced", int(Kind::Unplaced) } };
constexpr Named kFormats[]
    = { { "csv", int(Format::Csv) }, { "xlsx", int(Format::Xlsx) }, { "pdf", int(Format::Pdf) }, { "ics", int(Format::Ics) } };
} // namespace

std::optional<Kind> kindFromName(const QString &name)
{
    for (const Named &k : kKinds)
        if (name.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
            return Kind(k.value);
    return std::nullopt;
}

std::optional<Format> formatFromName(const QString &name)
{
    for (const Named &f : kFormats)
        if (name.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0)
            return Format(f.value);
    return std::nullopt;
}

QString kindName(Kind kind)
{
    for (const Named &k : kKinds)
        if (k.value == int(kind))
            return QLatin1String(k.name);
    return {};
}

QString formatName(Format format)
{
    for (const Named &f : kFormats)
        if (f.value == int(format))
            return QLatin1String(f.name);
    return {};
}

QString formatSuffix(Format format)
{
    return formatName(format);
}

bool isSupported(Kind kind, Format format)
{
    if (kind == Kind::Unplaced)
        return format == Format::Csv || format == Format::Xlsx;
    return !(kind == Kind::Needs && format == Format::Ics);
}

} // namespace kopru::exporting
