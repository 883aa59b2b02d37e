// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "slodialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kMinWindowMs = kHourMs; // the API's bounds (core/triage/slo.cpp)
constexpr qint64 kMaxWindowMs = 90 * 24 * kHourMs;
} // namespace

SloDialog::SloDialog(const triage::SloDefinition &existing, QWidget *parent)
    : EditorDialog(parent)
    , m_editedId(existing.id)
    , m_name(new QLineEdit(existing.name, this))
    , m_byJob(new QRadioButton(tr("Runs of the &job named"), this))
    , m_byTag(new QRadioButton(tr("Runs on clusters &tagged"), this))
    , m_job(new QLineEdit(existing.jobName, this))
    , m_tag(new QLineEdit(this))
    , m_sli(new QComboBox(this))
    , m_objective(new QLineEdit(this))
    , m_window(new QLineEdit(triage::formatWindow(existing.windowMs), this))
    , m_threshold(new QLineEdit(this))
{
    setObjectName(u"sloDialog"_s);
    setWindowTitle(existing.id.isEmpty()
                       ? tr("New SLO")
                       : tr("Edit SLO %1").arg(existing.name.isEmpty() ? existing.id : existing.name));
    m_name->setObjectName(u"sloName"_s);
    m_job->setObjectName(u"sloJob"_s);
    m_tag->setObjectName(u"sloTag"_s);
    m_sli->setObjectName(u"sloSli"_s);
    m_objective->setObjectName(u"sloObjective"_s);
    m_window->setObjectName(u"sloWindow"_s);
    m_threshold->setObjectName(u"sloThreshold"_s);
    m_name->setPlaceholderText(tr("nightly export"));
    m_job->setPlaceholderText(tr("export_report"));
    m_tag->setPlaceholderText(tr("team=data"));
    m_window->setPlaceholderText(tr("30d"));
    if (!existing.tagKey.isEmpty())
        m_tag->setText(existing.tagKey + u'=' + existing.tagValue);
    (existing.tagKey.isEmpty() ? m_byJob : m_byTag)->setChecked(true);
    m_sli->addItem(tr("Success rate (runs that completed)"), int(triage::SliKind::SuccessRate));
    m_sli->addItem(tr("P95 duration (runs no slower than the threshold)"), int(triage::SliKind::P95Duration));
    m_sli->addItem(tr("Failed task rate (tasks that did not err)"), int(triage::SliKind::FailedTaskRate));
    m_sli->addItem(tr("Freshness (last success no older than the threshold)"), int(triage::SliKind::Freshness));
    m_sli->setCurrentIndex(m_sli->findData(int(existing.sli)));
    m_objective->setText(QLocale().toString(existing.objective * 100, 'g', 6));
    if (existing.thresholdSeconds > 0)
        m_threshold->setText(QLocale().toString(existing.thresholdSeconds, 'g', 10));

    auto *intro = new QLabel(tr("An SLO promises that a share of runs is good over a window; its error budget is "
                                "what the rest may spend. Burn-rate alerts page or open a ticket as it burns."),
                             this);
    intro->setWordWrap(true);
    form()->addRow(intro);
    form()->addRow(tr("&Name:"), m_name);
    form()->addRow(m_byJob, m_job);
    form()->addRow(m_byTag, m_tag);
    form()->addRow(tr("S&LI:"), m_sli);
    form()->addRow(tr("&Objective (%):"), m_objective);
    form()->addRow(tr("&Window:"), m_window);
    form()->addRow(tr("T&hreshold (seconds):"), m_threshold);
    if (!existing.id.isEmpty()) {
        auto *note = new QLabel(tr("Saving replaces this SLO: the new one gets a new id and the old one's open "
                                   "incident ends."),
                                this);
        note->setWordWrap(true);
        form()->addRow(note);
    }
    for (QLineEdit *field : {m_name, m_job, m_tag, m_objective, m_window, m_threshold})
        connect(field, &QLineEdit::textChanged, this, &SloDialog::revalidate);
    connect(m_byJob, &QRadioButton::toggled, this, &SloDialog::updateFields);
    connect(m_sli, &QComboBox::currentIndexChanged, this, &SloDialog::updateFields);
    updateFields();
}

void SloDialog::updateFields()
{
    m_job->setEnabled(m_byJob->isChecked());
    m_tag->setEnabled(m_byTag->isChecked());
    const bool threshold = needsThreshold();
    m_threshold->setEnabled(threshold);
    m_threshold->setToolTip(threshold ? QString() : tr("Only the P95 duration and freshness SLIs take a threshold"));
    revalidate();
}

triage::SliKind SloDialog::sli() const
{
    return triage::SliKind(m_sli->currentData().toInt());
}

bool SloDialog::needsThreshold() const
{
    return sli() == triage::SliKind::P95Duration || sli() == triage::SliKind::Freshness;
}

std::optional<double> SloDialog::number(const QLineEdit *field) const
{
    return typedNumber(field->text().remove(u'%'));
}

QString SloDialog::validate() const
{
    if (m_byJob->isChecked() && m_job->text().trimmed().isEmpty())
        return tr("Name the job whose runs the SLO counts, such as export_report.");
    if (m_byTag->isChecked()) {
        const QString tag = m_tag->text().trimmed();
        const qsizetype eq = tag.indexOf(u'=');
        if (eq <= 0 || tag.mid(eq + 1).trimmed().isEmpty())
            return tr("Give the clusters' tag as key=value, such as team=data.");
    }
    const auto objective = number(m_objective);
    if (!objective)
        return tr("The objective \"%1\" is not a number: give a percentage such as 99.5.").arg(m_objective->text());
    if (*objective <= 0 || *objective >= 100)
        return tr("The objective must lie between 0 % and 100 %, both excluded (99.9 is common).");
    const auto window = triage::parseWindow(m_window->text().trimmed());
    if (!window)
        return tr("The window \"%1\" is not a duration: write it as 30d, 7d or 12h.").arg(m_window->text());
    if (*window < kMinWindowMs || *window > kMaxWindowMs)
        return tr("The window must be between 1h and 90d.");
    if (needsThreshold()) {
        const auto threshold = number(m_threshold);
        if (!threshold || *threshold <= 0)
            return sli() == triage::SliKind::P95Duration
                ? tr("Give the threshold in seconds: the slowest run that still counts as good.")
                : tr("Give the threshold in seconds: the oldest last success that is still fresh.");
    }
    // The runtime's own rules, in case they say more than the fields above.
    QString error;
    if (!triage::SloDefinition::fromJson(record(), &error))
        return error;
    return {};
}

QJsonObject SloDialog::record() const
{
    QJsonObject o;
    if (!m_name->text().trimmed().isEmpty())
        o.insert(u"name"_s, m_name->text().trimmed());
    if (m_byJob->isChecked())
        o.insert(u"job"_s, m_job->text().trimmed());
    else
        o.insert(u"tag"_s, m_tag->text().trimmed());
    o.insert(u"sli"_s, triage::toString(sli()));
    o.insert(u"objective"_s, number(m_objective).value_or(0) / 100);
    o.insert(u"window"_s, m_window->text().trimmed());
    if (needsThreshold())
        o.insert(u"thresholdSeconds"_s, number(m_threshold).value_or(0));
    return o;
}

} // namespace cdeck
