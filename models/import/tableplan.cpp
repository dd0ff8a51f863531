// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/tableplan.h"

#include "models/db/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace kopru {

namespace {

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return a.toString() == b.toString();
}

QString placeholders(int n)
{
    QStringList q;
    for (int i = 0; i < n; ++i)
        q << QStringLiteral("?");
    return q.join(QLatin1Char(','));
}

Status bindAndRun(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return Sql::errorOf(q);
    return {};
}

} // namespace

Status TablePlan::classify(QSqlDatabase db, ImportReport &report)
{
    QSet<qint64> ids;
    for (const Row &r : rows)
        if (r.id > 0)
            ids.insert(r.id);
    QHash<qint64, QVariantList> existing;
    QHash<qint64, QSet<qint64>> existingLinks;
    if (!ids.isEmpty()) {
        QSqlQuery q(db);
        // Table and column names come from the plan's fixed lists, never from the file.
        if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, %1 FROM %2").arg(columns.join(QLatin1Char(',')), table)); !s)
            return s;
        if (Status s = Sql::run(q); !s)
            return s;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (!ids.contains(id))
                continue;
            QVariantList values;
            for (int c = 0; c < columns.size(); ++c)
                values << q.value(c + 1);
            existing.insert(id, values);
        }
        if (!linkTable.isEmpty()) {
            if (Status s = Sql::prepare(q, QStringLiteral("SELECT %1, %2 FROM %3").arg(linkOwner, linkTarget, linkTable)); !s)
                return s;
            if (Status s = Sql::run(q); !s)
                return s;
            while (q.next())
                existingLinks[q.value(0).toLongLong()].insert(q.value(1).toLongLong());
        }
    }
    for (Row &r : rows) {
        if (r.id <= 0) {
            r.action = Action::Insert;
            ++report.inserted;
            continue;
        }
        const bool known = existing.contains(r.id);
        const QVariantList &old = existing[r.id];
        r.changed.assign(std::size_t(columns.size()), !known);
        bool same = known;
        for (int c = 0; known && c < columns.size(); ++c) {
            const bool equal
                = c != parentColumn || r.values.at(c).toLongLong() >= 0 ? sameValue(r.values.at(c), old.value(c)) : false;
            r.changed[std::size_t(c)] = !equal;
            same = same && equal;
        }
        if (same && r.hasLinks)
            same = existingLinks.value(r.id) == r.links;
        r.action = same ? Action::Skip : Action::Update;
        ++(same ? report.skipped : report.updated);
    }
    return {};
}

Status TablePlan::write(QSqlDatabase db, const std::function<bool()> &tick)
{
    std::vector<qint64> parentIds;
    if (!parents.empty()) {
        QSqlQuery p(db);
        const QStringList written = parentGlobalId ? parentColumns + QStringList { QStringLiteral("uid") } : parentColumns;
        if (Status s = Sql::prepare(p,
                QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                    .arg(parentTable, written.join(QLatin1Char(',')), placeholders(int(written.size()))));
            !s)
            return s;
        for (const QVariantList &values : parents) {
            if (Status s = bindAndRun(p, parentGlobalId ? values + QVariantList { parentGlobalId(values) } : values); !s)
                return s;
            parentIds.push_back(p.lastInsertId().toLongLong());
        }
    }
    QSqlQuery insert(db), update(db), unlink(db), link(db);
    QStringList sets;
    for (const QString &c : columns)
        sets << c + QStringLiteral(" = ?");
    const QStringList inserted = globalId ? columns + QStringList { QStringLiteral("uid") } : columns;
    if (Status s = Sql::prepare(insert,
            QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                .arg(table, inserted.join(QLatin1Char(',')), placeholders(int(inserted.size()))));
        !s)
        return s;
    if (Status s = Sql::prepare(update, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, sets.join(QLatin1Char(','))));
        !s)
        return s;
    if (!linkTable.isEmpty()) {
        if (Status s = Sql::prepare(unlink, QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(linkTable, linkOwner)); !s)
            return s;
        if (Status s
            = Sql::prepare(link, QStringLiteral("INSERT INTO %1(%2, %3) VALUES (?, ?)").arg(linkTable, linkOwner, linkTarget));
            !s)
            return s;
    }
    for (Row &r : rows) {
        if (tick && !tick())
            return Status::failure(QCoreApplication::translate("Import", "cancelled"));
        if (r.action == Action::Skip)
            continue;
        QVariantList values = r.values;
        if (parentColumn >= 0 && values.at(parentColumn).toLongLong() < 0)
            values[parentColumn] = parentIds.at(std::size_t(-values.at(parentColumn).toLongLong() - 1));
        qint64 id = r.id;
        if (r.action == Action::Insert) {
            if (globalId)
                values << globalId(values);
            if (!bindAndRun(insert, values))
                return Sql::rowError(insert, r.line);
            id = insert.lastInsertId().toLongLong();
        } else {
            values << id;
            if (!bindAndRun(update, values))
                return Sql::rowError(update, r.line);
        }
        if (r.hasLinks) {
            if (Status s = bindAndRun(unlink, { id }); !s)
                return s;
            for (qint64 target : r.links)
                if (!bindAndRun(link, { id, target }))
                    return Sql::rowError(link, r.line);
        }
    }
    return {};
}

} // namespace kopru
