import { SelectField, TextField } from '@trackstack/ui';
import type { ImportOptions } from './importForm';

/** How to read a CSV statement, folded away: detection usually gets it right. */
export function CsvOptions({ options, errors, onChange }: { options: ImportOptions; errors: Record<string, string>; onChange: (o: ImportOptions) => void }) {
  const text = (k: keyof ImportOptions) => (e: { target: { value: string } }) => onChange({ ...options, [k]: e.target.value });
  const check = (k: 'expensesArePositive' | 'includeCredits') => (e: { target: { checked: boolean } }) => onChange({ ...options, [k]: e.target.checked });
  return (
    <details className="more">
      <summary>CSV options (only when the preview looks wrong)</summary>
      <div className="filters">
        <SelectField label="Delimiter" name="delimiter" value={options.delimiter} onChange={text('delimiter')} error={errors.delimiter}
          options={[{ value: '', label: 'Detect' }, { value: ';', label: 'Semicolon ;' }, { value: ',', label: 'Comma ,' }, { value: '\t', label: 'Tab' }, { value: '|', label: 'Pipe |' }]} />
        <SelectField label="Decimal separator" name="decimalSeparator" value={options.decimalSeparator} onChange={text('decimalSeparator')} error={errors.decimalSeparator}
          options={[{ value: '', label: 'Detect' }, { value: '.', label: 'Point 1.50' }, { value: ',', label: 'Comma 1,50' }]} />
        <SelectField label="Encoding" name="encoding" value={options.encoding} onChange={text('encoding')} error={errors.encoding}
          options={[{ value: '', label: 'Detect' }, { value: 'utf-8', label: 'UTF-8' }, { value: 'windows-1252', label: 'Windows-1252 / Latin-1' }]} />
        <TextField label="Date format" name="dateFormat" placeholder="dd.MM.yyyy" value={options.dateFormat} onChange={text('dateFormat')} error={errors.dateFormat} />
        <TextField label="Lines to skip" name="skipLines" inputMode="numeric" value={options.skipLines} onChange={text('skipLines')} error={errors.skipLines} />
        <TextField label="Date column" name="dateColumn" value={options.dateColumn} onChange={text('dateColumn')} error={errors.dateColumn} hint="Header name or 0-based number." />
        <TextField label="Amount column" name="amountColumn" value={options.amountColumn} onChange={text('amountColumn')} error={errors.amountColumn} />
        <TextField label="Money out column" name="debitColumn" value={options.debitColumn} onChange={text('debitColumn')} error={errors.debitColumn} />
        <TextField label="Money in column" name="creditColumn" value={options.creditColumn} onChange={text('creditColumn')} error={errors.creditColumn} />
        <TextField label="Payee column" name="payeeColumn" value={options.payeeColumn} onChange={text('payeeColumn')} error={errors.payeeColumn} />
        <TextField label="Memo column" name="memoColumn" value={options.memoColumn} onChange={text('memoColumn')} error={errors.memoColumn} />
      </div>
      <label className="check"><input type="checkbox" name="expensesArePositive" checked={options.expensesArePositive} onChange={check('expensesArePositive')} /> Money out is written as a positive number</label>
      <label className="check"><input type="checkbox" name="includeCredits" checked={options.includeCredits} onChange={check('includeCredits')} /> Also import money in (as refunds)</label>
    </details>
  );
}
