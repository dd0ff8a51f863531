// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"

#include "models/db/blockinsert.h"
#include "models/db/bulkwritescope.h"
#include "models/db/pragmascope.h"
#include "models/db/referencedata.h"
#include "models/db/referencedataloader.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/db/transaction.h"
#include "models/demo/demoprogramme.h"
#include "models/demo/demosurvey.h"
#include "models/demo/demovocab.h"
#include "models/demo/random.h"
#include "models/domain/nationalid.h"
#include "models/domain/taxnumber.h"
#include "models/domain/turkishtext.h"
#include "models/exchange/globalid.h"
#include "models/import/schemapause.h"
#include "models/planning/planner.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <map>

namespace kopru {

Q_LOGGING_CATEGORY(lcDemo, "kopru.demo", QtInfoMsg)

namespace {

QString u8(const char *s)
{
    return QString::fromUtf8(s);
}

// Where teachers and partners are: the programme's pilot provinces and the
// big cities weigh more than the rest of the country.
std::vector<double> provinceWeights()
{
    std::vector<double> w(81, 1.0);
    for (int plate : ref::kPilotProvincePlates)
        w[std::size_t(plate - 1)] = 5.0;
    const std::pair<int, double> big[] = { { 34, 14 }, { 6, 9 }, { 35, 7 }, { 16, 6 }, { 41, 5 }, { 7, 5 } };
    for (auto [plate, weight] : big)
        w[std::size_t(plate - 1)] = weight;
    return w;
}

// Programme dates: 10 working days from a Monday; teachers' "mesleki çalışma"
// weeks are in June and September.
const char *const kSessionStarts[]
    = { "2027-06-14", "2027-06-21", "2027-09-06", "2027-09-13", "2027-03-08", "2027-04-05", "2027-10-11", "2027-11-08" };
const std::vector<double> kSessionStartWeights { 5, 4, 5, 3, 1, 1, 1, 1 };
struct Window
{
    const char *from;
    const char *to;
};
const Window kWindows[] = { { "2027-06-14", "2027-07-02" }, { "2027-09-01", "2027-09-24" }, { "2027-06-14", "2027-09-24" } };

const char *const kStreets[] = { "Atatürk", "Cumhuriyet", "İstiklal", "Fatih", "Sanayi", "Organize Sanayi", "İnönü", "Gazi",
    "Mimar Sinan", "Barbaros", "Kazım Karabekir", "Hürriyet" };
const char *const kCompanyWords[] = { "", "", "Teknik", "Endüstri", "Sanayi", "Mühendislik", "Grup", "Teknoloji" };

QString asciiSlug(const QString &s)
{
    return TurkishText::looseKey(s);
}

// When the survey and the catalogue were made, and when the centres recorded
// their part: fixed, so that every database built from one seed holds the
// same versions with the same times.
const QString kSurveyTime = QStringLiteral("2027-01-04 09:00:00");
const QString kCentreTime = QStringLiteral("2027-02-01 09:00:00");

struct Context
{
    QSqlDatabase db;
    Random rng;
    std::vector<double> provinceWeights;
    std::vector<std::vector<int>> centresOfField; // field index → centre ids
    std::vector<std::vector<int>> competenciesOfField; // field index → competency ids
    QHash<QString, int> schools; // "plate|name" → id
    QSqlQuery insertSchool;
    // Global ids and tax numbers come from their own sequence, so that the
    // rest of the data set is the same as before they existed.
    Random ids { 0 };
    std::optional<DatabaseRole> role;

    // Centre 7 (Başakşehir, Istanbul) coordinates no pilot field: its fields
    // (vocational maths, languages, science) are not pilot fields. In the
    // exchange demo it hosts every third Istanbul teacher and partner that
    // would go to another Istanbul centre, so that each of the 15 centres has
    // teachers, partners, a plan and a package of its own. Decided by the
    // record's number, not by a random draw: the rest of the data set stays
    // as it was. The plain demo keeps its assignment.
    static constexpr int kHostCentre = 7;
    int hostedCentre(int nearest, int plate, int index) const
    {
        if (!role || nearest <= 0 || index % 3 != 0)
            return nearest;
        const int hostPlate = ref::kCentres[std::size_t(kHostCentre - 1)].provincePlate;
        return plate == hostPlate && ref::kCentres[std::size_t(nearest - 1)].provincePlate == hostPlate ? kHostCentre : nearest;
    }

    // Whether this database keeps a teacher of `centreId` / a partner of `ownerCentre`.
    bool keepsTeacher(int centreId) const { return !role || role->isNational() || role->centreId() == centreId; }
    bool keepsPartner(int ownerCentre) const { return !role || (role->isCentre() && role->centreId() == ownerCentre); }
    // Partners of the exchange demo belong to a centre; the plain demo's to the national office.
    QVariant partnerOwner(int ownerCentre) const { return role ? QVariant(ownerCentre) : QVariant(); }
    QString partnerLabel(int ownerCentre) const
    {
        return role ? QStringLiteral("centre:%1").arg(ownerCentre) : QStringLiteral("national");
    }
};

QString taxNumber(Random &rng, QSet<QString> &used)
{
    QString vkn;
    do {
        QString nine;
        for (int d = 0; d < 9; ++d)
            nine += QChar(u'0' + rng.below(10));
        vkn = nine + QChar(u'0' + TaxNumber::vknCheckDigit(nine));
    } while (used.contains(vkn));
    used.insert(vkn);
    return vkn;
}

Expected<int> schoolFor(Context &ctx, int plate)
{
    const int count = 3 + int(ctx.provinceWeights[std::size_t(plate - 1)] * 2);
    const auto &stems = demo::kSchoolStems;
    const int stem = ctx.rng.below(std::min<int>(count, int(stems.size())));
    const QString name = u8(ref::kProvinces[std::size_t(plate - 1)].name) + QLatin1Char(' ') + u8(stems[std::size_t(stem)])
        + QStringLiteral(" Mesleki ve Teknik Anadolu Lisesi");
    const QString key = QString::number(plate) + QLatin1Char('|') + name;
    if (auto it = ctx.schools.constFind(key); it != ctx.schools.constEnd())
        return *it;
    const QString district = QStringLiteral("Merkez");
    if (Status s = Sql::run(ctx.insertSchool, { name, plate, district, GlobalId::forSchool(plate, district, name), kSurveyTime });
        !s)
        return s.error();
    const int id = ctx.insertSchool.lastInsertId().toInt();
    ctx.schools.insert(key, id);
    return id;
}

int nearestCentre(const std::vector<int> &centres, int plate)
{
    int best = 0;
    double bestKm = 1e9;
    for (int id : centres) {
        const double km = ReferenceData::distanceKm(ref::kCentres[std::size_t(id - 1)].provincePlate, plate);
        if (km < bestKm) {
            bestKm = km;
            best = id;
        }
    }
    return best;
}

QString phone(Random &rng, bool mobile)
{
    QString p = mobile ? QStringLiteral("05") + QString::number(rng.between(30, 59))
                       : QStringLiteral("0") + QString::number(rng.between(212, 488));
    while (p.size() < 11)
        p += QChar(u'0' + rng.below(10));
    return p;
}

Status makeCompetencies(Context &ctx, DemoGenerator::Summary &summary)
{
    QSqlQuery q(ctx.db);
    if (Status s = Sql::prepare(q,
            QStringLiteral("INSERT INTO competency(field_id, code, title_tr, title_en, unit, uid, modified_at, "
                           "modified_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'national')"));
        !s)
        return s;
    const auto &vocab = demo::fieldVocab();
    ctx.competenciesOfField.assign(ref::kFields.size(), {});
    for (std::size_t f = 0; f < ref::kFields.size(); ++f) {
        const auto &topics = vocab[f].topics;
        int n = 0;
        for (const auto &tmpl : demo::kTopicTemplates) {
            for (std::size_t t = 0; t < topics.size(); ++t) {
                ++n;
                const QString code = u8(ref::kFields[f].code) + QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
                const QString unit = QStringLiteral("Ünite %1").arg(int(t / 5) + 1);
                if (Status s = Sql::run(q,
                        { int(f + 1), code, u8(tmpl.tr).arg(u8(topics[t].tr)), u8(tmpl.en).arg(u8(topics[t].en)), unit,
                            GlobalId::forCompetency(u8(ref::kFields[f].code), code), kSurveyTime });
                    !s)
                    return s;
                ctx.competenciesOfField[f].push_back(q.lastInsertId().toInt());
                ++summary.competencies;
            }
        }
    }
    return {};
}

Status makeTeachers(Context &ctx, const DemoGenerator::Options &options, DemoGenerator::Summary &summary, DemoSurvey &survey,
    const std::function<void(int)> &progress)
{
    QSqlQuery teacher(ctx.db);
    if (Status s = Sql::prepare(teacher,
            QStringLiteral(
                "INSERT INTO teacher(national_id, first_name, last_name, field_id, branch, school_id, province_id, centre_id, "
                "email, phone, experience_years, available_from, available_to, uid, owner_centre_id, modified_at, modified_by, "
                "record_version, record_modified_at, record_modified_by) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,'national',?,?,?)"));
        !s)
        return s;
    // Each competency has its own typical need; teachers lean high or low.
    std::map<int, double> competencyMean;
    for (const auto &ids : ctx.competenciesOfField)
        for (int id : ids)
            competencyMean[id] = 1.7 + 2.6 * ctx.rng.unit();

    const auto &vocab = demo::fieldVocab();
    QSet<QString> ids;
    QHash<QString, int> emailCount;
    for (int i = 0; i < options.teachers; ++i) {
        QString nid;
        do {
            QString nine = QString::number(ctx.rng.between(1, 9));
            for (int d = 0; d < 8; ++d)
                nine += QChar(u'0' + ctx.rng.below(10));
            nid = NationalId::withCheckDigits(nine);
        } while (ids.contains(nid));
        ids.insert(nid);

        const bool female = ctx.rng.chance(0.45);
        const QString first = u8(ctx.rng.pick(female ? demo::kFemaleFirstNames : demo::kMaleFirstNames));
        const QString last = u8(ctx.rng.pick(demo::kLastNames));
        const int f = ctx.rng.below(int(ref::kFields.size()));
        const int plate = ctx.rng.weighted(ctx.provinceWeights) + 1;
        auto school = schoolFor(ctx, plate);
        if (!school)
            return school.error();
        QString slug = asciiSlug(first) + QLatin1Char('.') + asciiSlug(last);
        const int nth = ++emailCount[slug];
        if (nth > 1)
            slug += QString::number(nth);
        QVariant from, to;
        if (ctx.rng.chance(0.6)) {
            const Window &w = kWindows[ctx.rng.below(3)];
            from = QString::fromLatin1(w.from);
            to = QString::fromLatin1(w.to);
        }
        // One draw per statement (see makePartners).
        const QString branch = u8(ctx.rng.pick(vocab[std::size_t(f)].branches));
        const int centre = ctx.hostedCentre(nearestCentre(ctx.centresOfField[std::size_t(f)], plate), plate, i);
        const QString mobile = phone(ctx.rng, true);
        const int experience = ctx.rng.between(1, 30);
        const QString uid = GlobalId::fromSeed(ctx.ids);
        const bool kept = ctx.keepsTeacher(centre);
        // The availability is what the teacher's centre records: a centre's
        // own change (version 2) in the exchange demo; the national office
        // has not received it yet.
        const bool centreRecord = ctx.role && ctx.role->isCentre() && !from.isNull();
        if (ctx.role && ctx.role->isNational())
            from = to = QVariant();
        int teacherId = 0;
        if (kept) {
            if (Status s = Sql::run(teacher,
                    { nid, first, last, f + 1, branch, school.value(), plate, centre,
                        QString(slug + QStringLiteral("@ornek.example")), mobile, experience, from, to, uid, kSurveyTime,
                        centreRecord ? 2 : 1, centreRecord ? kCentreTime : kSurveyTime,
                        centreRecord ? ctx.role->code() : QStringLiteral("national") });
                !s)
                return s;
            teacherId = teacher.lastInsertId().toInt();
            ++summary.teachers;
        }

        const double lean = (ctx.rng.unit() + ctx.rng.unit() - 1.0) * 0.8;
        if (kept)
            survey.addTeacher(teacherId, ctx.competenciesOfField[std::size_t(f)]);
        for (int c : ctx.competenciesOfField[std::size_t(f)]) {
            int need = 0, proficiency = 0; // 0: not applicable / not given (NULL)
            if (!ctx.rng.chance(0.05)) {
                const double v = competencyMean[c] + lean + (ctx.rng.unit() - 0.5) * 2.4;
                need = std::clamp(int(std::lround(v)), 1, 5);
                if (!ctx.rng.chance(0.1))
                    proficiency = std::clamp(6 - need + ctx.rng.between(-1, 1), 1, 5);
            }
            if (!kept)
                continue;
            survey.answer(need, proficiency);
            ++summary.ratings;
        }
        if (progress && i % 200 == 0)
            progress(10 + 70 * i / std::max(1, options.teachers));
    }
    return {};
}

Status makePartners(Context &ctx, const DemoGenerator::Options &options, DemoGenerator::Summary &summary)
{
    QSqlQuery partner(ctx.db), session(ctx.db);
    BlockInsert partnerComp(
        ctx.db, QStringLiteral("partner_competency"), { QStringLiteral("partner_id"), QStringLiteral("competency_id") });
    BlockInsert sessionComp(
        ctx.db, QStringLiteral("session_competency"), { QStringLiteral("session_id"), QStringLiteral("competency_id") });
    if (Status s = Sql::prepare(partner,
            QStringLiteral("INSERT INTO partner(name, sector, province_id, district, address, contact_person, phone, email, "
                           "protocol_date, active, "
                           "tax_number, uid, owner_centre_id, modified_at, modified_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        !s)
        return s;
    if (Status s = partnerComp.prepare(); !s)
        return s;
    if (Status s = Sql::prepare(session,
            QStringLiteral(
                "INSERT INTO training_session(partner_id, field_id, start_date, end_date, hours, capacity, uid, owner_centre_id, "
                "modified_at, modified_by) VALUES (?,?,?,?,?,?,?,?,?,?)"));
        !s)
        return s;
    if (Status s = sessionComp.prepare(); !s)
        return s;

    const auto &vocab = demo::fieldVocab();
    // partnerId 0: a partner this database does not keep (its draws are made all the same).
    struct Offer
    {
        int partnerId;
        int field;
        int ownerCentre;
        std::vector<int> competencies;
    };
    QSet<QString> taxNumbers;
    std::vector<Offer> offers;

    int places = 0;
    auto addSession = [&](const Offer &o) -> Status {
        const QDate start
            = QDate::fromString(QString::fromLatin1(kSessionStarts[ctx.rng.weighted(kSessionStartWeights)]), Qt::ISODate);
        const int capacity = 1 + ctx.rng.weighted({ 3, 4, 3 });
        const QString uid = GlobalId::fromSeed(ctx.ids);
        int sessionId = 0;
        if (o.partnerId > 0) {
            if (Status s = Sql::run(session,
                    { o.partnerId, o.field + 1, start.toString(Qt::ISODate), start.addDays(11).toString(Qt::ISODate), 80,
                        capacity, uid, ctx.partnerOwner(o.ownerCentre), kCentreTime, ctx.partnerLabel(o.ownerCentre) });
                !s)
                return s;
            sessionId = session.lastInsertId().toInt();
            ++summary.sessions;
        }
        std::vector<int> comps = o.competencies;
        const int take = std::min<int>(int(comps.size()), ctx.rng.between(4, 8));
        for (int k = 0; k < take; ++k) {
            std::swap(comps[std::size_t(k)], comps[std::size_t(k + ctx.rng.below(int(comps.size()) - k))]);
            if (sessionId == 0)
                continue;
            if (Status s = sessionComp.add({ sessionId, comps[std::size_t(k)] }); !s)
                return s;
        }
        // Every generated session counts towards the places, kept or not, so
        // that every database draws the same sessions.
        places += capacity;
        if (sessionId > 0)
            summary.places += capacity;
        return {};
    };

    for (int i = 0; i < options.partners; ++i) {
        const int f = ctx.rng.below(int(ref::kFields.size()));
        const auto &v = vocab[std::size_t(f)];
        int plate;
        if (ctx.rng.chance(0.5)) {
            const int centre = ctx.rng.pick(ctx.centresOfField[std::size_t(f)]);
            plate = ref::kCentres[std::size_t(centre - 1)].provincePlate;
        } else {
            plate = ctx.rng.weighted(ctx.provinceWeights) + 1;
        }
        const QString stem = u8(ctx.rng.pick(v.companyStems));
        const bool industrial = !QByteArrayList { "COC", "GUZ", "YIY", "KON" }.contains(ref::kFields[std::size_t(f)].code);
        const int wordIndex = ctx.rng.below(int(std::size(kCompanyWords)));
        const QString word = industrial ? u8(kCompanyWords[wordIndex]) : QString();
        const QString name = stem + (word.isEmpty() ? QString() : QLatin1Char(' ') + word) + QLatin1Char(' ')
            + u8(ctx.rng.pick(demo::kCompanySuffixes));
        // One draw per statement: the order of evaluation of function
        // arguments is unspecified, and the data set must not depend on it.
        const QString quarter = u8(kStreets[ctx.rng.below(int(std::size(kStreets)))]);
        const QString street = u8(kStreets[ctx.rng.below(int(std::size(kStreets)))]);
        const int number = ctx.rng.between(1, 180);
        const QString address = QStringLiteral("%1 Mah. %2 Cad. No: %3").arg(quarter, street).arg(number);
        const QString contactFirst = u8(ctx.rng.pick(ctx.rng.chance(0.5) ? demo::kFemaleFirstNames : demo::kMaleFirstNames));
        const QString contact = contactFirst + QLatin1Char(' ') + u8(ctx.rng.pick(demo::kLastNames));
        const QDate protocol = QDate(2025, 1, 6).addDays(ctx.rng.below(660));
        const bool active = ctx.rng.chance(0.95);
        const QString landline = phone(ctx.rng, false);
        const QString uid = GlobalId::fromSeed(ctx.ids);
        const QString tax = taxNumber(ctx.ids, taxNumbers);
        // The centre of the partner's field nearest to it made it (or centre 7, see hostedCentre).
        const int ownerCentre = ctx.hostedCentre(nearestCentre(ctx.centresOfField[std::size_t(f)], plate), plate, i);
        Offer offer { 0, f, ownerCentre, {} };
        if (ctx.keepsPartner(ownerCentre)) {
            if (Status s = Sql::run(partner,
                    { name, u8(v.sector), plate, QStringLiteral("Merkez"), address, contact, landline,
                        QStringLiteral("info@%1.example").arg(asciiSlug(stem)), protocol.toString(Qt::ISODate), active ? 1 : 0,
                        tax, uid, ctx.partnerOwner(ownerCentre), kCentreTime, ctx.partnerLabel(ownerCentre) });
                !s)
                return s;
            offer.partnerId = partner.lastInsertId().toInt();
            ++summary.partners;
        }

        std::vector<int> comps = ctx.competenciesOfField[std::size_t(f)];
        const int take = std::min<int>(int(comps.size()), ctx.rng.between(8, 16));
        for (int k = 0; k < take; ++k) {
            std::swap(comps[std::size_t(k)], comps[std::size_t(k + ctx.rng.below(int(comps.size()) - k))]);
            offer.competencies.push_back(comps[std::size_t(k)]);
            if (offer.partnerId == 0)
                continue;
            if (Status s = partnerComp.add({ offer.partnerId, comps[std::size_t(k)] }); !s)
                return s;
        }
        if (!active)
            continue;
        const int sessions = ctx.rng.chance(0.5) ? 2 : 1;
        for (int k = 0; k < sessions; ++k)
            if (Status s = addSession(offer); !s)
                return s;
        offers.push_back(std::move(offer));
    }
    while (!offers.empty() && places < options.minPlaces)
        if (Status s = addSession(ctx.rng.pick(offers)); !s)
            return s;
    if (Status s = partnerComp.finish(); !s)
        return s;
    if (Status s = sessionComp.finish(); !s)
        return s;
    // Adding the competencies raised the versions (a partner's list travels
    // with it): what the demo made is version 1, made at the fixed time.
    for (const char *table : { "partner", "training_session" })
        if (Status s = Sql::exec(
                ctx.db, QStringLiteral("UPDATE %1 SET version = 1, modified_at = ?").arg(QLatin1String(table)), { kCentreTime });
            !s)
            return s;
    return {};
}

// What SQLite checked row by row before, for all rows at once: every
// attendance day lies within its session (attendance_in_session), and, with
// the foreign keys off for the transaction, every row the demo wrote outside
// need_rating refers to rows that exist.
Status checkRows(QSqlDatabase db)
{
    auto outside = Sql::scalar(db,
        QStringLiteral("SELECT count(*) FROM attendance a JOIN placement p ON p.id = a.placement_id "
                       "JOIN training_session s ON s.id = p.session_id WHERE a.day < s.start_date OR a.day > s.end_date"));
    if (!outside)
        return outside.error();
    if (outside.value().toLongLong() > 0)
        return Status::failure(QCoreApplication::translate("DemoGenerator",
            "the demo data would put %n attendance day(s) outside their training session", nullptr,
            int(outside.value().toLongLong())));
    if (!SqlDialect::hasPragmas(SqlDialect::backendOf(db)))
        return {}; // a server checks every reference as it is written
    const auto keys = Sql::scalar(db, QStringLiteral("PRAGMA foreign_keys"));
    if (!keys)
        return keys.error();
    if (keys.value().toInt() != 0)
        return {}; // checked row by row (the connection kept them on)
    for (const char *table : { "school", "competency", "teacher", "partner", "partner_competency", "training_session",
             "session_competency", "placement", "attendance", "evaluation_answer" }) {
        auto broken
            = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check('%1')").arg(QLatin1String(table)));
        if (!broken)
            return broken.error();
        if (broken.value().toLongLong() > 0)
            return Status::failure(QCoreApplication::translate("DemoGenerator",
                "the demo data would break %n reference(s) between records of table %1", nullptr,
                int(broken.value().toLongLong()))
                                       .arg(QLatin1String(table)));
    }
    return {};
}

} // namespace

Expected<DemoGenerator::Summary> DemoGenerator::generate(
    QSqlDatabase db, const Options &options, const std::function<void(int)> &progress)
{
    Summary summary;
    Context ctx { db, Random(options.seed), provinceWeights(), {}, {}, {}, QSqlQuery(db), Random(options.seed ^ 0x6B6F707275ULL),
        options.role };
    if (Status s = Sql::prepare(ctx.insertSchool,
            QStringLiteral("INSERT INTO school(name, province_id, district, uid, owner_centre_id, "
                           "modified_at, modified_by) VALUES (?, ?, ?, ?, NULL, ?, 'national')"));
        !s)
        return s.error();

    ctx.centresOfField.assign(ref::kFields.size(), {});
    for (const auto &c : ref::kCentres)
        for (const QString &code : QString::fromUtf8(c.fieldCodes).split(QLatin1Char(';'), Qt::SkipEmptyParts))
            for (std::size_t f = 0; f < ref::kFields.size(); ++f)
                if (code.trimmed() == QLatin1String(ref::kFields[f].code))
                    ctx.centresOfField[f].push_back(c.id);

    // The rollback journal in memory (a new database only, see the header):
    // in WAL mode the whole data set went to the WAL and again into the file
    // at the checkpoint; and only with the journal in memory do statement
    // journals stay in memory while temporary files are on (below). On a file
    // they cost two write calls per page every statement touches (the
    // 8,000-teacher demo made 365,000 of them, the 80,000 one ~8 s of system
    // CPU). Where the mode cannot change (another connection), it stays.
    const PragmaScope journal(db, "journal_mode", QStringLiteral("MEMORY"));
    // Its 3.2 million ratings at 80,000 teachers are a bulk load whose index is
    // sorted again at the end: temporary files for the sorter (BulkWriteScope).
    const BulkWriteScope bulk(db, BulkWriteScope::TempStore::Files);
    // Every reference the demo writes is to a row it has just written or read:
    // checked once for the whole set before the commit (checkRows), not
    // row by row by SQLite, as the import of a survey does (the ratings'
    // teachers and competencies are checked by RatingInserter).
    const PragmaScope foreignKeys(db, "foreign_keys", 0);
    Transaction tx(db);
    if (!tx.began())
        return tx.began().error();
    // Ids of fields are 1..25 in reference order; the demo expects them so.
    auto fields = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM field WHERE id BETWEEN 1 AND 25"));
    if (!fields || fields.value().toInt() != int(ref::kFields.size()))
        return Error { QStringLiteral("the database lacks the reference data of the pilot fields"), {}, 0, 0 };
    auto existing = Sql::scalar(db, QStringLiteral("SELECT (SELECT count(*) FROM teacher) + (SELECT count(*) FROM partner)"));
    if (!existing || existing.value().toInt() != 0)
        return Error { QStringLiteral("the database already holds teachers or partners; demo data goes into a new database"), {},
            0, 0 };
    if (options.role) {
        if (Status s = options.role->write(db); !s)
            return s.error();
    }
    // Adding a partner's or a session's competencies, a placement's
    // attendance days and answers raises its version row by row; the demo
    // sets every version it made to 1 at the end (makePartners,
    // DemoProgramme), so that work is undone anyway. Whether each attendance
    // day lies within its session is checked once for all days
    // (checkRows). These triggers are taken out for the transaction and
    // made again from their own SQL before it commits (an SQLite file only;
    // a server keeps them).
    SchemaPause pausedTriggers(db);
    if (SqlDialect::pausesSchemaForBulkLoads(SqlDialect::backendOf(db))) {
        const std::pair<const char *, const char *> triggers[] = { { "partner_competency", "partner_competency_added" },
            { "session_competency", "session_competency_added" }, { "attendance", "attendance_added" },
            { "attendance", "attendance_in_session" }, { "evaluation_answer", "evaluation_answer_added" } };
        for (const auto &[table, trigger] : triggers)
            if (Status s = pausedTriggers.drop(QStringLiteral("trigger"), QLatin1String(table), { QLatin1String(trigger) }); !s)
                return s.error();
    }
    if (progress)
        progress(0);
    QElapsedTimer timer;
    timer.start();
    const auto step = [&](const char *what) { qCDebug(lcDemo) << what << timer.restart() << "ms"; };
    if (Status s = makeCompetencies(ctx, summary); !s)
        return s.error();
    step("competencies");
    if (progress)
        progress(10);
    DemoSurvey survey;
    if (Status s = makeTeachers(ctx, options, summary, survey, progress); !s)
        return s.error();
    step("teachers");
    if (!options.role || options.role->isCentre()) {
        if (Status s = makePartners(ctx, options, summary); !s)
            return s.error();
        step("partners and sessions");
    }
    // The plain demo has run its first programme (docs/quality.md, "Demo").
    if (!options.role && options.programme) {
        auto programme = DemoProgramme::record(db, options.seed, survey);
        if (!programme)
            return programme.error();
        summary.placements = programme.value().placements;
        step("first programme");
    }
    if (progress)
        progress(85);
    if (auto written = survey.write(db); !written)
        return written.error();
    step("need ratings");
    if (progress)
        progress(95);
    ctx.insertSchool.finish();
    if (Status s = checkRows(db); !s)
        return s.error();
    if (Status s = pausedTriggers.restore(); !s)
        return s.error();
    step("rows checked");
    if (Status s = tx.commit(); !s)
        return s.error();
    step("commit");
    // A centre of the exchange demo has planned its teachers.
    if (options.role && options.role->isCentre()) {
        auto plan = Planner::run(db, PlanOptions {});
        if (!plan)
            return plan.error();
        summary.placements = int(plan.value().assignments.size());
        step("plan");
    }
    if (progress)
        progress(100);
    return summary;
}

} // namespace kopru
