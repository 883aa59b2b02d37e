// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The API's route table: the matcher (a pure function), the client's paths, and docs/runtime-api.md
// listing exactly the table's routes with their roles.
#include "core/backend/runtime/apiroutes.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck::api;

class TestApiRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRouteMatchesItsOwnPath()
    {
        for (const Route &r : routes()) {
            QStringList parameters;
            const qsizetype count = QByteArrayView(r.pattern).count('{');
            for (qsizetype i = 0; i < count; ++i)
                parameters.append(u"p%1 /x"_s.arg(i)); // a space and a slash must stay inside the segment
            const QString path = cdeck::api::path(r.id, parameters);
            const RouteMatch m = matchRoute(r.method, path);
            QVERIFY2(m.route == &r, qPrintable(path));
            QCOMPARE(m.parameters, parameters);
        }
    }

    void matcher()
    {
        // An encoded slash is part of the id, not another level of the path.
        RouteMatch m = matchRoute("GET", u"/clusters/c-1%2Fjobs"_s);
        QVERIFY(m.route);
        QVERIFY(m.route->id == RouteId::Cluster);
        QCOMPARE(m.parameters, QStringList{u"c-1/jobs"_s});
        // A known path with another method: 405, not 404.
        m = matchRoute("PATCH", u"/clusters/c-1"_s);
        QVERIFY(!m.route);
        QVERIFY(m.pathExists);
        m = matchRoute("GET", u"/clusters/c-1/nothing"_s);
        QVERIFY(!m.route);
        QVERIFY(!m.pathExists);
        // An empty segment is not a parameter.
        QVERIFY(!matchRoute("GET", u"/clusters//jobs"_s).route);
        QVERIFY(matchRoute("GET", u"/cost/meters"_s).route->id == RouteId::CostMeters);
        QVERIFY(matchRoute("GET", u"/clusters/x/metrics/stream"_s).route->id == RouteId::ClusterMetricsStream);
        QCOMPARE(matchRoute("DELETE", u"/budgets/team%3Ddata"_s).parameters, QStringList{u"team=data"_s});
    }

    void rolesAreOrdered()
    {
        const Route &launch = route(RouteId::ClusterLaunch);
        QVERIFY(!allows(launch, Role::Viewer));
        QVERIFY(allows(launch, Role::Scientist));
        QVERIFY(allows(launch, Role::Admin));
        QVERIFY(allows(route(RouteId::Health), Role::Viewer));
        for (const Route &r : routes()) {
            // Every read is a viewer's (but the user list); every write needs more.
            if (r.id != RouteId::Users)
                QCOMPARE(r.role == Role::Viewer, !r.mutates());
            QCOMPARE(allows(r, Role::Admin), true);
        }
        for (const Role role : kRoles)
            QVERIFY(roleFromString(toString(role)) == role);
        QVERIFY(!roleFromString(u"root"_s));
    }

    void theReferenceListsExactlyTheRoutes()
    {
        QFile doc(QStringLiteral(CLUSTERDECK_SOURCE_DIR "/docs/runtime-api.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        static const QRegularExpression row(u"^\\| `(GET|POST|PUT|DELETE) ([^`]+)` \\| ([a-z]+)( \\(own\\))? \\|"_s);
        QSet<QString> documented;
        for (const QString &line : QString::fromUtf8(doc.readAll()).split(u'\n')) {
            const QRegularExpressionMatch m = row.match(line);
            if (!m.hasMatch())
                continue;
            const QString key = m.captured(1) + u' ' + m.captured(2);
            QVERIFY2(!documented.contains(key), qPrintable(u"listed twice: "_s + key));
            documented.insert(key);
            const RouteMatch match = matchRoute(m.captured(1).toLatin1(), m.captured(2));
            QVERIFY2(match.route && QLatin1StringView(match.route->pattern) == m.captured(2),
                     qPrintable(u"documented but not a route: "_s + key));
            const Route &r = *match.route;
            QCOMPARE(m.captured(3), r.isPublic ? u"public"_s : toString(r.role));
            QCOMPARE(!m.captured(4).isEmpty(), r.scope == Scope::OwnCluster);
        }
        for (const Route &r : routes())
            QVERIFY2(documented.contains(QString::fromLatin1(r.method) + u' ' + QString::fromLatin1(r.pattern)),
                     qPrintable(u"not in docs/runtime-api.md: "_s + QString::fromLatin1(r.method) + u' '
                                + QString::fromLatin1(r.pattern)));
    }
};

QTEST_GUILESS_MAIN(TestApiRoutes)
#include "tst_apiroutes.moc"
