import { describe, expect, it } from 'vitest';
import { getHouseholdDetail as getHousehold } from '@/lib/households/detail';
import { countHouseholds } from '@/lib/households/queries';
import { searchHouseholds } from '@/lib/households/search';
import { AppError } from '@/lib/errors';
import { appDb, insertHousehold, signedIn } from './support/app';

describe('region scoping of household reads', () => {
  it('shows a 交口县 household to its township caseworker, its county supervisor and the city auditor only', async () => {
    const db = await appDb();
    const jiaokou = await insertHousehold(db, { headName: '范围测试甲' });
    const fangshan = await insertHousehold(db, { villageCode: '141128102200', headName: '范围测试乙' });

    const caseworker = await signedIn('caseworker'); // 交口县 康城镇
    const supervisor = await signedIn('supervisor'); // 交口县
    const other = await signedIn('caseworker2'); // 方山县 峪口镇
    const auditor = await signedIn('auditor'); // 吕梁市

    for (const user of [caseworker, supervisor, auditor]) {
      expect((await getHousehold(user, jiaokou))?.id).toBe(jiaokou);
    }
    expect(await getHousehold(other, jiaokou)).toBeNull();
    expect(await getHousehold(caseworker, fangshan)).toBeNull();
    expect(await getHousehold(supervisor, fangshan)).toBeNull();
    expect((await getHousehold(other, fangshan))?.id).toBe(fangshan);

    const listed = async (u: typeof other) => (await searchHouseholds(u, { q: '范围测试' })).rows.map((r) => r.id);
    expect(await listed(other)).not.toContain(jiaokou);
    expect(await listed(caseworker)).toContain(jiaokou);
    expect(await listed(caseworker)).not.toContain(fangshan);
    expect(await countHouseholds(auditor)).toBeGreaterThanOrEqual(2);
  });

  it('masks resident IDs in lists', async () => {
    const db = await appDb();
    const id = await insertHousehold(db, { headName: '掩码测试', idNumber: '141130198003129013'.replace('9013', '7010') });
    const { rows } = await searchHouseholds(await signedIn('supervisor'), { q: '掩码测试' });
    const row = rows.find((r) => r.id === id);
    expect(row?.headIdMasked).toMatch(/^141130\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(rows)).not.toContain('19800312');
  });

  it('answers "not found" to a role without access, the same as for a missing record', async () => {
    const db = await appDb();
    const id = await insertHousehold(db);
    const admin = await signedIn('admin');
    await expect(getHousehold(admin, id)).rejects.toThrow(AppError);
    await expect(getHousehold(admin, id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await getHousehold(await signedIn('caseworker2'), '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
