// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/reviewlistmodel.h"

#include "models/itemmodels/roles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace kopru {

namespace {

QString teacherName(const QJsonObject &row)
{
    return row.value(QStringLiteral("first_name")).toString() + QLatin1Char(' ')
        + row.value(QStringLiteral("last_name")).toString();
}

QVariant one(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec() && q.next())
        return q.value(0);
    return {};
}

} // namespace

ReviewListModel::ReviewListModel(QObject *parent)
    : QueryTableModel(ColumnCount, QStringLiteral("review_item"), parent)
{ }

QString ReviewListModel::centreName(int id) const
{
    const QString name = one(database(), QStringLiteral("SELECT name FROM centre WHERE id = ?"), { id }).toString();
    return name.isEmpty() ? tr("Centre %1").arg(id) : tr("%1 (centre %2)").arg(name).arg(id);
}

QString ReviewListModel::selectSql() const
{
    return QStringLiteral("SELECT id, kind, subject, centres, status, resolution, chosen_uid, detail FROM review_item "
                          "ORDER BY status = 'resolved', id");
}

void ReviewListModel::addRow(const QSqlQuery &q)
{
    Item item;
    item.id = q.value(0).toInt();
    item.kind = q.value(1).toString();
    item.subject = q.value(2).toString();
    item.centres = q.value(3).toString();
    item.status = q.value(4).toString();
    item.resolution = q.value(5).toString();
    item.chosenUid = q.value(6).toString();
    item.detail = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    m_rows.push_back(std::move(item));
}

void ReviewListModel::rowsLoaded()
{
    for (Item &item : m_rows)
        item.description = describe(item);
}

QString ReviewListModel::describe(const Item &item) const
{
    if (item.kind == QLatin1String("duplicate_teacher"))
        return tr("National ID %1").arg(item.subject);
    if (item.kind == QLatin1String("duplicate_partner"))
        return tr("Tax number %1").arg(item.subject);
    if (item.kind == QLatin1String("capacity")) {
        const QString partner = one(database(),
            QStringLiteral("SELECT p.name || ', ' || s.start_date FROM training_session s JOIN partner p ON p.id = s.partner_id "
                           "WHERE s.uid = ?"),
            { item.subject })
                                    .toString();
        return tr("Session %1: %2 placements for %3 places")
            .arg(partner.isEmpty() ? item.subject : partner)
            .arg(item.detail.value(QStringLiteral("placements")).toArray().size())
            .arg(item.detail.value(QStringLiteral("capacity")).toInt());
    }
    if (item.kind == QLatin1String("correction")) {
        const QString teacher
            = one(database(), QStringLiteral("SELECT first_name || ' ' || last_name FROM teacher WHERE uid = ?"),
                { item.detail.value(QStringLiteral("teacher")).toString() })
                  .toString();
        QString text = tr("%1: %2 → \"%3\"")
                           .arg(teacher, item.detail.value(QStringLiteral("column")).toString(),
                               item.detail.value(QStringLiteral("value")).toString());
        if (item.detail.value(QStringLiteral("changed_since")).toBool())
            text += QLatin1Char(' ') + tr("(changed at both ends)");
        return text;
    }
    return item.subject;
}

int ReviewListModel::rowOf(int reviewId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == reviewId)
            return int(i);
    return -1;
}

int ReviewListModel::openCount() const
{
    int n = 0;
    for (const Item &item : m_rows)
        n += item.status == QLatin1String("open") ? 1 : 0;
    return n;
}

QVariant ReviewListModel::data(const QModelIndex &index, int role) const
{
    const Item *row = rowAt(index);
    if (!row)
        return {};
    const Item &item = *row;
    if (role == IdRole)
        return item.id;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole) {
        switch (index.column()) {
        case Kind:
            return kindTitle(item.kind);
        case Subject:
            return item.description;
        case Centres: {
            QStringList names;
            for (const QString &id : item.centres.split(QLatin1Char(','), Qt::SkipEmptyParts))
                names << (role == Qt::ToolTipRole ? centreName(id.toInt()) : id);
            return names.join(QStringLiteral(", "));
        }
        case Status:
            return item.status == QLatin1String("open") ? tr("Open") : tr("Resolved");
        case Resolution:
            return resolutionTitle(item.resolution);
        default:
            return {};
        }
    }
    return {};
}

QStringList ReviewListModel::headers() const
{
    return { tr("Conflict"), tr("About"), tr("Centres"), tr("Status"), tr("Decision") };
}

QList<ResolveReviewCommand::Action> ReviewListModel::actions(int row) const
{
    if (row < 0 || row >= rowCount() || m_rows[std::size_t(row)].status != QLatin1String("open"))
        return {};
    return ResolveReviewCommand::actionsFor(m_rows[std::size_t(row)].kind);
}

std::vector<ReviewListModel::Choice> ReviewListModel::choices(int row) const
{
    std::vector<Choice> result;
    if (row < 0 || row >= rowCount())
        return result;
    const Item &item = m_rows[std::size_t(row)];
    const bool teacher = item.kind == QLatin1String("duplicate_teacher");
    if (teacher || item.kind == QLatin1String("duplicate_partner")) {
        const QString kept = item.detail.value(QStringLiteral("kept")).toString();
        if (!kept.isEmpty()) {
            const QString name = one(database(),
                teacher ? QStringLiteral("SELECT first_name || ' ' || last_name FROM teacher WHERE uid = ?")
                        : QStringLiteral("SELECT name FROM partner WHERE uid = ?"),
                { kept })
                                     .toString();
            result.push_back({ kept, tr("%1 — national office's record").arg(name) });
        }
        QSqlQuery q(database());
        q.prepare(
            QStringLiteral("SELECT uid, owner_centre_id, row_json FROM review_parked WHERE review_id = ? AND table_name = ? "
                           "ORDER BY owner_centre_id, uid"));
        q.addBindValue(item.id);
        q.addBindValue(teacher ? QStringLiteral("teacher") : QStringLiteral("partner"));
        if (q.exec())
            while (q.next()) {
                const QJsonObject json = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
                const QString name = teacher ? teacherName(json) : json.value(QStringLiteral("name")).toString();
                result.push_back({ q.value(0).toString(),
                    q.value(1).isNull() ? tr("%1 — national office").arg(name)
                                        : tr("%1 — registered by %2").arg(name, centreName(q.value(1).toInt())) });
            }
    } else if (item.kind == QLatin1String("capacity")) {
        for (const QJsonValue &v : item.detail.value(QStringLiteral("placements")).toArray()) {
            const QString uid = v.toString();
            QSqlQuery q(database());
            q.prepare(
                QStringLiteral("SELECT t.first_name || ' ' || t.last_name, p.owner_centre_id FROM placement p JOIN teacher t "
                               "ON t.id = p.teacher_id WHERE p.uid = ?"));
            q.addBindValue(uid);
            if (q.exec() && q.next())
                result.push_back({ uid,
                    q.value(1).isNull() ? tr("%1 — national office").arg(q.value(0).toString())
                                        : tr("%1 — placed by %2").arg(q.value(0).toString(), centreName(q.value(1).toInt())) });
            else
                result.push_back({ uid, uid });
        }
    }
    return result;
}

QString ReviewListModel::kindTitle(const QString &kind)
{
    if (kind == QLatin1String("duplicate_teacher"))
        return tr("Teacher registered twice");
    if (kind == QLatin1String("duplicate_partner"))
        return tr("Partner registered twice");
    if (kind == QLatin1String("capacity"))
        return tr("Session over capacity");
    if (kind == QLatin1String("correction"))
        return tr("Correction proposed");
    return kind;
}

QString ReviewListModel::resolutionTitle(const QString &resolution)
{
    static const std::pair<const char *, ResolveReviewCommand::Action> actions[] = {
        { "keep", ResolveReviewCommand::Action::Keep },
        { "merge", ResolveReviewCommand::Action::Merge },
        { "reject", ResolveReviewCommand::Action::Reject },
        { "keep_all", ResolveReviewCommand::Action::KeepAll },
        { "reject_placements", ResolveReviewCommand::Action::RejectPlacements },
        { "adopt", ResolveReviewCommand::Action::Adopt },
    };
    for (const auto &[code, action] : actions)
        if (resolution == QLatin1String(code))
            return ResolveReviewCommand::title(action);
    if (resolution == QLatin1String("erased"))
        return tr("Erased (KVKK)");
    return resolution;
}

} // namespace kopru
