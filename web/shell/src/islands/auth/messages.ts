// What the sign-in page says for the codes the server (or an external provider's callback) puts in its URL.

export const SIGN_IN_ERRORS: Record<string, string> = {
  external_failed: 'Signing in with that provider did not work. Try again, or use your e-mail and password.',
  email_required: 'The provider did not share an e-mail address. Make one visible there, or sign up with e-mail and password.',
  account_exists: 'An account with this e-mail address already exists. Sign in with your e-mail and password.',
  locked_out: 'This account is locked for a while after too many failed sign-ins. Try again later, or reset your password.',
};

export const SIGN_IN_NOTICES: Record<string, string> = {
  verify_email: 'Almost there: open the link we e-mailed you to verify your address, then sign in.',
  signed_out: 'You are signed out.',
  password_reset: 'Your password was changed. Sign in with the new one.',
  verified: 'Your e-mail address is verified. Sign in to continue.',
};
