// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

class QWidget;

// Formatting and export of the runtime's cost answers (GET /cost/summary, GET /clusters/{id}/cost). The
// runtime computes every amount exactly; these only round for display, never sum again.
namespace cdeck::costview {

// "$1,234.57" for USD, "1,234.57 EUR" otherwise; decimals for rates ("$0.240/h" uses 3).
QString formatMoney(double amount, const QString &currency, int decimals = 2);
QString formatRate(double perHour, const QString &currency); // "$0.240/h"

// The one rounding rule of the cost report pages (the executive summary and its PDF): half away from zero,
// to the cent, or to a hundredth of a cent (four decimals) where the largest amount shown together (one
// figure, one chart, one table) is under one unit, so small local bills do not all read "$0.00" and one
// chart never mixes "$0.009733" with "$0.004".
int moneyDecimals(double largestShownTogether);
QString roundingRuleText(); // the rule in a sentence, as the page and the PDF state it
// A money amount under the rule, among amounts whose largest is `largest`.
QString formatMoneyAmong(double amount, double largest, const QString &currency);

// What a month-end forecast ({"monthToDate", "running", "runningRatePerHour", "hoursLeft", "trend",
// "basisDays", ...}, see cost::Forecast) is based on, in one sentence for the page and the PDF.
QString forecastBasisText(const QJsonObject &forecast, const QString &currency);

// A top job's label: "etl_groupby · oncall-etl · 14:03" (its start, local time; with the day when not today),
// so two runs of one job on one cluster read apart.
QString topJobLabel(const QJsonObject &job);

// The executive summary as CSV (RFC 4180, one section per block, amounts unrounded to the cent: 2 decimals),
// for a spreadsheet: "section,key,name,amount,extra".
QString summaryCsv(const QJsonObject &summary);
// One cluster's ledger lines as CSV: instance,role,instanceType,market,start,end,seconds,billedSeconds,ratePerHour,cost.
QString clusterCostCsv(const QJsonObject &report);

// A PDF report of the summary fit to send to finance: period totals, spend by day and by tag (bars),
// top jobs, waste, budgets and the forecast, on A4 pages. False and *error when the file cannot be written.
bool writeSummaryPdf(const QJsonObject &summary, const QString &title, const QString &path, QString *error);

// Writes text as UTF-8 through QSaveFile, so a failed export never leaves half a file over an old one.
bool writeTextFile(const QString &path, const QString &text, QString *error);

// Where an export is first suggested: `name` in the folder of the last export (remembered in the settings),
// else the user's documents folder, never the process's working directory.
QString suggestedExportPath(const QString &name);
void rememberExportFolder(const QString &path);

// Asks where to save (a file dialog titled `title`, suggesting `suggestedName` per suggestedExportPath), then
// calls write(path, &error); a failure is shown in a warning box naming the file and the reason, a success in
// a message naming the file it wrote. Cancelling the dialog does nothing.
void exportThroughDialog(QWidget *parent, const QString &title, const QString &suggestedName, const QString &filter,
                         const std::function<bool(const QString &path, QString *error)> &write);

} // namespace cdeck::costview
