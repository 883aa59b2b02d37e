// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The budget and SLO editors (issue 17), offscreen: each field's mistake is said in words and keeps Save off,
// what is sent is what the runtime's API takes, an edit that changes the key names what it replaces, and a
// refusal keeps the dialog open with the runtime's own message and the input as typed.
#include "ui/forms/budgetdialog.h"
#include "ui/forms/slodialog.h"
#include "ui/panels/budgetactions.h"
#include "ui/panels/slospanel.h"
#include "ui/panels/summarypanel.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

namespace {

// CLUSTERDECK_SCREENSHOT_DIR=docs/screenshots (under xvfb-run, QT_QPA_PLATFORM=xcb) keeps the dialogs as the
// README shows them.
void keepScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("CLUSTERDECK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    w->adjustSize();
    QTest::qWait(50);
    QVERIFY(w->grab().save(dir + u'/' + name));
}

} // namespace

class TstRecordEditors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void budgetDialogSaysWhatIsWrong();
    void budgetDialogSendsTheApiBody();
    void budgetEditUnderAnotherTagReplacesIt();
    void refusalKeepsTheDialogOpenWithTheRuntimesMessage();
    void budgetActionsFollowTheSummary();
    void budgetRemovalAsksFirst();
    void summaryNoLongerPointsAtTheApi();
    void sloDialogSaysWhatIsWrong();
    void sloDialogSendsTheApiBody();
    void slosPanelEditsAndRemovesTheSelectedSlo();
    void slosPanelWithoutRuntimeSaysWhy();
};

void TstRecordEditors::budgetDialogSaysWhatIsWrong()
{
    BudgetDialog d(u"USD"_s);
    d.show();
    QCOMPARE(d.keyField()->text(), u"team"_s); // the usual grouping is offered
    QVERIFY(!d.saveButton()->isEnabled());
    QVERIFY2(d.problemText().contains(u"value"_s), qPrintable(d.problemText()));
    d.valueField()->setText(u"data"_s);
    QVERIFY(!d.saveButton()->isEnabled());
    QVERIFY2(d.problemText().contains(u"limit"_s), qPrintable(d.problemText()));
    d.limitField()->setText(u"lots"_s);
    QVERIFY2(d.problemText().contains(u"\"lots\" is not a number"_s), qPrintable(d.problemText()));
    keepScreenshot(&d, u"budget-editor-invalid.png"_s);
    QVERIFY(!d.saveButton()->isEnabled());
    d.limitField()->setText(u"-5"_s);
    QVERIFY2(d.problemText().contains(u"above zero"_s), qPrintable(d.problemText()));
    d.limitField()->setText(u"0"_s);
    QVERIFY(!d.saveButton()->isEnabled());
    d.keyField()->setText(u"te=am"_s);
    d.limitField()->setText(u"500"_s);
    QVERIFY2(d.problemText().contains(u"\"=\""_s), qPrintable(d.problemText()));
    QVERIFY(!d.saveButton()->isEnabled());
    d.keyField()->clear();
    QVERIFY2(d.problemText().contains(u"key"_s), qPrintable(d.problemText()));
    d.keyField()->setText(u"team"_s);
    QVERIFY(d.problemText().isEmpty());
    QVERIFY(d.saveButton()->isEnabled());
}

void TstRecordEditors::budgetDialogSendsTheApiBody()
{
    BudgetDialog d(u"USD"_s);
    d.show();
    QSignalSpy submitted(&d, &EditorDialog::submitted);
    d.valueField()->setText(u" data "_s);
    d.limitField()->setText(u"1234.5"_s);
    QTest::mouseClick(d.saveButton(), Qt::LeftButton);
    QCOMPARE(submitted.size(), 1);
    const QJsonObject body = submitted.at(0).at(0).toJsonObject();
    QCOMPARE(body.value(u"tag"_s).toString(), u"team=data"_s);
    QCOMPARE(body.value(u"limit"_s).toDouble(), 1234.5);
    QCOMPARE(submitted.at(0).at(1).toString(), QString()); // new: replaces nothing
    QVERIFY(d.isBusy());
    QVERIFY(!d.saveButton()->isEnabled()); // no second request while the first is out
    QVERIFY(!d.valueField()->isEnabled());
    QTest::mouseClick(d.saveButton(), Qt::LeftButton);
    QCOMPARE(submitted.size(), 1);
}

void TstRecordEditors::budgetEditUnderAnotherTagReplacesIt()
{
    BudgetDialog same(u"USD"_s, u"team=data"_s, 500);
    QCOMPARE(same.valueField()->text(), u"data"_s);
    QCOMPARE(same.limitField()->text(), QLocale().toString(500.0, 'f', 2));
    QSignalSpy sameSpy(&same, &EditorDialog::submitted);
    same.limitField()->setText(u"800"_s);
    QTest::mouseClick(same.saveButton(), Qt::LeftButton);
    QCOMPARE(sameSpy.size(), 1);
    QCOMPARE(sameSpy.at(0).at(1).toString(), QString()); // same tag: the POST replaces it by itself

    BudgetDialog moved(u"USD"_s, u"team=data"_s, 500);
    QSignalSpy movedSpy(&moved, &EditorDialog::submitted);
    moved.valueField()->setText(u"ml"_s);
    QTest::mouseClick(moved.saveButton(), Qt::LeftButton);
    QCOMPARE(movedSpy.size(), 1);
    QCOMPARE(movedSpy.at(0).at(0).toJsonObject().value(u"tag"_s).toString(), u"team=ml"_s);
    QCOMPARE(movedSpy.at(0).at(1).toString(), u"team=data"_s);
}

void TstRecordEditors::refusalKeepsTheDialogOpenWithTheRuntimesMessage()
{
    BudgetDialog d(u"USD"_s);
    d.show();
    d.valueField()->setText(u"data"_s);
    d.limitField()->setText(u"500"_s);
    QTest::mouseClick(d.saveButton(), Qt::LeftButton);
    const QString refusal = u"forbidden: the viewer role may not change budgets (HTTP 403)"_s;
    d.showAnswer(false, refusal);
    QVERIFY(d.isVisible());
    keepScreenshot(&d, u"budget-editor-refused.png"_s);
    QVERIFY2(d.problemText().contains(refusal), qPrintable(d.problemText()));
    QCOMPARE(d.valueField()->text(), u"data"_s); // nothing typed is lost
    QVERIFY(d.valueField()->isEnabled());
    QVERIFY(d.saveButton()->isEnabled()); // try again once allowed
    QSignalSpy accepted(&d, &QDialog::accepted);
    QTest::mouseClick(d.saveButton(), Qt::LeftButton);
    d.showAnswer(true, {});
    QCOMPARE(accepted.size(), 1);
    QVERIFY(!d.isVisible());
}

void TstRecordEditors::budgetActionsFollowTheSummary()
{
    BudgetActions actions;
    actions.show();
    actions.setEditable(false, u"The Spark server keeps no budgets"_s);
    QVERIFY(!actions.addButton()->isEnabled());
    QCOMPARE(actions.addButton()->toolTip(), u"The Spark server keeps no budgets"_s);
    QVERIFY(!actions.openEditor(false));

    actions.setEditable(true);
    QVERIFY(actions.addButton()->isEnabled());
    QVERIFY(!actions.editButton()->isVisible()); // nothing to edit yet
    const QJsonArray budgets{QJsonObject{{u"tag"_s, u"team=data"_s}, {u"limit"_s, 500}, {u"spent"_s, 12.5}},
                             QJsonObject{{u"tag"_s, u"team=ml"_s}, {u"limit"_s, 80}, {u"spent"_s, 90}}};
    actions.setBudgets(budgets, u"EUR"_s);
    QCOMPARE(actions.picker()->count(), 2);
    QVERIFY(actions.editButton()->isEnabled());
    actions.picker()->setCurrentIndex(1);
    actions.setBudgets(budgets, u"EUR"_s); // a refresh keeps the pick
    QCOMPARE(actions.picker()->currentText(), u"team=ml"_s);

    QSignalSpy save(&actions, &BudgetActions::saveRequested);
    QTest::mouseClick(actions.editButton(), Qt::LeftButton);
    BudgetDialog *editor = actions.editor();
    QVERIFY(editor);
    QCOMPARE(editor->valueField()->text(), u"ml"_s);
    QCOMPARE(editor->limitField()->text(), QLocale().toString(80.0, 'f', 2));
    editor->limitField()->setText(u"120"_s);
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    QCOMPARE(save.size(), 1);
    QCOMPARE(save.at(0).at(0).toJsonObject().value(u"tag"_s).toString(), u"team=ml"_s);
    QCOMPARE(save.at(0).at(0).toJsonObject().value(u"limit"_s).toDouble(), 120.0);
    actions.showSaveAnswer(true, {});
    QTRY_VERIFY(!actions.editor()); // closed and gone
}

void TstRecordEditors::budgetRemovalAsksFirst()
{
    BudgetActions actions;
    actions.show();
    actions.setEditable(true);
    actions.setBudgets({QJsonObject{{u"tag"_s, u"team=data"_s}, {u"limit"_s, 500}}}, u"USD"_s);
    QSignalSpy removed(&actions, &BudgetActions::deleteRequested);
    QTest::mouseClick(actions.removeButton(), Qt::LeftButton);
    auto *box = actions.findChild<QMessageBox *>(u"removeBudgetConfirmation"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(u"team=data"_s));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(removed.size(), 0);
    QTRY_VERIFY(!actions.findChild<QMessageBox *>(u"removeBudgetConfirmation"_s));
    QTest::mouseClick(actions.removeButton(), Qt::LeftButton);
    box = actions.findChild<QMessageBox *>(u"removeBudgetConfirmation"_s);
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), u"team=data"_s);
}

void TstRecordEditors::summaryNoLongerPointsAtTheApi()
{
    SummaryPanel panel;
    panel.setSummary(QJsonObject{{u"currency"_s, u"USD"_s}, {u"total"_s, 0}, {u"budgets"_s, QJsonArray{}}});
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    for (const QLabel *l : labels)
        QVERIFY2(!l->text().contains(u"/api/v1"_s), qPrintable(l->text()));
    QVERIFY(panel.budgetActions());
    panel.setSummary(QJsonObject{{u"currency"_s, u"USD"_s},
                                 {u"budgets"_s, QJsonArray{QJsonObject{{u"tag"_s, u"team=data"_s}, {u"limit"_s, 500},
                                                                       {u"spent"_s, 450}, {u"fraction"_s, 0.9},
                                                                       {u"level"_s, u"warning"_s}}}}});
    QCOMPARE(panel.budgetActions()->picker()->count(), 1);
    QCOMPARE(panel.budgetLines().size(), 1);
}

void TstRecordEditors::sloDialogSaysWhatIsWrong()
{
    SloDialog d;
    d.show();
    QVERIFY(d.byJobButton()->isChecked());
    QVERIFY(!d.saveButton()->isEnabled());
    QVERIFY2(d.problemText().contains(u"job"_s), qPrintable(d.problemText()));
    d.jobField()->setText(u"export_report"_s);
    QVERIFY2(d.problemText().isEmpty(), qPrintable(d.problemText())); // 99 % over 30 days by default
    d.objectiveField()->setText(u"100"_s);
    QVERIFY2(d.problemText().contains(u"between 0 % and 100 %"_s), qPrintable(d.problemText()));
    d.objectiveField()->setText(u"ninety"_s);
    QVERIFY2(d.problemText().contains(u"not a number"_s), qPrintable(d.problemText()));
    d.objectiveField()->setText(u"99.5"_s);
    d.windowField()->setText(u"2 weeks"_s);
    QVERIFY2(d.problemText().contains(u"not a duration"_s), qPrintable(d.problemText()));
    d.windowField()->setText(u"120d"_s);
    QVERIFY2(d.problemText().contains(u"between 1h and 90d"_s), qPrintable(d.problemText()));
    d.windowField()->setText(u"7d"_s);
    QVERIFY(!d.thresholdField()->isEnabled()); // success rate takes none
    d.sliBox()->setCurrentIndex(d.sliBox()->findData(int(triage::SliKind::P95Duration)));
    QVERIFY(d.thresholdField()->isEnabled());
    QVERIFY2(d.problemText().contains(u"slowest run"_s), qPrintable(d.problemText()));
    d.thresholdField()->setText(u"300"_s);
    QVERIFY(d.problemText().isEmpty());
    d.byTagButton()->setChecked(true);
    QVERIFY(!d.jobField()->isEnabled());
    d.tagField()->setText(u"team"_s);
    QVERIFY2(d.problemText().contains(u"key=value"_s), qPrintable(d.problemText()));
    QVERIFY(!d.saveButton()->isEnabled());
    d.tagField()->setText(u"team=data"_s);
    QVERIFY(d.saveButton()->isEnabled());
}

void TstRecordEditors::sloDialogSendsTheApiBody()
{
    SloDialog d;
    d.show();
    QSignalSpy submitted(&d, &EditorDialog::submitted);
    d.nameField()->setText(u"nightly export"_s);
    d.jobField()->setText(u"export_report"_s);
    d.sliBox()->setCurrentIndex(d.sliBox()->findData(int(triage::SliKind::Freshness)));
    d.objectiveField()->setText(u"99.9"_s);
    d.windowField()->setText(u"7d"_s);
    d.thresholdField()->setText(u"3600"_s);
    keepScreenshot(&d, u"slo-editor.png"_s);
    QTest::mouseClick(d.saveButton(), Qt::LeftButton);
    QCOMPARE(submitted.size(), 1);
    const QJsonObject body = submitted.at(0).at(0).toJsonObject();
    QString error;
    const auto parsed = triage::SloDefinition::fromJson(body, &error); // what the runtime reads
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->name, u"nightly export"_s);
    QCOMPARE(parsed->jobName, u"export_report"_s);
    QVERIFY(parsed->sli == triage::SliKind::Freshness);
    QVERIFY(qAbs(parsed->objective - 0.999) < 1e-12);
    QCOMPARE(parsed->windowMs, qint64(7) * 24 * 3600 * 1000);
    QCOMPARE(parsed->thresholdSeconds, 3600.0);
}

namespace {

triage::SloStatus statusOf(const QString &id, const QString &name, const QString &tag)
{
    triage::SloStatus s;
    s.slo.id = id;
    s.slo.name = name;
    s.slo.tagKey = tag.section(u'=', 0, 0);
    s.slo.tagValue = tag.section(u'=', 1);
    s.slo.objective = 0.995;
    s.slo.windowMs = qint64(14) * 24 * 3600 * 1000;
    s.alert = u"none"_s;
    return s;
}

} // namespace

void TstRecordEditors::slosPanelEditsAndRemovesTheSelectedSlo()
{
    SlosPanel panel;
    panel.show();
    panel.setEditable(true);
    panel.setSlos({statusOf(u"slo-0000aaaa"_s, u"data team"_s, u"team=data"_s)});
    panel.selectRow(0);
    QVERIFY(panel.editButton()->isEnabled());
    QSignalSpy save(&panel, &SlosPanel::saveRequested);
    QTest::mouseClick(panel.editButton(), Qt::LeftButton);
    SloDialog *editor = panel.editor();
    QVERIFY(editor);
    QVERIFY(editor->byTagButton()->isChecked());
    QCOMPARE(editor->tagField()->text(), u"team=data"_s);
    QCOMPARE(editor->windowField()->text(), u"14d"_s);
    QCOMPARE(editor->objectiveField()->text(), QLocale().toString(99.5, 'g', 6));
    editor->objectiveField()->setText(u"99"_s);
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    QCOMPARE(save.size(), 1);
    QCOMPARE(save.at(0).at(1).toString(), u"slo-0000aaaa"_s); // the API has no update: the old one goes
    panel.showSaveAnswer(false, u"invalid SLO: window: must be between 1h and 90d (HTTP 400)"_s);
    QVERIFY(editor->isVisible());
    QVERIFY(editor->problemText().contains(u"HTTP 400"_s));
    editor->reject();
    QTRY_VERIFY(!panel.editor());

    QSignalSpy removed(&panel, &SlosPanel::deleteRequested);
    QTest::mouseClick(panel.removeButton(), Qt::LeftButton);
    auto *box = panel.findChild<QMessageBox *>(u"removeSloConfirmation"_s);
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), u"slo-0000aaaa"_s);
}

void TstRecordEditors::slosPanelWithoutRuntimeSaysWhy()
{
    SlosPanel panel;
    panel.setEditable(false, u"The YARN ResourceManager keeps no budgets or SLOs"_s);
    panel.setSlos({});
    QVERIFY(!panel.newButton()->isEnabled());
    QCOMPARE(panel.newButton()->toolTip(), u"The YARN ResourceManager keeps no budgets or SLOs"_s);
    QVERIFY(!panel.openEditor(false));
}

QTEST_MAIN(TstRecordEditors)
#include "tst_recordeditors.moc"
