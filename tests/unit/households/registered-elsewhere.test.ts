import { describe, expect, it } from 'vitest';
import { outsideRegionMessage, registeredElsewhereMessage, type Registration } from '@/lib/households/registered-elsewhere';

const kangcheng: Registration = { villageCode: '141130101200', villageName: '康城村委会', townshipName: '康城镇', headName: '穆小军' };
const otherTownship: Registration = { villageCode: '141130102200', villageName: '某村委会', townshipName: '另一镇', headName: '李四' };
const fangshan: Registration = { villageCode: '141128102200', villageName: '峪口村委会', townshipName: '峪口镇', headName: '王五' };

const townshipCaseworker = { regionCode: '141130101', regionLevel: 'township' };
const countySupervisor = { regionCode: '141130', regionLevel: 'county' };

describe('what a user learns of an ID registered in another household', () => {
  it('inside their region: the township, village and head, so they can open it', () => {
    expect(registeredElsewhereMessage(townshipCaseworker, kangcheng)).toBe('该身份证号已登记在康城镇康城村委会 穆小军户');
    expect(registeredElsewhereMessage(countySupervisor, otherTownship)).toBe('该身份证号已登记在另一镇某村委会 李四户');
    expect(registeredElsewhereMessage(townshipCaseworker, { ...kangcheng, headName: null })).toBe('该身份证号已登记在康城镇康城村委会');
  });

  it('outside it: only that it is registered, and whom to ask — never the county, township, village or head', () => {
    const m = registeredElsewhereMessage(townshipCaseworker, fangshan);
    expect(m).toBe('该身份证号已在本系统其他地区登记，请联系县级民政部门核实');
    for (const leak of ['方山', '峪口', '王五', '141128']) expect(m).not.toContain(leak);
    expect(registeredElsewhereMessage(countySupervisor, fangshan)).toBe('该身份证号已在本系统其他地区登记，请联系市级民政部门核实');
  });

  it('the answer outside the region depends on who asks, not on where the record is', () => {
    // Another township of the caseworker's own county reads exactly like another county.
    expect(registeredElsewhereMessage(townshipCaseworker, otherTownship)).toBe(registeredElsewhereMessage(townshipCaseworker, fangshan));
    expect(outsideRegionMessage('village')).toBe(outsideRegionMessage('township'));
  });
});
