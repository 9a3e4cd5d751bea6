import { describe, expect, it } from 'vitest';
import { guestList } from '../src/reports/ScheduleEditor';

describe('guestList', () => {
  it('splits the typed addresses on commas, semicolons, spaces and lines and drops the empty ones', () => {
    expect(guestList(' a@example.org, b@example.org;c@example.org\n d@example.org  ,, ')).toEqual(['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org']);
  });
  it('gives no address for an empty field', () => {
    expect(guestList('   ')).toEqual([]);
  });
});
