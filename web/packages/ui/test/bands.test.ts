import { describe, expect, it } from 'vitest';
import { bandFor, barWidth, fractionLeft } from '../src/bands';

describe('colour bands', () => {
  it('are green above 20 % left, yellow from 5 to 20 %, red below 5 % or over', () => {
    expect(bandFor(1000, 1000)).toBe('green');
    expect(bandFor(201, 1000)).toBe('green');
    expect(bandFor(200, 1000)).toBe('yellow');
    expect(bandFor(50, 1000)).toBe('yellow');
    expect(bandFor(49.99, 1000)).toBe('red');
    expect(bandFor(0, 1000)).toBe('red');
    expect(bandFor(-10, 1000)).toBe('red');
  });

  it('have no colour without a budget, except when money went out anyway', () => {
    expect(bandFor(0, 0)).toBe('neutral');
    expect(bandFor(-5, 0)).toBe('red');
    expect(fractionLeft(5, 0)).toBeNull();
  });

  it('size the bar to what is left, between 0 and 100 %', () => {
    expect(barWidth(250, 1000)).toBe(25);
    expect(barWidth(-50, 1000)).toBe(0);
    expect(barWidth(1500, 1000)).toBe(100);
    expect(barWidth(1, 3)).toBe(33.3);
  });
});
