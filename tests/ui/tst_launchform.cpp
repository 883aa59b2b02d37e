// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// The launch form names each problem under its field before anything is sent, and places a runtime
// refusal's field messages on the fields.
#include "testpaths.h"
#include "ui/forms/launchform.h"
#include "ui/forms/scaledialog.h"
#include "ui/forms/terminatedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdeck;

class TstLaunchForm : public QObject
{
    Q_OBJECT

private:
    static QList<InstanceType> types()
    {
        InstanceType small;
        small.name = u"local.small"_s;
        small.threads = 1;
        small.memoryLimitBytes = qint64(1) << 30;
        small.referenceType = u"m5.xlarge"_s;
        small.description = u"1 thread, 1 GiB"_s;
        small.maxWorkers = 8;
        InstanceType memory = small;
        memory.name = u"local.memory"_s;
        memory.memoryLimitBytes = qint64(4) << 30;
        memory.maxWorkers = 3;
        return {small, memory};
    }

    template<typename T>
    static T *child(QWidget *parent, const QString &name)
    {
        T *w = parent->findChild<T *>(name);
        if (!w)
            qFatal("no child %s", qPrintable(name));
        return w;
    }

private Q_SLOTS:
    void namesTheField_data();
    void namesTheField();
    void validSpecIsSent();
    void errorsShowWhileTyping();
    void refusalLandsOnFields();
    void scaleDialogShowsDelta();
    void terminateNeedsTheName();
    void translationsCoverCore();
};

void TstLaunchForm::namesTheField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("workers");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("idleMinutes");
    QTest::addColumn<QString>("tags");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a part of the message shown under the field

    QTest::addRow("empty name") << QString() << 2 << u"local.small"_s << 0 << QString() << u"name"_s
                                << u"Name is required"_s;
    QTest::addRow("bad characters") << u"etl nightly!"_s << 2 << u"local.small"_s << 0 << QString() << u"name"_s
                                    << u"only letters, digits"_s;
    QTest::addRow("name too long") << QString(65, u'a') << 2 << u"local.small"_s << 0 << QString() << u"name"_s
                                   << u"65 characters long"_s;
    QTest::addRow("zero workers") << u"ok"_s << 0 << u"local.small"_s << 0 << QString() << u"workers"_s
                                  << u"between 1 and 8"_s;
    QTest::addRow("more than memory holds") << u"ok"_s << 4 << u"local.memory"_s << 0 << QString() << u"workers"_s
                                            << u"between 1 and 3 for local.memory"_s;
    QTest::addRow("idle over 7 days") << u"ok"_s << 2 << u"local.small"_s << 7 * 24 * 60 + 1 << QString()
                                      << u"idleTimeoutSeconds"_s << u"7 days"_s;
    QTest::addRow("tag without =") << u"ok"_s << 2 << u"local.small"_s << 0 << u"team=data\nowner"_s << u"tags"_s
                                   << u"Line 2, 'owner', is not key=value"_s;
    QTest::addRow("tag value") << u"ok"_s << 2 << u"local.small"_s << 0 << u"team=data!"_s << u"tags"_s
                               << u"Tag value for 'team'"_s;
}

void TstLaunchForm::namesTheField()
{
    QFETCH(QString, name);
    QFETCH(int, workers);
    QFETCH(QString, type);
    QFETCH(int, idleMinutes);
    QFETCH(QString, tags);
    QFETCH(QString, field);
    QFETCH(QString, message);

    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    QSignalSpy launched(&form, &LaunchForm::launchRequested);
    auto *combo = child<QComboBox>(&form, u"instanceTypeCombo"_s);
    combo->setCurrentIndex(combo->findData(type));
    child<QLineEdit>(&form, u"nameEdit"_s)->setText(name);
    child<QSpinBox>(&form, u"workersSpin"_s)->setValue(workers);
    child<QSpinBox>(&form, u"idleSpin"_s)->setValue(idleMinutes);
    child<QPlainTextEdit>(&form, u"tagsEdit"_s)->setPlainText(tags);
    QTest::mouseClick(child<QPushButton>(&form, u"launchButton"_s), Qt::LeftButton);

    QCOMPARE(launched.count(), 0); // nothing is sent while a problem remains
    QVERIFY2(form.fieldError(field).contains(message),
             qPrintable(u"under %1: '%2'"_s.arg(field, form.fieldError(field))));
    QVERIFY(child<QLabel>(&form, u"error_"_s + field)->isVisible());
    // Only the field at fault is marked.
    for (const QString &other : {u"name"_s, u"workers"_s, u"idleTimeoutSeconds"_s, u"tags"_s})
        if (other != field)
            QVERIFY2(form.fieldError(other).isEmpty(), qPrintable(other + u": "_s + form.fieldError(other)));
}

void TstLaunchForm::validSpecIsSent()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    QSignalSpy launched(&form, &LaunchForm::launchRequested);
    QTest::keyClicks(child<QLineEdit>(&form, u"nameEdit"_s), u"etl-nightly"_s);
    auto *workers = child<QSpinBox>(&form, u"workersSpin"_s);
    workers->selectAll();
    QTest::keyClicks(workers, u"3"_s);
    child<QCheckBox>(&form, u"protectionCheck"_s)->setChecked(true);
    child<QPlainTextEdit>(&form, u"tagsEdit"_s)->setPlainText(u"team=data\ncost-center=42\n"_s);
    child<QSpinBox>(&form, u"idleSpin"_s)->setValue(30);
    QTest::mouseClick(child<QPushButton>(&form, u"launchButton"_s), Qt::LeftButton);
    QCOMPARE(launched.count(), 1);
    const auto spec = launched.at(0).at(0).value<ClusterSpec>();
    QCOMPARE(spec.name, u"etl-nightly"_s);
    QCOMPARE(spec.workers, 3);
    QCOMPARE(spec.instanceType, u"local.small"_s);
    QCOMPARE(spec.idleTimeoutSeconds, 1800);
    QVERIFY(spec.terminationProtection);
    QCOMPARE(spec.tags.value(u"team"_s), u"data"_s);
    QCOMPARE(spec.tags.value(u"cost-center"_s), u"42"_s);
}

void TstLaunchForm::errorsShowWhileTyping()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    // An untouched empty form is not shouted at.
    QVERIFY(form.fieldError(u"name"_s).isEmpty());
    QTest::keyClicks(child<QLineEdit>(&form, u"nameEdit"_s), u"a b"_s);
    QVERIFY(form.fieldError(u"name"_s).contains(u"only letters"_s));
    QTest::keyClick(child<QLineEdit>(&form, u"nameEdit"_s), Qt::Key_Backspace);
    QTest::keyClick(child<QLineEdit>(&form, u"nameEdit"_s), Qt::Key_Backspace);
    QVERIFY(form.fieldError(u"name"_s).isEmpty());
}

void TstLaunchForm::refusalLandsOnFields()
{
    LaunchForm form;
    form.setInstanceTypes(types(), u"local.small"_s);
    form.show();
    form.showRefusal(u"invalid cluster spec (HTTP 400)"_s, {{u"name"_s, u"a cluster named ok is already running"_s},
                                                           {u"bogus"_s, u"unknown field"_s}});
    QVERIFY(form.formMessage().contains(u"refused"_s));
    QVERIFY(form.formMessage().contains(u"bogus: unknown field"_s)); // a field the form does not have
    QVERIFY(form.fieldError(u"name"_s).contains(u"already running"_s));
}

void TstLaunchForm::scaleDialogShowsDelta()
{
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.name = u"etl"_s;
    c.spec.workers = 2;
    c.runningWorkers = 2;
    ScaleDialog dialog(c, types().first());
    auto *spin = child<QSpinBox>(&dialog, u"targetSpin"_s);
    QCOMPARE(dialog.deltaText(), u"No change."_s);
    QVERIFY(!child<QPushButton>(&dialog, u"scaleButton"_s)->isEnabled());
    spin->setValue(5);
    QVERIFY2(dialog.deltaText().startsWith(u"+3 executor"_s), qPrintable(dialog.deltaText()));
    QVERIFY(dialog.deltaText().contains(u"3.00 GiB"_s));
    spin->setValue(1);
    QVERIFY2(dialog.deltaText().startsWith(u"−1 executor"_s), qPrintable(dialog.deltaText()));
    QVERIFY(child<QPushButton>(&dialog, u"scaleButton"_s)->isEnabled());
}

void TstLaunchForm::terminateNeedsTheName()
{
    ClusterInfo c;
    c.id = u"c-1"_s;
    c.spec.name = u"etl"_s;
    TerminateDialog dialog(c);
    auto *button = child<QPushButton>(&dialog, u"terminateButton"_s);
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&dialog, u"confirmEdit"_s), u"et"_s);
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&dialog, u"confirmEdit"_s), u"l"_s);
    QVERIFY(button->isEnabled());
}

void TstLaunchForm::translationsCoverCore()
{
    // Qt 6.4's lupdate scans only the files it is given (qt64-notes.md): a string from core/ that the form
    // shows must be in the catalogue, or it can never be translated.
    QFile ts(test::resourcesDir() + u"/../translations/clusterdeck_de.ts"_s);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    const QByteArray text = ts.readAll();
    QVERIFY(text.contains("<name>cdeck::ClusterSpec</name>"));
    QVERIFY(text.contains("Name is required."));
    QVERIFY(text.contains("<name>cdeck::LaunchForm</name>"));
}

QTEST_MAIN(TstLaunchForm)
#include "tst_launchform.moc"
