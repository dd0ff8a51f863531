// SPDX-License-Identifier: GPL-3.0-or-later
// The goals of the plan in plain words (issue #18 point 7): the dialog says the
// order of the goals; the weights, the formula and the checks are under
// "Advanced", open at once only when the weights are not the defaults.
#include "views/planning/weightsdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace kopru;

class TestWeightsDialog : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreWordsWithTheNumbersHidden()
    {
        WeightsDialog dialog(PlanWeights {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString goals = dialog.findChild<QLabel *>(QStringLiteral("goals"))->text();
        QVERIFY2(goals.contains(QStringLiteral("as many teachers as possible")), qPrintable(goals));
        QVERIFY(goals.indexOf(QStringLiteral("teachers")) < goals.indexOf(QStringLiteral("need"))
            && goals.indexOf(QStringLiteral("need")) < goals.indexOf(QStringLiteral("travel")));
        QVERIFY(!goals.contains(QStringLiteral("400002200001")));
        auto *place = dialog.findChild<QLineEdit *>(QStringLiteral("weightNeed"));
        QVERIFY(place && !place->isVisible());
        // Advanced shows the numbers.
        auto *advanced = dialog.findChild<QPushButton *>(QStringLiteral("advanced"));
        QVERIFY(advanced);
        advanced->click();
        QVERIFY(place->isVisible());
        QCOMPARE(WeightsDialog::summary(PlanWeights {}),
            QStringLiteral("Goals: most teachers placed, then most need covered, then shortest travel"));
    }

    void ownWeightsShowTheirNumbersAndWhatTheyMean()
    {
        PlanWeights travelFirst { 1, 1, 1000 }; // travel outweighs need: the order is not kept
        travelFirst.maximizePlaced = false;
        QVERIFY(travelFirst.validate());
        WeightsDialog dialog(travelFirst);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("weightDistance"))->isVisible());
        auto *goals = dialog.findChild<QLabel *>(QStringLiteral("goals"));
        QVERIFY2(goals->text().contains(QStringLiteral("fewer teachers")), qPrintable(goals->text()));
        // Back to the defaults: the words follow.
        dialog.findChild<QLineEdit *>(QStringLiteral("weightDistance"))->setText(QString::number(PlanWeights {}.distance));
        dialog.findChild<QLineEdit *>(QStringLiteral("weightNeed"))->setText(QString::number(PlanWeights {}.need));
        dialog.findChild<QLineEdit *>(QStringLiteral("weightPlace"))->setText(QString::number(PlanWeights {}.place));
        auto *maximize = dialog.findChild<QWidget *>(QStringLiteral("maximizePlaced"));
        QVERIFY(maximize);
        QMetaObject::invokeMethod(maximize, "setChecked", Q_ARG(bool, PlanWeights {}.maximizePlaced));
        QCOMPARE(dialog.weights(), PlanWeights {});
        QVERIFY(goals->text().contains(QStringLiteral("as many teachers as possible")));
        QVERIFY(WeightsDialog::summary(travelFirst).contains(QStringLiteral("km")));
    }
};

QTEST_MAIN(TestWeightsDialog)
#include "tst_weightsdialog.moc"
