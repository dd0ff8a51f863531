// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/document/fonts.h"

namespace kopru::document {

Fonts::Fonts(const Typography &t)
{
    QFont base;
    base.setFamilies({ QStringLiteral("DejaVu Sans"), QStringLiteral("Segoe UI"), QStringLiteral("Arial") });
    base.setStyleStrategy(QFont::PreferNoShaping);
    struct Spec
    {
        FontRole role;
        double points;
        bool bold;
    };
    const Spec specs[] = {
        { FontRole::Body, t.body, false },
        { FontRole::BodyBold, t.body, true },
        { FontRole::Title, 26, true },
        { FontRole::Subtitle, 18, true },
        { FontRole::Lead, 12, false },
        { FontRole::Small, 9, false },
        { FontRole::Heading1, t.heading1, true },
        { FontRole::Heading2, t.heading2, true },
        { FontRole::Table, t.table, false },
        { FontRole::TableBold, t.table, true },
        { FontRole::BandTitle, t.band + 3, true },
        { FontRole::Band, t.band, false },
        { FontRole::Chart, t.table, false },
        { FontRole::ChartBold, t.table + 1, true },
    };
    for (const Spec &s : specs) {
        QFont f = base;
        f.setPointSizeF(s.points);
        f.setBold(s.bold);
        m_fonts[std::size_t(s.role)] = f;
    }
}

} // namespace kopru::document
