// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#include "launchform.h"

#include "ui/presentation.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <tuple>

using namespace Qt::StringLiterals;

namespace cdeck {

namespace {
QString errorStyle()
{
    return u"color: %1;"_s.arg(presentation::tone(presentation::Tone::Danger).name());
}
const QString kBadField = u"badField"_s; // dynamic property: drawn with a red frame by the style sheet below
} // namespace

LaunchForm::LaunchForm(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_engine(new QComboBox(this))
    , m_engineHint(new QLabel(this))
    , m_workers(new QSpinBox(this))
    , m_workersHint(new QLabel(this))
    , m_type(new QComboBox(this))
    , m_typeHint(new QLabel(this))
    , m_onDemand(new QRadioButton(tr("On-demand"), this))
    , m_spot(new QRadioButton(tr("Spot (priced as spot in cost reports)"), this))
    , m_idleMinutes(new QSpinBox(this))
    , m_protection(new QCheckBox(tr("Termination protection: refuse to terminate until turned off"), this))
    , m_tags(new QPlainTextEdit(this))
    , m_scalingMode(new QComboBox(this))
    , m_minWorkers(new QSpinBox(this))
    , m_maxWorkers(new QSpinBox(this))
    , m_outCooldown(new QSpinBox(this))
    , m_inCooldown(new QSpinBox(this))
    , m_maxStep(new QSpinBox(this))
    , m_signal(new QComboBox(this))
    , m_policyBox(new QWidget(this))
    , m_message(new QLabel(this))
    , m_launch(new QPushButton(tr("Launch cluster"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"launchForm"_s);
    setStyleSheet(u"QLineEdit[badField=\"true\"], QSpinBox[badField=\"true\"], QPlainTextEdit[badField=\"true\"],"
                  " QComboBox[badField=\"true\"] { border: 2px solid %1; border-radius: 3px; }"_s.arg(
                      presentation::tone(presentation::Tone::Danger).name()));
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. etl-nightly (letters, digits, - and _)"));
    m_name->setMaxLength(ClusterSpec::kMaxNameLength + 16); // room to type past the limit and be told
    m_engine->setObjectName(u"engineCombo"_s);
    m_engine->addItem(tr("Dask: a scheduler and its workers"), toString(EngineKind::Dask));
    m_engine->addItem(tr("Spark: a standalone master and its workers"), toString(EngineKind::Spark));
    m_engineHint->setObjectName(u"engineHint"_s);
    m_engineHint->setWordWrap(true);
    m_engineHint->setTextInteractionFlags(Qt::TextSelectableByMouse); // the install command can be copied
    m_engineMissing.insert(EngineKind::Spark, tr("Asking the runtime whether it can run Spark…"));
    m_workers->setObjectName(u"workersSpin"_s);
    m_workers->setRange(0, 64);
    m_workers->setValue(2);
    m_workersHint->setObjectName(u"workersHint"_s);
    m_type->setObjectName(u"instanceTypeCombo"_s);
    m_type->setPlaceholderText(tr("Loading instance types from the runtime…"));
    m_typeHint->setObjectName(u"typeHint"_s);
    m_typeHint->setWordWrap(true);
    m_onDemand->setObjectName(u"onDemandRadio"_s);
    m_spot->setObjectName(u"spotRadio"_s);
    m_onDemand->setChecked(true);
    auto *market = new QButtonGroup(this);
    market->addButton(m_onDemand);
    market->addButton(m_spot);
    m_idleMinutes->setObjectName(u"idleSpin"_s);
    m_idleMinutes->setRange(0, 7 * 24 * 60 + 60); // past 7 days on purpose: validate() names the limit
    m_idleMinutes->setSpecialValueText(tr("Never (0)"));
    m_idleMinutes->setSuffix(tr(" min idle"));
    m_protection->setObjectName(u"protectionCheck"_s);
    m_tags->setObjectName(u"tagsEdit"_s);
    m_tags->setPlaceholderText(tr("One tag per line, key=value\nteam=data-platform\ncost-center=1234"));
    m_tags->setFixedHeight(m_tags->fontMetrics().height() * 5);
    m_tags->setTabChangesFocus(true);
    m_scalingMode->setObjectName(u"scalingModeCombo"_s);
    m_scalingMode->addItem(tr("Manual: keep the workers asked for"), u"manual"_s);
    m_scalingMode->addItem(tr("Managed: scale between a minimum and a maximum"), u"managed"_s);
    const ScalingPolicy defaults;
    for (auto [spin, name, value, suffix] :
         {std::tuple{m_minWorkers, "minWorkersSpin", 1, ""}, std::tuple{m_maxWorkers, "maxWorkersSpin", 3, ""},
          std::tuple{m_outCooldown, "scaleOutCooldownSpin", defaults.scaleOutCooldownSeconds, " s"},
          std::tuple{m_inCooldown, "scaleInCooldownSpin", defaults.scaleInCooldownSeconds, " s"},
          std::tuple{m_maxStep, "maxStepSpin", defaults.maxStep, ""}}) {
        spin->setObjectName(QLatin1StringView(name));
        // Wider than allowed on purpose: validate() names the limit rather than the spin box clamping silently.
        spin->setRange(-1, ScalingPolicy::kMaxCooldownSeconds + 1);
        spin->setValue(value);
        if (*suffix)
            spin->setSuffix(tr(" s"));
    }
    m_signal->setObjectName(u"signalCombo"_s);
    m_signal->addItem(tr("Scheduler's adaptive target"), toString(ScalingSignal::AdaptiveTarget));
    m_signal->addItem(tr("Pending tasks per thread (out > 2, in < 0.5)"), toString(ScalingSignal::PendingTasks));
    m_signal->addItem(tr("Memory pressure (out > 75%, in < 30%)"), toString(ScalingSignal::MemoryPressure));
    m_message->setObjectName(u"formMessage"_s);
    m_message->setWordWrap(true);
    using presentation::Tone;
    m_message->setStyleSheet(
        u"QLabel { color: %1; background: %2; border: 1px solid %3;"
        " border-radius: 4px; padding: 6px; }"_s.arg(presentation::tone(Tone::Danger).name(),
                                                     presentation::tone(Tone::DangerSurface).name(),
                                                     presentation::tone(Tone::DangerBorder).name()));
    m_message->hide();
    m_launch->setObjectName(u"launchButton"_s);
    m_launch->setDefault(true);
    m_cancel->setObjectName(u"cancelButton"_s);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Launch a cluster"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    // One row of a form: the widget, an optional hint, and the error label validation fills (found by field name).
    auto addFieldTo = [&](QFormLayout *target, const QString &field, const QString &label, QWidget *widget,
                          QWidget *hint = nullptr) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(widget);
        if (hint)
            column->addWidget(hint);
        auto *error = new QLabel(this);
        error->setObjectName(u"error_"_s + field);
        error->setStyleSheet(errorStyle());
        error->setWordWrap(true);
        error->hide();
        column->addWidget(error);
        m_errorLabels.insert(field, error);
        m_fieldWidgets.insert(field, widget);
        // addRow(QString, QLayout*) would show the '&' literally: a label with a buddy gives the shortcut.
        auto *labelWidget = new QLabel(label, this);
        labelWidget->setBuddy(widget);
        target->addRow(labelWidget, column);
    };
    auto addField = [&](const QString &field, const QString &label, QWidget *widget, QWidget *hint = nullptr) {
        addFieldTo(form, field, label, widget, hint);
    };
    addField(u"name"_s, tr("&Name"), m_name);
    addField(u"engine"_s, tr("&Engine"), m_engine, m_engineHint);
    addField(u"workers"_s, tr("&Workers (executors)"), m_workers, m_workersHint);
    addField(u"instanceType"_s, tr("&Instance type"), m_type, m_typeHint);
    auto *marketBox = new QWidget(this);
    auto *marketRow = new QHBoxLayout(marketBox);
    marketRow->setContentsMargins(0, 0, 0, 0);
    marketRow->addWidget(m_onDemand);
    marketRow->addWidget(m_spot);
    marketRow->addStretch();
    addField(u"market"_s, tr("Market"), marketBox);
    addField(u"idleTimeoutSeconds"_s, tr("Idle &auto-termination"), m_idleMinutes);
    addField(u"terminationProtection"_s, tr("Protection"), m_protection);
    addField(u"tags"_s, tr("&Tags"), m_tags);
    addField(u"scaling.mode"_s, tr("&Scaling"), m_scalingMode);
    auto *policyForm = new QFormLayout(m_policyBox);
    policyForm->setContentsMargins(0, 0, 0, 0);
    auto addPolicyField = [&](const QString &field, const QString &label, QWidget *widget) {
        addFieldTo(policyForm, field, label, widget);
    };
    addPolicyField(u"scaling.minWorkers"_s, tr("&Minimum workers"), m_minWorkers);
    addPolicyField(u"scaling.maxWorkers"_s, tr("Ma&ximum workers"), m_maxWorkers);
    addPolicyField(u"scaling.scaleOutCooldownSeconds"_s, tr("Scale-&out cooldown"), m_outCooldown);
    addPolicyField(u"scaling.scaleInCooldownSeconds"_s, tr("Scale-in coo&ldown"), m_inCooldown);
    addPolicyField(u"scaling.maxStep"_s, tr("Largest step"), m_maxStep);
    addPolicyField(u"scaling.signal"_s, tr("Si&gnal"), m_signal);
    form->addRow(QString(), m_policyBox);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_launch);

    auto *inner = new QWidget(this);
    inner->setMaximumWidth(760);
    auto *column = new QVBoxLayout(inner);
    column->addWidget(m_title);
    auto *intro = new QLabel(tr("A cluster is one Dask scheduler or Spark master and its workers (executors) on the "
                                "runtime's machine. Problems are shown under each field before anything is sent."),
                             this);
    intro->setWordWrap(true);
    column->addWidget(intro);
    column->addSpacing(8);
    column->addLayout(form);
    column->addWidget(m_message);
    column->addLayout(buttons);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->addWidget(inner);
    outer->addStretch();

    connect(m_name, &QLineEdit::textEdited, this, [this] { touch(u"name"_s); });
    connect(m_workers, &QSpinBox::valueChanged, this, [this] {
        touch(u"workers"_s);
        updateTypeHint();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        updateTypeHint();
        touch(u"instanceType"_s);
    });
    connect(m_engine, &QComboBox::currentIndexChanged, this, [this] { touch(u"engine"_s); });
    connect(m_idleMinutes, &QSpinBox::valueChanged, this, [this] { touch(u"idleTimeoutSeconds"_s); });
    connect(m_tags, &QPlainTextEdit::textChanged, this, [this] { touch(u"tags"_s); });
    connect(m_scalingMode, &QComboBox::currentIndexChanged, this, [this] {
        updatePolicyEnabled();
        touch(u"scaling.mode"_s);
    });
    for (auto [spin, field] : {std::pair{m_minWorkers, "scaling.minWorkers"}, std::pair{m_maxWorkers, "scaling.maxWorkers"},
                               std::pair{m_outCooldown, "scaling.scaleOutCooldownSeconds"},
                               std::pair{m_inCooldown, "scaling.scaleInCooldownSeconds"},
                               std::pair{m_maxStep, "scaling.maxStep"}}) {
        const QString name = QLatin1StringView(field);
        connect(spin, &QSpinBox::valueChanged, this, [this, name] {
            touch(name);
            if (name == "scaling.minWorkers"_L1 || name == "scaling.maxWorkers"_L1)
                touch(u"workers"_s); // the workers must lie between them
        });
    }
    connect(m_launch, &QPushButton::clicked, this, &LaunchForm::onLaunch);
    connect(m_name, &QLineEdit::returnPressed, this, &LaunchForm::onLaunch);
    connect(m_cancel, &QPushButton::clicked, this, &LaunchForm::cancelled);
    updateTypeHint();
    updatePolicyEnabled();
    updateEngineHint();
}

void LaunchForm::setEngines(const QList<EngineAvailability> &engines)
{
    m_engineMissing.clear();
    for (const EngineKind kind : {EngineKind::Dask, EngineKind::Spark})
        m_engineMissing.insert(kind, tr("This runtime does not run %1").arg(toString(kind)));
    for (const EngineAvailability &e : engines)
        m_engineMissing.insert(e.engine, e.available ? QString() : e.reason);
    updateEngineHint();
}

bool LaunchForm::engineOffered(EngineKind kind) const
{
    return m_engineMissing.value(kind).isEmpty();
}

void LaunchForm::selectEngine(EngineKind kind)
{
    const int index = m_engine->findData(toString(kind));
    if (index >= 0 && engineOffered(kind))
        m_engine->setCurrentIndex(index);
}

void LaunchForm::updateEngineHint()
{
    auto *model = qobject_cast<QStandardItemModel *>(m_engine->model());
    QStringList why;
    for (int i = 0; i < m_engine->count(); ++i) {
        const auto kind = engineKindFromString(m_engine->itemData(i).toString()).value_or(EngineKind::Dask);
        const QString missing = m_engineMissing.value(kind);
        if (QStandardItem *item = model ? model->item(i) : nullptr)
            item->setEnabled(missing.isEmpty()); // listed but not selectable: the reason says what to do
        m_engine->setItemData(i, missing.isEmpty() ? QVariant() : QVariant(missing), Qt::ToolTipRole);
        if (!missing.isEmpty())
            why.append(kind == EngineKind::Spark ? tr("Spark is not available: %1").arg(missing)
                                                 : tr("Dask is not available: %1").arg(missing));
    }
    // A selection that became unavailable falls back to the first engine that is offered.
    const auto current = engineKindFromString(m_engine->currentData().toString()).value_or(EngineKind::Dask);
    if (!engineOffered(current))
        for (int i = 0; i < m_engine->count(); ++i)
            if (engineOffered(engineKindFromString(m_engine->itemData(i).toString()).value_or(EngineKind::Dask))) {
                m_engine->setCurrentIndex(i);
                break;
            }
    m_engineHint->setText(why.join(u'\n'));
    m_engineHint->setVisible(!why.isEmpty());
}

void LaunchForm::updatePolicyEnabled()
{
    const bool managed = m_scalingMode->currentData().toString() == "managed"_L1;
    m_policyBox->setVisible(managed);
    m_workers->setToolTip(managed ? tr("Workers to start with: the policy moves them between its minimum and maximum")
                                  : QString());
}

void LaunchForm::setRuntimeName(const QString &name)
{
    m_title->setText(tr("Launch a cluster on %1").arg(name));
}

void LaunchForm::setInstanceTypes(const QList<InstanceType> &types, const QString &defaultType)
{
    const QString current = m_type->currentData().toString();
    m_types = types;
    m_defaultType = defaultType;
    const QSignalBlocker blocker(m_type);
    m_type->clear();
    for (const InstanceType &t : types) {
        m_type->addItem(tr("%1: %n thread(s), %2 per worker (like %3)", nullptr, t.threads)
                            .arg(t.name, presentation::formatBytes(t.memoryLimitBytes), t.referenceType),
                        t.name);
        m_type->setItemData(m_type->count() - 1, t.description, Qt::ToolTipRole);
    }
    int index = m_type->findData(current.isEmpty() ? defaultType : current);
    m_type->setCurrentIndex(index >= 0 ? index : 0);
    updateTypeHint();
    revalidate();
}

void LaunchForm::updateTypeHint()
{
    const QString name = m_type->currentData().toString();
    for (const InstanceType &t : m_types) {
        if (t.name != name)
            continue;
        m_typeHint->setText(
            tr("%1 · at most %n worker(s) of this type fit in the runtime's memory", nullptr, t.maxWorkers)
                .arg(t.description));
        const int n = m_workers->value();
        m_workersHint->setText(tr("In total: %1, %2 of memory")
                                   .arg(tr("%n thread(s)", nullptr, n * t.threads),
                                        presentation::formatBytes(qint64(n) * t.memoryLimitBytes)));
        return;
    }
    m_typeHint->setText(m_types.isEmpty() ? tr("Waiting for the runtime's instance types…") : QString());
    m_workersHint->clear();
}

QMap<QString, QString> LaunchForm::parsedTags() const
{
    QMap<QString, QString> tags;
    const QStringList lines = m_tags->toPlainText().split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        const qsizetype eq = line.indexOf(u'=');
        if (line.isEmpty() || eq < 0)
            continue;
        tags.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return tags;
}

QList<FieldError> LaunchForm::tagLineErrors() const
{
    QList<FieldError> errors;
    const QStringList lines = m_tags->toPlainText().split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (!line.isEmpty() && !line.contains(u'='))
            errors.append({u"tags"_s, tr("Line %1, '%2', is not key=value.").arg(i + 1).arg(line.left(40))});
    }
    return errors;
}

ClusterSpec LaunchForm::spec() const
{
    ClusterSpec s;
    s.name = m_name->text().trimmed();
    s.engine = engineKindFromString(m_engine->currentData().toString()).value_or(EngineKind::Dask);
    s.workers = m_workers->value();
    s.instanceType = m_type->currentData().toString();
    s.market = m_spot->isChecked() ? Market::Spot : Market::OnDemand;
    s.idleTimeoutSeconds = qint64(m_idleMinutes->value()) * 60;
    s.terminationProtection = m_protection->isChecked();
    s.tags = parsedTags();
    if (m_scalingMode->currentData().toString() == "managed"_L1) {
        s.scaling.mode = ScalingMode::Managed;
        s.scaling.minWorkers = m_minWorkers->value();
        s.scaling.maxWorkers = m_maxWorkers->value();
        s.scaling.scaleOutCooldownSeconds = m_outCooldown->value();
        s.scaling.scaleInCooldownSeconds = m_inCooldown->value();
        s.scaling.maxStep = m_maxStep->value();
        s.scaling.signal = scalingSignalFromString(m_signal->currentData().toString()).value_or(ScalingSignal::AdaptiveTarget);
    }
    return s;
}

QList<FieldError> LaunchForm::validateAll()
{
    const ClusterSpec s = spec();
    QList<FieldError> errors;
    if (m_types.isEmpty()) {
        errors = ClusterSpec::validateName(s.name);
        errors.append({u"instanceType"_s, tr("No instance types yet: the runtime has not answered.")});
    } else {
        // The catalog as the runtime sent it; maxWorkers is the runtime's (its machine's memory), not ours.
        QJsonArray profiles;
        for (const InstanceType &t : m_types)
            profiles.append(t.toJson());
        QString ignored;
        const auto catalog = InstanceCatalog::fromJson(
            QJsonDocument(QJsonObject{{u"default"_s, m_defaultType}, {u"profiles"_s, profiles}}).toJson(), &ignored);
        if (catalog)
            errors = s.validate(*catalog);
        errors.removeIf([](const FieldError &e) { return e.field == "workers"_L1; });
        const InstanceType *type = nullptr;
        for (const InstanceType &t : m_types)
            if (t.name == s.instanceType)
                type = &t;
        const int maxWorkers = type ? type->maxWorkers : 1;
        if (s.workers < 1 || s.workers > maxWorkers)
            errors.append({u"workers"_s, tr("Workers must be between 1 and %1 for %2 (the runtime's memory).")
                                             .arg(maxWorkers)
                                             .arg(s.instanceType)});
        else if (s.scaling.managed() && (s.workers < s.scaling.minWorkers || s.workers > s.scaling.maxWorkers))
            errors.append({u"workers"_s, tr("Workers to start with (%1) must lie between the minimum (%2) and the "
                                            "maximum (%3).")
                                             .arg(s.workers)
                                             .arg(s.scaling.minWorkers)
                                             .arg(s.scaling.maxWorkers)});
    }
    errors += tagLineErrors();
    showErrors(errors);
    return errors;
}

void LaunchForm::showErrors(const QList<FieldError> &errors, const QMap<QString, QString> &runtimeFields)
{
    QHash<QString, QStringList> byField;
    for (const FieldError &e : errors)
        if (m_showAll || m_touched.contains(e.field))
            byField[e.field].append(e.message);
    for (auto it = runtimeFields.cbegin(); it != runtimeFields.cend(); ++it)
        byField[it.key()].append(it.value());
    QStringList unplaced;
    for (auto it = byField.cbegin(); it != byField.cend(); ++it)
        if (!m_errorLabels.contains(it.key()))
            unplaced.append(it.key() + u": "_s + it.value().join(u' '));
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QStringList messages = byField.value(it.key());
        it.value()->setText(messages.isEmpty() ? QString() : u"⚠ "_s + messages.join(u"\n⚠ "_s));
        it.value()->setVisible(!messages.isEmpty());
        QWidget *w = m_fieldWidgets.value(it.key());
        if (w && w->property("badField").toBool() != !messages.isEmpty()) {
            w->setProperty("badField", !messages.isEmpty());
            w->style()->unpolish(w);
            w->style()->polish(w);
        }
    }
    if (!unplaced.isEmpty()) {
        m_message->setText(m_message->text() + u'\n' + unplaced.join(u'\n'));
        m_message->show();
    }
}

QString LaunchForm::fieldError(const QString &field) const
{
    QLabel *l = m_errorLabels.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

QString LaunchForm::formMessage() const
{
    return m_message->text();
}

void LaunchForm::touch(const QString &field)
{
    m_touched.insert(field);
    revalidate();
}

void LaunchForm::revalidate()
{
    if (m_message->isVisible() && !m_busy) {
        m_message->clear(); // a refusal is about what was sent; an edit makes it old news
        m_message->hide();
    }
    validateAll();
}

void LaunchForm::onLaunch()
{
    if (m_busy)
        return;
    m_showAll = true;
    m_message->clear();
    m_message->hide();
    const QList<FieldError> errors = validateAll();
    if (!errors.isEmpty()) {
        if (QWidget *w = m_fieldWidgets.value(errors.first().field))
            w->setFocus();
        return;
    }
    Q_EMIT launchRequested(spec());
}

void LaunchForm::showRefusal(const QString &message, const QMap<QString, QString> &fields)
{
    setBusy(false);
    m_message->setText(tr("The runtime refused the cluster: %1").arg(message));
    m_message->show();
    m_showAll = true;
    QList<FieldError> none;
    showErrors(none, fields);
}

void LaunchForm::setBusy(bool busy)
{
    m_busy = busy;
    m_launch->setEnabled(!busy);
    m_launch->setText(busy ? tr("Launching…") : tr("Launch cluster"));
}

void LaunchForm::reset()
{
    setBusy(false);
    m_touched.clear();
    m_showAll = false;
    m_name->clear();
    m_workers->setValue(2);
    m_idleMinutes->setValue(0);
    m_protection->setChecked(false);
    m_onDemand->setChecked(true);
    m_engine->setCurrentIndex(0);
    updateEngineHint();
    m_tags->clear();
    m_scalingMode->setCurrentIndex(0);
    m_minWorkers->setValue(1);
    m_maxWorkers->setValue(3);
    m_outCooldown->setValue(ScalingPolicy{}.scaleOutCooldownSeconds);
    m_inCooldown->setValue(ScalingPolicy{}.scaleInCooldownSeconds);
    m_maxStep->setValue(ScalingPolicy{}.maxStep);
    m_signal->setCurrentIndex(0);
    m_touched.clear();
    m_message->clear();
    m_message->hide();
    validateAll();
}

void LaunchForm::prefillPolicy(int minWorkers, int maxWorkers, int outCooldownS, int inCooldownS)
{
    m_scalingMode->setCurrentIndex(m_scalingMode->findData(u"managed"_s));
    m_minWorkers->setValue(minWorkers);
    m_maxWorkers->setValue(maxWorkers);
    m_outCooldown->setValue(outCooldownS);
    m_inCooldown->setValue(inCooldownS);
    for (const char *field : {"scaling.minWorkers", "scaling.maxWorkers", "scaling.scaleOutCooldownSeconds",
                              "scaling.scaleInCooldownSeconds"})
        m_touched.insert(QLatin1StringView(field));
    revalidate();
}

void LaunchForm::prefill(const QString &name, int workers)
{
    m_name->setText(name);
    if (workers > 0)
        m_workers->setValue(workers);
    m_touched.insert(u"name"_s);
    m_touched.insert(u"workers"_s);
    revalidate();
}

} // namespace cdeck
