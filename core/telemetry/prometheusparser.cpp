// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/telemetry/prometheusparser.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
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

// A metric name as met in any line: its shared QString and what the current parse learned about it.
// Fields stamped with a generation belong to the parse with that number only.
struct NameInfo
{
    QString name;
    NameInfo *suffixParent = nullptr; // the name without _bucket, _sum or _count, when it ends so
    quint32 typeGeneration = 0; // a TYPE line for this name was accepted in that parse
    MetricType type = MetricType::Untyped;
    quint32 helpGeneration = 0;
    quint32 sampleGeneration = 0; // a sample of this family was seen in that parse ...
    int firstSampleLine = 0; // ... first on this line
};

// What a line's bytes proved when it was first checked: for a sample the part before the value
// (name and label set), for a HELP or TYPE line the whole line. The same bytes always prove the same.
struct LineMemo
{
    enum class Kind : quint8 { Help, Type, Sample };
    Kind kind = Kind::Sample;
    bool hasLabels = false;
    bool leIsNumber = false; // for histogram buckets
    bool quantileIsNumber = false; // for summaries
    MetricType type = MetricType::Untyped;
    NameInfo *name = nullptr;
    QByteArray key;
    qsizetype keyOffset = 0; // the key's copy in State::keyBytes, which is read in line order
    QList<std::pair<QString, QString>> labels;
    QString helpText; // unescaped, only with HelpText::Keep
    LineMemo *next = nullptr; // the remembered line that followed this one last time: checked first
};

bool isHistogramOrSummary(MetricType t)
{
    return t == MetricType::Histogram || t == MetricType::Summary;
}

} // namespace

struct PrometheusParser::State
{
    State(HelpText h, bool remember)
        : help(h)
        , remembering(remember)
    {
    }

    HelpText help;
    bool remembering; // false for a one-off parse: nothing would read the memos again
    quint32 generation = 0;
    // std::deque: addresses stay put while it grows, the indexes and memos point into it.
    std::deque<NameInfo> names;
    QHash<QByteArray, NameInfo *> nameIndex;
    std::deque<LineMemo> memos;
    QHash<QByteArray, LineMemo *> memoIndex;
    // Every remembered key once more, back to back in the order first met: the next scrape compares
    // its lines with these in that order, which the CPU reads ahead; scattered keys made that compare
    // a cache miss per line on a large scrape.
    QByteArray keyBytes;
    QHash<QByteArray, QString> strings; // label names and values
    LineMemo *firstLine = nullptr;
    // The last parse's TYPE and HELP results: handed out again (shared) when this parse found the same.
    QList<std::pair<NameInfo *, MetricType>> lastTypeLines;
    QHash<QString, MetricType> lastTypes;
    QList<std::pair<NameInfo *, QString>> lastHelpLines;
    QHash<QString, QString> lastHelp;
    qsizetype lastSampleCount = 0;

    bool full() const
    {
        return memos.size() >= kMaxRemembered || names.size() >= kMaxRemembered || strings.size() >= kMaxRemembered;
    }

    void forget()
    {
        firstLine = nullptr;
        lastTypeLines.clear();
        lastTypes.clear();
        lastHelpLines.clear();
        lastHelp.clear();
        memoIndex.clear();
        memos.clear();
        keyBytes.clear();
        nameIndex.clear();
        names.clear();
        strings.clear();
    }

    NameInfo *nameFor(const char *b, const char *e)
    {
        const qsizetype size = e - b;
        if (const auto it = nameIndex.constFind(QByteArray::fromRawData(b, size)); it != nameIndex.cend())
            return *it;
        NameInfo &n = names.emplace_back();
        n.name = QString::fromLatin1(b, size); // names are ASCII by the grammar
        nameIndex.insert(QByteArray(b, size), &n);
        for (QLatin1StringView suffix : {"_bucket"_L1, "_sum"_L1, "_count"_L1}) {
            if (size > suffix.size() && std::memcmp(e - suffix.size(), suffix.data(), size_t(suffix.size())) == 0) {
                n.suffixParent = nameFor(b, e - suffix.size());
                break;
            }
        }
        return &n;
    }

    QString text(const char *b, const char *e, bool ascii)
    {
        const qsizetype size = e - b;
        if (const auto it = strings.constFind(QByteArray::fromRawData(b, size)); it != strings.cend())
            return *it;
        QString s = ascii ? QString::fromLatin1(b, size) : QString::fromUtf8(b, size);
        if (strings.size() < kMaxRemembered)
            strings.insert(QByteArray(b, size), s);
        return s;
    }
};

namespace {

// One parse: walks the text once, line by line.
class Run
{
public:
    Run(PrometheusParser::State &state, ParseResult &result)
        : m_state(state)
        , m_result(result)
        , m_expected(state.firstLine)
    {
        if (m_state.full() || m_state.generation == std::numeric_limits<quint32>::max()) {
            m_state.forget();
            m_state.generation = 0;
            m_expected = nullptr;
        }
        m_generation = ++m_state.generation;
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
        finish();
    }

private:
    using Labels = QList<std::pair<QString, QString>>;

    PrometheusParser::State &m_state;
    ParseResult &m_result;
    quint32 m_generation = 0;
    LineMemo *m_expected = nullptr; // the line that followed the previous one last time
    LineMemo *m_previous = nullptr; // the last remembered line of this parse
    NameInfo *m_lastName = nullptr;
    NameInfo *m_lastFamily = nullptr;
    QList<std::pair<NameInfo *, MetricType>> m_typeLines;
    QList<std::pair<NameInfo *, QString>> m_helpLines;

    void error(int line, QString message)
    {
        ++m_result.errorCount;
        if (m_result.errors.size() < ParseResult::kMaxErrors)
            m_result.errors.append(ParseError{line, std::move(message)});
    }

    // Keeps the order of this parse's remembered lines, so the next parse of the source checks the
    // line that followed last time with one memcmp before it hashes anything.
    void follow(LineMemo *memo)
    {
        if (m_previous)
            m_previous->next = memo;
        else
            m_state.firstLine = memo;
        m_previous = memo;
        m_expected = memo->next;
        if (m_expected) // its labels' shared header is what the next sample touches out of order
            __builtin_prefetch(m_expected->labels.constData());
    }

    LineMemo *remember(LineMemo &&memo)
    {
        if (!m_state.remembering || m_state.memos.size() >= PrometheusParser::kMaxRemembered)
            return nullptr;
        LineMemo &stored = m_state.memos.emplace_back(std::move(memo));
        stored.keyOffset = m_state.keyBytes.size();
        m_state.keyBytes.append(stored.key);
        m_state.memoIndex.insert(stored.key, &stored);
        return &stored;
    }

    LineMemo *lookup(const char *b, const char *e, LineMemo::Kind kind) const
    {
        const auto it = m_state.memoIndex.constFind(QByteArray::fromRawData(b, e - b));
        return it != m_state.memoIndex.cend() && (*it)->kind == kind ? *it : nullptr;
    }

    bool expectedIs(const char *b, qsizetype size, LineMemo::Kind kind) const
    {
        return m_expected && m_expected->kind == kind && m_expected->key.size() == size
            && std::memcmp(m_state.keyBytes.constData() + m_expected->keyOffset, b, size_t(size)) == 0;
    }

    void finish()
    {
        if (m_typeLines == m_state.lastTypeLines) {
            m_result.types = m_state.lastTypes;
        } else {
            for (const auto &[name, type] : std::as_const(m_typeLines))
                m_result.types.insert(name->name, type);
            m_state.lastTypeLines = m_typeLines;
            m_state.lastTypes = m_result.types;
        }
        if (m_state.help == HelpText::Keep) {
            if (m_helpLines == m_state.lastHelpLines) {
                m_result.help = m_state.lastHelp;
            } else {
                for (const auto &[name, text] : std::as_const(m_helpLines))
                    m_result.help.insert(name->name, text);
                m_state.lastHelpLines = m_helpLines;
                m_state.lastHelp = m_result.help;
            }
        }
        m_state.lastSampleCount = m_result.samples.size();
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

    void parseLine(int lineNo, const char *p, const char *e)
    {
        p = skipBlanks(p, e);
        if (p == e)
            return;
        if (*p == '#')
            return parseComment(lineNo, p, e);
        parseSample(lineNo, p, e);
    }

    // ---- comments: HELP and TYPE -------------------------------------------------------------

    void parseComment(int lineNo, const char *lineStart, const char *e)
    {
        const qsizetype size = e - lineStart;
        if (expectedIs(lineStart, size, LineMemo::Kind::Help) || expectedIs(lineStart, size, LineMemo::Kind::Type))
            return applyComment(lineNo, *m_expected, true);
        const char *p = skipBlanks(lineStart + 1, e);
        const char *kw = p;
        while (p < e && !isBlank(*p))
            ++p;
        const QByteArrayView keyword(kw, p - kw);
        const bool isHelp = keyword == "HELP";
        if (!isHelp && keyword != "TYPE")
            return; // an ordinary comment
        if (LineMemo *memo = lookup(lineStart, e, isHelp ? LineMemo::Kind::Help : LineMemo::Kind::Type))
            return applyComment(lineNo, *memo, true);
        p = skipBlanks(p, e);
        const char *nameEnd = scanName(p, e);
        if (nameEnd == p || (nameEnd < e && !isBlank(*nameEnd))) {
            error(lineNo, isHelp ? tr("HELP line without a valid metric name") : tr("TYPE line without a valid metric name"));
            return;
        }
        LineMemo memo;
        memo.key = QByteArray(lineStart, size);
        memo.name = m_state.nameFor(p, nameEnd);
        const QString &name = memo.name->name;
        p = nameEnd < e ? nameEnd + 1 : e; // exactly one separator: the rest is the text
        if (isHelp) {
            memo.kind = LineMemo::Kind::Help;
            if (memo.name->helpGeneration == m_generation) {
                error(lineNo, tr("second HELP line for %1").arg(name));
                return;
            }
            if (!std::memchr(p, '\\', size_t(e - p))) { // the usual case: nothing to unescape
                if (!validUtf8(p, e)) {
                    error(lineNo, tr("HELP text of %1 is not valid UTF-8").arg(name));
                    return;
                }
                if (m_state.help == HelpText::Keep)
                    memo.helpText = QString::fromUtf8(QByteArrayView(p, e - p));
            } else {
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
                    error(lineNo,
                          tr("invalid escape sequence in HELP text of %1 (only \\\\ and \\n are allowed)").arg(name));
                    return;
                }
                if (!validUtf8(text.constData(), text.constData() + text.size())) {
                    error(lineNo, tr("HELP text of %1 is not valid UTF-8").arg(name));
                    return;
                }
                if (m_state.help == HelpText::Keep)
                    memo.helpText = QString::fromUtf8(text);
            }
        } else {
            memo.kind = LineMemo::Kind::Type;
            p = skipBlanks(p, e);
            const char *typeEnd = p;
            while (typeEnd < e && !isBlank(*typeEnd))
                ++typeEnd;
            const QByteArrayView typeWord(p, typeEnd - p);
            if (skipBlanks(typeEnd, e) != e) {
                error(lineNo, tr("unexpected text after the type in the TYPE line of %1").arg(name));
                return;
            }
            if (typeWord == "counter")
                memo.type = MetricType::Counter;
            else if (typeWord == "gauge")
                memo.type = MetricType::Gauge;
            else if (typeWord == "histogram")
                memo.type = MetricType::Histogram;
            else if (typeWord == "summary")
                memo.type = MetricType::Summary;
            else if (typeWord == "untyped")
                memo.type = MetricType::Untyped;
            else {
                error(lineNo,
                      tr("unknown metric type '%1' for %2 (counter, gauge, histogram, summary or untyped)")
                          .arg(QString::fromUtf8(typeWord.first(std::min<qsizetype>(typeWord.size(), 40))), name));
                return;
            }
        }
        if (LineMemo *stored = remember(std::move(memo)))
            return applyComment(lineNo, *stored, true);
        applyComment(lineNo, memo, false); // nothing more is remembered this time: use it once
    }

    // The rules that depend on the other lines of this scrape, checked on every parse.
    void applyComment(int lineNo, LineMemo &memo, bool remembered)
    {
        if (remembered)
            follow(&memo);
        NameInfo *name = memo.name;
        if (memo.kind == LineMemo::Kind::Help) {
            if (name->helpGeneration == m_generation) {
                error(lineNo, tr("second HELP line for %1").arg(name->name));
                return;
            }
            name->helpGeneration = m_generation;
            if (m_state.help == HelpText::Keep)
                m_helpLines.append({name, memo.helpText});
            return;
        }
        if (name->typeGeneration == m_generation) {
            error(lineNo, tr("second TYPE line for %1").arg(name->name));
            return;
        }
        if (name->sampleGeneration == m_generation) {
            error(lineNo, tr("TYPE line for %1 comes after its samples (line %2)").arg(name->name).arg(name->firstSampleLine));
            return;
        }
        name->typeGeneration = m_generation;
        name->type = memo.type;
        m_typeLines.append({name, memo.type});
    }

    // ---- samples -----------------------------------------------------------------------------

    // Where a sample line's remembered part would end: after the label set's closing brace, or after
    // the name when no label set follows. Only a guess for the lookup: a line that is not
    // remembered is checked in full by parseSeries.
    static const char *seriesEnd(const char *p, const char *e)
    {
        const char *nameEnd = scanName(p, e);
        if (nameEnd == p)
            return nullptr;
        const char *q = skipBlanks(nameEnd, e);
        if (q == e || *q != '{')
            return nameEnd;
        bool quoted = false;
        for (++q; q < e; ++q) {
            const char c = *q;
            if (quoted) {
                if (c == '\\')
                    ++q;
                else if (c == '"')
                    quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '}') {
                return q + 1;
            }
        }
        return nullptr;
    }

    // A remembered sample key without labels only fits where the name really ends there and no
    // label set follows after blanks.
    static bool fitsWithoutLabels(const char *keyEnd, const char *e)
    {
        if (keyEnd < e && isNameChar(*keyEnd))
            return false;
        const char *q = skipBlanks(keyEnd, e);
        return q == e || *q != '{';
    }

    void parseSample(int lineNo, const char *lineStart, const char *e)
    {
        const qsizetype available = e - lineStart;
        LineMemo *memo = nullptr;
        if (m_expected && m_expected->kind == LineMemo::Kind::Sample && m_expected->key.size() <= available
            && std::memcmp(m_state.keyBytes.constData() + m_expected->keyOffset, lineStart,
                           size_t(m_expected->key.size()))
                == 0
            && (m_expected->hasLabels || fitsWithoutLabels(lineStart + m_expected->key.size(), e))) {
            memo = m_expected;
        } else if (const char *keyEnd = seriesEnd(lineStart, e)) {
            memo = lookup(lineStart, keyEnd, LineMemo::Kind::Sample);
        }
        if (memo) {
            follow(memo);
            return finishSample(lineNo, lineStart, lineStart + memo->key.size(), e, *memo);
        }
        LineMemo fresh;
        const char *p = parseSeries(lineNo, lineStart, e, fresh);
        if (!p)
            return;
        fresh.key = QByteArray(lineStart, p - lineStart);
        const QString le = findLabel(fresh.labels, u"le");
        fresh.leIsNumber = !le.isNull() && isNumber(le);
        const QString quantile = findLabel(fresh.labels, u"quantile");
        fresh.quantileIsNumber = !quantile.isNull() && isNumber(quantile);
        if (LineMemo *stored = remember(std::move(fresh))) {
            follow(stored);
            return finishSample(lineNo, lineStart, p, e, *stored);
        }
        finishSample(lineNo, lineStart, p, e, fresh);
    }

    static QString findLabel(const Labels &labels, QStringView name)
    {
        for (const auto &l : labels) {
            if (l.first == name)
                return l.second;
        }
        return {};
    }

    static bool isNumber(const QString &text)
    {
        const QByteArray bytes = text.toUtf8();
        double v = 0;
        return parseFloat(bytes.constData(), bytes.constData() + bytes.size(), &v);
    }

    // Name and label set, checked in full. Returns where they end, or null after reporting the error.
    const char *parseSeries(int lineNo, const char *p, const char *e, LineMemo &out)
    {
        const char *nameEnd = scanName(p, e);
        if (nameEnd == p) {
            error(lineNo, tr("expected a metric name at column %1").arg(1));
            return nullptr;
        }
        out.kind = LineMemo::Kind::Sample;
        out.name = m_state.nameFor(p, nameEnd);
        const QString &name = out.name->name;
        const char *lineStart = p;
        auto column = [lineStart](const char *at) { return int(at - lineStart) + 1; };
        p = skipBlanks(nameEnd, e);
        if (p == e || *p != '{')
            return nameEnd; // no labels: the blanks just skipped separate the value
        out.hasLabels = true;
        ++p;
        Labels &labels = out.labels;
        labels.reserve(4);
        for (;;) {
            p = skipBlanks(p, e);
            if (p == e) {
                error(lineNo, tr("label set of %1 is not closed with '}'").arg(name));
                return nullptr;
            }
            if (*p == '}')
                return p + 1;
            const char *ln = p;
            if (!isLabelStart(*p)) {
                error(lineNo, tr("invalid label name in %1 at column %2").arg(name).arg(column(p)));
                return nullptr;
            }
            while (p < e && isLabelChar(*p))
                ++p;
            const char *lnEnd = p;
            p = skipBlanks(p, e);
            if (p == e || *p != '=') {
                error(lineNo, tr("expected '=' after label name in %1 at column %2").arg(name).arg(column(p)));
                return nullptr;
            }
            p = skipBlanks(p + 1, e);
            if (p == e || *p != '"') {
                error(lineNo, tr("label value in %1 must be in double quotes (column %2)").arg(name).arg(column(p)));
                return nullptr;
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
                                  .arg(name)
                                  .arg(column(p)));
                        return nullptr;
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
                error(lineNo, tr("label value in %1 is not closed with '\"'").arg(name));
                return nullptr;
            }
            const char *ve = p;
            ++p; // the closing quote
            if (!ascii && !validUtf8(vb, ve)) {
                error(lineNo, tr("label value in %1 is not valid UTF-8").arg(name));
                return nullptr;
            }
            const QString labelName = m_state.text(ln, lnEnd, true);
            for (const auto &l : std::as_const(labels)) {
                if (l.first == labelName) {
                    error(lineNo, tr("label %1 appears twice in %2").arg(labelName, name));
                    return nullptr;
                }
            }
            QString labelValue;
            if (!escaped) {
                labelValue = m_state.text(vb, ve, ascii);
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
            labels.append({labelName, std::move(labelValue)});
            p = skipBlanks(p, e);
            if (p < e && *p == ',') {
                ++p;
                continue;
            }
            if (p < e && *p == '}')
                return p + 1;
            error(lineNo, tr("expected ',' or '}' in the labels of %1 at column %2").arg(name).arg(column(p)));
            return nullptr;
        }
    }

    // Value, timestamp and the family rules: the part of a sample line that changes between scrapes.
    void finishSample(int lineNo, const char *lineStart, const char *p, const char *e, const LineMemo &series)
    {
        const QString &name = series.name->name;
        if (p == e || !isBlank(*p)) {
            error(lineNo,
                  p == e ? tr("%1 has no value").arg(name)
                         : tr("expected a blank before the value of %1 at column %2").arg(name).arg(int(p - lineStart) + 1));
            return;
        }
        p = skipBlanks(p, e);
        const char *vb = p;
        while (p < e && !isBlank(*p))
            ++p;
        if (vb == p) {
            error(lineNo, tr("%1 has no value").arg(name));
            return;
        }
        double value = 0;
        if (!parseFloat(vb, p, &value)) {
            error(lineNo,
                  tr("invalid value '%1' for %2 (a number, NaN, +Inf or -Inf)")
                      .arg(QString::fromUtf8(QByteArrayView(vb, std::min<qsizetype>(p - vb, 40))), name));
            return;
        }
        std::optional<qint64> timestamp;
        p = skipBlanks(p, e);
        if (p < e) {
            const char *tb = p;
            while (p < e && !isBlank(*p))
                ++p;
            qint64 ts = 0;
            if (!parseTimestamp(tb, p, &ts)) {
                error(lineNo,
                      tr("invalid timestamp '%1' for %2 (integer milliseconds)")
                          .arg(QString::fromUtf8(QByteArrayView(tb, std::min<qsizetype>(p - tb, 40))), name));
                return;
            }
            timestamp = ts;
            if (skipBlanks(p, e) != e) {
                error(lineNo, tr("unexpected text after the timestamp of %1").arg(name));
                return;
            }
        }
        if (!checkFamilyRules(lineNo, series))
            return;
        m_result.samples.append(Sample{name, series.labels, value, timestamp});
    }

    // The family a sample belongs to, for the TYPE-ordering and histogram/summary checks.
    NameInfo *familyOf(NameInfo *name) const
    {
        if (name->typeGeneration == m_generation)
            return name;
        NameInfo *parent = name->suffixParent;
        if (parent && parent->typeGeneration == m_generation && isHistogramOrSummary(parent->type))
            return parent;
        return name;
    }

    bool checkFamilyRules(int lineNo, const LineMemo &series)
    {
        NameInfo *name = series.name;
        // Consecutive samples of one family are the common case: skip the suffix lookups then.
        if (name != m_lastName) {
            m_lastName = name;
            m_lastFamily = familyOf(name);
            if (m_lastFamily->sampleGeneration != m_generation) {
                m_lastFamily->sampleGeneration = m_generation;
                m_lastFamily->firstSampleLine = lineNo;
            }
        }
        const NameInfo *family = m_lastFamily;
        const MetricType type = family->typeGeneration == m_generation ? family->type : MetricType::Untyped;
        if (family == name && type != MetricType::Summary)
            return true;
        if (type == MetricType::Histogram && name->name.size() == family->name.size() + 7) { // _bucket
            if (!series.leIsNumber) {
                error(lineNo, tr("histogram bucket %1 needs an 'le' label with a number").arg(name->name));
                return false;
            }
        } else if (type == MetricType::Summary && family == name) {
            if (!series.quantileIsNumber) {
                error(lineNo, tr("summary sample %1 needs a 'quantile' label with a number").arg(name->name));
                return false;
            }
        }
        return true;
    }
};

} // namespace

PrometheusParser::PrometheusParser(HelpText help)
    : m_state(std::make_unique<State>(help, true))
{
}

PrometheusParser::~PrometheusParser() = default;
PrometheusParser::PrometheusParser(PrometheusParser &&) noexcept = default;
PrometheusParser &PrometheusParser::operator=(PrometheusParser &&) noexcept = default;

ParseResult PrometheusParser::parse(QByteArrayView text)
{
    ParseResult result;
    // About 60 bytes a line in real scrapes; a rough reservation saves most regrowth.
    result.samples.reserve(std::max(m_state->lastSampleCount, std::min<qsizetype>(text.size() / 64 + 1, 1 << 20)));
    Run run(*m_state, result);
    run.run(text);
    return result;
}

ParseResult parsePrometheusText(QByteArrayView text, HelpText help)
{
    PrometheusParser parser(help);
    parser.m_state->remembering = false;
    return parser.parse(text);
}

} // namespace cdeck::telemetry
