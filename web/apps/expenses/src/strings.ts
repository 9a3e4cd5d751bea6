// The Expenses month sheet's and home card's words (English). Figures come in already formatted in the household's
// locale; counts and ordinals use the UI language's rules (@trackstack/ui strings). See docs/translating.md.
import { ordinal, plural, units } from '@trackstack/ui';

export const en = {
  month: {
    nav: 'Month', previous: 'Previous month', next: 'Next month', loadFailed: 'Could not load the month.', retry: 'Try again',
  },
  sheet: {
    title: 'What is left', add: '+ Add',
    spentOf: (spent: string, income: string) => `spent ${spent} of ${income}`,
    noIncome: 'No income set for this month yet. Set it under Settings to see the tanks fill.',
  },
  tank: {
    of: (budget: string) => `of ${budget}`,
    /** Shown when refunds leave a tank with more than its budget. */
    refund: (refunds: string) => `more than budgeted: refunds of ${refunds}`,
  },
  comparison: {
    none: 'No earlier months to compare with yet.',
    more: 'more than', less: 'less than',
    /** "the previous 3 months" / "the previous month". */
    previous: (n: number) => (n === 1 ? 'the previous month' : `the previous ${n} ${plural(n, units.month)}`),
    soFarSame: (day: number, months: string, average: string) =>
      `So far this month (to the ${ordinal(day)}) you spent the same as the average of ${months} by the ${ordinal(day)} (${average}).`,
    soFarLead: (day: number) => `So far this month (to the ${ordinal(day)}) you spent`,
    soFarTail: (day: number, months: string, average: string) => `the average of ${months} by the ${ordinal(day)} (${average}).`,
    wholeSame: (months: string, average: string) => `You spent the same as the average of ${months} (${average}).`,
    wholeLead: 'You spent',
    wholeTail: (months: string, average: string) => `the average of ${months} (${average}).`,
  },
  income: {
    summary: "Change this month's income", label: 'Income this month', save: 'Save income', saved: 'Income for this month saved.',
    failed: 'Could not save it.', invalid: (example: string) => `Type the income as an amount, e.g. ${example}.`,
  },
  status: {
    open: 'open', closed: 'closed: no changes until it is reopened', notOpened: 'not opened yet (it opens with its first entry)',
    line: (words: string) => `This month is ${words}.`, reopen: 'Reopen month', close: 'Close month',
    reopened: 'Month reopened.', closedDone: 'Month closed.', failed: 'Could not change the month.',
  },
  pendingDelete: {
    /** A delete that went out after its undo time and was refused: the entries are still there. */
    failed: (n: number, reason: string) => `${n === 1 ? 'The entry was' : `${n} entries were`} not deleted: ${reason} ${n === 1 ? 'It is' : 'They are'} still there.`,
    fallback: 'Could not delete.',
  },
  home: {
    title: (month: string) => `Expenses · ${month}`, open: 'Open', openLabel: 'Open Expenses',
    leftOf: (income: string) => `left of ${income} this month`,
    toPay: (n: number) => ` · ${n} to pay`,
    noIncome: 'no income set for this month yet', setIt: 'set it',
    notSetUp: 'Expenses are not set up here yet. Budgets and what is left this month will show up here.',
    failed: 'Could not load the month.',
  },
};

export type ExpensesStrings = typeof en;

/** The strings in use: one language for now (add one by giving another object of this type, see docs/translating.md). */
export const t: ExpensesStrings = en;
