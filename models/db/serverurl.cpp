// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/serverurl.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>
#include <iterator>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ServerUrl)
};

const QLatin1String kSslModes[] = { QLatin1String("disable"), QLatin1String("allow"), QLatin1String("prefer"),
    QLatin1String("require"), QLatin1String("verify-ca"), QLatin1String("verify-full") };

} // namespace

bool ServerUrl::isServerUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Expected<ServerUrl> ServerUrl::parse(const QString &location)
{
    const auto refuse = [&location](const QString &why) {
        // The password never appears in a message.
        QUrl shown(location);
        shown.setPassword(QString());
        return Error { Text::tr("not a server database address (%1); expected "
                                "postgresql://user[:password]@host[:port]/database[?sslmode=require]")
                           .arg(why),
            shown.toString(), 0, 0 };
    };
    if (!isServerUrl(location))
        return refuse(Text::tr("it must start with postgresql://"));
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(url.errorString());
    ServerUrl result;
    result.host = url.host(QUrl::FullyDecoded);
    if (result.host.isEmpty())
        return refuse(Text::tr("no host"));
    result.port = url.port(5432);
    if (result.port < 1 || result.port > 65535)
        return refuse(Text::tr("port %1 out of range").arg(result.port));
    result.user = url.userName(QUrl::FullyDecoded);
    if (result.user.isEmpty())
        return refuse(Text::tr("no user name"));
    result.password = url.password(QUrl::FullyDecoded);
    result.database = url.path(QUrl::FullyDecoded).mid(1);
    if (result.database.isEmpty() || result.database.contains(QLatin1Char('/')))
        return refuse(Text::tr("no database name"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1String("sslmode"))
            return refuse(Text::tr("unknown option %1 (only sslmode is accepted)").arg(key));
        if (std::find(std::begin(kSslModes), std::end(kSslModes), value) == std::end(kSslModes))
            return refuse(Text::tr("unknown sslmode %1").arg(value));
        result.sslMode = value;
    }
    return result;
}

QString ServerUrl::shortName(const QString &location)
{
    if (!isServerUrl(location))
        return QFileInfo(location).fileName();
    auto url = parse(location);
    if (!url)
        return QUrl(location).adjusted(QUrl::RemovePassword).toString();
    return Text::tr("%1 on %2", "database on host").arg(url->database, url->host);
}

QString ServerUrl::display() const
{
    QString text = QStringLiteral("postgresql://%1@%2").arg(user, host);
    if (port != 5432)
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + database;
    if (!sslMode.isEmpty())
        text += QStringLiteral("?sslmode=") + sslMode;
    return text;
}

QString ServerUrl::location() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host, QUrl::DecodedMode);
    if (port != 5432)
        url.setPort(port);
    url.setUserName(user, QUrl::DecodedMode);
    url.setPassword(password, QUrl::DecodedMode);
    url.setPath(QLatin1Char('/') + database, QUrl::DecodedMode);
    if (!sslMode.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

QString ServerUrl::account() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString ServerUrl::connectOptions() const
{
    QString options = QStringLiteral("connect_timeout=10");
    if (!sslMode.isEmpty())
        options += QStringLiteral(";sslmode=") + sslMode;
    return options;
}

} // namespace kopru
