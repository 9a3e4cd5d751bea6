import { SelectField, TextField } from '@trackstack/ui';
import type { ImportOptions } from './importForm';
import { t } from '../strings';

/** How to read a CSV statement, folded away: detection usually gets it right. */
export function CsvOptions({ options, errors, onChange }: { options: ImportOptions; errors: Record<string, string>; onChange: (o: ImportOptions) => void }) {
  const text = (k: keyof ImportOptions) => (e: { target: { value: string } }) => onChange({ ...options, [k]: e.target.value });
  const check = (k: 'expensesArePositive' | 'includeCredits') => (e: { target: { checked: boolean } }) => onChange({ ...options, [k]: e.target.checked });
  return (
    <details className="more">
      <summary>{t.csvOptions.csvOptionsOnly}</summary>
      <div className="filters">
        <SelectField label={t.csvOptions.delimiter} name="delimiter" value={options.delimiter} onChange={text('delimiter')} error={errors.delimiter}
          options={[{ value: '', label: t.csvOptions.detect }, { value: ';', label: t.csvOptions.semicolon }, { value: ',', label: t.csvOptions.comma }, { value: '\t', label: t.csvOptions.tab }, { value: '|', label: t.csvOptions.pipe }]} />
        <SelectField label={t.csvOptions.decimalSeparator} name="decimalSeparator" value={options.decimalSeparator} onChange={text('decimalSeparator')} error={errors.decimalSeparator}
          options={[{ value: '', label: t.csvOptions.detect }, { value: '.', label: t.csvOptions.point150 }, { value: ',', label: t.csvOptions.comma150 }]} />
        <SelectField label={t.csvOptions.encoding} name="encoding" value={options.encoding} onChange={text('encoding')} error={errors.encoding}
          options={[{ value: '', label: t.csvOptions.detect }, { value: 'utf-8', label: 'UTF-8' }, { value: 'windows-1252', label: 'Windows-1252 / Latin-1' }]} />
        <TextField label={t.csvOptions.dateFormat} name="dateFormat" placeholder={t.csvOptions.ddMmYyyy} value={options.dateFormat} onChange={text('dateFormat')} error={errors.dateFormat} />
        <TextField label={t.csvOptions.linesSkip} name="skipLines" inputMode="numeric" value={options.skipLines} onChange={text('skipLines')} error={errors.skipLines} />
        <TextField label={t.csvOptions.dateColumn} name="dateColumn" value={options.dateColumn} onChange={text('dateColumn')} error={errors.dateColumn} hint={t.csvOptions.headerName0} />
        <TextField label={t.csvOptions.amountColumn} name="amountColumn" value={options.amountColumn} onChange={text('amountColumn')} error={errors.amountColumn} />
        <TextField label={t.csvOptions.moneyOutColumn} name="debitColumn" value={options.debitColumn} onChange={text('debitColumn')} error={errors.debitColumn} />
        <TextField label={t.csvOptions.moneyColumn} name="creditColumn" value={options.creditColumn} onChange={text('creditColumn')} error={errors.creditColumn} />
        <TextField label={t.csvOptions.payeeColumn} name="payeeColumn" value={options.payeeColumn} onChange={text('payeeColumn')} error={errors.payeeColumn} />
        <TextField label={t.csvOptions.memoColumn} name="memoColumn" value={options.memoColumn} onChange={text('memoColumn')} error={errors.memoColumn} />
      </div>
      <label className="check"><input type="checkbox" name="expensesArePositive" checked={options.expensesArePositive} onChange={check('expensesArePositive')} />{t.csvOptions.moneyOutWritten}</label>
      <label className="check"><input type="checkbox" name="includeCredits" checked={options.includeCredits} onChange={check('includeCredits')} />{t.csvOptions.alsoImportMoney}</label>
    </details>
  );
}
