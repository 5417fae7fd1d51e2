'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/authed-action';
import { addMember } from '@/lib/households/add-member';
import { addAsset, disposeAsset } from '@/lib/households/assets';
import {
  addAssetSchema,
  addIncomeItemSchema,
  addMemberSchema,
  confirmAccountChangeSchema,
  disposeAssetSchema,
  endIncomeItemSchema,
  memberLeaveSchema,
  moveMemberSchema,
  revealIdSchema,
  updateHouseholdSchema,
  updateMemberSchema,
} from '@/lib/households/change-schemas';
import { confirmAccountChange } from '@/lib/households/confirm-account-change';
import { addIncomeItem, endIncomeItem } from '@/lib/households/income-items';
import { memberLeaves } from '@/lib/households/member-leaves';
import { moveMember } from '@/lib/households/move-member';
import { registerHousehold } from '@/lib/households/register-household';
import { revealIdNumber } from '@/lib/households/reveal-id';
import { householdInputSchema } from '@/lib/households/schemas';
import { searchHouseholds } from '@/lib/households/search';
import { searchParamsSchema } from '@/lib/households/search-input';
import { updateHousehold } from '@/lib/households/update-household';
import { updateMember } from '@/lib/households/update-member';

// One action per change to a registered household. Each verb checks role, region and the
// form's version itself; on success the household page is rendered afresh.
const refresh = (householdId: string) => revalidatePath(`/households/${householdId}`);

export const updateHouseholdAction = authedAction(updateHouseholdSchema, async (user, input) => {
  const result = await updateHousehold(user, input);
  refresh(input.householdId);
  return result;
});

/** A second person confirms a change of the payout account: the household's lines pay again. */
export const confirmAccountChangeAction = authedAction(confirmAccountChangeSchema, async (user, input) => {
  const result = await confirmAccountChange(user, input);
  refresh(input.householdId);
  return result;
});

export const addMemberAction = authedAction(addMemberSchema, async (user, input) => {
  const result = await addMember(user, input);
  refresh(input.householdId);
  return result;
});

export const updateMemberAction = authedAction(updateMemberSchema, async (user, input) => {
  const result = await updateMember(user, input);
  refresh(input.householdId);
  return result;
});

export const memberLeavesAction = authedAction(memberLeaveSchema, async (user, input) => {
  const result = await memberLeaves(user, input);
  refresh(input.householdId);
  return result;
});

export const moveMemberAction = authedAction(moveMemberSchema, async (user, input) => {
  const result = await moveMember(user, input);
  refresh(input.householdId);
  refresh(input.targetHouseholdId);
  return { ...result, targetHouseholdId: input.targetHouseholdId };
});

export const addIncomeItemAction = authedAction(addIncomeItemSchema, async (user, input) => {
  const result = await addIncomeItem(user, input);
  refresh(input.householdId);
  return result;
});

export const endIncomeItemAction = authedAction(endIncomeItemSchema, async (user, input) => {
  const result = await endIncomeItem(user, input);
  refresh(input.householdId);
  return result;
});

export const addAssetAction = authedAction(addAssetSchema, async (user, input) => {
  const result = await addAsset(user, input);
  refresh(input.householdId);
  return result;
});

export const disposeAssetAction = authedAction(disposeAssetSchema, async (user, input) => {
  const result = await disposeAsset(user, input);
  refresh(input.householdId);
  return result;
});

/** The full number goes back to the one browser that asked, and the view is on the timeline. */
export const revealIdAction = authedAction(revealIdSchema, async (user, input) => {
  const result = await revealIdNumber(user, input.memberId);
  refresh(result.householdId);
  return { name: result.name, idNumber: result.idNumber };
});

// A server action (a POST), not a GET form: names and resident IDs typed into the search box
// must not end up in URLs, browser history or access logs.
export const searchHouseholdsAction = authedAction(searchParamsSchema, (user, params) => searchHouseholds(user, params));

export const registerHouseholdAction = authedAction(householdInputSchema, async (user, input) => {
  const { id } = await registerHousehold(user, input);
  redirect(`/households/${id}?registered=1`);
});
