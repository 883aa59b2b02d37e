// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QBrush>
#include <QList>
#include <QWidget>

#include <algorithm>
#include <limits>

namespace cdeck {

struct BarSegment
{
    double value = 0;
    QBrush brush;
};

// One executor's bar: segments stacked left to right, an optional limit mark, and a text after the bar.
struct BarRow
{
    QString key;
    QString label;
    QList<BarSegment> segments;
    double limit = std::numeric_limits<double>::quiet_NaN();
    QString text;
    bool stale = false; // drawn greyed: the values are the last known ones
};

// Every executor as one thin horizontal bar, painted directly (not one Qt Charts item per bar) so a thousand
// executors scroll and repaint cheaply; only the rows in the exposed rectangle are painted.
// Put it in a QScrollArea with widgetResizable.
class ExecutorBars : public QWidget
{
    Q_OBJECT
public:
    explicit ExecutorBars(QWidget *parent = nullptr);

    static constexpr int kRowHeight = 20;

    // scaleMax: the value at the full bar width (shared by all rows, so bars compare).
    void setRows(const QList<BarRow> &rows, double scaleMax);
    QList<BarRow> rows() const { return m_rows; }
    double scaleMax() const { return m_scaleMax; }
    void setFocusKey(const QString &key);
    QString focusKey() const { return m_focus; }
    QString keyAt(const QPoint &pos) const;
    QRect barRect(int row) const; // the bar area of a row, for tests
    // What a screen reader says for a row: "%1" is the row's label, "%2" its text, e.g. "Memory of executor %1: %2".
    void setAccessibleRowText(const QString &pattern);
    // The row the keyboard is on (Up/Down, Home/End; Space or Enter acts as a click), -1 for none.
    int currentRow() const { return m_current; }
    QString accessibleRowText(int row) const;
    // Rows [first, last] on screen now (the only ones whose text a panel needs to format).
    std::pair<int, int> visibleRows() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The height that shows every row, for a container that shrinks to few executors.
    int contentHeight() const { return std::max(1, int(m_rows.size())) * kRowHeight + 4; }

Q_SIGNALS:
    void rowClicked(const QString &key);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    int labelWidth() const;
    int textWidth() const;
    QRect barRect(int row, int labelW, int textW) const;
    void setCurrentRow(int row);
    void updateAccessibleTexts();

    QList<BarRow> m_rows;
    double m_scaleMax = 1;
    int m_textWidth = 0;
    QString m_focus;
    int m_current = -1;
    QString m_rowPattern;
};

} // namespace cdeck
