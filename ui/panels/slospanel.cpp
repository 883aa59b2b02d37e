// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "slospanel.h"

#include "ui/forms/slodialog.h"
#include "ui/widgets/recordtable.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {

int alertRank(const QString &alert)
{
    return alert == "page"_L1 ? 2 : alert == "ticket"_L1 ? 1 : 0;
}

QColor alertColor(const QString &alert)
{
    if (alert == "page"_L1)
        return QColor(0xc6, 0x28, 0x28);
    if (alert == "ticket"_L1)
        return QColor(0xe6, 0x7e, 0x00);
    return QColor(0x2e, 0x7d, 0x32);
}

} // namespace

SlosPanel::SlosPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_detail(new QLabel(this))
    , m_new(new QPushButton(tr("&New SLO…"), this))
    , m_edit(new QPushButton(tr("E&dit SLO…"), this))
    , m_remove(new QPushButton(tr("&Remove SLO…"), this))
{
    m_table->setHorizontalHeaderLabels({tr("SLO"), tr("Runs of"), tr("SLI now"), tr("Objective"), tr("Budget left"),
                                        tr("Burn 1h"), tr("Burn 6h"), tr("Burn 1d"), tr("Burn 3d"), tr("Alert")});
    setUpRecordTable(m_table, tr("SLOs"));
    m_table->horizontalHeaderItem(Burn1h)->setToolTip(
        tr("Error budget burn rate over the last hour: 1x spends the whole budget in exactly the SLO's window"));
    m_summary->setWordWrap(true);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAccessibleName(tr("SLO alert"));
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_table);
    vertical->addWidget(m_detail);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Service level objectives</b> — pages at 14.4x over 1 h (and 5 min) or 6x over "
                                    "6 h (and 30 min); tickets at 3x over 1 d (and 2 h) or 1x over 3 d (and 6 h). "
                                    "Add one with New SLO or <tt>clusterdeck-cli slo add</tt>."),
                                 this));
    m_new->setObjectName(u"newSloButton"_s);
    m_edit->setObjectName(u"editSloButton"_s);
    m_remove->setObjectName(u"removeSloButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_new);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);
    layout->addWidget(vertical, 1);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SlosPanel::showDetail);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SlosPanel::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { openEditor(true); });
    connect(m_new, &QPushButton::clicked, this, [this] { openEditor(false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openEditor(true); });
    connect(m_remove, &QPushButton::clicked, this, &SlosPanel::removeSelected);
    clear();
}

void SlosPanel::setEditable(bool editable, const QString &whyNot)
{
    m_editable = editable;
    for (QPushButton *b : {m_new, m_edit, m_remove})
        b->setToolTip(editable ? QString() : whyNot);
    updateButtons();
}

void SlosPanel::updateButtons()
{
    m_new->setEnabled(m_editable);
    m_edit->setEnabled(m_editable && selectedSlo());
    m_remove->setEnabled(m_editable && selectedSlo());
}

const triage::SloStatus *SlosPanel::selectedSlo() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_slos.size() && m_table->selectionModel()->isRowSelected(row) ? &m_slos[row] : nullptr;
}

void SlosPanel::selectRow(int row)
{
    m_table->selectRow(row);
}

SloDialog *SlosPanel::openEditor(bool editSelected)
{
    if (!m_editable || m_editor) {
        if (m_editor)
            m_editor->raise();
        return m_editor;
    }
    const triage::SloStatus *selected = editSelected ? selectedSlo() : nullptr;
    if (editSelected && !selected)
        return nullptr;
    m_editor = new SloDialog(selected ? selected->slo : triage::SloDefinition{}, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &SloDialog::submitted, this, &SlosPanel::saveRequested);
    m_editor->open();
    return m_editor;
}

SloDialog *SlosPanel::editor() const
{
    return m_editor;
}

void SlosPanel::showSaveAnswer(bool accepted, const QString &message)
{
    if (m_editor && m_editor->isBusy())
        m_editor->showAnswer(accepted, message);
}

void SlosPanel::removeSelected()
{
    const triage::SloStatus *selected = selectedSlo();
    if (!m_editable || !selected)
        return;
    const QString id = selected->slo.id;
    const QString name = selected->slo.name.isEmpty() ? id : selected->slo.name;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove SLO"),
                                tr("Remove the SLO %1 (%2)? Its open incident, if it has one, ends.")
                                    .arg(name, selected->slo.selector()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"removeSloConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes)
            Q_EMIT deleteRequested(id);
    });
    box->open();
}

QString SlosPanel::burnText(const std::optional<double> &rate)
{
    if (!rate)
        return u"–"_s;
    return u"%1x"_s.arg(*rate, 0, 'f', *rate >= 10 ? 0 : 1);
}

QString SlosPanel::sliText(const triage::SloStatus &s)
{
    if (!s.sli)
        return tr("no runs");
    switch (s.slo.sli) {
    case triage::SliKind::SuccessRate:
        return tr("%1 % ok").arg(*s.sli * 100, 0, 'f', 2);
    case triage::SliKind::FailedTaskRate:
        return tr("%1 % tasks ok").arg(*s.sli * 100, 0, 'f', 2);
    case triage::SliKind::P95Duration:
        return tr("P95 %1 s").arg(*s.sli, 0, 'f', 1);
    case triage::SliKind::Freshness:
        return tr("%1 min old").arg(*s.sli / 60, 0, 'f', 0);
    }
    return {};
}

void SlosPanel::setSlos(const QList<triage::SloStatus> &slos)
{
    const QString selected = m_table->currentRow() >= 0 && m_table->currentRow() < m_slos.size()
        ? m_slos[m_table->currentRow()].slo.id
        : QString();
    m_slos = slos;
    // Worst first: paging, then ticketing, then the least budget left.
    std::stable_sort(m_slos.begin(), m_slos.end(), [](const triage::SloStatus &a, const triage::SloStatus &b) {
        if (alertRank(a.alert) != alertRank(b.alert))
            return alertRank(a.alert) > alertRank(b.alert);
        return a.budgetRemaining < b.budgetRemaining;
    });
    m_hasData = true;
    m_table->setRowCount(int(m_slos.size()));
    int selectRow = -1;
    for (int row = 0; row < m_slos.size(); ++row) {
        const triage::SloStatus &s = m_slos[row];
        if (s.slo.id == selected)
            selectRow = row;
        QString objective = QString::number(s.slo.objective * 100, 'g', 4) + u" %"_s;
        if (s.slo.sli == triage::SliKind::P95Duration)
            objective += tr(" ≤ %1 s").arg(s.slo.thresholdSeconds);
        else if (s.slo.sli == triage::SliKind::Freshness)
            objective += tr(" ≤ %1 min old").arg(s.slo.thresholdSeconds / 60);
        objective += u" / "_s + triage::formatWindow(s.slo.windowMs);
        const QStringList texts{s.slo.name,
                                s.slo.selector(),
                                sliText(s),
                                objective,
                                s.budgetRemaining <= 0 ? tr("spent (%1 %)").arg(s.budgetRemaining * 100, 0, 'f', 0)
                                                       : tr("%1 %").arg(s.budgetRemaining * 100, 0, 'f', 1),
                                burnText(s.burn(u"1h"_s)),
                                burnText(s.burn(u"6h"_s)),
                                burnText(s.burn(u"1d"_s)),
                                burnText(s.burn(u"3d"_s)),
                                s.alert == "none"_L1 ? tr("none") : s.alert.toUpper()};
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            item->setText(texts[column]);
            item->setForeground(column == Alert || (column == Budget && s.budgetRemaining <= 0) ? alertColor(s.alert)
                                                                                                 : QColor());
            if (column >= Burn1h && column <= Burn3d)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_table->resizeColumnsToContents();
    const int firing = firingCount();
    m_summary->setText(m_slos.isEmpty()
                           ? tr("No SLOs are defined on this runtime.")
                           : tr("%n SLO(s)", nullptr, int(m_slos.size()))
                                 + (firing > 0 ? tr(", %n alerting", nullptr, firing) : tr(", none alerting")));
    if (selectRow < 0 && !m_slos.isEmpty())
        selectRow = 0;
    if (selectRow >= 0)
        m_table->selectRow(selectRow);
    showDetail();
    updateButtons();
}

void SlosPanel::clear()
{
    m_slos.clear();
    m_hasData = false;
    m_table->setRowCount(0);
    m_summary->setText(tr("Loading SLOs…"));
    m_detail->clear();
    updateButtons();
}

int SlosPanel::rowCount() const
{
    return m_table->rowCount();
}

QString SlosPanel::cellText(int row, Column column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

int SlosPanel::firingCount() const
{
    return int(std::count_if(m_slos.cbegin(), m_slos.cend(), [](const triage::SloStatus &s) { return s.alert != "none"_L1; }));
}

QString SlosPanel::detailText() const
{
    return m_detail->text();
}

void SlosPanel::showDetail()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_slos.size()) {
        m_detail->setText(m_slos.isEmpty() ? QString() : tr("Select an SLO to see its alert and the runs that spent its budget."));
        return;
    }
    const triage::SloStatus &s = m_slos[row];
    QString html = u"<b>%1</b> — %2, %3 events in %4, %5 bad<br>"_s.arg(
        s.slo.name.toHtmlEscaped(), triage::toString(s.slo.sli), QString::number(s.events),
        triage::formatWindow(s.slo.windowMs), QString::number(s.badEvents));
    if (s.alert == "none"_L1)
        html += tr("No alert: no window pair burns its budget fast enough.");
    else
        html += u"<span style='color:%1'><b>%2</b></span> (%3): %4<br>"_s.arg(
            alertColor(s.alert).name(), s.alert.toUpper(), s.alertRule, s.summary.toHtmlEscaped());
    QStringList burns;
    for (const triage::SloBurn &b : s.burns)
        burns.append(u"%1 %2"_s.arg(b.window, burnText(b.rate)));
    html += u"<br>"_s + tr("Burn rates: %1").arg(burns.join(u" · "_s));
    if (!s.badRuns.isEmpty()) {
        html += u"<br><br><b>"_s + tr("Runs that spent the budget") + u"</b><br>"_s;
        for (const triage::SloRun &r : s.badRuns)
            html += u"%1 &nbsp;%2 on %3: %4 after %5 s %6<br>"_s.arg(
                QDateTime::fromMSecsSinceEpoch(r.endMs).toLocalTime().toString(u"MM-dd HH:mm:ss"_s),
                r.jobId.toHtmlEscaped(), r.clusterId.toHtmlEscaped(), toString(r.state),
                QString::number(r.durationS, 'f', 1), r.stateReason.left(160).toHtmlEscaped());
    }
    m_detail->setText(html);
}

} // namespace cdeck
