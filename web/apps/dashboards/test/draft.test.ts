import { describe, expect, it } from 'vitest';
import { move, newWidget, widgetBodies, widgetIndexOf } from '../src/edit/draft';

describe('the editor draft', () => {
  it('moves a widget up or down and leaves the list alone at either end', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('sends new widgets without an id and empty grouping and filters as none', () => {
    const w = newWidget('New', 'signups');
    const [body] = widgetBodies([{ ...w, query: { ...w.query, groupBy: '', where: [] } }]);
    expect(body).toEqual({ id: null, kind: 'line', title: 'New', width: 2, target: null,
      query: { metric: 'signups', agg: 'sum', bucket: 'day', range: 'last-30-days', groupBy: null, where: null, product: null } });
  });

  it('gives every new widget a key of its own', () => {
    expect(newWidget('a', 'm').key).not.toBe(newWidget('a', 'm').key);
  });

  it('reads which widget a server field error names', () => {
    expect(widgetIndexOf('widgets[2].query.metric')).toBe(2);
    expect(widgetIndexOf('Widgets[10].title')).toBe(10);
    expect(widgetIndexOf('name')).toBeNull();
  });
});
