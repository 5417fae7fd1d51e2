'use server';

import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { verifyAuditChain } from './chain';

export const verifyAuditChainAction = authedAction(z.object({}), (user) => verifyAuditChain(user));
