// The sign-up form's checks, run in the browser before anything is sent. They mirror the server's rules
// (AccountRules and the Identity password options), which still decide: a value these pass can be refused there.
import { t } from '../strings';

export interface SignUpValues { displayName: string; email: string; password: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors by field name; empty when the values look fine. */
export function signUpProblems(v: SignUpValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = v.displayName.trim();
  if (name.length < 1 || name.length > 100) errors.displayName = t.signUpChecks.name;
  const email = v.email.trim();
  if (!email) errors.email = t.signUpChecks.email;
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = t.signUpChecks.emailShape;
  if (v.password.length < 10) errors.password = t.signUpChecks.passwordShort;
  else if (v.password.length > 256) errors.password = t.signUpChecks.passwordLong;
  else if (new Set(v.password).size < 4) errors.password = t.signUpChecks.passwordVaried;
  return errors;
}
