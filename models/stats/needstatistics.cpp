// SPDX-License-Identifier: GPL-3.0-or-later
#include "stats/needstatistics.h"

#include "db/sql.h"
#include "domain/turkishtext.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kopru::stats {

namespace {

bool uiIsTurkish()
{
    return QLocale().language() == QLocale::Turkish;
}

// The column of teacher that defines a group; fixed fragments, never values.
const char *groupColumn(Scope::Kind kind)
{
    return kind == Scope::Kind::Province ? "t.province_id" : "t.centre_id";
}

const char *groupColumn(Breakdown::Kind kind)
{
    return kind == Breakdown::Kind::Province ? "t.province_id" : "t.centre_id";
}

// Runs `sql` with positional `bindings` and calls `row` for each result row.
template<typename RowFn>
Status forEachRow(QSqlDatabase db, const QString &sql, const QVariantList &bindings, RowFn row)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, sql); !s)
        return s;
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindings.at(i));
    if (!q.exec())
        return Sql::errorOf(q);
    while (q.next())
        row(q);
    return {};
}

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
    return Error{QCoreApplication::translate("stats", "unknown field code \"%1\"; valid codes: %2")
                     .arg(code, codes.join(QStringLiteral(", "))),
                 {}, 0, 0};
}

QString scopeCondition(const Scope &scope)
{
    if (scope.kind == Scope::Kind::All)
        return {};
    return QStringLiteral(" AND %1 = ?").arg(QLatin1String(groupColumn(scope.kind)));
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
    return uiIsTurkish() || titleEn.isEmpty() ? titleTr : titleEn;
}

QString FieldInfo::displayName() const
{
    return uiIsTurkish() || nameEn.isEmpty() ? nameTr : nameEn;
}

QString FieldStats::displayName() const
{
    return uiIsTurkish() || nameEn.isEmpty() ? nameTr : nameEn;
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
    const Status s = forEachRow(db, QStringLiteral("SELECT id, code, name_tr, name_en FROM field ORDER BY code"), {},
                                [&](const QSqlQuery &q) {
                                    fields.push_back({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(),
                                                      q.value(3).toString()});
                                });
    if (!s)
        return s.error();
    return fields;
}

Expected<std::vector<ScopeOption>> listScopeOptions(QSqlDatabase db, int fieldId)
{
    std::vector<ScopeOption> options;
    for (const Scope::Kind kind : {Scope::Kind::Province, Scope::Kind::Centre}) {
        const QString sql = kind == Scope::Kind::Province
                                ? QStringLiteral("SELECT g.id, g.name, count(*) FROM teacher t JOIN province g ON g.id = t.province_id "
                                                 "WHERE t.field_id = ? GROUP BY g.id")
                                : QStringLiteral("SELECT g.id, g.name, count(*) FROM teacher t JOIN centre g ON g.id = t.centre_id "
                                                 "WHERE t.field_id = ? GROUP BY g.id");
        std::vector<ScopeOption> part;
        const Status s = forEachRow(db, sql, {fieldId}, [&](const QSqlQuery &q) {
            part.push_back({Scope{kind, q.value(0).toInt()}, q.value(1).toString(), q.value(2).toInt()});
        });
        if (!s)
            return s.error();
        std::sort(part.begin(), part.end(),
                  [](const ScopeOption &a, const ScopeOption &b) { return TurkishText::compare(a.name, b.name) < 0; });
        options.insert(options.end(), part.begin(), part.end());
    }
    return options;
}

Expected<FieldStats> computeFieldStats(QSqlDatabase db, const QString &code, Scope scope)
{
    auto field = findField(db, code);
    if (!field)
        return field.error();
    FieldStats st;
    st.fieldId = field->id;
    st.code = field->code;
    st.nameTr = field->nameTr;
    st.nameEn = field->nameEn;
    st.scope = scope;
    const QVariant fid = st.fieldId;

    Status s = forEachRow(db, QStringLiteral("SELECT c.name FROM centre c JOIN centre_field cf ON cf.centre_id = c.id "
                                             "WHERE cf.field_id = ?"),
                          {fid}, [&](const QSqlQuery &q) { st.centres << q.value(0).toString(); });
    if (!s)
        return s.error();
    std::sort(st.centres.begin(), st.centres.end(),
              [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });

    if (scope.kind != Scope::Kind::All) {
        const QString sql = scope.kind == Scope::Kind::Province ? QStringLiteral("SELECT name FROM province WHERE id = ?")
                                                                : QStringLiteral("SELECT name FROM centre WHERE id = ?");
        auto name = Sql::scalar(db, sql, {scope.id});
        if (!name)
            return name.error();
        st.scopeName = name->toString();
    }

    // Ratings are read through the field's teachers: need_rating's primary key
    // starts with teacher_id, so each teacher's ratings sit together on disk.
    auto round = Sql::scalar(db, QStringLiteral("SELECT max(r.round) FROM teacher t "
                                                "JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = ?"),
                             {fid});
    if (!round)
        return round.error();
    st.round = round->toInt();

    QHash<int, std::size_t> index;
    s = forEachRow(db, QStringLiteral("SELECT id, code, title_tr, title_en, unit FROM competency WHERE field_id = ?"), {fid},
                   [&](const QSqlQuery &q) {
                       CompetencyStats c;
                       c.id = q.value(0).toInt();
                       c.code = q.value(1).toString();
                       c.titleTr = q.value(2).toString();
                       c.titleEn = q.value(3).toString();
                       c.unit = q.value(4).toString();
                       index.insert(c.id, st.competencies.size());
                       st.competencies.push_back(std::move(c));
                   });
    if (!s)
        return s.error();

    s = forEachRow(db, QStringLiteral("SELECT sc.competency_id, sum(s.capacity) FROM training_session s "
                                      "JOIN session_competency sc ON sc.session_id = s.id "
                                      "WHERE s.field_id = ? GROUP BY sc.competency_id"),
                   {fid}, [&](const QSqlQuery &q) {
                       const auto it = index.constFind(q.value(0).toInt());
                       if (it != index.constEnd())
                           st.competencies[*it].supply = q.value(1).toInt();
                   });
    if (!s)
        return s.error();

    QVariantList teacherBindings{fid};
    QString teacherSql = QStringLiteral("SELECT count(*) FROM teacher t WHERE t.field_id = ?");
    if (scope.kind != Scope::Kind::All) {
        teacherSql += QStringLiteral(" AND %1 = ?").arg(QLatin1String(groupColumn(scope.kind)));
        teacherBindings << scope.id;
    }
    s = forEachRow(db, teacherSql, teacherBindings, [&](const QSqlQuery &q) { st.teachers = q.value(0).toInt(); });
    if (!s)
        return s.error();

    // Ratings: bindings are field, round (, scope id).
    QVariantList bindings{fid, st.round};
    if (scope.kind != Scope::Kind::All)
        bindings << scope.id;
    const QString from = QStringLiteral(" FROM teacher t JOIN need_rating r ON r.teacher_id = t.id"
                                        " WHERE t.field_id = ? AND r.round = ?") + scopeCondition(scope);
    s = forEachRow(db, QStringLiteral("SELECT count(DISTINCT r.teacher_id)") + from, bindings,
                   [&](const QSqlQuery &q) { st.respondents = q.value(0).toInt(); });
    if (!s)
        return s.error();

    st.suppressed = scope.kind != Scope::Kind::All && st.respondents < kMinGroupRespondents;
    if (!st.suppressed) {
        s = forEachRow(db, QStringLiteral("SELECT r.competency_id, r.need, count(*)") + from
                               + QStringLiteral(" GROUP BY r.competency_id, r.need"),
                       bindings, [&](const QSqlQuery &q) {
                           const auto it = index.constFind(q.value(0).toInt());
                           if (it != index.constEnd())
                               st.competencies[*it].ratings.add(q.value(1).isNull() ? 0 : q.value(1).toInt(), q.value(2).toInt());
                       });
        if (!s)
            return s.error();
        // A scope is a breakdown group: small cells are withheld as in computeBreakdown.
        if (scope.kind != Scope::Kind::All)
            for (CompetencyStats &c : st.competencies)
                if (c.ratings.respondents() < kMinGroupRespondents) {
                    c.ratings = RatingCounts{};
                    c.suppressed = true;
                }
    }
    std::sort(st.competencies.begin(), st.competencies.end(), byMeanDescending);
    return st;
}

Expected<Breakdown> computeBreakdown(QSqlDatabase db, const FieldStats &field, Breakdown::Kind kind)
{
    Breakdown b;
    b.kind = kind;
    const QString column = QLatin1String(groupColumn(kind));
    const QString nameSql = kind == Breakdown::Kind::Province
                                ? QStringLiteral("SELECT g.name FROM province g WHERE g.id = %1")
                                : QStringLiteral("SELECT g.name FROM centre g WHERE g.id = %1");
    QHash<int, std::size_t> groupIndex;
    Status s = forEachRow(db,
                          QStringLiteral("SELECT %1, (%2), count(*) FROM teacher t WHERE t.field_id = ? AND %1 IS NOT NULL GROUP BY %1")
                              .arg(column, nameSql.arg(column)),
                          {field.fieldId}, [&](const QSqlQuery &q) {
                              GroupStats g;
                              g.id = q.value(0).toInt();
                              g.name = q.value(1).toString();
                              g.teachers = q.value(2).toInt();
                              g.perCompetency.resize(field.competencies.size());
                              g.competencySuppressed.assign(field.competencies.size(), true);
                              groupIndex.insert(g.id, b.groups.size());
                              b.groups.push_back(std::move(g));
                          });
    if (!s)
        return s.error();

    QHash<int, std::size_t> compIndex;
    for (std::size_t i = 0; i < field.competencies.size(); ++i)
        compIndex.insert(field.competencies[i].id, i);

    const QString from = QStringLiteral(" FROM teacher t JOIN need_rating r ON r.teacher_id = t.id "
                                        "WHERE t.field_id = ? AND r.round = ?");
    const QVariantList bindings{field.fieldId, field.round};
    s = forEachRow(db, QStringLiteral("SELECT %1, count(DISTINCT r.teacher_id)").arg(column) + from + QStringLiteral(" GROUP BY %1").arg(column),
                   bindings, [&](const QSqlQuery &q) {
                       const auto it = groupIndex.constFind(q.value(0).toInt());
                       if (it != groupIndex.constEnd())
                           b.groups[*it].respondents = q.value(1).toInt();
                   });
    if (!s)
        return s.error();

    s = forEachRow(db, QStringLiteral("SELECT %1, r.competency_id, r.need, count(*)").arg(column) + from
                           + QStringLiteral(" GROUP BY %1, r.competency_id, r.need").arg(column),
                   bindings, [&](const QSqlQuery &q) {
                       const auto g = groupIndex.constFind(q.value(0).toInt());
                       const auto c = compIndex.constFind(q.value(1).toInt());
                       if (g == groupIndex.constEnd() || c == compIndex.constEnd())
                           return;
                       b.groups[*g].perCompetency[*c].add(q.value(2).isNull() ? 0 : q.value(2).toInt(), q.value(3).toInt());
                   });
    if (!s)
        return s.error();

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
                cell = RatingCounts{};
        }
    }
    std::sort(b.groups.begin(), b.groups.end(),
              [](const GroupStats &x, const GroupStats &y) { return TurkishText::compare(x.name, y.name) < 0; });
    return b;
}

} // namespace kopru::stats
