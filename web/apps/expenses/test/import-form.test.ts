import { describe, expect, it } from 'vitest';
import { importForm } from '../src/import/importForm';

describe('bank import form', () => {
  it('sends the file and only the options that were set', () => {
    const form = importForm(new Blob(['a;b']), 'x.csv', {
      delimiter: ';', decimalSeparator: ',', encoding: '', dateFormat: ' dd.MM.yyyy ', skipLines: '', dateColumn: '', amountColumn: '',
      debitColumn: '', creditColumn: '', payeeColumn: 'Empfänger', memoColumn: '', expensesArePositive: true, includeCredits: false,
    }, true);
    const keys = [...form.keys()];
    expect(keys).toEqual(['file', 'delimiter', 'decimalSeparator', 'dateFormat', 'payeeColumn', 'expensesArePositive', 'dryRun']);
    expect(form.get('dateFormat')).toBe('dd.MM.yyyy');
    expect((form.get('file') as File).name).toBe('x.csv');
  });
  it('commits without dryRun', () => {
    const empty = { delimiter: '', decimalSeparator: '', encoding: '', dateFormat: '', skipLines: '', dateColumn: '', amountColumn: '', debitColumn: '', creditColumn: '', payeeColumn: '', memoColumn: '', expensesArePositive: false, includeCredits: true };
    expect([...importForm(new Blob(['x']), 'a.ofx', empty, false).keys()]).toEqual(['file', 'includeCredits']);
  });
  it('carries the preview edits as one JSON decisions field, and none when nothing was changed', () => {
    const empty = { delimiter: '', decimalSeparator: '', encoding: '', dateFormat: '', skipLines: '', dateColumn: '', amountColumn: '', debitColumn: '', creditColumn: '', payeeColumn: '', memoColumn: '', expensesArePositive: false, includeCredits: false };
    const form = importForm(new Blob(['x']), 'a.csv', empty, false, [{ line: 3, action: 'skip' }]);
    expect(JSON.parse(form.get('decisions') as string)).toEqual([{ line: 3, action: 'skip' }]);
    expect(importForm(new Blob(['x']), 'a.csv', empty, false, []).has('decisions')).toBe(false);
  });
});
