import { describe, expect, it } from 'vitest';
import { readValue, type ValueRule } from './value-rule.ts';
import { parseStatusWord } from './status-word.ts';

const MONEY: ValueRule = { valueDecimals: 3, nonNegative: true, maxValue: null };
const COUNT: ValueRule = { valueDecimals: 0, nonNegative: true, maxValue: null };
const CHANGE: ValueRule = { valueDecimals: 1, nonNegative: false, maxValue: 100 };

const ok = (input: string | number, rule: ValueRule) => readValue(input, rule);

describe('readValue: one number rule per indicator', () => {
  it.each([
    ['2.820.865', MONEY, 2820865],
    ['2.820.865,5', MONEY, 2820865.5],
    ['46,8', MONEY, 46.8],
    ['1234.5', MONEY, 1234.5],
    ['1 234', MONEY, 1234],
    ['0,125', MONEY, 0.125],
    ['1.5e3', MONEY, 1500],
    [' 12 ', COUNT, 12],
    ['45.600', COUNT, 45600],
    ['520.000', COUNT, 520000],
    ['1.450', COUNT, 1450],
    ['-3,5', CHANGE, -3.5],
    [0.1 + 0.2, CHANGE, 0.3],
    [0, COUNT, 0],
    ['0,000', COUNT, 0],
    ['0.0e5', COUNT, 0],
    ['1.000.000.000.000.000', { ...COUNT, maxValue: null }, 1e15],
  ])('%s reads as %s', (input, rule, value) => {
    expect(ok(input, rule)).toEqual({ value });
  });

  it.each([
    ['1,234', MONEY, 'AMBIGUOUS_NUMBER'],
    ['1.234', MONEY, 'AMBIGUOUS_NUMBER'],
    ['1,234', COUNT, 'AMBIGUOUS_NUMBER'],
    [1.234, COUNT, 'NOT_AN_INTEGER'],
    ['125,5', COUNT, 'NOT_AN_INTEGER'],
    ['0,1234', MONEY, 'TOO_MANY_DECIMALS'],
    ['1e-400', MONEY, 'TOO_MANY_DECIMALS'],
    ['123456789012345678901234567890', MONEY, 'TOO_MANY_DIGITS'],
    ['1e308', MONEY, 'OUT_OF_RANGE'],
    [1e308, MONEY, 'OUT_OF_RANGE'],
    ['1.000.000.000.000.001', COUNT, 'TOO_MANY_DIGITS'],
    ['2.000.000.000.000.000', COUNT, 'OUT_OF_RANGE'],
    ['150', CHANGE, 'OUT_OF_RANGE'],
    ['-5', MONEY, 'NEGATIVE_VALUE'],
    [Number.NaN, MONEY, 'NOT_A_NUMBER'],
    ['12abc', MONEY, 'NOT_A_NUMBER'],
    ['1,2,3', MONEY, 'NOT_A_NUMBER'],
    ['', MONEY, 'NOT_A_NUMBER'],
  ])('%s is refused as %s', (input, rule, code) => {
    const r = ok(input, rule);
    expect(r).toMatchObject({ error: code });
    expect('vi' in r && r.vi.length).toBeGreaterThan(3);
  });

  it('reads the Vietnamese way where the notation is known to be Vietnamese', () => {
    expect(readValue('15.000', MONEY, 'vi')).toEqual({ value: 15000 });
    expect(readValue('1,234', MONEY, 'vi')).toEqual({ value: 1.234 });
    expect(readValue('1234.5', MONEY, 'vi')).toEqual({ value: 1234.5 });
    expect(readValue('1,234', COUNT, 'vi')).toMatchObject({ error: 'NOT_AN_INTEGER' });
  });

  it('negative zero is zero', () => {
    expect(ok('-0', CHANGE)).toEqual({ value: 0 });
  });
});

describe('parseStatusWord: one reader of status words', () => {
  it.each([
    ['Chính thức', 'official'],
    ['chinh thuc', 'official'],
    ['CHÍNH  THỨC', 'official'],
    ['official', 'official'],
    ['Ước', 'estimate'],
    ['uoc tinh', 'estimate'],
    ['estimate', 'estimate'],
    ['', 'estimate'],
    [null, 'estimate'],
  ])('%s → %s', (word, status) => expect(parseStatusWord(word)).toBe(status));
  it.each(['xyz', 'final', 'chinh'])('%s is not a status', (word) =>
    expect(parseStatusWord(word)).toBeNull(),
  );
});
