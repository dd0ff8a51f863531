// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/programme/sessionevaluationmodel.h"

#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/roles.h"

#include <QBrush>
#include <QHash>
#include <QLocale>
#include <QPalette>

namespace kopru::programme {

SessionEvaluationModel::SessionEvaluationModel(const QString &kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{ }

Status SessionEvaluationModel::load(QSqlDatabase db, int sessionId)
{
    m_db = db;
    auto facts = SessionFacts::load(db, sessionId);
    if (!facts)
        return facts.error();
    std::vector<Item> items;
    const bool turkish = Lookups::turkishUi();
    Status s = Sql::forEachRow(db,
        QStringLiteral("SELECT id, code, text_tr, text_en FROM evaluation_item WHERE kind = ? AND active = 1 ORDER BY "
                       "sort_order, code"),
        { m_kind }, [&](const QSqlQuery &q) {
            items.push_back({ q.value(0).toInt(), q.value(1).toString(), q.value(turkish ? 2 : 3).toString() });
        });
    if (!s)
        return s;
    QHash<QPair<int, int>, int> answers; // (placement, item) → score, 0 = not applicable
    s = Sql::forEachRow(db,
        QStringLiteral("SELECT a.placement_id, a.item_id, a.score FROM evaluation_answer a JOIN placement p ON p.id = "
                       "a.placement_id WHERE p.session_id = ?"),
        { sessionId }, [&](const QSqlQuery &q) {
            answers.insert({ q.value(0).toInt(), q.value(1).toInt() }, q.value(2).isNull() ? kNotApplicable : q.value(2).toInt());
        });
    if (!s)
        return s;
    beginResetModel();
    m_sessionId = sessionId;
    m_items = std::move(items);
    m_placements.clear();
    m_answers.clear();
    for (const SessionFacts::Placement &p : facts.value().placements) {
        if (p.status == QLatin1String("cancelled"))
            continue;
        std::vector<int> row;
        for (const Item &item : m_items)
            row.push_back(answers.value({ p.id, item.id }, kNotAnswered));
        m_placements.push_back(p);
        m_answers.push_back(std::move(row));
    }
    m_saved = m_answers;
    endResetModel();
    updateModified();
    return {};
}

QStringList SessionEvaluationModel::itemTexts() const
{
    QStringList texts;
    for (const Item &item : m_items)
        texts << item.code + QStringLiteral(": ") + item.text;
    return texts;
}

void SessionEvaluationModel::updateModified()
{
    if (isModified() != m_modified) {
        m_modified = isModified();
        emit modifiedChanged(m_modified);
    }
}

Status SessionEvaluationModel::save()
{
    if (!isModified())
        return {};
    Transaction transaction(m_db);
    if (!transaction.began())
        return transaction.began();
    if (Status s = holdChangedPlacements(m_db); !s)
        return s;
    if (Status s = writeChanges(m_db); !s)
        return s;
    if (Status s = transaction.commit(); !s)
        return s;
    return load(m_db, m_sessionId);
}

Status SessionEvaluationModel::holdChangedPlacements(QSqlDatabase db) const
{
    for (std::size_t r = 0; r < m_answers.size(); ++r)
        if (m_answers[r] != m_saved[r])
            if (Status s = holdPlacement(db, m_placements[r]); !s)
                return s;
    return {};
}

Status SessionEvaluationModel::writeChanges(QSqlDatabase db) const
{
    for (std::size_t r = 0; r < m_answers.size(); ++r)
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            const int now = m_answers[r][i];
            const int before = m_saved[r][i];
            if (now == before)
                continue;
            const int placement = m_placements[r].id;
            const int item = m_items[i].id;
            const QVariant score = now == kNotApplicable ? QVariant() : QVariant(now);
            Status s;
            if (now == kNotAnswered)
                s = Sql::exec(db, QStringLiteral("DELETE FROM evaluation_answer WHERE placement_id = ? AND item_id = ?"),
                    { placement, item });
            else if (before == kNotAnswered)
                s = Sql::exec(db, QStringLiteral("INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (?, ?, ?)"),
                    { placement, item, score });
            else
                s = Sql::exec(db, QStringLiteral("UPDATE evaluation_answer SET score = ? WHERE placement_id = ? AND item_id = ?"),
                    { score, placement, item });
            if (!s)
                return s;
        }
    return {};
}

int SessionEvaluationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_answers.size());
}

int SessionEvaluationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstItem + int(m_items.size());
}

QVariant SessionEvaluationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const SessionFacts::Placement &placement = m_placements[std::size_t(index.row())];
    const int c = index.column();
    const int value = c >= FirstItem ? m_answers[std::size_t(index.row())][std::size_t(c - FirstItem)] : kNotAnswered;
    switch (role) {
    case Qt::DisplayRole:
        if (c == Teacher)
            return placement.teacher;
        if (value == kNotAnswered)
            return QString();
        return value == kNotApplicable ? tr("n/a") : QLocale().toString(value);
    case Qt::EditRole:
        // Text, so that an editor opened and left unchanged leaves "not answered" as it is.
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return c >= FirstItem ? QVariant(Qt::AlignCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (c >= FirstItem && value == kNotApplicable)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::ToolTipRole:
        if (c >= FirstItem)
            return QString(m_items[std::size_t(c - FirstItem)].text + QLatin1Char('\n')
                + tr("1 strongly disagree … 5 strongly agree; 0 or \"n/a\" = not applicable; empty = not answered"));
        return {};
    case IdRole:
        return placement.id;
    case StatusRole:
        return placement.status;
    case SessionIdRole:
        return m_sessionId;
    case SortRole:
        if (c == Teacher)
            return placement.teacher;
        return value == kNotAnswered ? QVariant() : QVariant(value);
    case ValueKindRole:
        return int(c == Teacher ? ValueKind::ReadOnly : ValueKind::Text);
    case MinimumRole:
        return 0;
    case MaximumRole:
        return 5;
    default:
        return {};
    }
}

QVariant SessionEvaluationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == Teacher)
        return role == Qt::DisplayRole ? QVariant(tr("Teacher")) : QVariant();
    const Item &item = m_items[std::size_t(section - FirstItem)];
    if (role == Qt::DisplayRole)
        return item.code;
    if (role == Qt::ToolTipRole)
        return item.text;
    return {};
}

Qt::ItemFlags SessionEvaluationModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() >= FirstItem)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SessionEvaluationModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() < FirstItem || index.row() >= rowCount())
        return false;
    const QString text = value.toString().trimmed();
    int score = kNotAnswered;
    if (text == tr("n/a")) {
        score = kNotApplicable;
    } else if (!value.isNull() && !text.isEmpty()) {
        bool ok = false;
        score = value.userType() == QMetaType::QString ? QLocale().toInt(text, &ok) : value.toInt(&ok);
        if (!ok || score < 0 || score > 5) {
            emit editRefused(tr("A score is 1 to 5, or 0 for \"not applicable\"; \"%1\" refused.").arg(text));
            return false;
        }
    }
    m_answers[std::size_t(index.row())][std::size_t(index.column() - FirstItem)] = score;
    emit dataChanged(index, index);
    updateModified();
    return true;
}

} // namespace kopru::programme
