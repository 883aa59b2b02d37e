// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

namespace cdeck::logs {

// What part of a log to answer, from an HTTP Range header (RFC 9110, section 14): one range of bytes,
// "bytes=first-last", "bytes=first-" or "bytes=-suffixLength". The answer never exceeds maxLength
// bytes: a longer range is answered in part, and the client reads Content-Range to see what it got.
struct RangeAnswer
{
    enum class Problem { None, Malformed, Unsatisfiable };
    Problem problem = Problem::None;
    QString detail; // why, when there is a problem
    qint64 first = 0; // the first byte answered
    qint64 length = 0; // bytes answered (0 only for an empty log with no Range header)
    bool partial = false; // 206 rather than 200: a Range was asked for, or the log is over maxLength

    bool ok() const { return problem == Problem::None; }
    qint64 last() const { return first + length - 1; }
};

// header: the Range header's value, empty when there is none. size: the log's size now.
RangeAnswer resolveRange(QByteArrayView header, qint64 size, qint64 maxLength);

} // namespace cdeck::logs
