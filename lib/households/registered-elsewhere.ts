// What a user learns when a resident ID they type is already an active member of another
// household. One rule for registration, adding or correcting a member, moving a member and the
// roster import (README, Security model: "An ID registered elsewhere"):
//
// - One person, one household: the ID is refused wherever it is — the database's unique index
//   refuses it anyway, so saying nothing would only turn an honest refusal into a puzzling one,
//   and double registration is the fraud the rule exists to stop.
// - Inside the user's own region the household is theirs to see: the refusal names where it
//   is (township, village, head), so they can open it and move the person instead.
// - Outside it, nothing about the household: not its county, township, village or head. The
//   message depends only on the user's own level (whom to ask), never on where the record is,
//   so typing IDs teaches a caseworker no more than "registered somewhere else in the system".
//   A county-level user does not learn the other county either: the city (whose staff see
//   every county) resolves it, and naming the county would tell where the person lives.
import type { RegionLevel } from '@/db/schema/regions';
import { isWithin } from '@/lib/regions/codes';

export type Asker = { regionCode: string; regionLevel: RegionLevel | string };

/** Where the ID is registered, as the query reads it. */
export type Registration = { villageCode: string; villageName: string; townshipName: string | null; headName: string | null };

/** Whom a user outside the record's region asks: the level above their own that sees further. */
export function outsideRegionMessage(level: Asker['regionLevel']): string {
  const whom = level === 'county' ? '市级民政部门' : level === 'city' || level === 'province' ? '上级民政部门' : '县级民政部门';
  return `该身份证号已在本系统其他地区登记，请联系${whom}核实`;
}

export function registeredElsewhereMessage(user: Asker, at: Registration): string {
  if (!isWithin(at.villageCode, { code: user.regionCode, level: user.regionLevel as RegionLevel })) {
    return outsideRegionMessage(user.regionLevel);
  }
  return `该身份证号已登记在${at.townshipName ?? ''}${at.villageName}${at.headName ? ` ${at.headName}户` : ''}`;
}
