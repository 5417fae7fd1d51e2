// The cases that pin the account block rule twice: accountBlockReason() (lib/payouts/rules.ts) in
// tests/unit/payouts/rules.test.ts, and BLOCK_REASON_SQL (lib/payouts/generation/common.ts) in
// tests/integration/payouts-block-reason.test.ts. Both must give exactly `reason` for every case.
import type { AccountFields } from '@/lib/payouts/rules';

const ok: AccountFields = { bankName: '岚县农村信用社', bankAccountKind: 'card', bankAccount: '6228480470000001235', bankAccountHolder: '穆小军', householdStatus: 'active', accountChangePending: false };

export const accountBlockCases: { name: string; account: AccountFields; reason: string | null }[] = [
  { name: 'a usable card', account: ok, reason: null },
  { name: 'a usable passbook', account: { ...ok, bankAccountKind: 'passbook', bankAccount: 'AB123456' }, reason: null },
  { name: 'no account', account: { ...ok, bankAccount: null }, reason: '未登记发放账户' },
  { name: 'a blank account', account: { ...ok, bankAccount: '   ' }, reason: '未登记发放账户' },
  { name: 'no bank', account: { ...ok, bankName: '' }, reason: '未登记开户银行' },
  { name: 'a blank holder', account: { ...ok, bankAccountHolder: ' ' }, reason: '未登记账户名' },
  { name: 'a card with dashes', account: { ...ok, bankAccount: '6228-4804' }, reason: '银行卡号格式不正确' },
  { name: 'a card of 15 digits', account: { ...ok, bankAccount: '622848047000001' }, reason: '银行卡号格式不正确' },
  { name: 'a passbook too short', account: { ...ok, bankAccountKind: 'passbook', bankAccount: 'AB12' }, reason: '存折账号格式不正确' },
  { name: 'no account kind', account: { ...ok, bankAccountKind: null }, reason: '未登记账户类型' },
  { name: 'an unconfirmed account change', account: { ...ok, accountChangePending: true }, reason: '账户变更待复核' },
  { name: 'an unconfirmed change to no account', account: { ...ok, bankAccount: null, accountChangePending: true }, reason: '未登记发放账户' },
  { name: 'an unconfirmed change of a malformed card', account: { ...ok, bankAccount: '1234', accountChangePending: true }, reason: '银行卡号格式不正确' },
  { name: 'an unconfirmed change in a closed household', account: { ...ok, householdStatus: 'closed', accountChangePending: true }, reason: '账户变更待复核' },
  { name: 'a closed household', account: { ...ok, householdStatus: 'closed' }, reason: '家庭已销户' },
];
