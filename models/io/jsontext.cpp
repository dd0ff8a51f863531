// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/jsontext.h"

namespace kopru::JsonText {

namespace {

QChar hexDigit(uint v)
{
    return QLatin1Char(char(v < 10 ? '0' + v : 'a' + v - 10));
}

void appendEscape(QString &out, char16_t u)
{
    out += QLatin1String("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out += hexDigit((u >> shift) & 0xf);
}

} // namespace

void appendQuoted(QString &out, QStringView text)
{
    out.reserve(out.size() + text.size() + 2);
    out += QLatin1Char('"');
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (u >= 0x20 && u != u'"' && u != u'\\' && (u < 0xd800 || u > 0xdfff)) {
            out += QChar(u);
            continue;
        }
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\b':
            out += QLatin1String("\\b");
            break;
        case u'\f':
            out += QLatin1String("\\f");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (QChar::isHighSurrogate(u) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
                out += QChar(u);
                out += text[++i];
            } else {
                appendEscape(out, u); // a control character, or a surrogate without its pair
            }
        }
    }
    out += QLatin1Char('"');
}

} // namespace kopru::JsonText
