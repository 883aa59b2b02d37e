// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/eventlogreader.h"

#include "core/backend/spark/blockcodecs.h"
#include "core/backend/spark/sparkmodelbuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <simdjson.h>
#include <zstd.h>

#include <array>
#include <charconv>
#include <cstring>
#include <deque>
#include <future>
#include <memory>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::spark::EventLogReader)
};
} // namespace

namespace cdeck::spark {

namespace {

constexpr size_t kChunk = 8u << 20; // read size; the buffer holds one chunk plus the unfinished line
constexpr size_t kMaxRecord = 512u << 20; // a single JSON line larger than this is not an event log
constexpr int kMaxWarnings = 8;

enum class Codec { Plain, Zstd, Lz4, Snappy, Unsupported };

QString stripInProgress(QString name)
{
    if (name.endsWith(".inprogress"_L1))
        name.chop(int(qstrlen(".inprogress")));
    return name;
}

Codec codecFor(const QString &fileName, QString *codecName)
{
    const QString n = stripInProgress(fileName);
    if (n.endsWith(".zstd"_L1) || n.endsWith(".zst"_L1))
        return Codec::Zstd;
    if (n.endsWith(".lz4"_L1))
        return Codec::Lz4;
    if (n.endsWith(".snappy"_L1))
        return Codec::Snappy;
    for (const auto suffix : {".lzf"_L1}) {
        if (n.endsWith(suffix)) {
            *codecName = suffix.sliced(1);
            return Codec::Unsupported;
        }
    }
    return Codec::Plain;
}

// A stream of uncompressed bytes from one file.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // > 0 bytes, 0 at the end, -1 on an error (error() says what).
    virtual qint64 read(char *dst, qint64 max) = 0;
    virtual bool endedEarly() const { return false; } // a compressed frame was cut off
    QString error() const { return m_error; }
    qint64 rawBytes() const { return m_raw; }

protected:
    QString m_error;
    qint64 m_raw = 0;
};

class PlainSource : public ByteSource
{
public:
    explicit PlainSource(QFile *file) : m_file(file) { }
    qint64 read(char *dst, qint64 max) override
    {
        const qint64 n = m_file->read(dst, max);
        if (n < 0)
            m_error = m_file->errorString();
        else
            m_raw += n;
        return n;
    }

private:
    QFile *m_file;
};

class ZstdSource : public ByteSource
{
public:
    explicit ZstdSource(QFile *file) : m_file(file), m_ctx(ZSTD_createDStream(), &ZSTD_freeDStream)
    {
        ZSTD_initDStream(m_ctx.get());
        m_in.resize(ZSTD_DStreamInSize());
    }
    qint64 read(char *dst, qint64 max) override
    {
        ZSTD_outBuffer out{dst, size_t(max), 0};
        while (out.pos == 0) {
            if (m_input.pos == m_input.size) {
                const qint64 n = m_file->read(m_in.data(), qint64(m_in.size()));
                if (n < 0) {
                    m_error = m_file->errorString();
                    return -1;
                }
                if (n == 0)
                    return 0; // endedEarly() tells whether the frame was complete
                m_raw += n;
                m_input = {m_in.data(), size_t(n), 0};
            }
            const size_t ret = ZSTD_decompressStream(m_ctx.get(), &out, &m_input);
            if (ZSTD_isError(ret)) {
                m_error = Text::tr("damaged zstd data: %1").arg(QString::fromLatin1(ZSTD_getErrorName(ret)));
                return -1;
            }
            m_frameOpen = ret != 0;
        }
        return qint64(out.pos);
    }
    bool endedEarly() const override { return m_frameOpen; }

private:
    QFile *m_file;
    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> m_ctx;
    std::vector<char> m_in;
    ZSTD_inBuffer m_input{nullptr, 0, 0};
    bool m_frameOpen = false;
};

// lz4-java and snappy-java streams: their framing read by BlockFramingDecoder, each block by liblz4/libsnappy.
class FramedSource : public ByteSource
{
public:
    FramedSource(QFile *file, BlockFramingDecoder::Format format, QString codecName)
        : m_file(file), m_decoder(format), m_codecName(std::move(codecName))
    {
        m_in.resize(1u << 20);
    }
    qint64 read(char *dst, qint64 max) override
    {
        while (m_out.size() == m_outPos) {
            m_out.clear();
            m_outPos = 0;
            const qint64 n = m_file->read(m_in.data(), qint64(m_in.size()));
            if (n < 0) {
                m_error = m_file->errorString();
                return -1;
            }
            if (n == 0)
                return 0; // endedEarly() tells whether the last block was whole
            m_raw += n;
            if (!m_decoder.feed(m_in.data(), size_t(n), m_out)) {
                m_error = Text::tr("damaged %1 data: %2").arg(m_codecName, m_decoder.error());
                return -1;
            }
        }
        const size_t take = std::min(size_t(max), m_out.size() - m_outPos);
        std::memcpy(dst, m_out.data() + m_outPos, take);
        m_outPos += take;
        return qint64(take);
    }
    bool endedEarly() const override { return !m_decoder.atBoundary(); }

private:
    QFile *m_file;
    BlockFramingDecoder m_decoder;
    QString m_codecName;
    std::vector<char> m_in;
    std::vector<char> m_out;
    size_t m_outPos = 0;
};

const std::array<std::string_view, kExecutorMetricCount> kMetricKeys = [] {
    std::array<std::string_view, kExecutorMetricCount> keys{};
    for (size_t i = 0; i < keys.size(); ++i)
        keys[i] = kExecutorMetricNames[i];
    return keys;
}();

// The fast path for the two task events, nearly all of a big log. simdjson's stage 1 (SIMD kernels picked at
// run time by libsimdjson) finds every structural character, so strings and escapes are handled exactly;
// this walker then reads only the fields the model needs and steps over the rest (the long accumulable
// lists) by counting brackets among the structurals, without building a document. It checks the structure
// it walks and the values it reads; anything unexpected (escaped keys or strings, non-integer numbers, a
// missing field) returns false and the line takes the general QJsonDocument path instead.
class TaskEventDecoder
{
public:
    bool taskStart(const char *p, size_t len, TaskStartEvent &out)
    {
        if (!index(p, len))
            return false;
        TaskStartEvent t;
        unsigned seen = 0;
        uint32_t i = 0;
        const bool ok = object(i, [&](std::string_view k, uint32_t v) -> uint32_t {
            if (k == "Stage ID")
                return (seen |= 1, integer(v, t.stageId));
            if (k == "Stage Attempt ID")
                return (seen |= 2, integer(v, t.stageAttemptId));
            if (k == "Task Info") {
                seen |= 4;
                return object(v, [&](std::string_view k2, uint32_t v2) -> uint32_t {
                    if (k2 == "Task ID")
                        return (seen |= 8, integer(v2, t.taskId));
                    if (k2 == "Launch Time")
                        return integer(v2, t.launchTime);
                    if (k2 == "Executor ID")
                        return (seen |= 16, string(v2, t.executorId));
                    if (k2 == "Speculative")
                        return boolean(v2, t.speculative);
                    return skip(v2);
                }) ? v : 0;
            }
            return skip(v);
        });
        if (!ok || i != m_n || seen != 31)
            return false;
        out = t;
        return true;
    }

    bool taskEnd(const char *p, size_t len, TaskEndEvent &out)
    {
        if (!index(p, len))
            return false;
        TaskEndEvent t;
        // Spark fills zeros when the log predates executor metrics, and still counts them as reported.
        t.executorMetrics.set = true;
        unsigned seen = 0;
        uint32_t i = 0;
        const bool ok = object(i, [&](std::string_view k, uint32_t v) -> uint32_t {
            if (k == "Stage ID")
                return (seen |= 1, integer(v, t.stageId));
            if (k == "Stage Attempt ID")
                return (seen |= 2, integer(v, t.stageAttemptId));
            if (k == "Task End Reason") {
                return object(v, [&](std::string_view k2, uint32_t v2) -> uint32_t {
                    if (k2 == "Reason") {
                        std::string_view r;
                        const uint32_t next = string(v2, r);
                        t.reason = r == "Success" ? TaskEndReason::Success
                            : r == "TaskKilled" ? TaskEndReason::Killed
                            : r == "TaskCommitDenied" ? TaskEndReason::CommitDenied // the general path words it
                            : r == "Resubmitted" ? TaskEndReason::Resubmitted
                                                 : TaskEndReason::Failed;
                        return next;
                    }
                    if (k2 == "Kill Reason")
                        return string(v2, t.killReason);
                    return skip(v2);
                }) ? v : 0;
            }
            if (k == "Task Info") {
                return object(v, [&](std::string_view k2, uint32_t v2) -> uint32_t {
                    if (k2 == "Task ID")
                        return (seen |= 4, integer(v2, t.taskId));
                    if (k2 == "Index")
                        return (seen |= 8, integer(v2, t.index));
                    if (k2 == "Launch Time")
                        return integer(v2, t.launchTime);
                    if (k2 == "Finish Time")
                        return integer(v2, t.finishTime);
                    if (k2 == "Executor ID")
                        return (seen |= 16, string(v2, t.executorId));
                    if (k2 == "Speculative")
                        return boolean(v2, t.speculative);
                    return skip(v2);
                }) ? v : 0;
            }
            if (k == "Task Executor Metrics") {
                return object(v, [&](std::string_view k2, uint32_t v2) -> uint32_t {
                    for (size_t m = 0; m < kMetricKeys.size(); ++m) {
                        if (k2 == kMetricKeys[m])
                            return integer(v2, t.executorMetrics.values[m]);
                    }
                    return skip(v2);
                }) ? v : 0;
            }
            if (k == "Task Metrics") {
                if (at(v) != '{')
                    return skip(v); // null: no metrics, as Spark reads it
                t.hasMetrics = true;
                return taskMetrics(v, t.metrics) ? v : 0;
            }
            return skip(v);
        });
        if (!ok || i != m_n || seen != 31 || t.reason == TaskEndReason::CommitDenied)
            return false;
        if (t.reason == TaskEndReason::Killed && t.killReason.empty())
            t.killReason = "unknown reason"; // what Spark reads from logs without a kill reason
        // Spark counts the metrics as reported once the JVM heap is (the killed executor's last task says -1).
        t.executorMetrics.set = t.executorMetrics.values[0] > -1;
        out = t;
        return true;
    }

private:
    // Runs stage 1 over one line; false when simdjson rejects it (bad UTF-8, an unclosed string, ...).
    bool index(const char *p, size_t len)
    {
        if (len > m_capacity) {
            m_capacity = std::max<size_t>(len, 64 * 1024);
            if (m_parser.allocate(m_capacity) != simdjson::SUCCESS) {
                m_capacity = 0;
                return false;
            }
        }
        auto *impl = m_parser.implementation.get();
        if (!impl || impl->stage1(reinterpret_cast<const uint8_t *>(p), len, simdjson::stage1_mode::regular))
            return false;
        m_buf = p;
        m_idx = impl->structural_indexes.get();
        m_n = impl->n_structural_indexes;
        return m_n > 0;
    }

    char at(uint32_t i) const { return i < m_n ? m_buf[m_idx[i]] : '\0'; }

    // The end of the scalar at structural i: the next structural, less any whitespace before it.
    const char *scalarEnd(uint32_t i) const
    {
        const char *end = m_buf + m_idx[i + 1];
        while (end > m_buf + m_idx[i] + 1 && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
            --end;
        return end;
    }

    // Returns the structural after the value at i, or 0 when the value is not well formed.
    uint32_t skip(uint32_t i) const
    {
        const char c = at(i);
        if (c == '{' || c == '[') {
            int depth = 0;
            for (; i < m_n; ++i) {
                const char d = m_buf[m_idx[i]];
                if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0)
                        return i + 1;
                }
            }
            return 0;
        }
        if (c == '\0' || c == ',' || c == ':' || c == '}' || c == ']')
            return 0;
        return i + 1;
    }

    uint32_t boolean(uint32_t i, bool &out) const
    {
        const char c = at(i);
        if (c != 't' && c != 'f')
            return 0;
        out = c == 't';
        return i + 1;
    }

    template<typename Int>
    uint32_t integer(uint32_t i, Int &out) const
    {
        if (i + 1 >= m_n)
            return 0;
        const char *begin = m_buf + m_idx[i];
        const char *end = scalarEnd(i);
        int64_t n = 0;
        const auto r = std::from_chars(begin, end, n);
        if (r.ec != std::errc() || r.ptr != end)
            return 0;
        if constexpr (sizeof(Int) >= sizeof(int64_t))
            n = clampEventLogInteger(n);
        out = Int(n);
        return i + 1;
    }

    // Keys are compared raw: Spark never escapes its keys, and an escaped key simply matches none of ours.
    uint32_t rawString(uint32_t i, std::string_view &out) const
    {
        if (at(i) != '"' || i + 1 >= m_n)
            return 0;
        const char *begin = m_buf + m_idx[i] + 1;
        const char *end = scalarEnd(i);
        if (end <= begin || end[-1] != '"')
            return 0;
        out = std::string_view(begin, size_t(end - 1 - begin));
        return i + 1;
    }

    uint32_t string(uint32_t i, std::string_view &out) const
    {
        std::string_view raw;
        const uint32_t next = rawString(i, raw);
        if (next == 0 || raw.find('\\') != std::string_view::npos)
            return 0; // escapes: the general path unescapes them
        out = raw;
        return next;
    }

    // Calls field(key, valueIndex) for each member of the object at i; field returns the structural after
    // the value (0 on error). On success i is moved past the object.
    template<typename Field>
    bool object(uint32_t &i, Field &&field) const
    {
        if (at(i) != '{')
            return false;
        ++i;
        if (at(i) == '}') {
            ++i;
            return true;
        }
        for (;;) {
            std::string_view key;
            if (!rawString(i, key) || at(i + 1) != ':')
                return false;
            const uint32_t next = field(key, i + 2);
            if (next == 0)
                return false;
            const char c = at(next);
            i = next + 1;
            if (c == '}')
                return true;
            if (c != ',')
                return false;
        }
    }

    template<typename Field>
    bool object(uint32_t i, Field &&field, uint32_t *after) const
    {
        const bool ok = object(i, std::forward<Field>(field));
        *after = i;
        return ok;
    }

    struct Slot
    {
        std::string_view key;
        qint64 TaskMetricSums::*member;
    };

    // Fields that are absent stay 0, as Spark reads old logs. nested: the fields of the one sub-object the
    // shuffle read metrics have (push-based shuffle).
    uint32_t fill(uint32_t v, TaskMetricSums &s, std::initializer_list<Slot> fields,
                  std::initializer_list<Slot> nested = {}) const
    {
        uint32_t after = 0;
        const bool ok = object(v, [&](std::string_view k, uint32_t x) -> uint32_t {
            for (const Slot &slot : fields) {
                if (k == slot.key)
                    return integer(x, s.*(slot.member));
            }
            if (nested.size() && k == "Shuffle Push Read Metrics")
                return fill(x, s, nested);
            return skip(x);
        }, &after);
        return ok ? after : 0;
    }

    bool taskMetrics(uint32_t &v, TaskMetricSums &s) const
    {
        static constexpr std::array<Slot, 10> plain = {{
            {"Executor Deserialize Time", &TaskMetricSums::executorDeserializeTime},
            {"Executor Deserialize CPU Time", &TaskMetricSums::executorDeserializeCpuTime},
            {"Executor Run Time", &TaskMetricSums::executorRunTime},
            {"Executor CPU Time", &TaskMetricSums::executorCpuTime},
            {"Peak Execution Memory", &TaskMetricSums::peakExecutionMemory},
            {"Result Size", &TaskMetricSums::resultSize},
            {"JVM GC Time", &TaskMetricSums::jvmGcTime},
            {"Result Serialization Time", &TaskMetricSums::resultSerializationTime},
            {"Memory Bytes Spilled", &TaskMetricSums::memoryBytesSpilled},
            {"Disk Bytes Spilled", &TaskMetricSums::diskBytesSpilled},
        }};
        return object(v, [&](std::string_view k, uint32_t x) -> uint32_t {
            for (const Slot &slot : plain) {
                if (k == slot.key)
                    return integer(x, s.*(slot.member));
            }
            if (k == "Shuffle Read Metrics")
                return fill(x, s,
                            {{"Remote Blocks Fetched", &TaskMetricSums::shuffleRemoteBlocksFetched},
                             {"Local Blocks Fetched", &TaskMetricSums::shuffleLocalBlocksFetched},
                             {"Fetch Wait Time", &TaskMetricSums::shuffleFetchWaitTime},
                             {"Remote Bytes Read", &TaskMetricSums::shuffleRemoteBytesRead},
                             {"Remote Bytes Read To Disk", &TaskMetricSums::shuffleRemoteBytesReadToDisk},
                             {"Local Bytes Read", &TaskMetricSums::shuffleLocalBytesRead},
                             {"Total Records Read", &TaskMetricSums::shuffleReadRecords},
                             {"Remote Requests Duration", &TaskMetricSums::shuffleRemoteReqsDuration}},
                            {{"Corrupt Merged Block Chunks", &TaskMetricSums::pushCorruptMergedBlockChunks},
                             {"Merged Fallback Count", &TaskMetricSums::pushMergedFetchFallbackCount},
                             {"Merged Remote Blocks Fetched", &TaskMetricSums::pushRemoteMergedBlocksFetched},
                             {"Merged Local Blocks Fetched", &TaskMetricSums::pushLocalMergedBlocksFetched},
                             {"Merged Remote Chunks Fetched", &TaskMetricSums::pushRemoteMergedChunksFetched},
                             {"Merged Local Chunks Fetched", &TaskMetricSums::pushLocalMergedChunksFetched},
                             {"Merged Remote Bytes Read", &TaskMetricSums::pushRemoteMergedBytesRead},
                             {"Merged Local Bytes Read", &TaskMetricSums::pushLocalMergedBytesRead},
                             {"Merged Remote Requests Duration", &TaskMetricSums::pushRemoteMergedReqsDuration}});
            if (k == "Shuffle Write Metrics")
                return fill(x, s,
                            {{"Shuffle Bytes Written", &TaskMetricSums::shuffleWriteBytes},
                             {"Shuffle Write Time", &TaskMetricSums::shuffleWriteTime},
                             {"Shuffle Records Written", &TaskMetricSums::shuffleWriteRecords}});
            if (k == "Input Metrics")
                return fill(x, s,
                            {{"Bytes Read", &TaskMetricSums::inputBytes},
                             {"Records Read", &TaskMetricSums::inputRecords}});
            if (k == "Output Metrics")
                return fill(x, s,
                            {{"Bytes Written", &TaskMetricSums::outputBytes},
                             {"Records Written", &TaskMetricSums::outputRecords}});
            return skip(x);
        });
    }

    simdjson::dom::parser m_parser;
    size_t m_capacity = 0;
    const char *m_buf = nullptr;
    const uint32_t *m_idx = nullptr;
    uint32_t m_n = 0;
};

// Whole lines of the log, decoded off the reading thread: task events into their structs, every other event
// into a QJsonObject. Views in the task structs point into bytes, which the chunk owns. Applying the chunks to
// the builder in reading order (LineHandler::apply) gives the same model as reading line by line.
struct DecodedChunk
{
    enum class Kind : uint8_t { Blank, TaskStart, TaskEnd, Skipped, Json, Malformed };
    struct Line
    {
        Kind kind;
        uint32_t slot; // into starts, ends, objects or errors
    };

    std::vector<char> bytes; // owned copy of the lines when decoded on another thread
    const char *begin = nullptr; // complete lines, followed by at least SIMDJSON_PADDING readable bytes
    const char *end = nullptr;
    std::vector<Line> lines;
    std::vector<TaskStartEvent> starts;
    std::vector<TaskEndEvent> ends;
    std::vector<QJsonObject> objects;
    std::vector<QString> errors;

    // Thread contract: runs on any thread, with a decoder no other thread uses meanwhile.
    void decode(TaskEventDecoder &decoder, bool listingOnly, const TaskKeepFilter &keep)
    {
        const char *p = begin;
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl)
                nl = end; // cannot happen: a chunk holds whole lines
            decodeLine(p, size_t(nl - p), decoder, listingOnly, keep);
            p = nl + 1;
        }
    }

private:
    void add(Kind kind, size_t slot) { lines.push_back({kind, uint32_t(slot)}); }

    // Task events of stages whose tasks are kept take the general path: the model needs all their fields.
    void decodeLine(const char *p, size_t len, TaskEventDecoder &decoder, bool listingOnly, const TaskKeepFilter &keep)
    {
        if (len && p[len - 1] == '\r')
            --len;
        if (len == 0)
            return add(Kind::Blank, 0);
        static constexpr std::string_view kTask = R"({"Event":"SparkListenerTask)";
        if (len > kTask.size() && std::memcmp(p, kTask.data(), kTask.size()) == 0) {
            const std::string_view rest(p + kTask.size(), std::min<size_t>(len - kTask.size(), 14));
            if (rest.starts_with("End\"")) {
                if (listingOnly)
                    return add(Kind::Skipped, 0);
                TaskEndEvent t;
                if (decoder.taskEnd(p, len, t) && !keep.keeps(t.stageId)) {
                    ends.push_back(t);
                    return add(Kind::TaskEnd, ends.size() - 1);
                }
            } else if (rest.starts_with("Start\"")) {
                if (listingOnly)
                    return add(Kind::Skipped, 0);
                TaskStartEvent t;
                if (decoder.taskStart(p, len, t) && !keep.keeps(t.stageId)) {
                    starts.push_back(t);
                    return add(Kind::TaskStart, starts.size() - 1);
                }
            } else if (rest.starts_with("GettingResult\"")) {
                return add(Kind::Skipped, 0); // changes nothing the History Server keeps
            }
        }
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(p, qsizetype(len)), &err);
        if (!doc.isObject()) {
            errors.push_back(err.error == QJsonParseError::NoError ? Text::tr("not an object") : err.errorString());
            return add(Kind::Malformed, errors.size() - 1);
        }
        objects.push_back(doc.object());
        add(Kind::Json, objects.size() - 1);
    }
};

class LineHandler
{
public:
    LineHandler(SparkModelBuilder &builder, SparkApplication &app) : m_builder(builder), m_app(app) { }

    void apply(const DecodedChunk &chunk)
    {
        using Kind = DecodedChunk::Kind;
        for (const DecodedChunk::Line &l : chunk.lines) {
            ++m_lineNo;
            switch (l.kind) {
            case Kind::Blank:
                break;
            case Kind::TaskStart:
                ++m_app.events;
                m_builder.onTaskStart(chunk.starts[l.slot]);
                break;
            case Kind::TaskEnd:
                ++m_app.events;
                m_builder.onTaskEnd(chunk.ends[l.slot]);
                break;
            case Kind::Skipped:
                ++m_app.events;
                break;
            case Kind::Json:
                ++m_app.events;
                m_builder.onEvent(chunk.objects[l.slot]);
                break;
            case Kind::Malformed:
                ++m_app.malformedLines;
                warn(Text::tr("line %1 is not a JSON object (%2); it was skipped")
                         .arg(m_lineNo)
                         .arg(chunk.errors[l.slot]));
                break;
            }
        }
    }

    // The last bytes of the stream, with no newline after them.
    void tail(const char *p, size_t len)
    {
        if (len && p[len - 1] == '\r')
            --len;
        if (len == 0)
            return;
        ++m_lineNo;
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(p, qsizetype(len)), &err);
        if (doc.isObject()) {
            ++m_app.events;
            m_builder.onEvent(doc.object());
            return;
        }
        m_app.truncated = true;
        warn(Text::tr("the last record (line %1) is cut off after %2 bytes; it was left out")
                 .arg(m_lineNo)
                 .arg(qulonglong(len)));
    }

    void warn(const QString &text)
    {
        if (m_app.warnings.size() < kMaxWarnings)
            m_app.warnings.append(text);
    }

    qint64 lineNo() const { return m_lineNo; }

private:
    SparkModelBuilder &m_builder;
    SparkApplication &m_app;
    qint64 m_lineNo = 0;
};

// Decodes chunks on worker threads, at most kInFlight at a time (memory stays a few chunks whatever the log's
// size), and applies them in reading order on the calling thread. JSON decoding is nearly all of the work and
// chunks are independent, so two cores read about twice as fast; the builder stays single-threaded.
class ChunkPipeline
{
public:
    static constexpr size_t kInFlight = 2;

    ChunkPipeline(LineHandler &handler, bool listingOnly, bool sequential, const TaskKeepFilter &keep)
        : m_handler(handler), m_listingOnly(listingOnly), m_sequential(sequential), m_keep(keep)
    {
    }
    ~ChunkPipeline() { drain(); }

    // Takes the complete lines in [p, p + len).
    void push(const char *p, size_t len)
    {
        // Sequential when asked, or when the caller looks at the model after every chunk (stop at the start):
        // decoded in place, in one reused chunk, as the lines were before chunks existed.
        if (m_sequential) {
            m_inPlace.lines.clear();
            m_inPlace.starts.clear();
            m_inPlace.ends.clear();
            m_inPlace.objects.clear();
            m_inPlace.errors.clear();
            m_inPlace.begin = p;
            m_inPlace.end = p + len;
            m_inPlace.decode(m_decoders[0], m_listingOnly, m_keep);
            m_handler.apply(m_inPlace);
            return;
        }
        auto chunk = std::make_unique<DecodedChunk>();
        chunk->bytes.reserve(len + simdjson::SIMDJSON_PADDING);
        chunk->bytes.assign(p, p + len);
        chunk->bytes.resize(len + simdjson::SIMDJSON_PADDING, '\0');
        chunk->begin = chunk->bytes.data();
        chunk->end = chunk->begin + len;
        TaskEventDecoder &decoder = m_decoders[m_next++ % kInFlight];
        if (m_queue.size() >= kInFlight)
            applyFront(); // frees the decoder this chunk is about to use
        DecodedChunk *raw = chunk.get();
        const bool listingOnly = m_listingOnly;
        const TaskKeepFilter *keep = &m_keep;
        m_queue.push_back({std::move(chunk), std::async(std::launch::async, [raw, &decoder, listingOnly, keep] {
                               raw->decode(decoder, listingOnly, *keep);
                           })});
    }

    // Applies everything pushed so far: before a warning or the tail, so the model sees lines in order.
    void drain()
    {
        while (!m_queue.empty())
            applyFront();
    }

private:
    struct Pending
    {
        std::unique_ptr<DecodedChunk> chunk;
        std::future<void> done;
    };

    void applyFront()
    {
        Pending front = std::move(m_queue.front());
        m_queue.pop_front();
        front.done.get();
        m_handler.apply(*front.chunk);
    }

    LineHandler &m_handler;
    bool m_listingOnly;
    bool m_sequential;
    TaskKeepFilter m_keep;
    std::array<TaskEventDecoder, kInFlight> m_decoders;
    DecodedChunk m_inPlace;
    size_t m_next = 0;
    std::deque<Pending> m_queue;
};

struct Part
{
    QString path;
    Codec codec = Codec::Plain;
};

// The parts of a rolling directory in index order; *inProgress from the appstatus marker.
bool rollingParts(const QString &dir, QList<Part> *parts, bool *inProgress, QStringList *warnings, QString *error)
{
    static const QRegularExpression partName(u"^events_(\\d+)_"_s);
    QMap<qint64, QString> byIndex;
    bool haveStatus = false;
    const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &fi : entries) {
        const QString name = fi.fileName();
        if (name.startsWith("appstatus_"_L1)) {
            haveStatus = true;
            *inProgress = name.endsWith(".inprogress"_L1);
            continue;
        }
        const auto m = partName.match(name);
        if (m.hasMatch())
            byIndex.insert(m.captured(1).toLongLong(), fi.absoluteFilePath());
    }
    if (byIndex.isEmpty()) {
        *error = Text::tr("%1 is a rolling event log directory without any events_* part").arg(dir);
        return false;
    }
    if (!haveStatus)
        warnings->append(Text::tr("no appstatus file in %1: the application may still be running").arg(dir));
    qint64 expected = byIndex.firstKey();
    for (auto it = byIndex.begin(); it != byIndex.end(); ++it, ++expected) {
        if (it.key() != expected)
            warnings->append(
                Text::tr("part %1 of %2 is missing: events between the parts are lost").arg(expected).arg(dir));
        expected = it.key();
        Part part{it.value(), Codec::Plain};
        QString codecName;
        part.codec = codecFor(QFileInfo(it.value()).fileName(), &codecName);
        if (part.codec == Codec::Unsupported) {
            *error = Text::tr("%1 is compressed with %2, which ClusterDeck cannot read yet (plain, zstd, lz4 and "
                              "snappy logs only)")
                         .arg(it.value(), codecName);
            return false;
        }
        parts->append(part);
    }
    return true;
}

bool looksLikeZstd(QFile &file)
{
    char magic[4] = {};
    if (file.peek(magic, 4) != 4)
        return false;
    return quint8(magic[0]) == 0x28 && quint8(magic[1]) == 0xB5 && quint8(magic[2]) == 0x2F
        && quint8(magic[3]) == 0xFD;
}

} // namespace

bool EventLogReader::isSingleLog(const QString &path)
{
    const QFileInfo fi(path);
    if (fi.isFile())
        return true;
    return fi.isDir() && fi.fileName().startsWith("eventlog_v2_"_L1);
}

QStringList EventLogReader::findLogs(const QString &directory)
{
    QStringList out;
    const QFileInfoList entries =
        QDir(directory).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &fi : entries) {
        const QString name = fi.fileName();
        if (name.startsWith(u'.') || name.endsWith(".crc"_L1))
            continue;
        if (fi.isDir() && !name.startsWith("eventlog_v2_"_L1))
            continue;
        out.append(fi.absoluteFilePath());
    }
    return out;
}

std::optional<SparkApplication> EventLogReader::read(const QString &path, QString *error, const Options &options)
{
    const QFileInfo fi(path);
    if (!fi.exists()) {
        *error = Text::tr("%1: no such file or directory").arg(path);
        return std::nullopt;
    }
    SparkModelBuilder builder;
    builder.setListingOnly(options.listingOnly);
    SparkApplication &app = builder.application();
    QList<Part> parts;
    bool markedInProgress = false;
    qint64 lastModified = fi.lastModified().toMSecsSinceEpoch();
    if (fi.isDir()) {
        if (!rollingParts(fi.absoluteFilePath(), &parts, &markedInProgress, &app.warnings, error))
            return std::nullopt;
        for (const Part &p : std::as_const(parts))
            lastModified = std::max(lastModified, QFileInfo(p.path).lastModified().toMSecsSinceEpoch());
    } else {
        QString codecName;
        Part part{fi.absoluteFilePath(), codecFor(fi.fileName(), &codecName)};
        if (part.codec == Codec::Unsupported) {
            *error = Text::tr("%1 is compressed with %2, which ClusterDeck cannot read yet (plain, zstd, lz4 and "
                              "snappy logs only)")
                         .arg(path, codecName);
            return std::nullopt;
        }
        markedInProgress = fi.fileName().endsWith(".inprogress"_L1);
        parts.append(part);
    }

    LineHandler handler(builder, app);
    builder.setTaskKeepFilter(options.keepTasks);
    builder.setSqlTracking(options.sqlExecutions);
    TaskKeepFilter generalPath = options.keepTasks; // the task events decoded whole, as JSON
    generalPath.all = generalPath.all || options.sqlExecutions;
    ChunkPipeline pipeline(handler, options.listingOnly, options.stopAtApplicationStart || options.decodeThreads <= 1,
                           generalPath);
    std::vector<char> buf(kChunk * 2 + simdjson::SIMDJSON_PADDING);
    size_t have = 0; // the unfinished line carried to the next read
    qint64 rawTotal = 0;
    QElapsedTimer progressClock;
    progressClock.start();
    bool stopped = false;
    for (const Part &part : std::as_const(parts)) {
        QFile file(part.path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = Text::tr("cannot read %1: %2").arg(part.path, file.errorString());
            return std::nullopt;
        }
        std::unique_ptr<ByteSource> source;
        char head[16] = {};
        const qint64 headLen = file.peek(head, sizeof head);
        BlockFramingDecoder::Format framing{};
        const bool framed = headLen > 0 && BlockFramingDecoder::detect(head, size_t(headLen), &framing);
        if (part.codec == Codec::Zstd || looksLikeZstd(file)) {
            source = std::make_unique<ZstdSource>(&file);
        } else if (framed || part.codec == Codec::Lz4 || part.codec == Codec::Snappy) {
            // By the bytes when they say, else by the name (a file named .lz4 that is not lz4-java data fails
            // with a clear message instead of being read as text).
            if (!framed)
                framing = part.codec == Codec::Lz4 ? BlockFramingDecoder::Format::Lz4Block
                                                   : BlockFramingDecoder::Format::SnappyStream;
            source = std::make_unique<FramedSource>(
                &file, framing, framing == BlockFramingDecoder::Format::Lz4Block ? u"lz4"_s : u"snappy"_s);
        } else {
            source = std::make_unique<PlainSource>(&file);
        }
        for (;;) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                stopped = true;
                break;
            }
            if (buf.size() - simdjson::SIMDJSON_PADDING - have < kChunk) {
                if (have > kMaxRecord) {
                    pipeline.drain();
                    app.truncated = true;
                    handler.warn(Text::tr("a record longer than %1 MiB at line %2: reading stopped there")
                                     .arg(kMaxRecord >> 20)
                                     .arg(handler.lineNo() + 1));
                    stopped = true;
                    have = 0;
                    break;
                }
                buf.resize(have + kChunk + simdjson::SIMDJSON_PADDING);
            }
            const qint64 n = source->read(buf.data() + have, qint64(buf.size() - simdjson::SIMDJSON_PADDING - have));
            if (n < 0) {
                pipeline.drain();
                app.truncated = true;
                handler.warn(Text::tr("reading %1 failed: %2").arg(part.path, source->error()));
                break;
            }
            if (n == 0)
                break;
            app.bytesRead += n;
            const char *p = buf.data();
            const char *end = p + have + size_t(n);
            const char *lastNl = static_cast<const char *>(memrchr(p, '\n', size_t(end - p)));
            if (lastNl) {
                pipeline.push(p, size_t(lastNl + 1 - p));
                p = lastNl + 1;
            }
            have = size_t(end - p);
            std::memmove(buf.data(), p, have);
            if (options.stopAtApplicationStart && !app.id.isEmpty()) {
                stopped = true;
                break;
            }
            if (options.progress && progressClock.elapsed() >= 100) {
                progressClock.restart();
                options.progress(rawTotal + source->rawBytes());
            }
        }
        pipeline.drain(); // the part's warnings come after its lines
        if (source->endedEarly()) {
            app.truncated = true;
            handler.warn(
                Text::tr("%1 ends in the middle of a compressed frame or block: the log was cut off").arg(part.path));
        }
        rawTotal += source->rawBytes();
        if (stopped)
            break;
    }
    pipeline.drain();
    if (have > 0 && !stopped)
        handler.tail(buf.data(), have);
    if (options.progress)
        options.progress(rawTotal);

    if (app.id.isEmpty()) {
        *error = Text::tr("%1 holds no SparkListenerApplicationStart event: not a Spark event log").arg(path);
        if (!app.warnings.isEmpty()) // e.g. the compressed data was damaged before the first event
            *error += u" ("_s + app.warnings.first() + u')';
        return std::nullopt;
    }
    SparkApplication result = builder.finish();
    result.attempt.lastUpdated = lastModified;
    if (stopped && options.cancel && options.cancel->load())
        result.warnings.append(Text::tr("reading was cancelled: the model holds only the first part of the log"));
    if (markedInProgress || !result.attempt.completed) {
        result.inProgress = true;
        result.warnings.append(Text::tr("the application had not finished when the log was written (no "
                                        "ApplicationEnd event): it shows the state at the end of the log"));
    }
    if (result.malformedLines > 0)
        result.warnings.append(QCoreApplication::translate("cdeck::spark::EventLogReader", "%n damaged line(s) skipped",
                                                           nullptr, int(result.malformedLines)));
    return result;
}

} // namespace cdeck::spark
