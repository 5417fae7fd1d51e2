'use server';

import { accountAction } from '@/lib/actions/authed-action';
import { reissueSession } from '@/lib/auth/session';
import { changeOwnPassword, changePasswordSchema } from '@/lib/users/passwords';
import { confirmEnrolment, confirmTotpSchema, renewRecoveryCodes } from '@/lib/users/second-factor';

/** The user's own password: every other session ends, this one carries on. */
export const changePasswordAction = accountAction(changePasswordSchema, async (user, input) => {
  const { sessionVersion } = await changeOwnPassword(user, input);
  await reissueSession(sessionVersion);
  return { changed: true };
});

/** The first code from the authenticator app: the second factor is on, the recovery codes shown once. */
export const confirmTotpAction = accountAction(confirmTotpSchema, async (user, input) => {
  const { recoveryCodes, sessionVersion } = await confirmEnrolment(user, input);
  await reissueSession(sessionVersion, { enrolled: true });
  return { recoveryCodes };
});

export const renewRecoveryCodesAction = accountAction(confirmTotpSchema, async (user, input) => renewRecoveryCodes(user, input));
