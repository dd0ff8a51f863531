// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/importkind.h"

#include <QCoreApplication>

namespace kopru::ImportKinds {

namespace {

// Shared column descriptions.
const ImportTarget kNationalId { "national_id", QT_TRANSLATE_NOOP("ImportTarget", "National ID"), true,
    { "tckimlikno", "tckimlik", "tckn", "tcno", "kimlikno", "tckimliknumarasi", "kimliknumarasi", "nationalid", "tc",
        "tcnumber" } };
const ImportTarget kField { "field", QT_TRANSLATE_NOOP("ImportTarget", "Field"), true,
    { "alan", "alankodu", "alanadi", "meslekialan", "field", "fieldcode", "fieldname" } };
const ImportTarget kProvince { "province", QT_TRANSLATE_NOOP("ImportTarget", "Province"), true,
    { "il", "iladi", "ilkodu", "sehir", "plaka", "province", "city" } };
const ImportTarget kDistrict { "district", QT_TRANSLATE_NOOP("ImportTarget", "District"), false,
    { "ilce", "ilceadi", "district" } };
const ImportTarget kPhone { "phone", QT_TRANSLATE_NOOP("ImportTarget", "Phone"), false,
    { "telefon", "tel", "telno", "telefonno", "gsm", "cep", "ceptelefonu", "phone", "mobile" } };
const ImportTarget kEmail { "email", QT_TRANSLATE_NOOP("ImportTarget", "E-mail"), false,
    { "eposta", "epostaadresi", "email", "mail", "emailaddress" } };
const ImportTarget kCompetencies { "competencies", QT_TRANSLATE_NOOP("ImportTarget", "Competencies"), false,
    { "yeterlikler", "yeterlilikler", "yeterlikkodlari", "competencies" } };

const std::vector<ImportTarget> kTeachers {
    kNationalId,
    { "first_name", QT_TRANSLATE_NOOP("ImportTarget", "First name"), true, { "ad", "adi", "isim", "firstname", "givenname" } },
    { "last_name", QT_TRANSLATE_NOOP("ImportTarget", "Last name"), true,
        { "soyad", "soyadi", "lastname", "surname", "familyname" } },
    kField,
    { "branch", QT_TRANSLATE_NOOP("ImportTarget", "Branch"), false, { "dal", "daladi", "brans", "branch" } },
    { "school", QT_TRANSLATE_NOOP("ImportTarget", "School"), false, { "okul", "okuladi", "kurum", "kurumadi", "school" } },
    kProvince,
    kDistrict,
    { "centre", QT_TRANSLATE_NOOP("ImportTarget", "Centre"), false,
        { "smm", "merkez", "mukemmeliyetmerkezi", "centre", "center" } },
    kEmail,
    kPhone,
    { "experience_years", QT_TRANSLATE_NOOP("ImportTarget", "Years of experience"), false,
        { "deneyim", "deneyimyil", "kidem", "kidemyil", "hizmetyili", "experience", "experienceyears", "yearsofexperience" } },
    { "available_from", QT_TRANSLATE_NOOP("ImportTarget", "Available from"), false,
        { "musaitbaslangic", "uygunbaslangic", "musaitlikbaslangic", "availablefrom" } },
    { "available_to", QT_TRANSLATE_NOOP("ImportTarget", "Available to"), false,
        { "musaitbitis", "uygunbitis", "musaitlikbitis", "availableto" } },
    { "notes", QT_TRANSLATE_NOOP("ImportTarget", "Notes"), false, { "not", "notlar", "aciklama", "notes", "note" } },
};

const ImportTarget kPartnerName { "partner", QT_TRANSLATE_NOOP("ImportTarget", "Company"), true,
    { "firma", "firmaadi", "isletme", "isletmeadi", "sirket", "unvan", "company", "partner", "companyname" } };
const ImportTarget kAddress { "address", QT_TRANSLATE_NOOP("ImportTarget", "Address"), false, { "adres", "address" } };

const std::vector<ImportTarget> kPartners {
    kPartnerName,
    { "sector", QT_TRANSLATE_NOOP("ImportTarget", "Sector"), false, { "sektor", "sector" } },
    kProvince,
    kDistrict,
    kAddress,
    { "contact_person", QT_TRANSLATE_NOOP("ImportTarget", "Contact person"), false,
        { "yetkili", "yetkilikisi", "ilgilikisi", "irtibatkisi", "contact", "contactperson" } },
    kPhone,
    kEmail,
    { "protocol_date", QT_TRANSLATE_NOOP("ImportTarget", "Protocol date"), false,
        { "protokoltarihi", "protokol", "protocoldate" } },
    { "active", QT_TRANSLATE_NOOP("ImportTarget", "Active"), false, { "aktif", "etkin", "durum", "active" } },
    kCompetencies,
};

const std::vector<ImportTarget> kSessions {
    kPartnerName,
    { "province", QT_TRANSLATE_NOOP("ImportTarget", "Province"), false, { "il", "iladi", "sehir", "province", "city" } },
    kAddress,
    kField,
    { "start_date", QT_TRANSLATE_NOOP("ImportTarget", "Start date"), true,
        { "baslangic", "baslangictarihi", "start", "startdate" } },
    { "end_date", QT_TRANSLATE_NOOP("ImportTarget", "End date"), true, { "bitis", "bitistarihi", "end", "enddate" } },
    { "hours", QT_TRANSLATE_NOOP("ImportTarget", "Hours"), false, { "saat", "sure", "egitimsaati", "hours" } },
    { "capacity", QT_TRANSLATE_NOOP("ImportTarget", "Capacity"), true, { "kontenjan", "kapasite", "capacity", "places" } },
    kCompetencies,
};

const std::vector<ImportTarget> kCompetencyTargets {
    kField,
    { "code", QT_TRANSLATE_NOOP("ImportTarget", "Code"), true, { "kod", "yeterlikkodu", "code", "competencycode" } },
    { "title_tr", QT_TRANSLATE_NOOP("ImportTarget", "Turkish title"), true,
        { "baslik", "yeterlik", "yeterlikadi", "ad", "adi", "title", "titletr", "turkcebaslik" } },
    { "title_en", QT_TRANSLATE_NOOP("ImportTarget", "English title"), false, { "ingilizcebaslik", "titleen", "englishtitle" } },
    { "unit", QT_TRANSLATE_NOOP("ImportTarget", "Unit"), false, { "unite", "birim", "grup", "unit", "group" } },
};

// Long form; in the wide form only national_id (and round) are columns and
// every other column names a competency.
const std::vector<ImportTarget> kNeeds {
    kNationalId,
    { "competency", QT_TRANSLATE_NOOP("ImportTarget", "Competency"), false,
        { "yeterlik", "yeterlikkodu", "competency", "competencycode" } },
    { "need", QT_TRANSLATE_NOOP("ImportTarget", "Need (1-5)"), false, { "ihtiyac", "ihtiyacduzeyi", "need", "needlevel" } },
    { "proficiency", QT_TRANSLATE_NOOP("ImportTarget", "Proficiency (1-5)"), false,
        { "yeterlilikduzeyi", "yetkinlik", "yetkinlikduzeyi", "proficiency" } },
    { "round", QT_TRANSLATE_NOOP("ImportTarget", "Survey round"), false, { "tur", "anketturu", "round", "surveyround" } },
};

// The placement of a teacher: the national ID, and the session when the
// teacher has more than one placement (docs/import.md, "Attendance").
const ImportTarget kSession { "session", QT_TRANSLATE_NOOP("ImportTarget", "Session"), false,
    { "oturum", "oturumno", "egitim", "egitimno", "egitimid", "session", "sessionid", "sessionno" } };

const std::vector<ImportTarget> kAttendance {
    kNationalId,
    kSession,
    { "day", QT_TRANSLATE_NOOP("ImportTarget", "Day"), false, { "gun", "tarih", "egitimgunu", "day", "date" } },
    { "hours", QT_TRANSLATE_NOOP("ImportTarget", "Hours attended"), false,
        { "saat", "katilimsaati", "katildigisaat", "devamsaati", "hours", "hoursattended" } },
    { "hours_total", QT_TRANSLATE_NOOP("ImportTarget", "Total hours attended"), false,
        { "toplamsaat", "toplamkatilimsaati", "toplamdevam", "totalhours", "hourstotal", "totalhoursattended" } },
    { "absence", QT_TRANSLATE_NOOP("ImportTarget", "Absence reason"), false,
        { "devamsizlik", "devamsizliknedeni", "devamsizliksebebi", "mazeret", "absence", "absencereason" } },
    { "outcome", QT_TRANSLATE_NOOP("ImportTarget", "Outcome"), false, { "sonuc", "durum", "outcome", "status" } },
    { "cancel_reason", QT_TRANSLATE_NOOP("ImportTarget", "Cancellation reason"), false,
        { "iptalnedeni", "iptalsebebi", "ayrilmanedeni", "cancelreason", "cancellationreason" } },
};

// Wide: national ID (+ session) and one column per questionnaire item, named
// by its code or text (see ProgrammePlan::mapItems).
const std::vector<ImportTarget> kEvaluations {
    kNationalId,
    kSession,
};

} // namespace

const std::vector<ImportKind> &all()
{
    static const std::vector<ImportKind> kinds { ImportKind::Teachers, ImportKind::Partners, ImportKind::Sessions,
        ImportKind::Competencies, ImportKind::Needs, ImportKind::Attendance, ImportKind::Evaluations };
    return kinds;
}

QString name(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Teachers:
        return QStringLiteral("teachers");
    case ImportKind::Partners:
        return QStringLiteral("partners");
    case ImportKind::Sessions:
        return QStringLiteral("sessions");
    case ImportKind::Competencies:
        return QStringLiteral("competencies");
    case ImportKind::Needs:
        return QStringLiteral("needs");
    case ImportKind::Attendance:
        return QStringLiteral("attendance");
    case ImportKind::Evaluations:
        return QStringLiteral("evaluations");
    }
    return {};
}

bool fromName(const QString &text, ImportKind *kind)
{
    for (ImportKind k : all())
        if (name(k) == text.trimmed().toLower()) {
            *kind = k;
            return true;
        }
    return false;
}

QString title(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Teachers:
        return QCoreApplication::translate("ImportKind", "Teachers");
    case ImportKind::Partners:
        return QCoreApplication::translate("ImportKind", "Industry partners");
    case ImportKind::Sessions:
        return QCoreApplication::translate("ImportKind", "Training sessions");
    case ImportKind::Competencies:
        return QCoreApplication::translate("ImportKind", "Competencies");
    case ImportKind::Needs:
        return QCoreApplication::translate("ImportKind", "Needs survey results");
    case ImportKind::Attendance:
        return QCoreApplication::translate("ImportKind", "Attendance and outcomes");
    case ImportKind::Evaluations:
        return QCoreApplication::translate("ImportKind", "Evaluations");
    }
    return {};
}

const std::vector<ImportTarget> &targets(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Teachers:
        return kTeachers;
    case ImportKind::Partners:
        return kPartners;
    case ImportKind::Sessions:
        return kSessions;
    case ImportKind::Competencies:
        return kCompetencyTargets;
    case ImportKind::Attendance:
        return kAttendance;
    case ImportKind::Evaluations:
        return kEvaluations;
    case ImportKind::Needs:
        break;
    }
    return kNeeds;
}

const ImportTarget *target(ImportKind kind, const QString &key)
{
    for (const ImportTarget &t : targets(kind))
        if (key == QLatin1String(t.key))
            return &t;
    return nullptr;
}

QString targetTitle(const ImportTarget &target)
{
    return QCoreApplication::translate("ImportTarget", target.title);
}

} // namespace kopru::ImportKinds
