// The pure rules of 集中供养: which months a placement pays the institution, and occupancy.
import { addMonthsToMonth } from '@/lib/core/calendar-date';

/**
 * A placement pays the 集中 standard to the institution from the month of admission through the
 * month of discharge; the 分散 standard to the person at home from the month after discharge.
 * Those are the months of the amount rows admission and discharge write.
 */
export function admissionMonth(admittedOn: string): string {
  return admittedOn.slice(0, 7);
}

export function dischargeEffectiveMonth(dischargedOn: string): string {
  return addMonthsToMonth(dischargedOn.slice(0, 7), 1);
}

/** Whether a placement is the one in force for a month (the generation's SQL says the same). */
export function placementCoversMonth(p: { admittedOn: string; dischargedOn: string | null }, month: string): boolean {
  return admissionMonth(p.admittedOn) <= month && (p.dischargedOn === null || p.dischargedOn.slice(0, 7) >= month);
}

/** Occupancy as a percentage with one decimal (residents ÷ capacity): 37 of 50 → "74.0%". */
export function occupancyText(residents: number, capacity: number): string {
  if (capacity <= 0) return '—';
  const tenths = Math.round((residents * 1000) / capacity);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
