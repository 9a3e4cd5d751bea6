// Settings that only some roles may change: the others see the same form, read-only, and a line saying who can.
import type { ReactNode } from 'react';
import type { ModuleContext } from '@trackstack/api';
import { ui } from './strings';

type Role = ModuleContext['household']['role'];

/** Owners and admins change a module's settings; the server refuses the others (RequireHouseholdRole(Admin)). */
export const canChangeSettings = (role: Role | undefined) => role === 'owner' || role === 'admin';

export const READ_ONLY_NOTE = ui.readOnly.onlyOwnersAdmins;

/** Wraps a form's fields: disabled (every input, select and button inside) with the note on top when read-only. */
export function ReadOnlyFields({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  if (!readOnly) return <>{children}</>;
  return (
    <>
      <p className="muted read-only-note" data-read-only="true">{READ_ONLY_NOTE}</p>
      <fieldset className="read-only-fields" disabled>{children}</fieldset>
    </>
  );
}
