import { describe, expect, it } from 'vitest';
import { moduleOf } from '../src/islands/NeedsAttention';

describe('the screen a refused offline item links to', () => {
  it('is the month sheet on the item\'s own month for an expense, so a closed month can be reopened there', () => {
    expect(moduleOf('/api/households/h/expenses/entries', '2026-11')).toEqual({ name: 'Expenses', href: '/expenses?month=2026-11#month' });
    expect(moduleOf('/api/households/h/expenses/entries')).toEqual({ name: 'Expenses', href: '/expenses#month' });
    // Anything but yyyy-MM is not put into the link.
    expect(moduleOf('/api/households/h/expenses/entries', '2026-11"><x')?.href).toBe('/expenses#month');
  });

  it('is the module\'s page for other modules, and nothing for a URL outside a household', () => {
    expect(moduleOf('http://app.test/api/households/h/heating/purchases', '2026-11')).toEqual({ name: 'Heating', href: '/heating' });
    expect(moduleOf('/api/me')).toBeNull();
  });
});
