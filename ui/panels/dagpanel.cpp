// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "dagpanel.h"

#include "ui/dag/dagitems.h"
#include "ui/dag/dagview.h"
#include "ui/presentation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

struct LayoutResult
{
    dag::DagLayout layout;
    qint64 elapsedMs = 0;
};

QString legendHtml()
{
    QString html;
    for (dag::NodeState s : {dag::NodeState::Pending, dag::NodeState::Running, dag::NodeState::Completed, dag::NodeState::Failed})
        html += u"<span style='color:%1'>■</span> %2&nbsp;&nbsp;"_s.arg(dagStateColor(s).name(), dagStateText(s));
    return html;
}

} // namespace

DagPanel::DagPanel(QWidget *parent)
    : QWidget(parent)
    , m_jobChooser(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_matches(new QLabel(this))
    , m_collapse(new QCheckBox(tr("Fold fan-outs over"), this))
    , m_collapseAbove(new QSpinBox(this))
    , m_zoomIn(new QToolButton(this))
    , m_zoomOut(new QToolButton(this))
    , m_fit(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_scene(new QGraphicsScene(this))
    , m_view(new DagView(m_scene, this))
    , m_details(new QTextBrowser(this))
{
    setObjectName(u"dagPanel"_s);
    m_jobChooser->setObjectName(u"dagJobChooser"_s);
    m_jobChooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_jobChooser->setPlaceholderText(tr("No jobs yet"));
    m_search->setObjectName(u"dagSearch"_s);
    m_search->setPlaceholderText(tr("Find a task group by name (Enter: next)"));
    m_search->setClearButtonEnabled(true);
    m_matches->setObjectName(u"dagMatches"_s);
    m_matches->setMinimumWidth(70);
    m_collapse->setObjectName(u"dagCollapse"_s);
    m_collapse->setChecked(true);
    m_collapse->setToolTip(tr("Siblings with the same name and the same inputs are drawn as one group node when there "
                              "are more of them than this"));
    m_collapseAbove->setObjectName(u"dagCollapseAbove"_s);
    m_collapseAbove->setRange(2, 10000);
    m_collapseAbove->setValue(kDefaultCollapseAbove);
    m_zoomIn->setText(u"+"_s);
    m_zoomIn->setToolTip(tr("Zoom in (mouse wheel)"));
    m_zoomOut->setText(u"−"_s);
    m_zoomOut->setToolTip(tr("Zoom out (mouse wheel)"));
    m_fit->setObjectName(u"dagFit"_s);
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole graph"));
    m_status->setObjectName(u"dagStatus"_s);
    m_status->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    m_details->setObjectName(u"dagDetails"_s);
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Click a task group for its tasks, bytes, durations and executors."));
    // BSP indexing keeps hit-testing and exposed-area queries logarithmic at 10,000 items.
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Job"), this));
    top->addWidget(m_jobChooser);
    top->addSpacing(12);
    top->addWidget(m_search, 1);
    top->addWidget(m_matches);
    top->addWidget(m_collapse);
    top->addWidget(m_collapseAbove);
    top->addSpacing(12);
    top->addWidget(m_zoomOut);
    top->addWidget(m_zoomIn);
    top->addWidget(m_fit);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 300});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_jobChooser, &QComboBox::activated, this, [this](int index) {
        const QString id = m_jobChooser->itemData(index).toString();
        if (id == m_jobId)
            return;
        setCurrentJob(id);
        Q_EMIT jobChosen(id);
    });
    connect(m_search, &QLineEdit::textEdited, this, [this] { runSearch(false); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { runSearch(true); });
    connect(m_zoomIn, &QToolButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(m_zoomOut, &QToolButton::clicked, this, [this] { m_view->zoomBy(0.8); });
    connect(m_fit, &QToolButton::clicked, m_view, &DagView::fitGraph);
    connect(m_collapse, &QCheckBox::toggled, this, [this] {
        m_collapseAbove->setEnabled(m_collapse->isChecked());
        m_fitOnNextLayout = true;
        if (!m_raw.nodes().isEmpty())
            requestLayout();
    });
    connect(m_collapseAbove, &QSpinBox::valueChanged, this, [this] {
        m_fitOnNextLayout = true;
        if (m_collapse->isChecked() && !m_raw.nodes().isEmpty())
            requestLayout();
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &DagPanel::updateDetails);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &DagPanel::nodeSelectionChanged);
    connect(m_view, &DagView::nodeActivated, this, [this] {
        if (const QString id = selectedNodeId(); !id.isEmpty())
            Q_EMIT nodeOpened(id);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &DagPanel::updateAccessibleTexts);
    // Names for what shows no words of its own (a screen reader would say "plus", "minus" or nothing).
    m_zoomIn->setAccessibleName(tr("Zoom in"));
    m_zoomOut->setAccessibleName(tr("Zoom out"));
    m_jobChooser->setAccessibleName(tr("Job"));
    m_search->setAccessibleName(tr("Find a task group"));
    m_collapseAbove->setAccessibleName(tr("Fold fan-outs larger than"));
    m_details->setAccessibleName(tr("Task group details"));
    m_view->setFocusPolicy(Qt::StrongFocus);
    updateStatus();
}

DagPanel::~DagPanel()
{
    // The scene dies with its items after this: their selection signals must not reach a half-destroyed panel.
    disconnect(m_scene, nullptr, this, nullptr);
}

void DagPanel::setCollapseFanOuts(bool on, int above)
{
    const QSignalBlocker b1(m_collapse);
    const QSignalBlocker b2(m_collapseAbove);
    m_collapse->setChecked(on);
    m_collapseAbove->setValue(above);
    m_collapseAbove->setEnabled(on);
    m_fitOnNextLayout = true;
    if (!m_raw.nodes().isEmpty())
        requestLayout();
}

dag::LayoutOptions DagPanel::layoutOptions() const
{
    dag::LayoutOptions o;
    o.defaultNodeSize = QSizeF(DagNodeItem::kWidth, DagNodeItem::kHeight);
    o.layerGap = 56.0;
    o.nodeGap = 28.0;
    o.collapseFanOutAbove = m_collapse->isChecked() ? m_collapseAbove->value() : 0;
    return o;
}

QString DagPanel::structureKey(const dag::Dag &graph)
{
    QStringList parts;
    parts.reserve(graph.nodeCount() + graph.edgeCount());
    for (const dag::DagNode &n : graph.nodes())
        parts.append(n.id);
    std::sort(parts.begin(), parts.end());
    QStringList edges;
    edges.reserve(graph.edgeCount());
    for (const dag::DagEdge &e : graph.edges())
        edges.append(e.from + u'\x1f' + e.to);
    std::sort(edges.begin(), edges.end());
    return parts.join(u'\x1e') + u'\x1d' + edges.join(u'\x1e');
}

void DagPanel::setJobs(const JobList &jobs)
{
    m_jobs = jobs;
    std::sort(m_jobs.begin(), m_jobs.end(), [](const Job &a, const Job &b) { return a.submittedAt > b.submittedAt; });
    {
        const QSignalBlocker blocker(m_jobChooser);
        m_jobChooser->clear();
        for (const Job &j : std::as_const(m_jobs))
            m_jobChooser->addItem(u"%1 · %2 · %3"_s.arg(j.name, j.id, toString(j.state)), j.id);
        m_jobChooser->setCurrentIndex(m_jobChooser->findData(m_jobId));
    }
    if (m_jobId.isEmpty() && !m_jobs.isEmpty()) {
        setCurrentJob(m_jobs.first().id); // the newest: what one usually wants to watch
        Q_EMIT jobChosen(m_jobId);
    }
    updateStatus();
}

void DagPanel::setCurrentJob(const QString &jobId)
{
    if (jobId == m_jobId)
        return;
    m_jobId = jobId;
    ++m_ticket; // a layout still running for the previous job is dropped when it lands
    {
        // Deleting a selected item announces a selection change: not while the lists point at dying items.
        const QSignalBlocker blocker(m_scene);
        m_nodes.clear();
        m_edges.clear();
        m_view->setOverviewItems({}, {});
        m_view->setGraphBounds({});
        m_scene->clear();
    }
    m_groupOf.clear();
    m_raw = {};
    m_rawKey.clear();
    m_layoutKey.clear();
    m_layout = {};
    m_hasLayout = false;
    m_layoutPending = false;
    m_fitOnNextLayout = true;
    m_error.clear();
    m_updatedAt = {};
    m_matchIds.clear();
    m_matchFor.clear();
    m_matchIndex = -1;
    m_matches->clear();
    {
        const QSignalBlocker blocker(m_jobChooser);
        m_jobChooser->setCurrentIndex(m_jobChooser->findData(jobId));
    }
    m_view->minimap()->hide();
    updateDetails();
    updateStatus();
}

void DagPanel::clear()
{
    m_jobs.clear();
    {
        const QSignalBlocker blocker(m_jobChooser);
        m_jobChooser->clear();
    }
    setCurrentJob({});
    m_stale = false;
    updateStatus();
}

void DagPanel::setStale(bool stale)
{
    m_stale = stale;
    updateStatus();
}

void DagPanel::setDagError(const QString &jobId, const QString &message)
{
    if (jobId != m_jobId)
        return;
    m_error = message;
    updateStatus();
}

void DagPanel::setDag(const QString &jobId, const dag::Dag &graph)
{
    if (jobId != m_jobId)
        return;
    m_error.clear();
    m_updatedAt = QDateTime::currentDateTime();
    m_raw = graph;
    m_rawKey = structureKey(graph);
    const QString key = m_rawKey + QString::number(layoutOptions().collapseFanOutAbove);
    if ((m_hasLayout || m_layoutPending) && key == m_layoutKey) {
        // Same tasks groups and dependencies: new counts, states and bytes only. No layout, nothing moves.
        if (m_hasLayout && !m_layoutPending) {
            const int above = layoutOptions().collapseFanOutAbove;
            applyStates(above > 0 ? dag::collapseFanOuts(graph, above) : graph);
        }
    } else {
        requestLayout();
    }
    updateStatus();
}

void DagPanel::requestLayout()
{
    const dag::LayoutOptions options = layoutOptions();
    m_layoutKey = m_rawKey + QString::number(options.collapseFanOutAbove);
    const quint64 ticket = ++m_ticket;
    m_layoutPending = true;
    std::optional<dag::DagLayout> previous;
    if (m_hasLayout && !m_fitOnNextLayout)
        previous = m_layout; // the stability hint: existing nodes keep their layer and order
    const dag::Dag graph = m_raw;
    QtConcurrent::run([graph, options, previous] {
        QElapsedTimer timer;
        timer.start();
        LayoutResult r;
        r.layout = dag::layoutDag(graph, options, previous ? &*previous : nullptr);
        r.elapsedMs = timer.elapsed();
        return r;
    }).then(this, [this, ticket](const LayoutResult &r) {
        // Always from the event loop: when the layout is done before then() is attached (a small
        // graph), Qt 6.4 calls the continuation right away, inside setDag.
        QMetaObject::invokeMethod(
            this, [this, ticket, r] { applyLayout(r.layout, r.elapsedMs, ticket); }, Qt::QueuedConnection);
    });
    updateStatus();
}

void DagPanel::applyLayout(const dag::DagLayout &layout, qint64 elapsedMs, quint64 ticket)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (ticket != m_ticket)
        return; // superseded by a newer snapshot, another job or other options
    m_layoutPending = false;
    m_layoutMs = elapsedMs;

    // What should stay put on screen: the selected node, else the one nearest the middle of the view.
    QString anchorId;
    QPointF anchorBefore;
    QPointF centreBefore;
    const bool keepPlace = m_hasLayout && !m_fitOnNextLayout;
    if (keepPlace) {
        centreBefore = m_view->mapToScene(m_view->viewport()->rect().center());
        anchorId = selectedNodeId();
        if (anchorId.isEmpty() || !layout.find(anchorId)) {
            anchorId.clear();
            double best = std::numeric_limits<double>::max();
            for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
                if (!layout.find(it.key()))
                    continue;
                const QPointF d = it.value()->sceneBoundingRect().center() - centreBefore;
                const double dist = d.x() * d.x() + d.y() * d.y();
                if (dist < best) {
                    best = dist;
                    anchorId = it.key();
                }
            }
        }
        if (!anchorId.isEmpty())
            anchorBefore = m_nodes.value(anchorId)->pos();
    }

    m_layout = layout;
    m_hasLayout = true;
    const dag::Dag &g = m_layout.graph;
    // Items come and go below: selection signals wait until the lists are consistent (updateDetails at the end).
    const QSignalBlocker blocker(m_scene);

    // Nodes: existing items move (and keep their selection), new ones appear, vanished ones go.
    QHash<QString, DagNodeItem *> next;
    next.reserve(g.nodeCount());
    for (int i = 0; i < g.nodeCount(); ++i) {
        const dag::DagNode &n = g.nodes()[i];
        DagNodeItem *item = m_nodes.take(n.id);
        if (!item) {
            item = new DagNodeItem(n);
            m_scene->addItem(item);
        } else {
            item->setNode(n);
        }
        item->setPos(m_layout.nodes[i].rect.topLeft());
        item->setToolTip(n.name.isEmpty() ? n.id : n.name);
        next.insert(n.id, item);
    }
    qDeleteAll(m_nodes); // what is left vanished from the graph
    m_nodes = next;
    m_groupOf.clear();
    for (const dag::DagNode &n : g.nodes())
        for (const QString &member : n.members)
            m_groupOf.insert(member, n.id);

    // Edges: rebuilt (their routes change with any layout); bottom of the producer to the top of the consumer.
    qDeleteAll(m_edges);
    m_edges.clear();
    m_edges.reserve(g.edgeCount());
    qint64 maxBytes = 0;
    for (const dag::DagEdge &e : g.edges())
        maxBytes = std::max(maxBytes, e.bytes);
    for (int i = 0; i < g.edgeCount(); ++i) {
        const dag::DagEdge &e = g.edges()[i];
        QList<QPointF> points = m_layout.edges[i].points;
        const dag::NodePlacement *from = m_layout.find(e.from);
        const dag::NodePlacement *to = m_layout.find(e.to);
        if (points.size() < 2 || !from || !to)
            continue;
        points.first() = QPointF(from->rect.center().x(), from->rect.bottom());
        points.last() = QPointF(to->rect.center().x(), to->rect.top());
        auto *item = new DagEdgeItem(e, points, edgeWidthForBytes(e.bytes, maxBytes));
        item->setToolTip(tr("%1 → %2: %3")
                             .arg(g.node(e.from)->name, g.node(e.to)->name,
                                  e.bytes > 0 ? presentation::formatBytes(e.bytes) : tr("bytes not known")));
        m_scene->addItem(item);
        m_edges.append(item);
    }
    m_view->setOverviewItems(m_nodes.values(), m_edges);

    // The view keeps room around the graph so any node can be scrolled to the middle of it. (Not through
    // the scene's own rect: its change signal is blocked above, and the view never heard of it.)
    // The items' extent, not the layout's bounds: a long edge may swing out wider than the nodes.
    m_view->setGraphBounds(m_scene->itemsBoundingRect());

    // States may have moved on while the layout was computed.
    if (!m_raw.nodes().isEmpty() && m_rawKey + QString::number(layoutOptions().collapseFanOutAbove) == m_layoutKey) {
        const int above = layoutOptions().collapseFanOutAbove;
        applyStates(above > 0 ? dag::collapseFanOuts(m_raw, above) : m_raw);
    }

    if (m_fitOnNextLayout) {
        m_view->fitGraph();
        m_fitOnNextLayout = false;
    } else if (!anchorId.isEmpty() && m_nodes.contains(anchorId)) {
        m_view->centerOn(centreBefore + (m_nodes.value(anchorId)->pos() - anchorBefore));
    }
    m_view->minimap()->setVisible(g.nodeCount() >= 30);
    m_view->refreshMinimap();

    // A search typed before the graph arrived (or before it grew) highlights the new nodes too.
    if (!m_search->text().trimmed().isEmpty()) {
        m_matchFor.clear();
        const QString keep = selectedNodeId();
        runSearch(false);
        if (!keep.isEmpty())
            selectNode(keep);
    }
    updateDetails();
    updateStatus();
    Q_EMIT layoutApplied();
}

void DagPanel::applyStates(const dag::Dag &shown)
{
    const QSignalBlocker blocker(m_scene); // edges may be re-created below; updateDetails at the end
    bool bytesChanged = false;
    QHash<QString, qint64> oldBytes;
    for (const dag::DagEdge &e : m_layout.graph.edges())
        oldBytes.insert(e.from + u'\x1f' + e.to, e.bytes);
    for (const dag::DagEdge &e : shown.edges())
        if (oldBytes.value(e.from + u'\x1f' + e.to, -1) != e.bytes)
            bytesChanged = true;
    for (const dag::DagNode &n : shown.nodes())
        if (DagNodeItem *item = m_nodes.value(n.id))
            item->setNode(n);
    m_layout.graph = shown;
    if (bytesChanged) {
        qint64 maxBytes = 0;
        for (const dag::DagEdge &e : shown.edges())
            maxBytes = std::max(maxBytes, e.bytes);
        QHash<QString, qint64> bytes;
        for (const dag::DagEdge &e : shown.edges())
            bytes.insert(e.from + u'\x1f' + e.to, e.bytes);
        // Widths follow the bytes moved so far: re-create the edges in place (same routes).
        QList<DagEdgeItem *> rebuilt;
        rebuilt.reserve(m_edges.size());
        for (DagEdgeItem *old : std::as_const(m_edges)) {
            dag::DagEdge e = old->edge();
            e.bytes = bytes.value(e.from + u'\x1f' + e.to, e.bytes);
            QList<QPointF> points;
            const dag::NodePlacement *from = m_layout.find(e.from);
            const dag::NodePlacement *to = m_layout.find(e.to);
            for (const dag::EdgeRoute &r : std::as_const(m_layout.edges))
                if (r.from == e.from && r.to == e.to)
                    points = r.points;
            if (points.size() >= 2 && from && to) {
                points.first() = QPointF(from->rect.center().x(), from->rect.bottom());
                points.last() = QPointF(to->rect.center().x(), to->rect.top());
            }
            auto *item = new DagEdgeItem(e, points, edgeWidthForBytes(e.bytes, maxBytes));
            item->setToolTip(old->toolTip().section(u':', 0, 0) + u": "_s
                             + (e.bytes > 0 ? presentation::formatBytes(e.bytes) : tr("bytes not known")));
            m_scene->addItem(item);
            rebuilt.append(item);
        }
        qDeleteAll(m_edges);
        m_edges = rebuilt;
        m_view->setOverviewItems(m_nodes.values(), m_edges);
    }
    m_view->refreshMinimap();
    updateDetails();
}

QString DagPanel::selectedNodeId() const
{
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    for (QGraphicsItem *item : selected)
        if (item->type() == DagNodeItem::Type)
            return static_cast<DagNodeItem *>(item)->id();
    return {};
}

QString DagPanel::nodeIdFor(const QString &rawId) const
{
    if (m_nodes.contains(rawId))
        return rawId;
    return m_groupOf.value(rawId);
}

bool DagPanel::selectNode(const QString &id)
{
    DagNodeItem *item = m_nodes.value(nodeIdFor(id));
    if (!item)
        return false;
    m_scene->clearSelection();
    item->setSelected(true);
    if (m_view->zoom() < 0.6)
        m_view->setZoom(0.8); // readable: a search hit at 2% zoom is a dot
    m_view->showSceneAt(item->sceneBoundingRect().center());
    return true;
}

bool DagPanel::search(const QString &text)
{
    const bool again = text.trimmed() == m_matchFor && !m_matchFor.isEmpty();
    m_search->setText(text);
    runSearch(again);
    return !m_matchIds.isEmpty();
}

void DagPanel::runSearch(bool next)
{
    const QString text = m_search->text().trimmed();
    if (text != m_matchFor) {
        m_matchFor = text;
        m_matchIds.clear();
        m_matchIndex = -1;
        next = false;
        if (!text.isEmpty()) {
            // In reading order: top layer first, left to right.
            QList<const dag::NodePlacement *> order;
            for (const dag::NodePlacement &p : std::as_const(m_layout.nodes))
                order.append(&p);
            std::sort(order.begin(), order.end(), [](const dag::NodePlacement *a, const dag::NodePlacement *b) {
                return a->layer != b->layer ? a->layer < b->layer : a->order < b->order;
            });
            for (const dag::NodePlacement *p : std::as_const(order)) {
                const DagNodeItem *item = m_nodes.value(p->id);
                if (!item)
                    continue;
                const dag::DagNode &n = item->node();
                bool hit = n.name.contains(text, Qt::CaseInsensitive) || n.id.contains(text, Qt::CaseInsensitive);
                for (qsizetype k = 0; !hit && k < n.members.size(); ++k) {
                    const dag::DagNode *member = m_raw.node(n.members[k]);
                    hit = n.members[k].contains(text, Qt::CaseInsensitive)
                        || (member && member->name.contains(text, Qt::CaseInsensitive));
                }
                if (hit)
                    m_matchIds.append(p->id);
            }
        }
        const QSet<QString> hits(m_matchIds.cbegin(), m_matchIds.cend());
        for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
            it.value()->setMatched(hits.contains(it.key()));
    }
    if (text.isEmpty()) {
        m_matches->clear();
        return;
    }
    if (m_matchIds.isEmpty()) {
        m_matches->setText(tr("no match"));
        return;
    }
    m_matchIndex = next ? (m_matchIndex + 1) % int(m_matchIds.size()) : 0;
    selectNode(m_matchIds.at(m_matchIndex));
    m_matches->setText(tr("%1 of %2").arg(m_matchIndex + 1).arg(m_matchIds.size()));
}

QString DagPanel::matchText() const
{
    return m_matches->text();
}

QString DagPanel::detailsText() const
{
    return m_details->toPlainText();
}

void DagPanel::updateDetails()
{
    const QString id = selectedNodeId();
    for (DagEdgeItem *e : std::as_const(m_edges))
        e->setHighlighted(!id.isEmpty() && (e->edge().from == id || e->edge().to == id));
    const DagNodeItem *item = m_nodes.value(id);
    if (!item) {
        m_details->clear();
        return;
    }
    const dag::DagNode &n = item->node();
    const dag::Dag &g = m_layout.graph;
    QString html = u"<h3 style='margin-bottom:2px'>%1</h3>"_s.arg((n.name.isEmpty() ? n.id : n.name).toHtmlEscaped());
    html += u"<p style='color:gray;margin-top:0'><code>%1</code></p>"_s.arg(n.id.toHtmlEscaped());
    if (n.caption) {
        // Not a group of tasks (a plan operator): its state and caption, no task figures that would all read 0.
        html += u"<p><span style='background:%1;color:%2;padding:2px 6px'>&nbsp;%3&nbsp;</span> &nbsp;%4</p>"_s.arg(
            dagStateColor(n.state).name(), presentation::textOn(dagStateColor(n.state)).name(), dagStateText(n.state),
            n.caption->toHtmlEscaped());
    } else {
        const int total = n.taskCount();
        html += u"<p><span style='background:%1;color:%2;padding:2px 6px'>&nbsp;%3&nbsp;</span> &nbsp;%4</p>"_s.arg(
            dagStateColor(n.state).name(), presentation::textOn(dagStateColor(n.state)).name(), dagStateText(n.state),
            tr("%1 of %n task(s) done (%2%)", nullptr, total)
                .arg(int(std::lround(n.progress() * total)))
                .arg(int(std::lround(n.progress() * 100))));

        html += u"<p><b>%1</b></p><table cellspacing='0' cellpadding='2'>"_s.arg(tr("Tasks by state"));
        if (n.counts.isEmpty())
            html += u"<tr><td>%1</td></tr>"_s.arg(tr("none reported yet"));
        for (auto it = n.counts.cbegin(); it != n.counts.cend(); ++it)
            // Plain words first, Dask's own term after it for those who know it.
            html += u"<tr><td>%1 <span style='color:gray'>(%2)</span></td><td align='right'>%3</td></tr>"_s
                        .arg(dagTaskStateText(it.key()).toHtmlEscaped(), it.key().toHtmlEscaped())
                        .arg(it.value());
        html += u"</table>"_s;

        html += u"<p><b>%1</b> %2<br><b>%3</b> %4"_s.arg(
            tr("Output:"), n.bytes > 0 ? presentation::formatBytes(n.bytes) : tr("not known"),
            tr("Compute time (all tasks):"), presentation::formatDuration(n.durationS));
        if (n.start.isValid()) {
            html += u"<br><b>%1</b> %2"_s.arg(tr("Started:"), presentation::formatTime(n.start.toLocalTime()));
            if (n.stop.isValid())
                html += u"<br><b>%1</b> %2 (%3)"_s.arg(tr("Last task ended:"),
                                                       presentation::formatTime(n.stop.toLocalTime()),
                                                       presentation::formatDuration(n.start.msecsTo(n.stop) / 1000.0));
        }
        if (n.retried > 0)
            html += u"<br><b>%1</b> %2"_s.arg(tr("Retried or rescheduled:"), tr("%n task(s)", nullptr, n.retried));
        html += u"</p>"_s;

        html += u"<p><b>%1</b> "_s.arg(tr("Ran on:"));
        html += n.executors.isEmpty() ? tr("no executor recorded yet") : n.executors.join(u", "_s).toHtmlEscaped();
        html += u"</p>"_s;
    }

    const int index = g.indexOf(n.id);
    auto listEdges = [&](bool inputs) {
        QStringList lines;
        for (const dag::DagEdge &e : g.edges()) {
            if ((inputs ? e.to : e.from) != n.id)
                continue;
            const dag::DagNode *other = g.node(inputs ? e.from : e.to);
            lines.append(u"%1%2"_s.arg((other && !other->name.isEmpty() ? other->name : (inputs ? e.from : e.to)).toHtmlEscaped(),
                                       e.bytes > 0 ? u" (%1)"_s.arg(presentation::formatBytes(e.bytes)) : QString()));
        }
        return lines;
    };
    if (index >= 0) {
        const QStringList in = listEdges(true);
        const QStringList out = listEdges(false);
        html += u"<p><b>%1</b> %2<br><b>%3</b> %4</p>"_s.arg(tr("Inputs:"), in.isEmpty() ? tr("none") : in.join(u", "_s),
                                                          tr("Feeds:"), out.isEmpty() ? tr("none") : out.join(u", "_s));
    }
    if (!n.members.isEmpty()) {
        QStringList names;
        for (qsizetype k = 0; k < n.members.size() && k < 12; ++k) {
            const dag::DagNode *m = m_raw.node(n.members[k]);
            names.append((m && !m->name.isEmpty() ? m->name + u" ("_s + m->id + u')' : n.members[k]).toHtmlEscaped());
        }
        html += u"<p><b>%1</b><br>%2%3</p>"_s.arg(tr("A folded fan-out of %n task group(s):", nullptr, int(n.members.size())),
                                                 names.join(u"<br>"_s),
                                                 n.members.size() > 12 ? u"<br>…"_s : QString());
    }
    m_details->setHtml(presentation::themedHtml(html, palette()));
}

void DagPanel::updateStatus()
{
    QString text;
    if (m_jobId.isEmpty()) {
        text = m_jobs.isEmpty() ? tr("No jobs on this cluster yet: submit one on the Jobs tab.") : tr("Choose a job.");
    } else if (!m_hasLayout && m_raw.nodes().isEmpty() && m_updatedAt.isValid()) {
        text = tr("Job %1 has no task groups yet: it has not sent work to the scheduler.").arg(m_jobId);
    } else if (!m_hasLayout) {
        text = m_layoutPending ? tr("Laying out %n task group(s)…", nullptr, m_raw.nodeCount()) : tr("Loading the DAG of job %1…").arg(m_jobId);
    } else {
        text = tr("%n task group(s)", nullptr, m_raw.nodeCount()) + u", "_s
            + tr("%n edge(s)", nullptr, m_raw.edgeCount());
        if (m_layout.graph.nodeCount() != m_raw.nodeCount())
            text += u" · "_s + tr("%n shown after folding fan-outs", nullptr, m_layout.graph.nodeCount());
        text += u" · "_s + tr("laid out in %1 ms").arg(m_layoutMs);
        if (m_updatedAt.isValid())
            text += u" · "_s + tr("updated %1").arg(m_updatedAt.toString(u"HH:mm:ss"_s));
        if (m_layoutPending)
            text += u" · "_s + tr("re-laying out…");
    }
    QString html = text.toHtmlEscaped();
    if (m_stale)
        html += u" <span style='color:#8a5a00'>%1</span>"_s.arg(tr("(stale: the runtime is not answering)"));
    if (!m_error.isEmpty())
        html += u"<br><span style='color:%1'>%2</span>"_s.arg(presentation::tone(presentation::Tone::Danger).name(),
                                                              m_error.toHtmlEscaped());
    m_status->setText(presentation::themedHtml(
        u"%1 &nbsp;&nbsp; <span style='color:gray'>%2</span>"_s.arg(html, legendHtml()), palette()));
    updateAccessibleTexts();
}

void DagPanel::updateAccessibleTexts()
{
    // What a screen reader says for the graph: the job, how many task groups in each state, and the selection.
    int byState[8] = {};
    for (const dag::DagNode &n : m_layout.graph.nodes())
        ++byState[int(n.state) & 7];
    QStringList counts;
    for (dag::NodeState s :
         {dag::NodeState::Failed, dag::NodeState::Running, dag::NodeState::Pending, dag::NodeState::Completed})
        if (byState[int(s) & 7] > 0)
            counts.append(tr("%1: %2").arg(dagStateText(s)).arg(byState[int(s) & 7]));
    m_view->setAccessibleName(m_jobId.isEmpty() ? tr("Task graph") : tr("Task graph of job %1").arg(m_jobId));
    QString description = m_hasLayout
        ? tr("%n task group(s)", nullptr, int(m_layout.graph.nodeCount())) + u" ("_s + counts.join(u", "_s) + u")."_s
        : tr("No graph shown.");
    if (const DagNodeItem *item = m_nodes.value(selectedNodeId())) {
        const dag::DagNode &n = item->node();
        description += u' '
            + tr("Selected: %1, %2, %3% done.")
                  .arg(n.name.isEmpty() ? n.id : n.name, dagStateText(n.state))
                  .arg(int(std::lround(n.progress() * 100)));
    }
    description += u' ' + tr("Find a task group with the search field; + and − zoom, 0 fits the graph.");
    if (m_view->accessibleDescription() != description)
        m_view->setAccessibleDescription(description);
}

void DagPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (presentation::isPaletteChange(event)) {
        // Cards and edges read the palette when painted; the texts that carry colours are built again.
        updateStatus();
        updateDetails();
        m_scene->update();
    }
}

} // namespace cdeck
