// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "core/backend/spark/blockcodecs.h"

#include <QCoreApplication>

#include <lz4.h>
#include <snappy-c.h>

#include <array>
#include <cstring>

namespace {
// Text::tr, not a free tr(): lupdate takes the context from Q_DECLARE_TR_FUNCTIONS at every call,
// where a free function would be filed under each caller's namespace or class and never match.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cdeck::spark::BlockFramingDecoder)
};
} // namespace

namespace cdeck::spark {

namespace {

constexpr char kLz4Magic[8] = {'L', 'Z', '4', 'B', 'l', 'o', 'c', 'k'};
constexpr size_t kLz4Header = 8 + 1 + 4 + 4 + 4;
constexpr int kLz4Raw = 0x10;
constexpr int kLz4Compressed = 0x20;
constexpr uint32_t kLz4Seed = 0x9747b28c;
constexpr int kLz4MaxBlock = 1 << (10 + 0x0F); // 32 MiB, lz4-java's limit

constexpr unsigned char kSnappyMagic[8] = {0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
constexpr size_t kSnappyHeader = 16;
constexpr unsigned char kFramedMagic[10] = {0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y'};
constexpr uint32_t kMaxSnappyBlock = 64u << 20; // snappy-java writes 32 KiB blocks; anything huge is damage

uint32_t le32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return uint32_t(u[0]) | uint32_t(u[1]) << 8 | uint32_t(u[2]) << 16 | uint32_t(u[3]) << 24;
}

uint32_t be32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return uint32_t(u[0]) << 24 | uint32_t(u[1]) << 16 | uint32_t(u[2]) << 8 | uint32_t(u[3]);
}

uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

} // namespace

uint32_t BlockFramingDecoder::xxh32(const void *data, size_t len, uint32_t seed)
{
    // XXH32 as specified by xxHash (lz4-java's StreamingXXHash32 computes the same value).
    constexpr uint32_t p1 = 2654435761u, p2 = 2246822519u, p3 = 3266489917u, p4 = 668265263u, p5 = 374761393u;
    const auto *p = static_cast<const unsigned char *>(data);
    const unsigned char *end = p + len;
    uint32_t h;
    auto round = [&](uint32_t acc, uint32_t input) { return rotl(acc + input * p2, 13) * p1; };
    if (len >= 16) {
        uint32_t v1 = seed + p1 + p2, v2 = seed + p2, v3 = seed, v4 = seed - p1;
        const unsigned char *limit = end - 16;
        do {
            v1 = round(v1, le32(reinterpret_cast<const char *>(p)));
            v2 = round(v2, le32(reinterpret_cast<const char *>(p + 4)));
            v3 = round(v3, le32(reinterpret_cast<const char *>(p + 8)));
            v4 = round(v4, le32(reinterpret_cast<const char *>(p + 12)));
            p += 16;
        } while (p <= limit);
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
    } else {
        h = seed + p5;
    }
    h += uint32_t(len);
    while (p + 4 <= end) {
        h = rotl(h + le32(reinterpret_cast<const char *>(p)) * p3, 17) * p4;
        p += 4;
    }
    while (p < end) {
        h = rotl(h + uint32_t(*p) * p5, 11) * p1;
        ++p;
    }
    h ^= h >> 15;
    h *= p2;
    h ^= h >> 13;
    h *= p3;
    h ^= h >> 16;
    return h;
}

uint32_t BlockFramingDecoder::crc32c(const void *data, size_t len)
{
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ 0x82f63b78u : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    uint32_t crc = 0xffffffffu;
    const auto *p = static_cast<const unsigned char *>(data);
    for (size_t i = 0; i < len; ++i)
        crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

bool BlockFramingDecoder::detect(const char *p, size_t n, Format *format)
{
    if (n >= sizeof kLz4Magic && std::memcmp(p, kLz4Magic, sizeof kLz4Magic) == 0) {
        *format = Format::Lz4Block;
        return true;
    }
    if (n >= sizeof kSnappyMagic && std::memcmp(p, kSnappyMagic, sizeof kSnappyMagic) == 0) {
        *format = Format::SnappyStream;
        return true;
    }
    if (n >= sizeof kFramedMagic && std::memcmp(p, kFramedMagic, sizeof kFramedMagic) == 0) {
        *format = Format::SnappyFramed;
        return true;
    }
    return false;
}

bool BlockFramingDecoder::fail(const QString &message)
{
    m_error = Text::tr("%1 at compressed byte %2").arg(message).arg(m_offset + qint64(m_pos));
    return false;
}

bool BlockFramingDecoder::feed(const char *p, size_t n, std::vector<char> &out)
{
    if (!m_error.isEmpty())
        return false;
    // Drop what was consumed, then append: m_pending never holds more than one block's worth.
    if (m_pos > 0) {
        m_offset += qint64(m_pos);
        m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(m_pos));
        m_pos = 0;
    }
    m_pending.insert(m_pending.end(), p, p + n);
    for (;;) {
        bool progressed = false;
        if (!step(out, &progressed))
            return false;
        if (!progressed)
            return true;
    }
}

bool BlockFramingDecoder::step(std::vector<char> &out, bool *progressed)
{
    switch (m_format) {
    case Format::Lz4Block: return lz4Block(out, progressed);
    case Format::SnappyStream: return snappyStreamBlock(out, progressed);
    case Format::SnappyFramed: return snappyFramedChunk(out, progressed);
    }
    return false;
}

bool BlockFramingDecoder::lz4Block(std::vector<char> &out, bool *progressed)
{
    const size_t have = m_pending.size() - m_pos;
    if (have < kLz4Header)
        return true; // wait for the rest of the header
    const char *h = m_pending.data() + m_pos;
    if (std::memcmp(h, kLz4Magic, sizeof kLz4Magic) != 0)
        return fail(Text::tr("not an lz4-java block (no LZ4Block magic)"));
    const int token = static_cast<unsigned char>(h[8]);
    const int method = token & 0xf0;
    const int level = 10 + (token & 0x0f);
    const uint32_t compressedLen = le32(h + 9);
    const uint32_t originalLen = le32(h + 13);
    const uint32_t check = le32(h + 17);
    if ((method != kLz4Raw && method != kLz4Compressed) || originalLen > uint32_t(1 << level)
        || originalLen > uint32_t(kLz4MaxBlock) || compressedLen > uint32_t(kLz4MaxBlock) + 1024
        || (method == kLz4Raw && compressedLen != originalLen)
        || (originalLen == 0 && (compressedLen != 0 || check != 0)) || (originalLen != 0 && compressedLen == 0))
        return fail(Text::tr("damaged lz4-java block header"));
    if (originalLen == 0) { // the end mark of one stream; another may follow
        m_pos += kLz4Header;
        m_sawEnd = true;
        *progressed = true;
        return true;
    }
    if (have < kLz4Header + compressedLen)
        return true; // wait for the whole block
    const char *src = h + kLz4Header;
    const size_t before = out.size();
    out.resize(before + originalLen);
    if (method == kLz4Raw) {
        std::memcpy(out.data() + before, src, originalLen);
    } else {
        const int n = LZ4_decompress_safe(src, out.data() + before, int(compressedLen), int(originalLen));
        if (n != int(originalLen)) {
            out.resize(before);
            return fail(Text::tr("damaged lz4 block"));
        }
    }
    // lz4-java keeps the low 28 bits of the XXH32 of the block's bytes.
    if ((xxh32(out.data() + before, originalLen, kLz4Seed) & 0x0fffffffu) != check) {
        out.resize(before);
        return fail(Text::tr("lz4 block checksum mismatch"));
    }
    m_pos += kLz4Header + compressedLen;
    m_sawEnd = false;
    *progressed = true;
    return true;
}

bool BlockFramingDecoder::snappyStreamBlock(std::vector<char> &out, bool *progressed)
{
    const size_t have = m_pending.size() - m_pos;
    const char *h = m_pending.data() + m_pos;
    // A stream header comes first, and again wherever two streams were concatenated.
    if (have >= sizeof kSnappyMagic && std::memcmp(h, kSnappyMagic, sizeof kSnappyMagic) == 0) {
        if (have < kSnappyHeader)
            return true;
        m_pos += kSnappyHeader;
        m_needHeader = false;
        *progressed = true;
        return true;
    }
    if (m_needHeader) {
        if (have < sizeof kSnappyMagic && std::memcmp(h, kSnappyMagic, have) == 0)
            return true;
        return fail(Text::tr("not a snappy-java stream (no SNAPPY header)"));
    }
    if (have < 4)
        return true;
    const uint32_t len = be32(h);
    if (len == 0 || len > kMaxSnappyBlock)
        return fail(Text::tr("damaged snappy-java block length"));
    if (have < 4 + len)
        return true;
    size_t originalLen = 0;
    if (snappy_uncompressed_length(h + 4, len, &originalLen) != SNAPPY_OK || originalLen > kMaxSnappyBlock)
        return fail(Text::tr("damaged snappy block"));
    const size_t before = out.size();
    out.resize(before + originalLen);
    size_t written = originalLen;
    if (snappy_uncompress(h + 4, len, out.data() + before, &written) != SNAPPY_OK || written != originalLen) {
        out.resize(before);
        return fail(Text::tr("damaged snappy block"));
    }
    m_pos += 4 + len;
    *progressed = true;
    return true;
}

bool BlockFramingDecoder::snappyFramedChunk(std::vector<char> &out, bool *progressed)
{
    const size_t have = m_pending.size() - m_pos;
    if (have < 4)
        return true;
    const char *h = m_pending.data() + m_pos;
    const int type = static_cast<unsigned char>(h[0]);
    const uint32_t len = uint32_t(static_cast<unsigned char>(h[1])) | uint32_t(static_cast<unsigned char>(h[2])) << 8
        | uint32_t(static_cast<unsigned char>(h[3])) << 16;
    if (have < 4 + size_t(len))
        return true;
    const char *body = h + 4;
    if (m_needHeader && type != 0xff)
        return fail(Text::tr("not a snappy framed stream"));
    if (type == 0xff) {
        if (len != 6 || std::memcmp(body, kFramedMagic + 4, 6) != 0)
            return fail(Text::tr("damaged snappy stream identifier"));
        m_needHeader = false;
    } else if (type == 0x00 || type == 0x01) {
        if (len < 4)
            return fail(Text::tr("damaged snappy frame"));
        const uint32_t masked = le32(body);
        const char *data = body + 4;
        const size_t dataLen = len - 4;
        const size_t before = out.size();
        if (type == 0x00) {
            size_t originalLen = 0;
            if (snappy_uncompressed_length(data, dataLen, &originalLen) != SNAPPY_OK || originalLen > 65536)
                return fail(Text::tr("damaged snappy frame"));
            out.resize(before + originalLen);
            size_t written = originalLen;
            if (snappy_uncompress(data, dataLen, out.data() + before, &written) != SNAPPY_OK) {
                out.resize(before);
                return fail(Text::tr("damaged snappy frame"));
            }
        } else {
            out.insert(out.end(), data, data + dataLen);
        }
        const uint32_t crc = crc32c(out.data() + before, out.size() - before);
        if (((crc >> 15 | crc << 17) + 0xa282ead8u) != masked) {
            out.resize(before);
            return fail(Text::tr("snappy frame checksum mismatch"));
        }
    } else if (type >= 0x02 && type <= 0x7f) {
        return fail(Text::tr("unknown unskippable snappy chunk type %1").arg(type));
    } // 0x80-0xfe: padding and skippable chunks
    m_pos += 4 + len;
    *progressed = true;
    return true;
}

} // namespace cdeck::spark
