// SPDX-License-Identifier: GPL-3.0-or-later
// Reference for "GUI start" in bench/run-all.sh: a bare Qt window that does
// what `kopru DB --screenshot` does — start, show a 1400×900 window, let it
// settle for the same 400 ms, grab it into a PNG and exit — with no Köprü
// code at all. The difference between the two is Köprü's own start cost.
#include <QApplication>
#include <QEventLoop>
#include <QLabel>
#include <QPixmap>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString png = args.value(1, QStringLiteral("barewindow.png"));
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("bare Qt window"), &window));
    window.resize(1400, 900);
    window.show();
    QEventLoop settle;
    QTimer::singleShot(400, &settle, &QEventLoop::quit);
    settle.exec();
    QCoreApplication::processEvents();
    return window.grab().save(png, "PNG") ? 0 : 1;
}
