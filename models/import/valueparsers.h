// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>
#include <optional>

// Reading single cell values. Each parser returns the value or sets a
// translated reason (without position; the caller adds file:line:column).
namespace kopru::CellValue {

// Trimmed text; a leading apostrophe before = + - @ (what CsvWriter and
// spreadsheet users put before text that would otherwise be a formula) is removed.
QString text(const QString &cell);

// Whether a cell means "not applicable": empty, "N/A", "NA", "-", "Fikrim yok",
// "Bilmiyorum", "Uygulanamaz", "Not applicable" (any case or diacritics).
bool isNotApplicable(const QString &cell);

// Need or proficiency level 1..5: digits ("4", "4.0", "4,0"), answer texts
// ("Çok yüksek" 5, "Yüksek" 4, "Orta" 3, "Düşük" 2, "Çok düşük"/"Hiç"/"Yok" 1
// and the English ones), LimeSurvey answer codes A1..A5, or "4 - Yüksek".
// An invalid QVariant (NULL) for not applicable.
std::optional<QVariant> level(const QString &cell, QString *reason);

// dd.MM.yyyy, d.M.yyyy, dd/MM/yyyy, yyyy-MM-dd (a time after the date is
// ignored) → ISO "yyyy-MM-dd". Empty → invalid QVariant.
std::optional<QVariant> date(const QString &cell, QString *reason);

// Whole number in [min, max]; "12.0" accepted. Empty → invalid QVariant.
std::optional<QVariant> integer(const QString &cell, int min, int max, QString *reason);

// Yes/no: 1/0, evet/hayır, e/h, true/false, yes/no, aktif/pasif, x/empty.
std::optional<bool> boolean(const QString &cell, QString *reason);

// National ID: the 11 digits with spaces removed; refuses numbers Excel wrote
// in scientific notation (digits are lost there) and checksum errors.
std::optional<QString> nationalId(const QString &cell, QString *reason);

// Phone kept as text (leading zero kept); refuses scientific notation.
std::optional<QString> phone(const QString &cell, QString *reason);

} // namespace kopru::CellValue
