// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/planning/weightsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace kopru {

WeightsDialog::WeightsDialog(const PlanWeights &weights, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Optimiser weights"));
    auto *intro = new QLabel(tr("The cost of placing a teacher in a session is\n"
                                "− need × covered need + distance × km (− place, unless the most teachers are placed first);\n"
                                "the optimiser finds the plan of least total cost.\n"
                                "The defaults place as many teachers as possible, then cover as much need as possible,\n"
                                "then keep travel short, in this strict order."),
        this);
    m_maximize = new QCheckBox(tr("Place as many teachers as possible first (exact, without a weight)"), this);
    m_maximize->setObjectName(QStringLiteral("maximizePlaced"));
    connect(m_maximize, &QCheckBox::toggled, this, [this](bool on) {
        m_place->setEnabled(!on);
        check();
    });
    auto *validator = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,16}")), this);
    const auto field = [this, validator](const char *name) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setValidator(validator);
        e->setAlignment(Qt::AlignRight);
        connect(e, &QLineEdit::textChanged, this, &WeightsDialog::check);
        return e;
    };
    m_place = field("weightPlace");
    m_need = field("weightNeed");
    m_distance = field("weightDistance");
    m_note = new QLabel(this);
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_maximize);
    form->addRow(tr("Each placed teacher:"), m_place);
    form->addRow(tr("Each point of covered need:"), m_need);
    form->addRow(tr("Each km of travel:"), m_distance);

    auto *buttons
        = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(
        buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] { setWeights(PlanWeights {}); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    setWeights(weights);
}

void WeightsDialog::setWeights(const PlanWeights &w)
{
    m_place->setText(QString::number(w.place));
    m_need->setText(QString::number(w.need));
    m_distance->setText(QString::number(w.distance));
    m_maximize->setChecked(w.maximizePlaced);
    m_place->setEnabled(!w.maximizePlaced);
}

PlanWeights WeightsDialog::weights() const
{
    PlanWeights w { m_place->text().toLongLong(), m_need->text().toLongLong(), m_distance->text().toLongLong() };
    w.maximizePlaced = m_maximize->isChecked();
    return w;
}

void WeightsDialog::check()
{
    const PlanWeights w = weights();
    if (Status s = w.validate(); !s)
        m_note->setText(s.message());
    else if (w == PlanWeights {})
        m_note->setText(tr("These are the defaults: exact up to %1 placements per field, %2 km and %3 need points per placement.")
                            .arg(PlanWeights::kMaxPlaced)
                            .arg(PlanWeights::kMaxKm)
                            .arg(PlanWeights::kMaxNeed));
    else if (!w.lexicographicFor(PlanWeights::kMaxPlaced, PlanWeights::kMaxKm, PlanWeights::kMaxNeed))
        m_note->setText(tr("With these weights a lower goal can outweigh a higher one: the plan may place fewer teachers "
                           "or cover less need in exchange for shorter travel."));
    else
        m_note->setText(tr("These weights keep the order of the goals."));
}

QString WeightsDialog::summary(const PlanWeights &w)
{
    const QLocale l;
    const QString placed
        = w.maximizePlaced ? tr("most teachers placed first") : tr("placed teacher %1").arg(l.toString(qlonglong(w.place)));
    return tr("Weights: %1 · need point %2 · km %3")
        .arg(placed, l.toString(qlonglong(w.need)), l.toString(qlonglong(w.distance)));
}

} // namespace kopru
