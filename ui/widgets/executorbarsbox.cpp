// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "executorbarsbox.h"

#include "executorbars.h"
#include "ui/models/telemetrywindow.h"
#include "ui/presentation.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

ExecutorBarsBox::ExecutorBarsBox(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_bars(new ExecutorBars(this))
    , m_scroll(new QScrollArea(this))
    , m_summary(new QLabel(this))
{
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_scroll->setWidget(m_bars);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_summary);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this, &ExecutorBarsBox::scrolled);
    connect(m_bars, &ExecutorBars::rowClicked, this, &ExecutorBarsBox::rowClicked);
}

void ExecutorBarsBox::setHeading(const QString &html)
{
    m_headingHtml = html;
    m_heading->setText(presentation::themedHtml(html, palette()));
}

void ExecutorBarsBox::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (presentation::isPaletteChange(event))
        m_heading->setText(presentation::themedHtml(m_headingHtml, palette()));
}

void ExecutorBarsBox::showRows(const TelemetryWindow *window, const RowFiller &fill, const QString &focusKey, int maxHeight)
{
    QList<BarRow> rows;
    double scale = 0;
    const auto [firstShown, lastShown] = m_bars->visibleRows();
    const QStringList executors = window->executors();
    rows.reserve(executors.size());
    for (const QString &e : executors) {
        const bool shown = rows.size() >= firstShown && rows.size() <= lastShown;
        const ExecutorLatest latest = window->latest(e);
        BarRow row;
        row.key = e;
        row.label = e;
        row.stale = window->isStale(e);
        scale = std::max(scale, fill(row, latest, shown && !row.stale));
        if (shown && row.stale)
            row.text = tr("no data since %1").arg(QDateTime::fromMSecsSinceEpoch(latest.lastSeenMs).toString(u"HH:mm:ss"_s));
        rows.append(row);
    }
    m_bars->setRows(rows, scale);
    m_scroll->setFixedHeight(std::min(m_bars->contentHeight() + 2, maxHeight));
    m_bars->setFocusKey(focusKey);
}

} // namespace cdeck
