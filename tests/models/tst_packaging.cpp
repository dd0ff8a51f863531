// SPDX-License-Identifier: GPL-3.0-or-later
// The release check of docs/windows.md on Linux: `cpack -G DEB` and
// `cpack -G TGZ` produce packages, and the DEB unpacked with `dpkg -x` into an
// empty folder runs `kopru-cli --version` and `kopru-cli demo` from there.
// Skipped where cpack or dpkg is missing (e.g. on Windows).
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestPackaging : public QObject
{
    Q_OBJECT

    QString m_cpack;
    QString m_buildDir;
    QTemporaryDir m_out;

    static int run(const QString &program, const QStringList &args, QString *output = nullptr, int timeoutMs = 120000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForFinished(timeoutMs))
            return -1;
        const QString text = QString::fromUtf8(p.readAll());
        if (output)
            *output = text;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            qWarning("%s %s:\n%s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), qPrintable(text));
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

    QString package(const QString &generator, const QString &suffix)
    {
        const QString dir = m_out.filePath(generator);
        if (run(m_cpack,
                { QStringLiteral("-G"), generator, QStringLiteral("-B"), dir, QStringLiteral("--config"),
                    QDir(m_buildDir).filePath(QStringLiteral("CPackConfig.cmake")) })
            != 0)
            return {};
        const QStringList files = QDir(dir).entryList({ QStringLiteral("kopru*") + suffix }, QDir::Files);
        return files.size() == 1 ? QDir(dir).filePath(files.first()) : QString();
    }

private slots:
    void initTestCase()
    {
#ifndef Q_OS_UNIX
        QSKIP("the DEB/TGZ check runs on Linux; Windows builds the NSIS installer in CI");
#endif
        m_cpack = QStandardPaths::findExecutable(QStringLiteral("cpack"));
        if (m_cpack.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("dpkg")).isEmpty())
            QSKIP("cpack or dpkg is not installed");
        QDir build = QFileInfo(QStringLiteral(KOPRU_CLI)).absoluteDir(); // <build>/app
        QVERIFY(build.cdUp());
        m_buildDir = build.absolutePath();
        if (!QFileInfo::exists(build.filePath(QStringLiteral("CPackConfig.cmake"))))
            QSKIP("the build directory has no CPackConfig.cmake");
        QVERIFY(m_out.isValid());
    }

    void tgzHoldsTheProgramsAndDesktopFiles()
    {
        const QString tgz = package(QStringLiteral("TGZ"), QStringLiteral(".tar.gz"));
        QVERIFY2(!tgz.isEmpty(), "cpack -G TGZ made no package");
        QString listing;
        QCOMPARE(run(QStringLiteral("tar"), { QStringLiteral("tzf"), tgz }, &listing), 0);
        for (const char *path : { "/bin/kopru\n", "/bin/kopru-cli\n", "/share/applications/kopru.desktop\n",
                 "/share/icons/hicolor/scalable/apps/kopru.svg\n", "/share/icons/hicolor/256x256/apps/kopru.png\n",
                 "/share/mime/packages/kopru.xml\n" })
            QVERIFY2(listing.contains(QLatin1String(path)), path);
    }

    void debRunsFromAnUnpackedFolder()
    {
        const QString deb = package(QStringLiteral("DEB"), QStringLiteral(".deb"));
        QVERIFY2(!deb.isEmpty(), "cpack -G DEB made no package");
        QString info;
        QCOMPARE(run(QStringLiteral("dpkg-deb"), { QStringLiteral("--field"), deb, QStringLiteral("Depends") }, &info), 0);
        for (const char *dependency : { "libqt6widgets6", "libqt6sql6-sqlite", "libqt6charts6", "libxlsxwriter4", "libminizip1" })
            QVERIFY2(info.contains(QLatin1String(dependency)), dependency);

        const QString root = m_out.filePath(QStringLiteral("unpacked"));
        QVERIFY(QDir().mkpath(root));
        QCOMPARE(run(QStringLiteral("dpkg"), { QStringLiteral("-x"), deb, root }), 0);
        const QString cli = root + QStringLiteral("/usr/bin/kopru-cli");
        QVERIFY(QFileInfo(cli).isExecutable());
        QVERIFY(QFileInfo(root + QStringLiteral("/usr/bin/kopru")).isExecutable());

        QString out;
        QCOMPARE(run(cli, { QStringLiteral("--version") }, &out), 0);
        QVERIFY2(out.startsWith(QStringLiteral("kopru-cli ")), qPrintable(out));
        const QString db = root + QStringLiteral("/demo.kopru");
        QCOMPARE(run(cli,
                     { QStringLiteral("demo"), db, QStringLiteral("--teachers"), QStringLiteral("400"),
                         QStringLiteral("--partners"), QStringLiteral("80") },
                     &out),
            0);
        QCOMPARE(run(cli, { QStringLiteral("check"), db }, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("teacher")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
