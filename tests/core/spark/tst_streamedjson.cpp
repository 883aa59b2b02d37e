// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
// StreamedJson writes large objects member by member: its bytes must be QJsonDocument's for the whole tree, at
// every depth, for empty objects, awkward keys and values, and a log's strings must not pose as placeholders.
#include "core/backend/spark/streamedjson.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using cdeck::spark::StreamedJson;

namespace {

QByteArray indented(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
}

QByteArray written(const StreamedJson &s)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (!s.write(buffer))
        return "write failed";
    return out;
}

// Members with nested objects, arrays, numbers and strings holding newlines and quotes: the re-indenting must
// leave strings alone.
QJsonObject member(int i)
{
    return QJsonObject{{u"id"_s, i},
                       {u"ratio"_s, i / 7.0},
                       {u"big"_s, qint64(1) << 52},
                       {u"text"_s, u"line one\nline \"two\"\t\u00e9\u4e2d"_s},
                       {u"nested"_s, QJsonObject{{u"list"_s, QJsonArray{1, u"a"_s, QJsonObject{}, QJsonArray{}}}}},
                       {u"empty"_s, QJsonObject{}},
                       {u"null"_s, QJsonValue()}};
}

} // namespace

class TstStreamedJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameBytesAsTheWholeTree_data()
    {
        QTest::addColumn<int>("members");
        QTest::newRow("none") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("many") << 2500;
    }

    void sameBytesAsTheWholeTree()
    {
        QFETCH(int, members);
        QStringList keys;
        for (int i = 0; i < members; ++i)
            keys.append(QString::number(i * 13));
        keys.append(u"key \"quoted\" \\ \u00fc"_s.repeated(members > 0 ? 1 : 0));
        keys.removeAll(QString());
        keys.sort(); // the order QJsonObject keeps
        QJsonObject whole;
        for (int i = 0; i < keys.size(); ++i)
            whole.insert(keys.at(i), member(i));

        StreamedJson s;
        auto producer = [keys](const StreamedJson::MemberSink &addMember) {
            for (int i = 0; i < keys.size(); ++i)
                addMember(keys.at(i), member(i));
        };
        // As a stage answer: the object inside an object, inside an array of objects, beside other members.
        QJsonObject stage{{u"name"_s, u"a stage"_s}, {u"zzz"_s, 1}, {u"tasks"_s, s.objectPlaceholder(producer)}};
        QJsonObject other{{u"tasks"_s, s.objectPlaceholder(producer)}, {u"more"_s, QJsonArray{1, 2}}};
        const QJsonArray root{stage, other, QJsonArray{s.objectPlaceholder(producer)}};
        s.setRoot(root);

        QJsonObject stageWhole = stage;
        stageWhole.insert(u"tasks"_s, whole);
        QJsonObject otherWhole = other;
        otherWhole.insert(u"tasks"_s, whole);
        const QJsonArray rootWhole{stageWhole, otherWhole, QJsonArray{whole}};
        const QByteArray expected = indented(rootWhole);
        const QByteArray actual = written(s);
        QCOMPARE(actual.size(), expected.size());
        QCOMPARE(actual, expected);
    }

    void objectRoot()
    {
        StreamedJson s;
        s.setRoot(QJsonObject{{u"tasks"_s, s.objectPlaceholder([](const StreamedJson::MemberSink &addMember) {
                                   addMember(u"1"_s, member(1));
                               })}});
        QCOMPARE(written(s), indented(QJsonObject{{u"tasks"_s, QJsonObject{{u"1"_s, member(1)}}}}));
    }

    // A string in a log that looks like a placeholder is written as it is: the marker is random per answer.
    void logStringsAreNotPlaceholders()
    {
        StreamedJson s;
        const QString placeholder = s.objectPlaceholder([](const StreamedJson::MemberSink &) {}).toString();
        StreamedJson other;
        const QJsonObject root{{u"name"_s, placeholder}, {u"tasks"_s, other.objectPlaceholder([](auto &) {})}};
        other.setRoot(root);
        QJsonObject whole = root;
        whole.insert(u"tasks"_s, QJsonObject{});
        QCOMPARE(written(other), indented(whole));
        QVERIFY(placeholder != root.value(u"tasks"_s).toString());
    }

    void failedDeviceIsReported()
    {
        StreamedJson s;
        s.setRoot(QJsonObject{{u"tasks"_s, s.objectPlaceholder([](const StreamedJson::MemberSink &addMember) {
                                   addMember(u"1"_s, member(1));
                               })}});
        QBuffer closed;
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
        QVERIFY(!s.write(closed));
    }
};

QTEST_GUILESS_MAIN(TstStreamedJson)
#include "tst_streamedjson.moc"
