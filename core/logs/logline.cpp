// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "logline.h"

#include <QDateTime>

#include <algorithm>
#include <cctype>

namespace cdeck::logs {

namespace {

// Where word first stands as a word of its own in head; -1 if it does not.
qsizetype wordAt(QByteArrayView head, QByteArrayView word)
{
    for (qsizetype at = head.indexOf(word); at >= 0; at = head.indexOf(word, at + 1)) {
        const bool startOk = at == 0 || !std::isalnum(static_cast<unsigned char>(head[at - 1]));
        const qsizetype after = at + word.size();
        const bool endOk = after >= head.size() || !std::isalnum(static_cast<unsigned char>(head[after]));
        if (startOk && endOk)
            return at;
    }
    return -1;
}

// A Python exception's last line: "ValueError: ...", "distributed.comm.core.CommClosedError: ...".
bool isExceptionLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(": ");
    if (colon <= 0 || colon > 80)
        return false;
    const QByteArrayView name = line.first(colon);
    if (!(name.endsWith("Error") || name.endsWith("Exception") || name.endsWith("Interrupt")))
        return false;
    for (const char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_')
            return false;
    return true;
}

int digits(QByteArrayView s, qsizetype at, int n)
{
    if (at + n > s.size())
        return -1;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s[at + i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

LogLevel levelOf(QByteArrayView line)
{
    if (line.startsWith("Traceback (most recent call last)") || isExceptionLine(line))
        return LogLevel::Error;
    // The level word that comes first in the line's head: the logger put it before the message.
    static constexpr struct
    {
        const char *word;
        LogLevel level;
    } kWords[] = {{"ERROR", LogLevel::Error},   {"CRITICAL", LogLevel::Error}, {"FATAL", LogLevel::Error},
                  {"WARNING", LogLevel::Warning}, {"WARN", LogLevel::Warning},  {"INFO", LogLevel::Info},
                  {"DEBUG", LogLevel::Debug},   {"TRACE", LogLevel::Debug}};
    const QByteArrayView head = line.first(std::min<qsizetype>(line.size(), 96));
    LogLevel level = LogLevel::None;
    qsizetype best = head.size();
    for (const auto &w : kWords) {
        const qsizetype at = wordAt(head.first(best), QByteArrayView(w.word));
        if (at >= 0 && at < best) {
            best = at;
            level = w.level;
        }
    }
    return level;
}

std::optional<qint64> timestampOf(QByteArrayView line)
{
    int year = -1, month = -1, day = -1;
    qsizetype timeAt = -1;
    if (line.size() >= 19 && line[4] == '-' && line[7] == '-' && (line[10] == ' ' || line[10] == 'T')) {
        year = digits(line, 0, 4);
        month = digits(line, 5, 2);
        day = digits(line, 8, 2);
        timeAt = 11;
    } else if (line.size() >= 17 && line[2] == '/' && line[5] == '/' && line[8] == ' ') {
        const int yy = digits(line, 0, 2);
        year = yy < 0 ? -1 : 2000 + yy;
        month = digits(line, 3, 2);
        day = digits(line, 6, 2);
        timeAt = 9;
    } else {
        return std::nullopt;
    }
    if (year < 0 || month < 0 || day < 0 || line.size() < timeAt + 8 || line[timeAt + 2] != ':'
        || line[timeAt + 5] != ':')
        return std::nullopt;
    const int h = digits(line, timeAt, 2), m = digits(line, timeAt + 3, 2), s = digits(line, timeAt + 6, 2);
    if (h < 0 || m < 0 || s < 0)
        return std::nullopt;
    int ms = 0;
    const qsizetype fracAt = timeAt + 8;
    if (fracAt < line.size() && (line[fracAt] == ',' || line[fracAt] == '.')) {
        const int frac = digits(line, fracAt + 1, 3);
        if (frac >= 0)
            ms = frac;
    }
    const QDate date(year, month, day);
    const QTime time(h, m, s, ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::LocalTime).toMSecsSinceEpoch();
}

} // namespace cdeck::logs
