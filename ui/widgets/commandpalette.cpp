// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "commandpalette.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr int kEntryRole = Qt::UserRole + 1;

// Up and Down in the query move the list's selection, so the hands stay on the keys.
class QueryKeys : public QObject
{
public:
    QueryKeys(QListWidget *list, QObject *parent)
        : QObject(parent)
        , m_list(list)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
                QCoreApplication::sendEvent(m_list, event);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QListWidget *m_list;
};
} // namespace

CommandPalette::CommandPalette(const QList<Entry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_entries(entries)
    , m_query(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"commandPalette"_s);
    setWindowTitle(tr("Go to a cluster, tab or action"));
    m_query->setObjectName(u"paletteQuery"_s);
    m_query->setPlaceholderText(tr("Type to narrow: a cluster's name, a tab, an action…"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(new QueryKeys(m_list, this));
    m_list->setObjectName(u"paletteList"_s);
    m_list->setUniformItemSizes(true);
    auto *label = new QLabel(tr("&Find:"), this);
    label->setBuddy(m_query);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    auto *hint = new QLabel(tr("Enter runs the selected entry · ↑ ↓ choose · Esc closes"), this);
    hint->setEnabled(false);
    layout->addWidget(hint);
    connect(m_query, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { runCurrent(); });
    connect(m_list, &QListWidget::itemActivated, this, [this] { runCurrent(); });
    resize(560, 420);
    filter();
}

void CommandPalette::setQuery(const QString &query)
{
    m_query->setText(query);
}

void CommandPalette::filter()
{
    const QStringList words = m_query->text().split(u' ', Qt::SkipEmptyParts);
    m_list->clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries[i];
        const QString haystack = e.kind + u' ' + e.text;
        const bool match = std::all_of(words.cbegin(), words.cend(),
                                       [&](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); });
        if (!match)
            continue;
        auto *item = new QListWidgetItem(u"%1: %2"_s.arg(e.kind, e.text), m_list);
        item->setData(kEntryRole, int(i));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QStringList CommandPalette::shownTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_list->count(); ++i)
        texts.append(m_list->item(i)->text());
    return texts;
}

bool CommandPalette::runCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return false;
    const std::function<void()> run = m_entries.value(item->data(kEntryRole).toInt()).run;
    accept();
    if (run)
        run();
    return true;
}

} // namespace cdeck
