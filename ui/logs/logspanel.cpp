// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "logspanel.h"

#include "core/logs/logmodel.h"
#include "core/logs/logsaver.h"
#include "ui/logs/loglinedelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QHeaderView>
#include <QTableView>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

// Enter finds the next match, Shift+Enter the previous one.
class SearchKeys : public QObject
{
public:
    SearchKeys(LogsPanel *panel, QLineEdit *field)
        : QObject(field)
        , m_panel(panel)
    {
        field->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                m_panel->find(static_cast<QLineEdit *>(watched)->text(), !(key->modifiers() & Qt::ShiftModifier));
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    LogsPanel *m_panel;
};

constexpr int kSourceKindRole = Qt::UserRole + 1; // the source list's "kind": head, executor, job

QString sourceLabel(const LogSourceInfo &s)
{
    const QString size = QLocale().formattedDataSize(s.size, 1, QLocale::DataSizeTraditionalFormat);
    if (s.kind == "head"_L1)
        return LogsPanel::tr("%1 (%2)").arg(s.name, size);
    if (s.kind == "executor"_L1)
        return LogsPanel::tr("Executor %1 · %2 (%3)").arg(s.name, s.state, size);
    return LogsPanel::tr("Job %1 · %2 (%3)").arg(s.name, s.state, size);
}

} // namespace

LogsPanel::LogsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new logs::LogModel(this))
    , m_delegate(new LogLineDelegate(this))
    , m_sources(new QComboBox(this))
    , m_refresh(new QToolButton(this))
    , m_follow(new QCheckBox(tr("&Follow"), this))
    , m_search(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_time(new QDateTimeEdit(QDateTime::currentDateTime(), this))
    , m_jump(new QPushButton(tr("&Jump to time"), this))
    , m_save(new QPushButton(tr("Sa&ve…"), this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    m_sources->setAccessibleName(tr("Log source"));
    m_sources->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sources->setMinimumContentsLength(24);
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List the cluster's logs again (new executors and jobs)"));
    m_follow->setToolTip(tr("Show lines as they are written and keep the end in view"));
    m_search->setPlaceholderText(tr("Find in log (Enter: next, Shift+Enter: previous)"));
    m_search->setAccessibleName(tr("Find in log"));
    m_search->setClearButtonEnabled(true);
    m_previous->setText(tr("Previous"));
    m_next->setText(tr("Next"));
    m_time->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    m_time->setAccessibleName(tr("Time to jump to"));
    m_jump->setToolTip(tr("Show the first line written at or after this time"));
    m_save->setToolTip(tr("Save a copy of the whole log"));
    new SearchKeys(this, m_search);

    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    // A table, not a list: its rows' positions come from a header of fixed-size sections (row * height),
    // so adding a hundred thousand rows or jumping to the ten millionth costs no layout pass over all of
    // them (QListView lays out every row again on each insert: 0.5 s at 7 million rows).
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->horizontalHeader()->hide();
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(QFontMetrics(m_view->font()).height() + 2);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setDefaultSectionSize(QFontMetrics(m_view->font()).horizontalAdvance(QLatin1Char('m'))
                                                      * LogLineDelegate::kWidthChars);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAccessibleName(tr("Log lines"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    auto *sourceLabelWidget = new QLabel(tr("&Log:"), this);
    sourceLabelWidget->setBuddy(m_sources);
    top->addWidget(sourceLabelWidget);
    top->addWidget(m_sources);
    top->addWidget(m_refresh);
    top->addWidget(m_follow);
    top->addSpacing(12);
    top->addWidget(m_search, 1);
    top->addWidget(m_previous);
    top->addWidget(m_next);
    top->addSpacing(12);
    top->addWidget(m_time);
    top->addWidget(m_jump);
    top->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_sources, &QComboBox::activated, this, [this] {
        m_jumpWhenIndexed.reset(); // the user picked another log: the jump was for the one before
        openSelected();
    });
    connect(m_refresh, &QToolButton::clicked, this, &LogsPanel::refreshSources);
    connect(m_follow, &QCheckBox::toggled, this, &LogsPanel::setFollowing);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_delegate->setHighlight(text);
        m_view->viewport()->update();
    });
    connect(m_next, &QToolButton::clicked, this, [this] { find(m_search->text(), true); });
    connect(m_previous, &QToolButton::clicked, this, [this] { find(m_search->text(), false); });
    connect(m_jump, &QPushButton::clicked, this, [this] { jumpToTime(m_time->dateTime().toMSecsSinceEpoch()); });
    connect(m_save, &QPushButton::clicked, this, &LogsPanel::save);

    connect(m_model, &logs::LogModel::found, this, &LogsPanel::onFound);
    connect(m_model, &logs::LogModel::notFound, this, [this](const QString &why) {
        m_message = why;
        updateStatus();
    });
    connect(m_model, &logs::LogModel::indexProgress, this, &LogsPanel::updateStatus);
    connect(m_model, &logs::LogModel::caughtUp, this, &LogsPanel::updateStatus);
    connect(m_model, &logs::LogModel::sourceFailed, this, [this](const QString &why) {
        m_message = tr("Not readable: %1").arg(why);
        updateStatus();
    });
    connect(m_model, &logs::LogModel::sourceEnded, this, [this](const QString &state) {
        m_message = tr("The log will not grow any more (%1).").arg(state);
        updateStatus();
    });
    connect(m_model, &logs::LogModel::grewWhileFollowing, this, [this] {
        if (m_follow->isChecked())
            m_view->scrollToBottom();
    });
    connect(m_model, &logs::LogModel::caughtUp, this, [this] {
        if (m_follow->isChecked())
            m_view->scrollToBottom();
    });
    connect(m_model, &logs::LogModel::caughtUp, this, &LogsPanel::jumpWhenIndexed);
    connect(m_model, &logs::LogModel::sourceFailed, this, [this] { m_jumpWhenIndexed.reset(); });
    updateStatus();
}

LogsPanel::~LogsPanel()
{
    m_model->setSource(nullptr);
    if (m_ownsSource)
        delete m_source.data();
}

void LogsPanel::setRuntime(const QUrl &url, const QString &tokenFile)
{
    if (url == m_runtimeUrl && tokenFile == m_tokenFile && (m_runtime || url.isEmpty()))
        return;
    m_runtimeUrl = url;
    m_tokenFile = tokenFile;
    m_runtime.reset();
    if (url.isValid() && !url.isEmpty()) {
        m_runtime = std::make_unique<RuntimeLogs>(url, tokenFile);
        if (!m_runtime->error().isEmpty())
            m_message = tr("Cannot read the runtime's token: %1").arg(m_runtime->error());
    }
    m_clusterId.clear();
    showSource(nullptr, {});
    m_sources->clear();
}

void LogsPanel::setCluster(const QString &clusterId)
{
    if (clusterId == m_clusterId)
        return;
    m_clusterId = clusterId;
    showSource(nullptr, {});
    m_sources->clear();
    refreshSources();
}

void LogsPanel::refreshSources()
{
    if (!m_runtime || m_clusterId.isEmpty())
        return;
    const QString clusterId = m_clusterId;
    QPointer<LogsPanel> self(this);
    m_runtime->listSources(clusterId, [self, clusterId](const QList<LogSourceInfo> &sources, const QString &error) {
        if (!self || clusterId != self->m_clusterId)
            return;
        if (!error.isEmpty()) {
            self->m_message = tr("Cannot list the logs: %1").arg(error);
            self->updateStatus();
            return;
        }
        const QString current = self->m_sources->currentData().toString();
        self->m_sources->clear();
        for (const LogSourceInfo &s : sources) {
            self->m_sources->addItem(sourceLabel(s), s.name);
            self->m_sources->setItemData(self->m_sources->count() - 1, s.kind, kSourceKindRole);
        }
        if (self->m_pendingTarget) {
            self->applyPendingTarget();
            Q_EMIT self->sourcesListed();
            return;
        }
        // Keep what is open; else what was asked for; else the head's log (the first).
        QString pick = !current.isEmpty() ? current : self->m_wanted;
        const int at = pick.isEmpty() ? 0 : self->m_sources->findData(pick);
        self->m_sources->setCurrentIndex(std::max(0, at));
        if (self->m_sources->currentData().toString() != current || !self->m_source)
            self->openSelected();
        Q_EMIT self->sourcesListed();
    });
}

void LogsPanel::selectSource(const QString &name)
{
    m_wanted = name;
    const int at = m_sources->findData(name);
    if (at >= 0) {
        m_sources->setCurrentIndex(at);
        openSelected();
    }
}

void LogsPanel::openSelected()
{
    const QString name = m_sources->currentData().toString();
    if (!m_runtime || name.isEmpty())
        return;
    logs::LogByteSource *source = m_runtime->openSource(m_clusterId, name, nullptr);
    showSource(source, name);
    m_ownsSource = true;
}

void LogsPanel::showSource(logs::LogByteSource *source, const QString &label)
{
    Q_UNUSED(label)
    logs::LogByteSource *old = m_source;
    const bool ownedOld = m_ownsSource;
    m_ownsSource = false;
    m_source = source;
    m_message.clear();
    m_model->setSource(source);
    if (source)
        m_model->setFollowing(m_follow->isChecked());
    if (ownedOld && old && old != source)
        old->deleteLater();
    updateStatus();
}

void LogsPanel::setFollowing(bool on)
{
    m_model->setFollowing(on);
    if (on)
        m_view->scrollToBottom();
}

void LogsPanel::find(const QString &text, bool forward)
{
    m_delegate->setHighlight(text);
    m_view->viewport()->update();
    const QModelIndex current = m_view->currentIndex();
    int from = current.isValid() ? current.row() : (forward ? -1 : m_model->rowCount());
    if (!current.isValid() && forward) {
        // From the top of what is in view.
        const QModelIndex top = m_view->indexAt(QPoint(1, 1));
        from = top.isValid() ? top.row() - 1 : -1;
    }
    m_message = tr("Searching…");
    updateStatus();
    m_model->findText(text, from, forward);
}

void LogsPanel::jumpToTime(qint64 msSinceEpoch)
{
    m_message = tr("Looking for %1…").arg(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(u"yyyy-MM-dd HH:mm:ss"_s));
    updateStatus();
    m_model->findTime(msSinceEpoch);
}

void LogsPanel::showLogsAt(const triage::LogTarget &target)
{
    m_pendingTarget = target;
    m_wanted.clear();
    if (m_sources->count() > 0)
        applyPendingTarget();
    else
        refreshSources(); // the list answers, then applyPendingTarget()
}

void LogsPanel::applyPendingTarget()
{
    if (!m_pendingTarget)
        return;
    const triage::LogTarget target = *m_pendingTarget;
    m_pendingTarget.reset();
    int at = -1;
    for (const QString &name : target.sources) {
        at = m_sources->findData(name);
        if (at >= 0)
            break;
    }
    if (at < 0)
        at = std::max(0, m_sources->findData(u"head"_s, kSourceKindRole));
    const bool reopen = at != m_sources->currentIndex() || !m_source;
    m_sources->setCurrentIndex(at);
    m_follow->setChecked(false); // following would scroll away from the line
    m_time->setDateTime(QDateTime::fromMSecsSinceEpoch(target.atMs));
    m_jumpWhenIndexed = target.atMs;
    if (reopen)
        openSelected(); // caughtUp follows once it is indexed
    m_message = tr("Reading the log up to %1…").arg(QDateTime::fromMSecsSinceEpoch(target.atMs).toString(u"yyyy-MM-dd HH:mm:ss"_s));
    updateStatus();
    if (!reopen && m_model->rowCount() > 0 && !m_model->isIndexing())
        jumpWhenIndexed();
}

void LogsPanel::jumpWhenIndexed()
{
    if (!m_jumpWhenIndexed)
        return;
    const qint64 ms = *m_jumpWhenIndexed;
    m_jumpWhenIndexed.reset();
    jumpToTime(ms);
}

void LogsPanel::onFound(int row)
{
    const QModelIndex index = m_model->index(row);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_message = tr("Line %L1.").arg(row + 1);
    updateStatus();
}

void LogsPanel::save()
{
    if (!m_source)
        return;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + u'/'
        + (m_clusterId.isEmpty() ? u"log"_s : m_clusterId + u'-' + m_sources->currentData().toString()) + u".log"_s;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save log"), suggested, tr("Logs (*.log *.txt)"));
    if (path.isEmpty())
        return;
    auto *saver = new logs::LogSaver(m_source, path, this);
    m_saver = saver;
    connect(saver, &logs::LogSaver::progress, this, [this](qint64 written, qint64 total) {
        m_message = tr("Saving: %1 of %2…")
                        .arg(QLocale().formattedDataSize(written), QLocale().formattedDataSize(std::max<qint64>(total, 0)));
        updateStatus();
    });
    connect(saver, &logs::LogSaver::finished, this, [this, saver](bool, const QString &message) {
        m_message = message;
        updateStatus();
        saver->deleteLater();
    });
    saver->start();
}

bool LogsPanel::hasLog() const
{
    return m_source && m_model->knownSize() >= 0 && !m_model->isIndexing();
}

QString LogsPanel::statusText() const
{
    return m_status->text();
}

void LogsPanel::updateStatus()
{
    QString text;
    if (!m_source) {
        text = m_runtime ? (m_clusterId.isEmpty() ? tr("Pick a cluster to read its logs.") : tr("Pick a log."))
                         : tr("Logs are read from a ClusterDeck runtime's clusters.");
    } else {
        const QLocale locale;
        text = tr("%L1 lines · %2").arg(m_model->rowCount()).arg(locale.formattedDataSize(m_model->knownSize()));
        if (m_model->isIndexing())
            text += tr(" · reading %1%").arg(m_model->knownSize() > 0 ? 100 * m_model->indexedBytes() / m_model->knownSize() : 0);
    }
    if (!m_message.isEmpty())
        text += u" · "_s + m_message;
    m_status->setText(text);
}

} // namespace cdeck
