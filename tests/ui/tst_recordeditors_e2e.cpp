// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// End to end, offscreen, on a real clusterdeck-runtime: budgets and SLOs made, changed and removed from the
// console's editors are what GET /api/v1/budgets and /slos then answer, and a refusal shows the runtime's
// own message.
#include "runtimeprocess.h"
#include "ui/backend/connection.h"
#include "ui/forms/budgetdialog.h"
#include "ui/forms/slodialog.h"
#include "ui/mainwindow.h"
#include "ui/panels/budgetactions.h"
#include "ui/panels/slospanel.h"
#include "ui/panels/summarypanel.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstRecordEditorsE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        ConsoleOptions options;
        options.runtimeUrl = QUrl(m_runtime.url());
        options.tokenFile = m_runtime.tokenFile();
        options.startLocalRuntime = false;
        options.persistent = false;
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_runtime.stopAndReap();
    }

    void aBudgetMadeInTheEditorIsTheRuntimes()
    {
        m_window->showSummary();
        BudgetActions *actions = m_window->summaryPanel()->budgetActions();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->summaryPanel()->hasSummary(), 20000);
        QVERIFY(actions->addButton()->isEnabled());
        QTest::mouseClick(actions->addButton(), Qt::LeftButton);
        BudgetDialog *editor = actions->editor();
        QVERIFY(editor);
        editor->valueField()->setText(u"data"_s);
        editor->limitField()->setText(u"500"_s);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!actions->editor(), 10000); // accepted: closed
        QCOMPARE(limitOf(u"team=data"_s), 500.0);
        // The summary shows it on its next poll, and it can be picked for editing.
        QTRY_COMPARE_WITH_TIMEOUT(actions->picker()->findData(u"team=data"_s) >= 0, true, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->summaryPanel()->budgetLines().size(), 1, 10000);
    }

    void editingAndMovingABudget()
    {
        BudgetActions *actions = m_window->summaryPanel()->budgetActions();
        actions->picker()->setCurrentIndex(actions->picker()->findData(u"team=data"_s));
        QTest::mouseClick(actions->editButton(), Qt::LeftButton);
        BudgetDialog *editor = actions->editor();
        QVERIFY(editor);
        editor->limitField()->setText(u"750.25"_s);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!actions->editor(), 10000);
        QCOMPARE(limitOf(u"team=data"_s), 750.25);

        // Under another tag: the new one is made, then the old one removed.
        QTest::mouseClick(actions->editButton(), Qt::LeftButton);
        editor = actions->editor();
        QVERIFY(editor);
        editor->valueField()->setText(u"ml"_s);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!actions->editor(), 10000);
        QCOMPARE(limitOf(u"team=ml"_s), 750.25);
        QCOMPARE(limitOf(u"team=data"_s), -1.0);
        QTRY_COMPARE_WITH_TIMEOUT(actions->picker()->count(), 1, 10000);
        QCOMPARE(actions->picker()->currentData().toString(), u"team=ml"_s);
    }

    void aRefusedRemovalSaysWhatTheRuntimeSaid()
    {
        BudgetActions *actions = m_window->summaryPanel()->budgetActions();
        // Someone else removes it first, while the summary is off screen (not polled), so the console still
        // lists it.
        m_window->showSlos();
        QTest::qWait(2 * ClusterFeed::kPollMs); // an answer already under way lands first
        QCOMPARE(actions->picker()->currentData().toString(), u"team=ml"_s);
        QCOMPARE(m_runtime.api("DELETE", u"/budgets/team=ml"_s).httpStatus, 200);
        actions->removePicked();
        auto *confirm = actions->findChild<QMessageBox *>(u"removeBudgetConfirmation"_s);
        QVERIFY(confirm);
        confirm->button(QMessageBox::Yes)->click();
        QMessageBox *refusal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((refusal = m_window->findChild<QMessageBox *>(u"recordRefusal"_s)), 10000);
        QVERIFY2(refusal->text().contains(u"no budget for team=ml"_s), qPrintable(refusal->text()));
        QVERIFY2(refusal->text().contains(u"404"_s), qPrintable(refusal->text()));
        refusal->accept();
        m_window->showSummary();
    }

    void removingABudget()
    {
        QCOMPARE(m_runtime.api("POST", u"/budgets"_s, {{u"tag"_s, u"team=web"_s}, {u"limit"_s, 40}}).httpStatus, 200);
        BudgetActions *actions = m_window->summaryPanel()->budgetActions();
        QTRY_VERIFY_WITH_TIMEOUT(actions->picker()->findData(u"team=web"_s) >= 0, 10000);
        actions->picker()->setCurrentIndex(actions->picker()->findData(u"team=web"_s));
        QTest::mouseClick(actions->removeButton(), Qt::LeftButton);
        auto *confirm = actions->findChild<QMessageBox *>(u"removeBudgetConfirmation"_s);
        QVERIFY(confirm);
        confirm->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(limitOf(u"team=web"_s), -1.0, 10000);
    }

    void anSloMadeChangedAndRemovedInTheConsole()
    {
        m_window->showSlos();
        SlosPanel *slos = m_window->slosPanel();
        QTRY_VERIFY_WITH_TIMEOUT(slos->hasData(), 10000);
        QVERIFY(slos->newButton()->isEnabled());
        QTest::mouseClick(slos->newButton(), Qt::LeftButton);
        SloDialog *editor = slos->editor();
        QVERIFY(editor);
        editor->nameField()->setText(u"nightly export"_s);
        editor->jobField()->setText(u"export_report"_s);
        editor->objectiveField()->setText(u"99.5"_s);
        editor->windowField()->setText(u"7d"_s);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!slos->editor(), 10000);
        QJsonArray listed = m_runtime.api("GET", u"/slos"_s).body.toArray();
        QCOMPARE(listed.size(), 1);
        const QJsonObject made = listed.first().toObject();
        QCOMPARE(made.value(u"name"_s).toString(), u"nightly export"_s);
        QCOMPARE(made.value(u"job"_s).toString(), u"export_report"_s);
        QCOMPARE(made.value(u"objective"_s).toDouble(), 0.995);
        QCOMPARE(made.value(u"window"_s).toString(), u"7d"_s);
        const QString firstId = made.value(u"id"_s).toString();

        QTRY_COMPARE_WITH_TIMEOUT(slos->rowCount(), 1, 10000);
        slos->selectRow(0);
        QTest::mouseClick(slos->editButton(), Qt::LeftButton);
        editor = slos->editor();
        QVERIFY(editor);
        editor->objectiveField()->setText(u"99"_s);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!slos->editor(), 10000);
        listed = m_runtime.api("GET", u"/slos"_s).body.toArray();
        QCOMPARE(listed.size(), 1); // replaced, not added beside
        QCOMPARE(listed.first()[u"objective"_s].toDouble(), 0.99);
        QVERIFY(listed.first()[u"id"_s].toString() != firstId);

        QTRY_COMPARE_WITH_TIMEOUT(slos->cellText(0, SlosPanel::Objective).startsWith(u"99 %"_s), true, 10000);
        slos->selectRow(0);
        QTest::mouseClick(slos->removeButton(), Qt::LeftButton);
        auto *confirm = slos->findChild<QMessageBox *>(u"removeSloConfirmation"_s);
        QVERIFY(confirm);
        confirm->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime.api("GET", u"/slos"_s).body.toArray().size(), 0, 10000);
    }

    void theCliSetsListsAndRemovesBudgets()
    {
        QJsonValue json;
        QCOMPARE(m_runtime.cli({u"budget"_s, u"set"_s, u"team=etl"_s, u"250.5"_s}, &json), 0);
        QCOMPARE(json[u"tag"_s].toString(), u"team=etl"_s);
        QCOMPARE(limitOf(u"team=etl"_s), 250.5);
        QCOMPARE(m_runtime.cli({u"budget"_s, u"list"_s}, &json), 0);
        bool listed = false;
        for (const QJsonValue &b : json[u"budgets"_s].toArray())
            listed = listed || (b[u"tag"_s].toString() == u"team=etl"_s && b[u"limit"_s].toDouble() == 250.5);
        QVERIFY(listed);
        QCOMPARE(m_runtime.cli({u"budget"_s, u"set"_s, u"team=etl"_s, u"0"_s}), 1); // the runtime's 400 (on stderr)
        QCOMPARE(limitOf(u"team=etl"_s), 250.5); // unchanged
        QCOMPARE(m_runtime.cli({u"budget"_s, u"set"_s, u"team"_s, u"10"_s}), 2); // not key=value: usage
        QCOMPARE(m_runtime.cli({u"budget"_s, u"remove"_s, u"team=etl"_s}, &json), 0);
        QCOMPARE(limitOf(u"team=etl"_s), -1.0);
        QCOMPARE(m_runtime.cli({u"budget"_s, u"remove"_s, u"team=etl"_s}), 1); // 404 now
    }

private:
    // The budget's limit as GET /budgets answers it; -1 when there is none for the tag.
    double limitOf(const QString &tag) const
    {
        const ApiReply r = m_runtime.api("GET", u"/budgets"_s);
        for (const QJsonValue &b : r.body.toObject().value(u"budgets"_s).toArray())
            if (b[u"tag"_s].toString() == tag)
                return b[u"limit"_s].toDouble();
        return -1;
    }

    test::RuntimeProcess m_runtime;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TstRecordEditorsE2e)
#include "tst_recordeditors_e2e.moc"
