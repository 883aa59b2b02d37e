// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/prometheusparser.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace cdeck::telemetry {

QString Sample::label(QStringView labelName) const
{
    for (const auto &l : labels) {
        if (l.first == labelName)
            return l.second;
    }
    return {};
}

bool Sample::hasLabel(QStringView labelName, QStringView labelValue) const
{
    for (const auto &l : labels) {
        if (l.first == labelName)
            return l.second == labelValue;
    }
    return false;
}

static QString stripSuffix(const QString &name, QLatin1StringView suffix)
{
    return name.endsWith(suffix) ? name.left(name.size() - suffix.size()) : QString();
}

MetricType ParseResult::typeOf(const QString &sampleName) const
{
    const auto it = types.constFind(sampleName);
    if (it != types.cend())
        return *it;
    for (QLatin1StringView suffix : {"_bucket"_L1, "_sum"_L1, "_count"_L1}) {
        const QString family = stripSuffix(sampleName, suffix);
        if (family.isEmpty())
            continue;
        const auto f = types.constFind(family);
        if (f == types.cend())
            continue;
        if (*f == MetricType::Histogram || (*f == MetricType::Summary && suffix != "_bucket"_L1))
            return *f;
    }
    return MetricType::Untyped;
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cdeck::telemetry::PrometheusParser", text);
}

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
inline bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
inline bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}
inline bool isLabelStart(char c)
{
    return c != ':' && isNameStart(c);
}
inline bool isLabelChar(char c)
{
    return c != ':' && isNameChar(c);
}

// Values as Go's strconv.ParseFloat reads them in Prometheus, minus hex and underscores:
// decimal with optional sign and exponent, or NaN / Inf / +Inf / -Inf.
bool parseFloat(const char *b, const char *e, double *out)
{
    if (b == e)
        return false;
    const qsizetype n = e - b;
    auto ieq = [](const char *s, const char *lit, qsizetype len) {
        for (qsizetype i = 0; i < len; ++i) {
            char c = s[i];
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            if (c != lit[i])
                return false;
        }
        return true;
    };
    if (n == 3 && ieq(b, "nan", 3)) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    const char *p = b;
    bool negative = false;
    if (*p == '+' || *p == '-') {
        negative = *p == '-';
        ++p;
    }
    if (e - p == 3 && ieq(p, "inf", 3)) {
        *out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    // from_chars would also take "infinity" and "nan(...)": only digits or a dot may start a number here.
    if (p == e || !((*p >= '0' && *p <= '9') || *p == '.'))
        return false;
    double v = 0;
    const auto r = std::from_chars(p, e, v, std::chars_format::general);
    if (r.ptr != e)
        return false;
    if (r.ec == std::errc::result_out_of_range) {
        // Overflow is a valid, if silly, value; underflow is a tiny one. Keep the sign either way.
        bool hugeExponent = false;
        for (const char *q = p; q < e; ++q) {
            if (*q == 'e' || *q == 'E') {
                hugeExponent = q + 1 < e && q[1] != '-';
                break;
            }
        }
        v = hugeExponent || v != 0 ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (r.ec != std::errc()) {
        return false;
    }
    *out = negative ? -v : v;
    return true;
}

bool parseTimestamp(const char *b, const char *e, qint64 *out)
{
    const char *p = b;
    if (p != e && *p == '+')
        ++p; // from_chars takes '-' but not '+'
    if (p == e || (*p == '-' && p + 1 == e))
        return false;
    qint64 v = 0;
    const auto r = std::from_chars(p, e, v, 10);
    if (r.ec != std::errc() || r.ptr != e)
        return false;
    *out = v;
    return true;
}

class Parser
{
public:
    explicit Parser(ParseResult &result)
        : m_result(result)
    {
        m_interned.reserve(512);
    }

    void run(QByteArrayView text)
    {
        const char *p = text.data();
        const char *end = p + text.size();
        int lineNo = 0;
        while (p < end) {
            ++lineNo;
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            const char *lineEnd = nl ? nl : end;
            const char *le = lineEnd;
            if (le > p && le[-1] == '\r')
                --le; // CRLF from a proxy is harmless; a lone CR elsewhere is still an error
            parseLine(lineNo, p, le);
            p = nl ? nl + 1 : end;
        }
    }

private:
    ParseResult &m_result;
    // Names and label values repeat on almost every line: share one QString per distinct text.
    QHash<QByteArrayView, QString> m_interned;
    QHash<QString, int> m_firstSampleLine; // family -> line of its first sample, for TYPE-after-sample
    QString m_lastName;
    QString m_lastFamily;

    // Consecutive lines mostly repeat the previous line's name and label at the same position:
    // a memcmp against that is cheaper than hashing.
    struct Recent
    {
        QByteArrayView bytes;
        QString text;
        bool valid = false;
    };
    Recent m_recentName;
    std::array<Recent, 8> m_recentLabelNames;
    std::array<Recent, 8> m_recentLabelValues;

    const QString &internRecent(Recent &r, const char *b, const char *e, bool ascii)
    {
        const qsizetype size = e - b;
        if (r.valid && r.bytes.size() == size && std::memcmp(r.bytes.data(), b, size_t(size)) == 0)
            return r.text;
        r.bytes = QByteArrayView(b, size);
        r.text = intern(b, e, ascii);
        r.valid = true;
        return r.text;
    }

    void error(int line, QString message)
    {
        ++m_result.errorCount;
        if (m_result.errors.size() < ParseResult::kMaxErrors)
            m_result.errors.append(ParseError{line, std::move(message)});
    }

    const QString &intern(const char *b, const char *e, bool ascii)
    {
        const QByteArrayView key(b, e - b);
        auto it = m_interned.find(key);
        if (it == m_interned.end())
            it = m_interned.insert(key, ascii ? QString::fromLatin1(key) : QString::fromUtf8(key));
        return *it;
    }

    static const char *skipBlanks(const char *p, const char *e)
    {
        while (p < e && isBlank(*p))
            ++p;
        return p;
    }

    static const char *scanName(const char *p, const char *e)
    {
        if (p == e || !isNameStart(*p))
            return p;
        ++p;
        while (p < e && isNameChar(*p))
            ++p;
        return p;
    }

    void parseLine(int lineNo, const char *p, const char *e)
    {
        p = skipBlanks(p, e);
        if (p == e)
            return;
        if (*p == '#')
            return parseComment(lineNo, p + 1, e);
        parseSample(lineNo, p, e);
    }

    static bool validUtf8(const char *b, const char *e)
    {
        for (const char *q = b; q < e; ++q) {
            if (static_cast<unsigned char>(*q) >= 0x80) {
                QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
                const QString s = decoder.decode(QByteArrayView(b, e - b));
                return !decoder.hasError();
            }
        }
        return true;
    }

    void parseComment(int lineNo, const char *p, const char *e)
    {
        p = skipBlanks(p, e);
        const char *kw = p;
        while (p < e && !isBlank(*p))
            ++p;
        const QByteArrayView keyword(kw, p - kw);
        const bool isHelp = keyword == "HELP";
        if (!isHelp && keyword != "TYPE")
            return; // an ordinary comment
        p = skipBlanks(p, e);
        const char *nameEnd = scanName(p, e);
        if (nameEnd == p || (nameEnd < e && !isBlank(*nameEnd))) {
            error(lineNo, isHelp ? tr("HELP line without a valid metric name") : tr("TYPE line without a valid metric name"));
            return;
        }
        const QString name = intern(p, nameEnd, true);
        p = nameEnd < e ? nameEnd + 1 : e; // exactly one separator: the rest is the text
        if (isHelp) {
            if (m_result.help.contains(name)) {
                error(lineNo, tr("second HELP line for %1").arg(name));
                return;
            }
            if (!std::memchr(p, '\\', size_t(e - p))) { // the usual case: nothing to unescape
                if (!validUtf8(p, e)) {
                    error(lineNo, tr("HELP text of %1 is not valid UTF-8").arg(name));
                    return;
                }
                m_result.help.insert(name, QString::fromUtf8(QByteArrayView(p, e - p)));
                return;
            }
            QByteArray text;
            text.reserve(e - p);
            for (const char *q = p; q < e; ++q) {
                if (*q != '\\') {
                    text.append(*q);
                    continue;
                }
                if (q + 1 < e && (q[1] == '\\' || q[1] == 'n')) {
                    text.append(q[1] == 'n' ? '\n' : '\\');
                    ++q;
                    continue;
                }
                error(lineNo, tr("invalid escape sequence in HELP text of %1 (only \\\\ and \\n are allowed)").arg(name));
                return;
            }
            if (!validUtf8(text.constData(), text.constData() + text.size())) {
                error(lineNo, tr("HELP text of %1 is not valid UTF-8").arg(name));
                return;
            }
            m_result.help.insert(name, QString::fromUtf8(text));
            return;
        }
        p = skipBlanks(p, e);
        const char *typeEnd = p;
        while (typeEnd < e && !isBlank(*typeEnd))
            ++typeEnd;
        const QByteArrayView typeWord(p, typeEnd - p);
        if (skipBlanks(typeEnd, e) != e) {
            error(lineNo, tr("unexpected text after the type in the TYPE line of %1").arg(name));
            return;
        }
        MetricType type;
        if (typeWord == "counter")
            type = MetricType::Counter;
        else if (typeWord == "gauge")
            type = MetricType::Gauge;
        else if (typeWord == "histogram")
            type = MetricType::Histogram;
        else if (typeWord == "summary")
            type = MetricType::Summary;
        else if (typeWord == "untyped")
            type = MetricType::Untyped;
        else {
            error(lineNo,
                  tr("unknown metric type '%1' for %2 (counter, gauge, histogram, summary or untyped)")
                      .arg(QString::fromUtf8(typeWord.first(std::min<qsizetype>(typeWord.size(), 40))), name));
            return;
        }
        if (m_result.types.contains(name)) {
            error(lineNo, tr("second TYPE line for %1").arg(name));
            return;
        }
        if (const auto seen = m_firstSampleLine.constFind(name); seen != m_firstSampleLine.cend()) {
            error(lineNo, tr("TYPE line for %1 comes after its samples (line %2)").arg(name).arg(*seen));
            return;
        }
        m_result.types.insert(name, type);
    }

    // The family a sample belongs to, for the TYPE-ordering and histogram/summary checks.
    QString familyOf(const QString &sampleName) const
    {
        if (m_result.types.contains(sampleName))
            return sampleName;
        for (QLatin1StringView suffix : {"_bucket"_L1, "_sum"_L1, "_count"_L1}) {
            const QString family = stripSuffix(sampleName, suffix);
            if (family.isEmpty())
                continue;
            const auto f = m_result.types.constFind(family);
            if (f != m_result.types.cend() && (*f == MetricType::Histogram || *f == MetricType::Summary))
                return family;
        }
        return sampleName;
    }

    void parseSample(int lineNo, const char *p, const char *e)
    {
        const char *nameEnd = scanName(p, e);
        if (nameEnd == p) {
            error(lineNo, tr("expected a metric name at column %1").arg(1));
            return;
        }
        Sample s;
        s.name = internRecent(m_recentName, p, nameEnd, true);
        const char *lineStart = p;
        auto column = [lineStart](const char *at) { return int(at - lineStart) + 1; };
        p = skipBlanks(nameEnd, e);
        if (p == e || *p != '{')
            p = nameEnd; // no labels: the blanks just skipped separate the value
        else {
            ++p;
            s.labels.reserve(4);
            for (;;) {
                p = skipBlanks(p, e);
                if (p == e) {
                    error(lineNo, tr("label set of %1 is not closed with '}'").arg(s.name));
                    return;
                }
                if (*p == '}') {
                    ++p;
                    break;
                }
                const char *ln = p;
                if (!isLabelStart(*p)) {
                    error(lineNo, tr("invalid label name in %1 at column %2").arg(s.name).arg(column(p)));
                    return;
                }
                while (p < e && isLabelChar(*p))
                    ++p;
                const char *lnEnd = p;
                p = skipBlanks(p, e);
                if (p == e || *p != '=') {
                    error(lineNo, tr("expected '=' after label name in %1 at column %2").arg(s.name).arg(column(p)));
                    return;
                }
                p = skipBlanks(p + 1, e);
                if (p == e || *p != '"') {
                    error(lineNo,
                          tr("label value in %1 must be in double quotes (column %2)").arg(s.name).arg(column(p)));
                    return;
                }
                ++p;
                const char *vb = p;
                bool escaped = false;
                bool ascii = true;
                while (p < e && *p != '"') {
                    if (*p == '\\') {
                        if (p + 1 == e || (p[1] != '\\' && p[1] != '"' && p[1] != 'n')) {
                            error(lineNo,
                                  tr("invalid escape sequence in a label value of %1 at column %2 "
                                     "(only \\\\, \\\" and \\n are allowed)")
                                      .arg(s.name)
                                      .arg(column(p)));
                            return;
                        }
                        escaped = true;
                        p += 2;
                        continue;
                    }
                    if (static_cast<unsigned char>(*p) >= 0x80)
                        ascii = false;
                    ++p;
                }
                if (p == e) {
                    error(lineNo, tr("label value in %1 is not closed with '\"'").arg(s.name));
                    return;
                }
                const char *ve = p;
                ++p; // the closing quote
                if (!ascii && !validUtf8(vb, ve)) {
                    error(lineNo, tr("label value in %1 is not valid UTF-8").arg(s.name));
                    return;
                }
                const qsizetype index = s.labels.size();
                // A copy: the next intern() may rehash the table the reference points into.
                const QString labelName = index < qsizetype(m_recentLabelNames.size())
                    ? internRecent(m_recentLabelNames[size_t(index)], ln, lnEnd, true)
                    : intern(ln, lnEnd, true);
                for (const auto &l : std::as_const(s.labels)) {
                    if (l.first == labelName) {
                        error(lineNo, tr("label %1 appears twice in %2").arg(labelName, s.name));
                        return;
                    }
                }
                QString labelValue;
                if (!escaped) {
                    labelValue = index < qsizetype(m_recentLabelValues.size())
                        ? internRecent(m_recentLabelValues[size_t(index)], vb, ve, ascii)
                        : intern(vb, ve, ascii);
                } else {
                    QByteArray raw;
                    raw.reserve(ve - vb);
                    for (const char *q = vb; q < ve; ++q) {
                        if (*q == '\\') {
                            ++q;
                            raw.append(*q == 'n' ? '\n' : *q);
                        } else {
                            raw.append(*q);
                        }
                    }
                    labelValue = QString::fromUtf8(raw);
                }
                s.labels.append({labelName, std::move(labelValue)});
                p = skipBlanks(p, e);
                if (p < e && *p == ',') {
                    ++p;
                    continue;
                }
                if (p < e && *p == '}') {
                    ++p;
                    break;
                }
                error(lineNo, tr("expected ',' or '}' in the labels of %1 at column %2").arg(s.name).arg(column(p)));
                return;
            }
        }
        if (p == e || !isBlank(*p)) {
            error(lineNo,
                  p == e ? tr("%1 has no value").arg(s.name)
                         : tr("expected a blank before the value of %1 at column %2").arg(s.name).arg(column(p)));
            return;
        }
        p = skipBlanks(p, e);
        const char *vb = p;
        while (p < e && !isBlank(*p))
            ++p;
        if (vb == p) {
            error(lineNo, tr("%1 has no value").arg(s.name));
            return;
        }
        if (!parseFloat(vb, p, &s.value)) {
            error(lineNo,
                  tr("invalid value '%1' for %2 (a number, NaN, +Inf or -Inf)")
                      .arg(QString::fromUtf8(QByteArrayView(vb, std::min<qsizetype>(p - vb, 40))), s.name));
            return;
        }
        p = skipBlanks(p, e);
        if (p < e) {
            const char *tb = p;
            while (p < e && !isBlank(*p))
                ++p;
            qint64 ts = 0;
            if (!parseTimestamp(tb, p, &ts)) {
                error(lineNo,
                      tr("invalid timestamp '%1' for %2 (integer milliseconds)")
                          .arg(QString::fromUtf8(QByteArrayView(tb, std::min<qsizetype>(p - tb, 40))), s.name));
                return;
            }
            s.timestampMs = ts;
            if (skipBlanks(p, e) != e) {
                error(lineNo, tr("unexpected text after the timestamp of %1").arg(s.name));
                return;
            }
        }
        if (!checkFamilyRules(lineNo, s))
            return;
        m_result.samples.append(std::move(s));
    }

    bool checkFamilyRules(int lineNo, const Sample &s)
    {
        // Consecutive samples of one family are the common case: skip the suffix lookups then.
        if (s.name != m_lastName) {
            m_lastName = s.name;
            m_lastFamily = familyOf(s.name);
            if (!m_firstSampleLine.contains(m_lastFamily))
                m_firstSampleLine.insert(m_lastFamily, lineNo);
        }
        const QString &family = m_lastFamily;
        if (family == s.name && m_result.types.value(family) != MetricType::Summary)
            return true;
        const MetricType type = m_result.types.value(family);
        if (type == MetricType::Histogram && s.name.size() == family.size() + 7) { // _bucket
            const QString le = s.label(u"le");
            double bound = 0;
            const QByteArray leBytes = le.toUtf8();
            if (le.isNull() || !parseFloat(leBytes.constData(), leBytes.constData() + leBytes.size(), &bound)) {
                error(lineNo, tr("histogram bucket %1 needs an 'le' label with a number").arg(s.name));
                return false;
            }
        } else if (type == MetricType::Summary && s.name == family) {
            const QString q = s.label(u"quantile");
            double quantile = 0;
            const QByteArray qBytes = q.toUtf8();
            if (q.isNull() || !parseFloat(qBytes.constData(), qBytes.constData() + qBytes.size(), &quantile)) {
                error(lineNo, tr("summary sample %1 needs a 'quantile' label with a number").arg(s.name));
                return false;
            }
        }
        return true;
    }
};

} // namespace

ParseResult parsePrometheusText(QByteArrayView text)
{
    ParseResult result;
    // About 60 bytes a line in real scrapes; a rough reservation saves most regrowth.
    result.samples.reserve(std::min<qsizetype>(text.size() / 64 + 1, 1 << 20));
    Parser parser(result);
    parser.run(text);
    return result;
}

} // namespace cdeck::telemetry
