// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cdeck::spark {

// The block framings Spark's Java codecs write, which liblz4 and libsnappy do not read as files: the framing is
// read here and each block is handed to the C library.
//  - Lz4Block: lz4-java's LZ4BlockOutputStream ("LZ4Block" magic, token, compressed and decompressed lengths and
//    an XXH32 checksum, little-endian, per block; an empty block ends a stream, and streams may follow each other).
//  - SnappyStream: snappy-java's SnappyOutputStream (a 16-byte header: 0x82 "SNAPPY" 0, version, compatible
//    version; then big-endian length-prefixed raw snappy blocks; a header may repeat where streams were joined).
//  - SnappyFramed: the snappy framing format (snappy-java's SnappyFramedOutputStream): typed chunks with a
//    masked CRC-32C.
// Thread contract: one decoder per stream, used on one thread.
class BlockFramingDecoder
{
public:
    enum class Format { Lz4Block, SnappyStream, SnappyFramed };

    explicit BlockFramingDecoder(Format format) : m_format(format) { }

    // The format a stream's first bytes announce, if any of the three.
    static bool detect(const char *p, size_t n, Format *format);

    // Decodes what it can of the bytes fed so far, appending the uncompressed bytes to out; a block cut at the
    // end of the input waits for the next feed. false on damaged data (error() says what and where).
    bool feed(const char *p, size_t n, std::vector<char> &out);
    // True when the input ended between blocks (nothing cut off).
    bool atBoundary() const
    {
        return m_pending.size() == m_pos && (m_format == Format::Lz4Block || !m_needHeader);
    }
    // lz4 only: the stream's end mark was seen (an LZ4BlockOutputStream closed properly).
    bool sawEndMark() const { return m_sawEnd; }
    QString error() const { return m_error; }

    static uint32_t xxh32(const void *data, size_t len, uint32_t seed);
    static uint32_t crc32c(const void *data, size_t len);

private:
    bool step(std::vector<char> &out, bool *progressed);
    bool lz4Block(std::vector<char> &out, bool *progressed);
    bool snappyStreamBlock(std::vector<char> &out, bool *progressed);
    bool snappyFramedChunk(std::vector<char> &out, bool *progressed);
    bool fail(const QString &message);

    Format m_format;
    std::vector<char> m_pending; // input not yet decoded (at most one block and a header)
    size_t m_pos = 0; // consumed bytes at the front of m_pending
    qint64 m_offset = 0; // compressed bytes consumed before m_pending, for messages
    bool m_needHeader = true; // snappy: the stream header is still to come (lz4 checks its magic per block)
    bool m_sawEnd = false;
    QString m_error;
};

} // namespace cdeck::spark
