// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// End to end, offscreen, on a real clusterdeck-runtime with users: signing in through the token file fallback
// (no keychain service here, as under CI), a wrong token explained, what a viewer and a scientist cannot do shown
// disabled with the reason (and refused by the runtime when forced), a scientist's own quota, and the Audit page
// showing and filtering what was just done.
#include "runtimeprocess.h"
#include "ui/auth/signindialog.h"
#include "ui/auth/signinflow.h"
#include "ui/backend/connection.h"
#include "ui/consolesettings.h"
#include "ui/mainwindow.h"
#include "ui/panels/auditpanel.h"
#include "ui/sidebar.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstConsoleAuthE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.path())); // where the fallback file goes
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        m_tokens.insert(u"vera"_s, addUser({u"user"_s, u"add"_s, u"vera"_s, u"--role"_s, u"viewer"_s}));
        m_tokens.insert(u"sue"_s, addUser({u"user"_s, u"add"_s, u"sue"_s, u"--role"_s, u"scientist"_s}));
        m_tokens.insert(
            u"sam"_s,
            addUser({u"user"_s, u"add"_s, u"sam"_s, u"--role"_s, u"scientist"_s, u"--max-clusters"_s, u"3"_s}));
        // The admin's cluster (the runtime's token file is the first admin): not a scientist's to touch.
        const ApiReply launched
            = m_runtime.api("POST", u"/clusters"_s, {{u"name"_s, u"auth-admin"_s}, {u"workers"_s, 1}});
        QCOMPARE(launched.httpStatus, 201);
        m_clusterId = launched.body.toObject().value(u"id"_s).toString();
        QCOMPARE(launched.body.toObject().value(u"owner"_s).toString(), u"admin"_s);

        ConsoleOptions options;
        options.runtimeUrl = QUrl(m_runtime.url());
        options.tokenFile = m_runtime.tokenFile();
        options.startLocalRuntime = false;
        options.persistent = false;
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(connection()->user(), u"admin"_s, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(identityText().contains(u"admin (admin)"_s), 5000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (!m_clusterId.isEmpty())
            m_runtime.api("DELETE", u"/clusters/"_s + m_clusterId);
        m_runtime.stopAndReap();
    }

    void aWrongTokenIsExplainedAndTheRightOneKeptInAFileOnlyTheUserReads()
    {
        signIn("not-a-token");
        // Refused: the dialog comes back saying so, and the console keeps the token it had.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->signInFlow()->dialog()
                                     && m_window->signInFlow()->dialog()->message().contains(u"refused that token"_s),
                                 15000);
        QVERIFY2(m_window->signInFlow()->dialog()->message().contains(u"401"_s),
                 qPrintable(m_window->signInFlow()->dialog()->message()));
        QTRY_COMPARE_WITH_TIMEOUT(connection()->user(), u"admin"_s, 15000);
        QVERIFY(!QFile::exists(ConsoleSettings::remoteTokenPath(connection()->url()))); // nothing wrong was kept
        m_window->signInFlow()->dialog()->reject();

        signIn(m_tokens.value(u"vera"_s));
        QTRY_COMPARE_WITH_TIMEOUT(connection()->user(), u"vera"_s, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(identityText().contains(u"vera (viewer)"_s), 5000);
        // No keychain service in this process (no D-Bus session): the token is in a 0600 file.
        const QString path = ConsoleSettings::remoteTokenPath(connection()->url());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed(), m_tokens.value(u"vera"_s));
    }

    void aViewerSeesLaunchDisabledWithItsReason()
    {
        QTRY_COMPARE_WITH_TIMEOUT(connection()->user(), u"vera"_s, 5000);
        QAction *launch = m_window->findChild<QAction *>(u"launchAction"_s);
        QVERIFY(launch);
        QTRY_VERIFY_WITH_TIMEOUT(!launch->isEnabled(), 5000);
        QVERIFY2(launch->toolTip().contains(u"viewer"_s) && launch->toolTip().contains(u"scientist"_s),
                 qPrintable(launch->toolTip()));
        auto *button = m_window->sidebar()->findChild<QPushButton *>(u"launchClusterButton"_s);
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->accessibleDescription(), launch->toolTip());
        // The runtime still refuses it when forced.
        QCOMPARE(call(u"vera"_s, "POST", u"/clusters"_s, {{u"name"_s, u"vera-try"_s}, {u"workers"_s, 1}}).httpStatus,
                 403);
    }

    void aScientistCannotTerminateAnothersCluster()
    {
        signIn(m_tokens.value(u"sue"_s));
        QTRY_COMPARE_WITH_TIMEOUT(connection()->user(), u"sue"_s, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->selectCluster(connection(), m_clusterId), 15000);
        QAction *terminate = m_window->findChild<QAction *>(u"terminateAction"_s);
        QAction *launch = m_window->findChild<QAction *>(u"launchAction"_s);
        QTRY_VERIFY_WITH_TIMEOUT(launch->isEnabled(), 5000); // a scientist launches its own
        QTRY_VERIFY_WITH_TIMEOUT(terminate->toolTip().contains(u"launched by admin"_s), 10000);
        QVERIFY(!terminate->isEnabled());
        auto *button = m_window->clusterPage()->findChild<QPushButton *>(u"terminateClusterButton"_s);
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        QVERIFY2(button->accessibleDescription().contains(u"admin"_s), qPrintable(button->accessibleDescription()));
        // Forced past the console: the runtime refuses, naming the owner.
        const ApiReply refused = call(u"sue"_s, "DELETE", u"/clusters/"_s + m_clusterId);
        QCOMPARE(refused.httpStatus, 403);
        QVERIFY2(refused.detail.contains(u"admin"_s), qPrintable(refused.detail));
    }

    void aScientistsOwnQuotaIsRefusedPastItsLimit()
    {
        QJsonValue json;
        QCOMPARE(m_runtime.cli({u"user"_s, u"quota"_s, u"sam"_s, u"--max-workers"_s, u"1"_s}, &json), 0);
        QCOMPARE(json.toObject().value(u"quota"_s).toObject().value(u"maxWorkers"_s).toInt(), 1);
        QCOMPARE(m_runtime.cli({u"user"_s, u"list"_s}, &json), 0);
        QJsonObject quota;
        for (const QJsonValue &v : json.toArray())
            if (v.toObject().value(u"name"_s).toString() == "sam"_L1)
                quota = v.toObject().value(u"quota"_s).toObject();
        QCOMPARE(quota.value(u"maxWorkers"_s).toInt(), 1);
        QCOMPARE(quota.value(u"maxClusters"_s).toInt(), 3);
        QCOMPARE(quota.value(u"own"_s).toArray().size(), 2);
        const ApiReply refused = call(u"sam"_s, "POST", u"/clusters"_s, {{u"name"_s, u"sam-big"_s}, {u"workers"_s, 2}});
        QCOMPARE(refused.httpStatus, 403);
        QCOMPARE(refused.error, u"quota exceeded"_s);
        QVERIFY2(refused.detail.contains(u"workers: 2"_s) && refused.detail.contains(u"quota of 1"_s),
                 qPrintable(refused.detail));
        // Back to the runtime's default (8 workers): the same launch passes the quota (an empty name is refused
        // after it, by the spec's check, so nothing starts).
        QCOMPARE(m_runtime.cli({u"user"_s, u"quota"_s, u"sam"_s, u"--max-workers"_s, u"default"_s}, &json), 0);
        const ApiReply passed = call(u"sam"_s, "POST", u"/clusters"_s, {{u"name"_s, u""_s}, {u"workers"_s, 2}});
        QCOMPARE(passed.httpStatus, 400);
        // A quota is a scientist's only.
        QVERIFY(m_runtime.cli({u"user"_s, u"quota"_s, u"vera"_s, u"--max-workers"_s, u"1"_s}, &json) != 0);
    }

    void theAuditPageShowsAndFiltersWhatWasJustDone()
    {
        m_window->signInFlow()->signOut(connection()); // back to the runtime's token file: admin
        QTRY_COMPARE_WITH_TIMEOUT(connection()->user(), u"admin"_s, 15000);
        QVERIFY(!QFile::exists(ConsoleSettings::remoteTokenPath(connection()->url())));
        m_window->showAudit();
        AuditPanel *audit = m_window->auditPanel();
        QTRY_VERIFY_WITH_TIMEOUT(audit->hasData() && audit->rowCount() > 0, 15000);
        // Newest first: sam's refused launch is near the top, and a refusal stands out.
        bool samDenied = false;
        for (int row = 0; row < audit->rowCount(); ++row)
            if (audit->cellText(row, AuditPanel::User) == "sam"_L1
                && audit->cellText(row, AuditPanel::Outcome) == "denied"_L1) {
                samDenied = true;
                QVERIFY(audit->rowStandsOut(row));
            }
        QVERIFY(samDenied);

        // By user: only sue's entries, her refused terminate of the admin's cluster among them.
        audit->setUserFilter(u"sue"_s);
        audit->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(audit->currentQuery().contains(u"user=sue"_s) && audit->rowCount() > 0
                                     && audit->cellText(0, AuditPanel::User) == "sue"_L1,
                                 15000);
        bool refusedTerminate = false;
        for (int row = 0; row < audit->rowCount(); ++row) {
            QCOMPARE(audit->cellText(row, AuditPanel::User), u"sue"_s);
            refusedTerminate |= audit->cellText(row, AuditPanel::Action) == "DELETE /clusters/{id}"_L1
                && audit->cellText(row, AuditPanel::Target) == m_clusterId
                && audit->cellText(row, AuditPanel::Outcome) == "denied"_L1;
        }
        QVERIFY(refusedTerminate);

        // By cluster and action: the admin's launch, its outcome recorded with the new cluster's id as target.
        audit->setUserFilter(u"admin"_s);
        audit->setClusterFilter(m_clusterId);
        audit->setActionFilter(u"POST /clusters"_s);
        audit->refresh();
        // The answer to this query, not the rows still shown from sue's.
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() == 1 && audit->cellText(0, AuditPanel::User) == "admin"_L1, 15000);
        QCOMPARE(audit->cellText(0, AuditPanel::Target), m_clusterId);
        QCOMPARE(audit->cellText(0, AuditPanel::Outcome), u"succeeded"_s);
        QVERIFY(!audit->rowStandsOut(0));
    }

private:
    Connection *connection() const { return m_window->connections().value(0); }

    QString identityText() const
    {
        auto *label = m_window->findChild<QLabel *>(u"signedInLabel"_s);
        return label && label->isVisible() ? label->text() : QString();
    }

    void signIn(const QByteArray &token)
    {
        m_window->signInFlow()->signIn(connection());
        SignInDialog *dialog = m_window->signInFlow()->dialog();
        QVERIFY(dialog);
        dialog->setToken(QString::fromLatin1(token));
        dialog->accept();
    }

    QByteArray addUser(const QStringList &args)
    {
        QJsonValue json;
        if (m_runtime.cli(args, &json) != 0)
            return {};
        return json.toObject().value(u"token"_s).toString().toLatin1();
    }

    ApiReply call(const QString &user, const QByteArray &verb, const QString &path, const QJsonObject &body = {}) const
    {
        RuntimeClient client(QUrl(m_runtime.url()), m_tokens.value(user));
        return client.requestBlocking(verb, path, body);
    }

    QTemporaryDir m_home;
    test::RuntimeProcess m_runtime;
    std::unique_ptr<MainWindow> m_window;
    QHash<QString, QByteArray> m_tokens;
    QString m_clusterId;
};

int main(int argc, char **argv)
{
    // As under CI: no D-Bus session, so no keychain service answers and the token goes to the 0600 file.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    QApplication app(argc, argv);
    TstConsoleAuthE2e test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_consoleauth_e2e.moc"
