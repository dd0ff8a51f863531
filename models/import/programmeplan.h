// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/importcontext.h"
#include "models/import/scalemapping.h"

#include <QHash>
#include <QVariant>
#include <functional>
#include <optional>
#include <vector>

namespace kopru {

// The follow-through of placements from files (issue #15, docs/import.md,
// "Attendance" and "Evaluations"): attendance sheets with the placements'
// outcomes, and evaluation questionnaires. Rows name a teacher by national
// ID (and a session when the teacher has more than one placement); what they
// record are parts of that placement, keyed by the placement and the day or
// the questionnaire item, so a file imported twice changes nothing.
class ProgrammePlan
{
public:
    // `scale`: the survey's own answer labels for evaluations.
    explicit ProgrammePlan(ScaleMapping scale = {})
        : m_scale(std::move(scale))
    { }

    // Maps the columns that name a questionnaire item (its code, "Q1[T1]",
    // "T1. …", or its Turkish or English text) to "item:CODE"; other columns
    // keep their target.
    static Status mapItems(QSqlDatabase db, const QStringList &header, ColumnMapping &mapping);
    static QString itemTarget(const QString &code) { return QStringLiteral("item:") + code; }
    // The codes of the active questionnaire items, training first, in their order.
    static Expected<QStringList> itemCodes(QSqlDatabase db);
    // The item code of an "item:CODE" target, else empty.
    static QString itemCode(const QString &target)
    {
        return target.startsWith(QLatin1String("item:")) ? target.mid(5) : QString();
    }

    // Validate every row and decide insert/update/skip (and, for totals,
    // delete) per record.
    Status planAttendance(ImportContext &ctx);
    Status planEvaluations(ImportContext &ctx);
    Status write(QSqlDatabase db, const std::function<bool()> &tick);
    int size() const { return int(m_days.size() + m_outcomes.size() + m_answers.size() + m_removed.size()); }

private:
    enum class Action { Insert, Update, Skip };
    struct Placement
    {
        qint64 id = 0;
        qint64 session = 0;
        QString status, cancelReason, completedOn, start, end;
    };
    struct Day
    {
        qint64 placement;
        QString day;
        double hours;
        QVariant absence;
        int line;
        Action action = Action::Insert;
    };
    struct Outcome
    {
        qint64 placement;
        QString status;
        QVariant cancelReason, completedOn;
        int line;
        Action action = Action::Update;
    };
    struct Answer
    {
        qint64 placement, item;
        QVariant score;
        int line;
        Action action = Action::Insert;
    };
    struct Removed
    {
        qint64 placement;
        QString day;
        int line;
    };

    Status loadPlacements(QSqlDatabase db);
    // The placement a row means, or an error at its national ID or session cell.
    const Placement *placementOf(ImportContext &ctx, const SourceRow &row);
    Status classifyAttendance(ImportContext &ctx, const QSet<qint64> &totals);
    Status classifyAnswers(ImportContext &ctx);
    // A row that changes a placement this database does not own is refused
    // at its line (docs/exchange.md, "Owners").
    Status checkOwnership(ImportContext &ctx);

    ScaleMapping m_scale;
    QHash<qint64, std::vector<Placement>> m_placements; // teacher → placements
    std::vector<Day> m_days;
    std::vector<Outcome> m_outcomes;
    std::vector<Answer> m_answers;
    std::vector<Removed> m_removed;
};

} // namespace kopru
