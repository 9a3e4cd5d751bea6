import { useState, type ReactNode } from 'react';
import { Button, Card, Notice, Skeleton } from '@trackstack/ui';
import type { ExpensesApi, Settings } from '../api';
import { useWide } from '../entries/useWide';
import { BudgetForm } from './BudgetForm';
import { CategoriesCard } from './CategoriesCard';
import { ChecklistCard } from './ChecklistCard';
import { RecurringCard } from './RecurringCard';
import { RulesCard } from './RulesCard';

const SECTIONS = [
  { id: 'budget', label: 'Budget and tanks' },
  { id: 'categories', label: 'Categories' },
  { id: 'checklist', label: 'Monthly checklist' },
  { id: 'recurring', label: 'Recurring entries' },
  { id: 'rules', label: 'Rules' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** The settings tab: income and tank ratios, categories, the monthly checklist, recurring entries and rules. On a
 * phone they follow each other; on a desktop a side navigation shows one section at a time. */
export function SettingsPanel({ api, settings, settingsState, onChanged, readOnly = false }: { api: ExpensesApi; settings: Settings | null; settingsState: string; onChanged: (m?: string) => void; readOnly?: boolean }) {
  const wide = useWide();
  const [section, setSection] = useState<SectionId>('budget');
  if (!settings) {
    return settingsState === 'error'
      ? <Notice kind="error"><p>Could not load the settings.</p></Notice>
      : <Card title="Budget" busy><Skeleton height="48px" /><Skeleton height="48px" /><Skeleton height="48px" /></Card>;
  }
  const cards: Record<SectionId, ReactNode> = {
    budget: <BudgetForm api={api} settings={settings} onChanged={onChanged} readOnly={readOnly} />,
    categories: <CategoriesCard api={api} settings={settings} onChanged={onChanged} readOnly={readOnly} />,
    checklist: <ChecklistCard api={api} settings={settings} onChanged={onChanged} />,
    recurring: <RecurringCard api={api} settings={settings} onChanged={onChanged} />,
    rules: <RulesCard api={api} settings={settings} onChanged={onChanged} />,
  };
  if (!wide) return <>{SECTIONS.map((s) => <div key={s.id} data-section={s.id}>{cards[s.id]}</div>)}</>;
  return (
    <div className="settings-layout wide">
      <nav aria-label="Settings sections">
        {SECTIONS.map((s) => (
          <Button key={s.id} variant="ghost" aria-current={section === s.id ? 'true' : undefined} onClick={() => setSection(s.id)}>{s.label}</Button>
        ))}
      </nav>
      <div data-section={section}>{cards[section]}</div>
    </div>
  );
}
