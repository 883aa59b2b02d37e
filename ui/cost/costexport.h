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

// Asks where to save (a file dialog titled `title`, suggesting `suggestedName`), then calls write(path, &error);
// a failure is shown in a warning box naming the file and the reason. Cancelling the dialog does nothing.
void exportThroughDialog(QWidget *parent, const QString &title, const QString &suggestedName, const QString &filter,
                         const std::function<bool(const QString &path, QString *error)> &write);

} // namespace cdeck::costview
