// The sign-up form's checks, run in the browser before anything is sent. They mirror the server's rules
// (AccountRules and the Identity password options), which still decide: a value these pass can be refused there.
export interface SignUpValues { displayName: string; email: string; password: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors by field name; empty when the values look fine. */
export function signUpProblems(v: SignUpValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = v.displayName.trim();
  if (name.length < 1 || name.length > 100) errors.displayName = 'Enter a name of 1 to 100 characters.';
  const email = v.email.trim();
  if (!email) errors.email = 'Enter your e-mail address.';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'Enter an e-mail address like name@example.org.';
  if (v.password.length < 10) errors.password = 'Too short: use at least 10 characters.';
  else if (v.password.length > 256) errors.password = 'Passwords must be at most 256 characters.';
  else if (new Set(v.password).size < 4) errors.password = 'Use at least 4 different characters.';
  return errors;
}
