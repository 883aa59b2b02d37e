// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// Job staging: a root runtime's job, dropped to an unprivileged user, still reaches its script and the
// packages beside it when they live somewhere that user cannot cross (a repository under /root).
#include "core/runtime/jobstaging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

} // namespace

class TstJobStaging : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_sources; // 0700, as a home folder is
    QTemporaryDir m_staging;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sources.isValid() && m_staging.isValid());
        QCOMPARE(modeOf(m_sources.path()), mode_t(0700));
        write(m_sources.filePath(u"jobs/report.py"_s),
              "import lib.common\nprint('answer', lib.common.ANSWER)\nopen('out.txt', 'w').write('ok')\n");
        write(m_sources.filePath(u"jobs/lib/__init__.py"_s), "");
        write(m_sources.filePath(u"jobs/lib/common.py"_s), "ANSWER = 42\n");
        write(m_sources.filePath(u"jobs/data/big.csv"_s), "not a package: not copied\n");
        write(m_sources.filePath(u"jobs/other.py"_s), "print('another job')\n");
    }

    void copiesTheScriptAndThePackagesBesideIt()
    {
        const StagedJob staged = stageJob(m_staging.path(), u"job-1"_s, m_sources.filePath(u"jobs/report.py"_s),
                                          ::geteuid(), ::getegid());
        QVERIFY2(staged.error.isEmpty(), qPrintable(staged.error));
        QCOMPARE(staged.directory, m_staging.filePath(u"job-1"_s));
        QCOMPARE(staged.script, m_staging.filePath(u"job-1/report.py"_s));
        QVERIFY(QFileInfo::exists(staged.directory + u"/lib/common.py"_s));
        QVERIFY2(!QFileInfo::exists(staged.directory + u"/data"_s), "a folder that is not a package was copied");
        QVERIFY2(!QFileInfo::exists(staged.directory + u"/other.py"_s), "another script was copied");
        QCOMPARE(modeOf(staged.directory), mode_t(0700));
        QCOMPARE(modeOf(staged.directory + u"/lib"_s), mode_t(0755));
        QCOMPARE(modeOf(staged.script), mode_t(0644));
    }

    void anUnreadableScriptIsAClearError()
    {
        const StagedJob staged = stageJob(m_staging.path(), u"job-2"_s, m_sources.filePath(u"jobs/missing.py"_s),
                                          ::geteuid(), ::getegid());
        QVERIFY(staged.directory.isEmpty());
        QVERIFY2(staged.error.contains(u"missing.py"_s), qPrintable(staged.error));
    }

    void theRootIsRefusedWhenSomeoneElseCouldPrepareIt()
    {
        QString error;
        const QString root = jobStagingRoot(&error);
        QVERIFY2(!root.isEmpty(), qPrintable(error));
        QCOMPARE(modeOf(root), mode_t(0711)); // crossable, not listable
        QVERIFY(root.startsWith(QDir::tempPath()));
    }

    // The point of staging: as root, the job runs as nobody, from sources nobody could not read.
    void anUnprivilegedJobRunsFromItsStagedCopy()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: only a root runtime drops jobs to another user");
        const passwd *nobody = ::getpwnam("nobody");
        QVERIFY(nobody);
        QProcess direct;
        direct.setChildProcessModifier([uid = nobody->pw_uid, gid = nobody->pw_gid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
        });
        direct.start(u"/usr/bin/python3"_s, {m_sources.filePath(u"jobs/report.py"_s)});
        QVERIFY(direct.waitForFinished(30000));
        QVERIFY2(direct.exitCode() != 0, "nobody could read the unstaged script: the premise of this test is gone");

        QString error;
        const QString root = jobStagingRoot(&error);
        QVERIFY2(!root.isEmpty(), qPrintable(error));
        const StagedJob staged = stageJob(root, u"tst-jobstaging-%1"_s.arg(::getpid()), m_sources.filePath(u"jobs/report.py"_s),
                                          nobody->pw_uid, nobody->pw_gid);
        QVERIFY2(staged.error.isEmpty(), qPrintable(staged.error));
        QProcess job;
        job.setWorkingDirectory(staged.directory);
        job.setChildProcessModifier([uid = nobody->pw_uid, gid = nobody->pw_gid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
        });
        job.start(u"/usr/bin/python3"_s, {staged.script});
        QVERIFY(job.waitForFinished(30000));
        const QByteArray output = job.readAll();
        QVERIFY2(job.exitCode() == 0, output.constData());
        QVERIFY(output.contains("answer 42"));
        QFile out(staged.directory + u"/out.txt"_s); // it may write in its own folder
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll(), "ok");
        QDir(staged.directory).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TstJobStaging)
#include "tst_jobstaging.moc"
