import { useState } from 'react';
import type { components } from '@trackstack/api';
import { Button, Card, Notice, useFormat, useSubmit, type AsyncState } from '@trackstack/ui';
import type { HeatingApi } from '../api';
import { unitWord } from '../logic';
import { RowEditor } from './RowEditor';

/** The latest refills (or meter readings), each editable in place. */
export function RefillsCard({ api, refills, unit, onChanged }: {
  api: HeatingApi; refills: AsyncState<components['schemas']['PagedResponseOfRefillResponse']>; unit: string; onChanged: (m?: string) => void;
}) {
  const f = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useSubmit([], { fallback: 'Could not delete it.' });
  const items = refills.data?.items ?? [];
  return (
    <Card title="Refills" busy={refills.status === 'loading'}>
      {remove.formError ? <Notice kind="error"><p>{remove.formError}</p></Notice> : null}
      <ul className="list">
        {items.map((r) => {
          const day = f.date(r.date + 'T12:00:00Z');
          const isReading = r.quantity === null;
          return editing === r.id ? (
            <li key={r.id} className="edit-row">
              <RowEditor kind={isReading ? 'reading' : 'refill'} date={r.date} quantity={r.quantity ?? r.meterReading} unitLabel={unitWord(unit, 2)} onCancel={() => setEditing(null)}
                onSave={async (v) => {
                  await api.updateRefill(r.id, { id: r.id, date: v.date, quantity: isReading ? null : v.quantity, meterReading: isReading ? v.quantity : null, note: r.note });
                  setEditing(null);
                  onChanged('Refill saved.');
                }} />
            </li>
          ) : (
            <li key={r.id} data-refill={r.id}>
              <span className="grow"><span className="title">{r.quantity !== null ? `${f.number(r.quantity)} ${unitWord(unit, r.quantity)}` : `reading ${f.number(r.meterReading ?? 0)}`}</span><span className="sub">{day}</span></span>
              <Button variant="ghost" aria-label={`Edit the refill of ${day}`} onClick={() => setEditing(r.id)}>Edit</Button>
              <Button variant="ghost" aria-label={`Delete the refill of ${day}`} busy={remove.busyWith === r.id}
                onClick={() => { if (confirm('Delete this refill?')) void remove.run(async () => { await api.deleteRefill(r.id); onChanged('Refill deleted.'); }, r.id); }}>✕</Button>
            </li>
          );
        })}
      </ul>
      {refills.status === 'ready' && !items.length ? <p className="muted">No refills yet.</p> : null}
    </Card>
  );
}
