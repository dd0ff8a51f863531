// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/entitytablemodel.h"

#include "models/db/sql.h"
#include "models/domain/nationalid.h"
#include "models/domain/turkishtext.h"
#include "models/editing/changenotifier.h"
#include "models/editing/insertrowcommand.h"
#include "models/editing/rowversion.h"
#include "models/editing/setvaluecommand.h"
#include "models/editing/valuecheck.h"
#include "models/itemmodels/lookups.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QLocale>
#include <QSqlQuery>
#include <algorithm>

namespace kopru {

namespace {

QString formatPhone(const QString &digits)
{
    if (digits.size() != 11)
        return digits;
    return digits.left(4) + QLatin1Char(' ') + digits.mid(4, 3) + QLatin1Char(' ') + digits.mid(7, 2) + QLatin1Char(' ')
        + digits.mid(9, 2);
}

// NULL in these columns means "not given" and is shown as a grey dash.
bool showsDash(ValueKind kind)
{
    return kind == ValueKind::Date || kind == ValueKind::Integer || kind == ValueKind::Centre || kind == ValueKind::School;
}

} // namespace

EntityTableModel::EntityTableModel(QString table, std::vector<ColumnSpec> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
{
    ChangeNotifier *n = ChangeNotifier::instance();
    connect(n, &ChangeNotifier::rowsChanged, this, [this](const QString &table, const QList<int> &ids) {
        if (table == m_table)
            reloadRows(ids);
        else if (dependsOn().contains(table))
            reloadAll();
    });
    connect(n, &ChangeNotifier::tableChanged, this, [this](const QString &table) {
        if (table == m_table || dependsOn().contains(table))
            reloadAll();
    });
}

Status EntityTableModel::load(QSqlDatabase db, const Lookups *lookups)
{
    m_db = db;
    m_lookups = lookups;
    auto rows = query(QString(), {});
    // Same rows as before (a dependent table changed): update in place so that
    // views keep their selection and current index.
    if (rows && !m_rows.empty() && rows->size() == m_rows.size()
        && std::equal(m_rows.begin(), m_rows.end(), rows->begin(), [](const Row &a, const Row &b) { return a.id == b.id; })) {
        m_rows = std::move(rows.value());
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return {};
    }
    beginResetModel();
    m_rows.clear();
    if (rows)
        m_rows = std::move(rows.value());
    rebuildIndex();
    endResetModel();
    return rows ? Status() : Status(rows.error());
}

void EntityTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    m_db = QSqlDatabase();
    m_lookups = nullptr;
    endResetModel();
}

int EntityTableModel::columnOf(const char *dbColumn) const
{
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (qstrcmp(m_columns[c].dbColumn, dbColumn) == 0)
            return int(c);
    return -1;
}

int EntityTableModel::firstColumnOfKind(ValueKind kind) const
{
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c].kind == kind)
            return int(c);
    return -1;
}

Expected<std::vector<EntityTableModel::Row>> EntityTableModel::query(
    const QString &extraCondition, const QVariantList &bindings) const
{
    std::vector<Row> rows;
    if (!m_db.isOpen() || !m_lookups)
        return rows;
    QStringList conditions;
    QVariantList binds;
    if (!scopeCondition().isEmpty()) {
        conditions << scopeCondition();
        binds << scopeBindings();
    }
    if (!extraCondition.isEmpty()) {
        conditions << extraCondition;
        binds << bindings;
    }
    QString sql = selectSql();
    // The version and global id of each row, which an edit carries (RowVersion).
    static const QLatin1String kSelectId("SELECT id, ");
    const QString version = RowVersion::expression(m_table);
    const bool versioned = !version.isEmpty() && sql.startsWith(kSelectId);
    if (versioned)
        sql.insert(kSelectId.size(), version + QStringLiteral(", uid, "));
    const int first = versioned ? 3 : 1;
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    QSqlQuery q(m_db);
    if (Status s = Sql::prepare(q, sql); !s)
        return s.error();
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (Status s = Sql::run(q); !s)
        return s.error();
    const int n = int(m_columns.size());
    while (q.next()) {
        Row row;
        row.id = q.value(0).toInt();
        if (versioned) {
            row.version = q.value(1);
            row.uid = q.value(2);
        }
        row.values.reserve(n);
        for (int c = 0; c < n; ++c)
            row.values.append(q.value(c + first));
        computeSearchKey(row);
        rows.push_back(std::move(row));
    }
    return rows;
}

void EntityTableModel::computeSearchKey(Row &row) const
{
    QString all;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const QVariant &v = row.values.at(int(c));
        switch (m_columns[c].kind) {
        case ValueKind::Province:
            all += m_lookups->provinceName(v.toInt());
            break;
        case ValueKind::Field:
            all += m_lookups->fieldName(v.toInt());
            break;
        case ValueKind::Centre:
            all += m_lookups->centreName(v.toInt());
            break;
        case ValueKind::School:
            all += m_lookups->schoolName(v.toInt());
            break;
        case ValueKind::Bool:
        case ValueKind::Date:
            continue;
        default:
            all += v.toString();
            break;
        }
        all += QLatin1Char(' ');
    }
    row.searchKey = TurkishText::searchKey(all);
}

void EntityTableModel::rebuildIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(qsizetype(m_rows.size()));
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        m_rowOfId.insert(m_rows[r].id, int(r));
}

void EntityTableModel::reloadAll()
{
    if (m_db.isOpen() && m_lookups)
        (void)load(m_db, m_lookups);
}

void EntityTableModel::reloadRows(const QList<int> &ids)
{
    if (!m_db.isOpen() || !m_lookups)
        return;
    for (int id : ids) {
        auto fresh = query(QStringLiteral("id = ?"), { id });
        if (!fresh)
            continue;
        const int row = rowOfId(id);
        if (fresh->empty()) {
            if (row < 0)
                continue;
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            rebuildIndex();
            endRemoveRows();
        } else if (row >= 0) {
            m_rows[std::size_t(row)] = std::move(fresh->front());
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        } else {
            const int at = rowCount();
            beginInsertRows({}, at, at);
            m_rows.push_back(std::move(fresh->front()));
            m_rowOfId.insert(id, at);
            endInsertRows();
        }
    }
}

int EntityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString EntityTableModel::displayText(int row, int column) const
{
    const QVariant &v = m_rows[std::size_t(row)].values.at(column);
    const ColumnSpec &spec = m_columns[std::size_t(column)];
    if (v.isNull())
        return {};
    switch (spec.kind) {
    case ValueKind::Province:
        return m_lookups->provinceName(v.toInt());
    case ValueKind::Field:
        return m_lookups->fieldName(v.toInt());
    case ValueKind::Centre:
        return m_lookups->centreName(v.toInt());
    case ValueKind::School:
        return m_lookups->schoolName(v.toInt());
    case ValueKind::Date:
        return QDate::fromString(v.toString(), Qt::ISODate).toString(ValueCheck::dateDisplayFormat());
    case ValueKind::Phone:
        return formatPhone(v.toString());
    case ValueKind::Bool:
        return {};
    case ValueKind::Integer:
    case ValueKind::Rating:
        return QLocale().toString(v.toLongLong());
    case ValueKind::ReadOnly:
        if (v.userType() == QMetaType::LongLong || v.userType() == QMetaType::Int)
            return QLocale().toString(v.toLongLong());
        if (v.userType() == QMetaType::Double)
            return QLocale().toString(v.toDouble(), 'f', 1);
        return v.toString();
    default:
        return v.toString();
    }
}

QString EntityTableModel::problemOfStored(int row, int column) const
{
    const QVariant &v = m_rows[std::size_t(row)].values.at(column);
    switch (m_columns[std::size_t(column)].kind) {
    case ValueKind::NationalId:
        return NationalId::problem(v.toString());
    case ValueKind::Email:
        return ValueCheck::emailProblem(v.toString());
    case ValueKind::Phone:
        return ValueCheck::phoneProblem(v.toString());
    default:
        return {};
    }
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int r = index.row(), c = index.column();
    const Row &row = m_rows[std::size_t(r)];
    const ColumnSpec &spec = m_columns[std::size_t(c)];
    const QVariant &v = row.values.at(c);
    const auto idOfKind = [&](ValueKind kind) -> QVariant {
        const int col = firstColumnOfKind(kind);
        return col < 0 || row.values.at(col).isNull() ? QVariant() : QVariant(row.values.at(col).toInt());
    };
    switch (role) {
    case Qt::DisplayRole:
        if (v.isNull() && showsDash(spec.kind))
            return QStringLiteral("—");
        return displayText(r, c);
    case Qt::EditRole:
        if (spec.kind == ValueKind::Date)
            return v.isNull() ? QVariant() : QVariant(QDate::fromString(v.toString(), Qt::ISODate));
        return v;
    case Qt::CheckStateRole:
        if (spec.kind == ValueKind::Bool)
            return v.toInt() ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole: {
        if (const QString p = problemOfStored(r, c); !p.isEmpty())
            return p;
        if (v.isNull() && spec.kind != ValueKind::ReadOnly)
            return tr("%1: not given").arg(spec.title());
        if (spec.kind == ValueKind::Date && !v.isNull())
            return QLocale().toString(QDate::fromString(v.toString(), Qt::ISODate), QLocale::LongFormat);
        const QString text = displayText(r, c);
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case Qt::TextAlignmentRole:
        if (spec.numeric()
            || (spec.kind == ValueKind::ReadOnly && (v.userType() == QMetaType::LongLong || v.userType() == QMetaType::Double)))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (spec.kind == ValueKind::Bool)
            return QVariant(Qt::AlignCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!problemOfStored(r, c).isEmpty())
            return QBrush(QColor(0xb0, 0x00, 0x20)); // invalid stored value
        if (v.isNull() && showsDash(spec.kind))
            return QBrush(QColor(0x80, 0x80, 0x80)); // not given
        return {};
    case IdRole:
        return row.id;
    case SortRole:
        switch (spec.kind) {
        case ValueKind::Integer:
        case ValueKind::Rating:
        case ValueKind::Bool:
            return v.isNull() ? QVariant() : QVariant(v.toLongLong());
        case ValueKind::Date:
            return v.toString();
        case ValueKind::ReadOnly:
            return v;
        default:
            return displayText(r, c);
        }
    case SearchKeyRole:
        return row.searchKey;
    case FieldIdRole:
        return idOfKind(ValueKind::Field);
    case ProvinceIdRole:
        return idOfKind(ValueKind::Province);
    case CentreIdRole:
        return idOfKind(ValueKind::Centre);
    case ValueKindRole:
        return int(spec.kind);
    case ChoicesRole:
        if (!m_lookups)
            return {};
        switch (spec.kind) {
        case ValueKind::Province:
            return m_lookups->provinceChoices();
        case ValueKind::Field:
            return m_lookups->fieldChoices();
        case ValueKind::Centre:
            return m_lookups->centreChoices();
        default:
            return {};
        }
    case MinimumRole:
        return spec.kind == ValueKind::Rating ? 1 : spec.minimum;
    case MaximumRole:
        return spec.kind == ValueKind::Rating ? 5 : spec.maximum;
    case RequiredRole:
        return spec.required;
    default:
        return {};
    }
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_columns[std::size_t(section)].title();
    if (role == Qt::ToolTipRole && m_columns[std::size_t(section)].required)
        return tr("%1 (required)").arg(m_columns[std::size_t(section)].title());
    return {};
}

Qt::ItemFlags EntityTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    const ColumnSpec &spec = m_columns[std::size_t(index.column())];
    if (spec.kind == ValueKind::Bool)
        f |= Qt::ItemIsUserCheckable;
    else if (spec.editable())
        f |= Qt::ItemIsEditable;
    return f;
}

QString EntityTableModel::rowProblem(int, int, const QVariant &) const
{
    return {};
}

QString EntityTableModel::describe(int row) const
{
    return displayText(row, 0);
}

bool EntityTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !m_db.isOpen())
        return false;
    const int r = index.row(), c = index.column();
    const ColumnSpec &spec = m_columns[std::size_t(c)];
    QVariant input = value;
    if (spec.kind == ValueKind::Bool && role == Qt::CheckStateRole)
        input = value.toInt() == Qt::Checked;
    else if (role != Qt::EditRole)
        return false;
    if (!spec.editable()) {
        emit editRefused(tr("%1 cannot be edited here.").arg(spec.title()));
        return false;
    }
    const ValueCheck::Outcome outcome = ValueCheck::check({ spec.kind, spec.required, spec.minimum, spec.maximum }, input);
    if (!outcome.ok()) {
        emit editRefused(tr("%1 refused: %2").arg(spec.title(), outcome.problem));
        return false;
    }
    const QVariant old = m_rows[std::size_t(r)].values.at(c);
    if (old == outcome.value && old.isNull() == outcome.value.isNull())
        return true;
    if (const QString p = rowProblem(r, c, outcome.value); !p.isEmpty()) {
        emit editRefused(tr("%1 refused: %2").arg(spec.title(), p));
        return false;
    }
    const Row &row = m_rows[std::size_t(r)];
    auto command = std::make_unique<SetValueCommand>(m_db, m_table, QString::fromLatin1(spec.dbColumn), idAt(r), old,
        outcome.value, tr("Change %1 of %2").arg(spec.title(), describe(r)), SeenRow { row.version, row.uid, describe(r) });
    if (Status s = DbCommand::run(m_undoStack, std::move(command)); !s) {
        emit editRefused(tr("%1 refused: %2").arg(spec.title(), s.message()));
        return false;
    }
    return true;
}

Expected<int> EntityTableModel::insertRecord(const QVariantMap &values, const QString &description)
{
    if (!m_db.isOpen())
        return Error { tr("No database is open."), {}, 0, 0 };
    // Every column the new row needs, validated as an edit would be.
    QVariantMap checked;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const ColumnSpec &spec = m_columns[c];
        const QString name = QString::fromLatin1(spec.dbColumn);
        if (!spec.editable() || (!values.contains(name) && !spec.required))
            continue;
        const ValueCheck::Outcome outcome
            = ValueCheck::check({ spec.kind, spec.required, spec.minimum, spec.maximum }, values.value(name));
        QString problem = outcome.problem;
        if (problem.isEmpty())
            problem = rowProblem(-1, int(c), outcome.value);
        if (!problem.isEmpty())
            return Error { tr("%1: %2").arg(spec.title(), problem), {}, 0, 0 };
        checked.insert(name, outcome.value);
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (!checked.contains(it.key()))
            checked.insert(it.key(), it.value()); // columns the table does not show (e.g. partner_id)
    auto command = std::make_unique<InsertRowCommand>(m_db, m_table, checked, description);
    InsertRowCommand *raw = command.get();
    if (Status s = raw->execute(); !s)
        return s.error();
    const int id = raw->insertedId();
    if (m_undoStack)
        m_undoStack->push(command.release());
    return id;
}

SeenRow EntityTableModel::seenRow(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[std::size_t(row)];
    return { r.version, r.uid, describe(row) };
}

Status EntityTableModel::removeIds(const QList<int> &ids, bool removePlacements)
{
    if (!m_db.isOpen())
        return Status::failure(tr("No database is open."));
    if (ids.isEmpty())
        return {};
    const QString text = ids.size() == 1 && rowOfId(ids.front()) >= 0 ? tr("Delete %1").arg(describe(rowOfId(ids.front())))
                                                                      : tr("Delete %n row(s)", nullptr, int(ids.size()));
    // What the user saw of each row: deleted only while no one changed it since.
    QList<SeenRow> seen;
    for (int id : ids)
        seen.append(seenRow(rowOfId(id)));
    return DbCommand::run(
        m_undoStack, std::make_unique<DeleteRowsCommand>(m_db, entity(), ids, removePlacements, text, std::move(seen)));
}

Expected<int> EntityTableModel::placementsAffected(const QList<int> &ids) const
{
    return DeleteRowsCommand::placementsAffected(m_db, entity(), ids);
}

} // namespace kopru
