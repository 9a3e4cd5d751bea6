// What the sign-in page says for the codes the server (or an external provider's callback) puts in its URL.

import { t } from '../../strings';

export const SIGN_IN_ERRORS: Record<string, string> = t.signInCodes.errors;

export const SIGN_IN_NOTICES: Record<string, string> = t.signInCodes.notices;
