// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/needstatistics.h"

#include "models/core/languagepreference.h"
#include "models/db/sql.h"
#include "models/domain/turkishtext.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace kopru::stats {

namespace {

Expected<FieldInfo> findField(QSqlDatabase db, const QString &code)
{
    auto fields = listFields(db);
    if (!fields)
        return fields.error();
    QStringList codes;
    for (const FieldInfo &f : fields.value()) {
        if (f.code.compare(code.trimmed(), Qt::CaseInsensitive) == 0)
            return f;
        codes << f.code;
    }
    return Error { QCoreApplication::translate("stats", "unknown field code \"%1\"; valid codes: %2")
                       .arg(code, codes.join(QStringLiteral(", "))),
        {}, 0, 0 };
}

bool byMeanDescending(const CompetencyStats &a, const CompetencyStats &b)
{
    const double ma = a.ratings.meanNeed(), mb = b.ratings.meanNeed();
    const bool na = std::isnan(ma), nb = std::isnan(mb);
    if (na != nb)
        return nb; // numbers before NaN
    if (!na && ma != mb)
        return ma > mb;
    return TurkishText::compare(a.code, b.code) < 0;
}

} // namespace

void RatingCounts::add(int need, int count)
{
    if (need >= 1 && need <= kScaleSize)
        distribution[std::size_t(need - 1)] += count;
    else
        notApplicable += count;
}

int RatingCounts::respondents() const
{
    int n = 0;
    for (int c : distribution)
        n += c;
    return n;
}

int RatingCounts::highNeedCount() const
{
    int n = 0;
    for (int level = kHighNeed; level <= kScaleSize; ++level)
        n += distribution[std::size_t(level - 1)];
    return n;
}

double RatingCounts::meanNeed() const
{
    const int n = respondents();
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (int level = 1; level <= kScaleSize; ++level)
        sum += double(level) * distribution[std::size_t(level - 1)];
    return sum / n;
}

double RatingCounts::highNeedShare() const
{
    const int n = respondents();
    return n == 0 ? std::numeric_limits<double>::quiet_NaN() : double(highNeedCount()) / n;
}

QString CompetencyStats::displayTitle() const
{
    return LanguagePreference::uiName(titleTr, titleEn);
}

QString FieldInfo::displayName() const
{
    return LanguagePreference::uiName(nameTr, nameEn);
}

QString FieldStats::displayName() const
{
    return LanguagePreference::uiName(nameTr, nameEn);
}

RatingCounts FieldStats::overall() const
{
    RatingCounts all;
    for (const CompetencyStats &c : competencies) {
        for (int level = 1; level <= kScaleSize; ++level)
            all.add(level, c.ratings.distribution[std::size_t(level - 1)]);
        all.notApplicable += c.ratings.notApplicable;
    }
    return all;
}

Expected<std::vector<FieldInfo>> listFields(QSqlDatabase db)
{
    std::vector<FieldInfo> fields;
    const Status s = Sql::forEachRow(
        db, QStringLiteral("SELECT id, code, name_tr, name_en FROM field ORDER BY code"), {}, [&](const QSqlQuery &q) {
            fields.push_back({ q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
        });
    if (!s)
        return s.error();
    return fields;
}

Expected<std::vector<ScopeOption>> listScopeOptions(QSqlDatabase db, int fieldId)
{
    std::vector<ScopeOption> options;
    for (const Scope::Kind kind : { Scope::Kind::Province, Scope::Kind::Centre }) {
        const QString sql = kind == Scope::Kind::Province
            ? QStringLiteral("SELECT g.id, g.name, count(*) FROM teacher t JOIN province g ON g.id = t.province_id "
                             "WHERE t.field_id = ? GROUP BY g.id ORDER BY g.id")
            : QStringLiteral("SELECT g.id, g.name, count(*) FROM teacher t JOIN centre g ON g.id = t.centre_id "
                             "WHERE t.field_id = ? GROUP BY g.id ORDER BY g.id");
        std::vector<ScopeOption> part;
        const Status s = Sql::forEachRow(db, sql, { fieldId }, [&](const QSqlQuery &q) {
            part.push_back({ Scope { kind, q.value(0).toInt() }, q.value(1).toString(), q.value(2).toInt() });
        });
        if (!s)
            return s.error();
        std::stable_sort(part.begin(), part.end(),
            [](const ScopeOption &a, const ScopeOption &b) { return TurkishText::compare(a.name, b.name) < 0; });
        options.insert(options.end(), part.begin(), part.end());
    }
    return options;
}

Expected<FieldData> FieldData::load(QSqlDatabase db, const QString &code, int round)
{
    auto field = findField(db, code);
    if (!field)
        return field.error();
    // Ratings are read through the field's teachers: need_rating's primary key
    // starts with teacher_id, so each teacher's ratings sit together on disk.
    auto latest = Sql::scalar(db,
        QStringLiteral("SELECT max(r.round) FROM teacher t "
                       "JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = ?"),
        { field->id });
    if (!latest)
        return latest.error();
    auto data = load(db, field.value(), round > 0 ? round : latest->toInt());
    if (data)
        data->m_latestRound = latest->toInt();
    return data;
}

Expected<FieldData> FieldData::load(QSqlDatabase db, const FieldInfo &field, int round)
{
    FieldData d;
    FieldStats &st = d.m_base;
    st.fieldId = field.id;
    st.code = field.code;
    st.nameTr = field.nameTr;
    st.nameEn = field.nameEn;
    st.round = round;
    d.m_latestRound = round;
    const QVariant fid = st.fieldId;

    Status s = Sql::forEachRow(db,
        QStringLiteral("SELECT c.name FROM centre c JOIN centre_field cf ON cf.centre_id = c.id "
                       "WHERE cf.field_id = ?"),
        { fid }, [&](const QSqlQuery &q) { st.centres << q.value(0).toString(); });
    if (!s)
        return s.error();
    std::sort(
        st.centres.begin(), st.centres.end(), [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });

    QHash<int, int> competencyIndex;
    s = Sql::forEachRow(db, QStringLiteral("SELECT id, code, title_tr, title_en, unit FROM competency WHERE field_id = ?"),
        { fid }, [&](const QSqlQuery &q) {
            CompetencyStats c;
            c.id = q.value(0).toInt();
            c.code = q.value(1).toString();
            c.titleTr = q.value(2).toString();
            c.titleEn = q.value(3).toString();
            c.unit = q.value(4).toString();
            competencyIndex.insert(c.id, int(st.competencies.size()));
            st.competencies.push_back(std::move(c));
        });
    if (!s)
        return s.error();

    s = Sql::forEachRow(db,
        QStringLiteral("SELECT sc.competency_id, sum(s.capacity) FROM training_session s "
                       "JOIN session_competency sc ON sc.session_id = s.id "
                       "WHERE s.field_id = ? GROUP BY sc.competency_id"),
        { fid }, [&](const QSqlQuery &q) {
            const auto it = competencyIndex.constFind(q.value(0).toInt());
            if (it != competencyIndex.constEnd())
                st.competencies[std::size_t(*it)].supply = q.value(1).toInt();
        });
    if (!s)
        return s.error();

    // Names of every province and centre (also of a scope without teachers of the field).
    for (auto [sql, names] : { std::pair { QStringLiteral("SELECT id, name FROM province"), &d.m_provinceNames },
             std::pair { QStringLiteral("SELECT id, name FROM centre"), &d.m_centreNames } }) {
        // A structured binding cannot be captured before C++20 (clang 14): copy the pointer.
        s = Sql::forEachRow(
            db, sql, {}, [&, target = names](const QSqlQuery &q) { target->insert(q.value(0).toInt(), q.value(1).toString()); });
        if (!s)
            return s.error();
    }

    QHash<int, int> teacherIndex;
    s = Sql::forEachRow(db, QStringLiteral("SELECT id, province_id, centre_id FROM teacher WHERE field_id = ?"), { fid },
        [&](const QSqlQuery &q) {
            Teacher t;
            t.id = q.value(0).toInt();
            t.hasProvince = !q.value(1).isNull();
            t.province = q.value(1).toInt();
            t.hasCentre = !q.value(2).isNull();
            t.centre = q.value(2).toInt();
            teacherIndex.insert(q.value(0).toInt(), int(d.m_teachers.size()));
            d.m_teachers.push_back(t);
        });
    if (!s)
        return s.error();
    st.teachers = int(d.m_teachers.size());

    // One pass over the round's ratings; rows arrive teacher by teacher.
    d.m_ratings.reserve(d.m_teachers.size() * st.competencies.size());
    int lastTeacherId = 0, lastTeacher = -1;
    s = Sql::forEachRow(db,
        QStringLiteral("SELECT r.teacher_id, r.competency_id, coalesce(r.need, 0) FROM teacher t "
                       "JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = ? AND r.round = ?"),
        { fid, round }, [&](const QSqlQuery &q) {
            const int teacherId = q.value(0).toInt();
            if (lastTeacher < 0 || teacherId != lastTeacherId) {
                lastTeacherId = teacherId;
                lastTeacher = teacherIndex.value(teacherId, -1);
            }
            if (lastTeacher < 0)
                return;
            d.m_teachers[std::size_t(lastTeacher)].responded = true;
            d.m_ratings.push_back({ lastTeacher, competencyIndex.value(q.value(1).toInt(), -1), q.value(2).toInt() });
        });
    if (!s)
        return s.error();
    return d;
}

std::vector<char> FieldData::inScope(Scope scope) const
{
    std::vector<char> in(m_teachers.size(), 1);
    for (std::size_t i = 0; i < m_teachers.size(); ++i) {
        const Teacher &t = m_teachers[i];
        if (scope.kind == Scope::Kind::Province)
            in[i] = t.hasProvince && t.province == scope.id;
        else if (scope.kind == Scope::Kind::Centre)
            in[i] = t.hasCentre && t.centre == scope.id;
    }
    return in;
}

FieldStats FieldData::stats(Scope scope) const
{
    FieldStats st = m_base;
    st.scope = scope;
    if (scope.kind != Scope::Kind::All)
        st.scopeName = (scope.kind == Scope::Kind::Province ? m_provinceNames : m_centreNames).value(scope.id);
    const std::vector<char> inScope = this->inScope(scope);
    st.teachers = 0;
    for (std::size_t i = 0; i < m_teachers.size(); ++i) {
        const Teacher &t = m_teachers[i];
        st.teachers += inScope[i];
        st.respondents += inScope[i] && t.responded;
    }
    st.suppressed = scope.kind != Scope::Kind::All && st.respondents < kMinGroupRespondents;
    if (!st.suppressed) {
        for (const Rating &r : m_ratings)
            if (r.competency >= 0 && inScope[std::size_t(r.teacher)])
                st.competencies[std::size_t(r.competency)].ratings.add(r.need, 1);
        // A scope is a breakdown group: small cells are withheld as in breakdown().
        if (scope.kind != Scope::Kind::All)
            for (CompetencyStats &c : st.competencies)
                if (c.ratings.respondents() < kMinGroupRespondents) {
                    c.ratings = RatingCounts {};
                    c.suppressed = true;
                }
    }
    std::sort(st.competencies.begin(), st.competencies.end(), byMeanDescending);
    return st;
}

Breakdown FieldData::breakdown(Breakdown::Kind kind) const
{
    return breakdown(kind, stats().competencies);
}

Breakdown FieldData::breakdown(Breakdown::Kind kind, const std::vector<CompetencyStats> &order) const
{
    Breakdown b;
    b.kind = kind;
    const bool byProvince = kind == Breakdown::Kind::Province;
    const QHash<int, QString> &names = byProvince ? m_provinceNames : m_centreNames;
    QHash<int, std::size_t> groupIndex;
    std::vector<int> teacherGroup(m_teachers.size(), -1);
    for (std::size_t i = 0; i < m_teachers.size(); ++i) {
        const Teacher &t = m_teachers[i];
        if (!(byProvince ? t.hasProvince : t.hasCentre))
            continue;
        const int id = byProvince ? t.province : t.centre;
        auto it = groupIndex.constFind(id);
        if (it == groupIndex.constEnd()) {
            GroupStats g;
            g.id = id;
            g.name = names.value(id);
            g.perCompetency.resize(order.size());
            g.competencySuppressed.assign(order.size(), true);
            it = groupIndex.insert(id, b.groups.size());
            b.groups.push_back(std::move(g));
        }
        GroupStats &g = b.groups[*it];
        ++g.teachers;
        g.respondents += t.responded;
        teacherGroup[i] = int(*it);
    }

    // Position in `order` of each competency of the field.
    QHash<int, int> position;
    for (std::size_t i = 0; i < order.size(); ++i)
        position.insert(order[i].id, int(i));
    std::vector<int> cellOf(m_base.competencies.size(), -1);
    for (std::size_t i = 0; i < m_base.competencies.size(); ++i)
        cellOf[i] = position.value(m_base.competencies[i].id, -1);

    for (const Rating &r : m_ratings) {
        const int g = teacherGroup[std::size_t(r.teacher)];
        const int c = r.competency < 0 ? -1 : cellOf[std::size_t(r.competency)];
        if (g >= 0 && c >= 0)
            b.groups[std::size_t(g)].perCompetency[std::size_t(c)].add(r.need, 1);
    }

    for (GroupStats &g : b.groups) {
        g.suppressed = g.respondents < kMinGroupRespondents;
        for (std::size_t i = 0; i < g.perCompetency.size(); ++i) {
            RatingCounts &cell = g.perCompetency[i];
            if (!g.suppressed) {
                for (int level = 1; level <= kScaleSize; ++level)
                    g.overall.add(level, cell.distribution[std::size_t(level - 1)]);
                g.overall.notApplicable += cell.notApplicable;
            }
            g.competencySuppressed[i] = g.suppressed || cell.respondents() < kMinGroupRespondents;
            if (g.competencySuppressed[i])
                cell = RatingCounts {};
        }
    }
    std::sort(b.groups.begin(), b.groups.end(),
        [](const GroupStats &x, const GroupStats &y) { return TurkishText::compare(x.name, y.name) < 0; });
    return b;
}

std::vector<ScopeOption> FieldData::scopeOptions() const
{
    std::vector<ScopeOption> options;
    for (const Scope::Kind kind : { Scope::Kind::Province, Scope::Kind::Centre }) {
        const bool byProvince = kind == Scope::Kind::Province;
        const QHash<int, QString> &names = byProvince ? m_provinceNames : m_centreNames;
        std::map<int, int> teachers; // by id, as GROUP BY id
        for (const Teacher &t : m_teachers)
            if (byProvince ? t.hasProvince : t.hasCentre) {
                const int id = byProvince ? t.province : t.centre;
                if (names.contains(id)) // as the JOIN with the province/centre table
                    ++teachers[id];
            }
        std::vector<ScopeOption> part;
        for (const auto &[id, count] : teachers)
            part.push_back({ Scope { kind, id }, names.value(id), count });
        std::stable_sort(part.begin(), part.end(),
            [](const ScopeOption &a, const ScopeOption &b) { return TurkishText::compare(a.name, b.name) < 0; });
        options.insert(options.end(), part.begin(), part.end());
    }
    return options;
}

Expected<FieldStats> computeFieldStats(QSqlDatabase db, const QString &code, Scope scope, int round)
{
    auto data = FieldData::load(db, code, round);
    if (!data)
        return data.error();
    return data->stats(scope);
}

Expected<Breakdown> computeBreakdown(QSqlDatabase db, const FieldStats &field, Breakdown::Kind kind)
{
    auto data = FieldData::load(db, FieldInfo { field.fieldId, field.code, field.nameTr, field.nameEn }, field.round);
    if (!data)
        return data.error();
    return data->breakdown(kind, field.competencies);
}

} // namespace kopru::stats
