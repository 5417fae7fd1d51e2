import { describe, expect, it } from 'vitest';
import { getHouseholdDetail as getHousehold } from '@/lib/households/detail';
import { searchHouseholds } from '@/lib/households/search';
import { AppError } from '@/lib/core/errors';
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
    expect(await listed(auditor)).toEqual(expect.arrayContaining([jiaokou, fangshan]));
  });

  it('sorts by head name and pages by keyset, the next page starting after the last name', async () => {
    const db = await appDb();
    const ids = new Map<string, string>();
    for (const n of ['排序测试乙', '排序测试甲', '排序测试丙']) ids.set(n, await insertHousehold(db, { headName: n }));
    const user = await signedIn('caseworker');
    const first = await searchHouseholds(user, { q: '排序测试', sort: 'name' }, { pageSize: 2 });
    expect(first.rows.map((r) => r.headName)).toEqual(['排序测试丙', '排序测试乙']); // code-point order: 丙 4E19 < 乙 4E59 < 甲 7532
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await searchHouseholds(user, { q: '排序测试', sort: 'name', after: first.nextCursor }, { pageSize: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([ids.get('排序测试甲')]);
    expect(second.nextCursor).toBeUndefined();
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
