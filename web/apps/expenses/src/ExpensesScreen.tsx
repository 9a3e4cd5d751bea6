import { useState } from 'react';
import type { ModuleContext } from '@trackstack/api';
import { Card, ModuleScreen, canChangeSettings, ModuleScreenSkeleton, Skeleton, monthKey, useModuleApi } from '@trackstack/ui';
import { expensesApi } from './api';
import { MonthSheet } from './month/MonthSheet';
import { SheetSkeleton } from './month/WhatIsLeftCard';
import { AddEntryCard } from './entries/AddEntryCard';
import { EntriesPanel } from './entries/EntriesPanel';
import { ImportPanel } from './import/ImportPanel';
import { SettingsPanel } from './settings/SettingsPanel';
import { t } from './strings';

const TABS = [
  { id: 'month', label: t.expensesScreen.month },
  { id: 'add', label: t.expensesScreen.add },
  { id: 'entries', label: t.expensesScreen.entries },
  { id: 'import', label: t.expensesScreen.import },
  { id: 'settings', label: t.expensesScreen.settings },
] as const;

/** The Expenses screen: month sheet, add, entries, bank import and settings, one tab at a time (#month, #add, ...). */
export function ExpensesScreen({ context }: { context: ModuleContext }) {
  const api = useModuleApi(context, expensesApi);
  // /expenses?month=2026-11 opens that month (the "needs attention" list links to a closed month this way).
  const [month, setMonth] = useState(() => monthFromUrl() ?? monthKey(context.now?.() ?? new Date(), context.household.timeZone));
  return (
    <ModuleScreen context={context} title={t.expensesScreen.expenses} tabs={TABS} probe={api.settings}>
      {({ tab, setTab, probe, version, changed }) => {
        const settings = probe.data ?? null;
        switch (tab) {
          case 'month':
            return <MonthSheet api={api} month={month} setMonth={setMonth} version={version} onChanged={changed} onAdd={() => setTab('add')} />;
          case 'add':
            return <AddEntryCard api={api} settings={settings} onDone={(m) => { changed(m); setTab('month'); }} />;
          case 'entries':
            return <EntriesPanel api={api} settings={settings} month={month} version={version} onChanged={changed} />;
          case 'import':
            return <ImportPanel api={api} month={month} settings={settings} onChanged={changed} />;
          case 'settings':
            return <SettingsPanel api={api} settings={settings} settingsState={probe.status} onChanged={changed} readOnly={!canChangeSettings(context.household.role)} />;
        }
      }}
    </ModuleScreen>
  );
}

/** The screen while the session loads (also the page's static HTML): the same boxes as the month sheet. */
export function ExpensesScreenSkeleton() {
  return (
    <ModuleScreenSkeleton title={t.expensesScreen.expenses} tabs={TABS}>
      <div className="month-nav"><span className="btn btn-secondary" aria-hidden="true">‹</span><span className="month-label"><Skeleton width="8rem" /></span><span className="btn btn-secondary" aria-hidden="true">›</span></div>
      <Card title={t.expensesScreen.whatLeft} className="sheet" busy data-state="loading"><SheetSkeleton /></Card>
    </ModuleScreenSkeleton>
  );
}

function monthFromUrl(): string | null {
  const month = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('month');
  return month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null;
}
