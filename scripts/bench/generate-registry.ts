// Synthetic registry for the bench: households in the real villages of 吕梁市 and their
// members with realistic names and valid GB 11643 resident IDs.
//
// Everything is set-based SQL (INSERT … SELECT … FROM generate_series): a driver cannot bind
// more than 65,535 parameters, and a JS loop of inserts would take hours at this size.
// Every value is a hash of the household number (or of the household id and the member's
// position), so the same size always produces the same data.
//
// Households are inserted in chunks of CHUNK; members county by county, because resident-ID
// uniqueness is settled inside a county: the ID is county code + birth date + 3-digit
// sequence + check digit, and the sequence is the member's rank among the people of that
// county born that day with that sex (offset by a per-day hash, so sequences look random).
// With under 500 people per (county, day, sex) no two IDs can coincide; the partial unique
// index on active IDs would refuse the insert if that ever failed.
import type { Sql } from 'postgres';
import { ID_CHECK_CHARS, ID_CHECK_WEIGHTS, parseIdNumber } from '@/lib/core/resident-id';

const CHUNK = 100_000;

// Common surnames, most frequent first (the pick is skewed towards the front of the list).
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文穆'];
// Given-name characters: mostly-male, mostly-female and shared.
const MALE = [...'伟强磊军洋勇杰涛明超刚平建国志东宇浩鹏飞斌辉波峰亮龙鑫俊博振林彬兵锋军发庆忠福生武成利胜义铭'];
const FEMALE = [...'芳娜敏静丽艳娟秀霞英桂兰玲燕萍红梅琳莉婷雪慧倩丹蓉凤洁琴颖晶月荣娥翠爱琼淑珍巧美妮彩菊'];
const SHARED = [...'晓小春金玉海佳嘉子宏新德永天家成思雨欣文华安世金光明亚凯瑞晨阳乐向红卫'];
const MALE_POOL = [...new Set([...MALE, ...SHARED])];
const FEMALE_POOL = [...new Set([...FEMALE, ...SHARED])];

const POVERTY_CAUSES = ['因病', '因残', '因学', '因灾', '缺劳力', '缺技术', '缺资金', '缺土地', '自身发展动力不足'];
const BANKS = ['山西省农村信用社', '中国邮政储蓄银行', '中国农业银行', '中国建设银行', '中国工商银行', '吕梁农村商业银行'];
const DISABILITY_KINDS = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;
/** Picks xs[floor(u * len)] for a uniform u in [0, 1). */
const pick = (xs: string[], u: string) => `(${arr(xs)})[1 + floor((${u}) * ${xs.length})::int]`;

/** A uniform float in [0, 1) from a 64-bit hash: the low 40 bits over 2^40. */
const mask40 = (h: string) => `((${h}) & 1099511627775)::float8 / 1099511627776.0`;
const uN = (seed: number) => mask40(`hashint8extended(g.n, ${seed})`); // per household number
const uH = (seed: number) => mask40(`hashtextextended(a.hid, ${seed})`); // per household id

/** A deterministic UUID (version 4 layout) from a text key. */
const uuidOf = (key: string) => `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;

// Given names that are common as a whole (王秀英, 李建国): real registries have a few
// two-character given names shared by thousands, which is the worst case of a
// two-character name search. A few percent of two-character given names come from here.
const POPULAR_MALE = ['建国', '建华', '国强', '志强', '建军', '国庆', '志刚', '建平', '永强', '海军', '卫东', '立新'];
const POPULAR_FEMALE = ['秀英', '桂英', '秀兰', '玉兰', '桂兰', '秀珍', '凤英', '玉珍', '玉英', '淑珍', '丽娟', '秀梅'];
const POPULAR_SHARE = 0.06;

/**
 * surname + a given name: one character (35 %), a popular two-character name (6 % of the
 * rest) or two characters from the sex's pool. Surnames, pool characters and popular names
 * are all skewed towards the front of their lists, as real name frequencies are.
 */
function personName(surnameU: string, sex: string, u1: string, u2: string, u3: string): string {
  const skewed = (xs: string[], u: string, k: number) => `(${arr(xs)})[1 + floor(power(${u}, ${k}) * ${xs.length})::int]`;
  const bySex = (m: string, f: string) => `case when ${sex} = '男' then ${m} else ${f} end`;
  const char = (u: string) => bySex(skewed(MALE_POOL, u, 1.3), skewed(FEMALE_POOL, u, 1.3));
  const popular = bySex(skewed(POPULAR_MALE, u1, 1.3), skewed(POPULAR_FEMALE, u1, 1.3));
  return `${skewed(SURNAMES, surnameU, 1.6)} || case when ${u3} < 0.35 then ${char(u1)}
    when ${u3} < ${0.35 + 0.65 * POPULAR_SHARE} then ${popular} else ${char(u1)} || ${char(u2)} end`;
}

// Household-level facts the members step needs too are hashed from the household id.
const HEAD_SEX = `case when ${uH(11)} < 0.8 then '男' else '女' end`;
const HEAD_YEAR = `1945 + floor(${uH(12)} * 55)::int`;
const HEAD_NAME = personName(uH(13), HEAD_SEX, uH(14), uH(15), uH(16));

function householdsSql(): string {
  const poor = `${uN(5)} < 0.3`;
  const poorYear = `2014 + floor(${uN(6)} * 6)::int`;
  const hasBank = `${uN(10)} < 0.6`;
  return `
    INSERT INTO households (id, village_code, township_code, county_code, address, kind, phone,
      registered_poor, registered_poor_year, poverty_causes, left_poverty, left_poverty_year,
      bank_name, bank_account_kind, bank_account, bank_account_holder, status, created_at, updated_at)
    SELECT a.id, v.code, v.township_code, v.county_code,
      v.place || ' ' || (1 + floor(${uN(2)} * 600))::int || ' 号',
      v.kind,
      case when ${uN(3)} < 0.7 then '1' || (3 + floor(${uN(4)} * 7))::int || lpad(floor(${uN(7)} * 1e9)::bigint::text, 9, '0') end,
      ${poor},
      case when ${poor} then ${poorYear} end,
      case when ${poor} then
        case when ${uN(8)} < 0.6 then ARRAY[${pick(POVERTY_CAUSES, uN(9))}]
             else ARRAY[${pick(POVERTY_CAUSES.slice(0, 4), uN(9))}, ${pick(POVERTY_CAUSES.slice(4), uN(17))}] end
      end,
      ${poor} and ${uN(18)} < 0.85,
      case when ${poor} and ${uN(18)} < 0.85 then least(2020, ${poorYear} + 1 + floor(${uN(19)} * 4)::int) end,
      case when ${hasBank} then ${pick(BANKS, uN(20))} end,
      case when ${hasBank} then case when ${uN(21)} < 0.7 then 'card' else 'passbook' end end,
      case when ${hasBank} then '6' || lpad(floor(${uN(22)} * 1e9)::bigint::text, 9, '0') || lpad(floor(${uN(23)} * 1e9)::bigint::text, 9, '0') end,
      case when ${hasBank} then ${HEAD_NAME} end,
      'active',
      a.created, a.created
    FROM generate_series($1::bigint, $2::bigint) AS g(n)
    CROSS JOIN LATERAL (
      SELECT ${uuidOf(`'doudi-bench/h/' || g.n`)} AS id,
             $4::timestamptz - make_interval(secs => ${uN(1)} * 5 * 365.25 * 86400) AS created
    ) a0
    CROSS JOIN LATERAL (SELECT a0.id, a0.id::text AS hid, a0.created) a
    JOIN (
      SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, township_code, county_code,
        -- 窑上村委会 → 窑上村, 韩村村委会 → 韩村, 东街社区居民委员会 → 东街社区
        case when name ~ '(村民委员会|村委会|村委)$'
          then regexp_replace(regexp_replace(name, '(村民委员会|村委会|村委)$', ''), '([^村])$', '\\1村')
          else regexp_replace(name, '(居民委员会|居委会)$', '') end AS place,
        case when name ~ '(居民委员会|居委会|社区)$' then 'urban' else 'rural' end AS kind
      FROM regions WHERE level = 'village' AND code LIKE $3 || '%'
    ) v ON v.i = floor(${uN(0)} * $5::int)::int`;
}

function checkDigit(s: string): string {
  // The app's own weights and characters (GB 11643), written out as SQL.
  const sum = ID_CHECK_WEIGHTS.map((w, i) => `substr(${s}, ${i + 1}, 1)::int * ${w}`).join(' + ');
  return `substr('${ID_CHECK_CHARS}', ((${sum}) % 11) + 1, 1)`;
}

function membersSql(thisYear: number): string {
  // Layers, each kept from being flattened into the next by OFFSET 0 (flattening would
  // re-evaluate the hash expressions once per reference):
  //   hh: one row per household of the county, with the head's hashed facts
  //   b:  one row per member with its relation;  c: sex and birth year
  //   d:  name and birth date;  e: other attributes and the ID's sequence (rank among the
  //   county's people born that day with that sex);  outer: the check digit.
  const u = (alias: string) => (seed: number) => mask40(`hashtextextended(${alias}.mkey, ${seed})`);
  const [ub, uc, ud] = [u('b'), u('c'), u('d')];
  const k = `case when ${uH(1)} < 0.15 then 1 when ${uH(1)} < 0.39 then 2 when ${uH(1)} < 0.66 then 3
                  when ${uH(1)} < 0.85 then 4 when ${uH(1)} < 0.95 then 5 else 6 end`;
  const relation = `case when j = 1 then '本人'
      when j = 2 then case when ${mask40(`hashtextextended(hh.hid || '/' || j, 1)`)} < 0.1 then '子女' else '配偶' end
      when j = hh.k and j >= 5 and hh.head_year >= 1965 then '父母'
      else '子女' end`;
  const sex = `case b.relation when '本人' then b.head_sex
      when '配偶' then case b.head_sex when '男' then '女' else '男' end
      else case when ${ub(2)} < 0.5 then '男' else '女' end end`;
  const birthYear = `case b.relation when '本人' then b.head_year
      when '配偶' then least(2004, b.head_year + floor(${ub(3)} * 9)::int - 4)
      when '子女' then least(${thisYear - 1}, b.head_year + 20 + floor(${ub(3)} * 16)::int)
      else b.head_year - 20 - floor(${ub(3)} * 12)::int end`;
  // Children and a male parent usually carry the head's surname, re-derived from the same
  // hash as the head's own name (which is also the bank account holder's).
  const ownSurname = `(c.relation = '本人' or (c.relation = '子女' and ${uc(4)} < 0.95) or (c.relation = '父母' and c.sex = '男'))`;
  const headOr = (headU: string, seed: number) => `case when c.relation = '本人' then c.${headU} else ${uc(seed)} end`;
  const name = personName(`case when ${ownSurname} then c.head_surname_u else ${uc(5)} end`, 'c.sex',
    headOr('head_u1', 6), headOr('head_u2', 7), headOr('head_u3', 8));
  const age = `(${thisYear} - d.year)`;
  const disabled = `${ud(9)} < 0.06`;
  const kindNo = `1 + floor(${ud(11)} * ${DISABILITY_KINDS.length})::int`;
  return `
    INSERT INTO members (id, household_id, name, id_number, birth_date, sex, relation, is_head,
      disability_kind, disability_grade, disability_certificate, serious_illness, school_stage,
      working_capacity, status, sort_order, created_at)
    SELECT ${uuidOf(`'doudi-bench/m/' || f.mkey`)}, f.household_id, f.name, f.id17 || f.chk,
      f.birth_date, f.sex, f.relation, f.j = 1,
      (${arr(DISABILITY_KINDS)})[f.kind_no], f.grade,
      -- 残疾人证号: the holder's ID, then kind and grade digits.
      case when f.kind_no is not null then f.id17 || f.chk || f.kind_no || f.grade end,
      f.serious_illness, f.school_stage, f.working_capacity, 'active', f.j - 1, f.created_at
    FROM (
      SELECT e.*, ${checkDigit('e.id17')} AS chk FROM (
        SELECT d.household_id, d.created_at, d.j, d.mkey, d.relation, d.sex, d.name, d.birth_date,
          $1::text || to_char(d.birth_date, 'YYYYMMDD') || lpad(((
              (abs(hashtext(d.birth_date::text || d.sex)) + row_number() OVER (PARTITION BY d.birth_date, d.sex ORDER BY d.household_id, d.j) - 1) % 500
            ) * 2 + case d.sex when '男' then 1 else 0 end)::text, 3, '0') AS id17,
          case when ${disabled} then ${kindNo} end AS kind_no,
          case when ${disabled} then 1 + floor(${ud(12)} * 4)::int end AS grade,
          ${ud(13)} < 0.03 AS serious_illness,
          case when ${age} between 6 and 11 then '小学' when ${age} between 12 and 14 then '初中'
               when ${age} between 15 and 17 then '高中' when ${age} between 18 and 21 and ${ud(14)} < 0.5 then '大学' end AS school_stage,
          case when ${age} < 16 or ${age} >= 70 then 'none' when ${age} >= 60 or ${ud(15)} < 0.1 then 'partial' else 'full' end AS working_capacity
        FROM (
          SELECT c.household_id, c.created_at, c.j, c.mkey, c.relation, c.sex, c.year, ${name} AS name,
            make_date(c.year, 1, 1) + floor(${uc(20)} * 365)::int AS birth_date
          FROM (
            SELECT b.*, ${sex} AS sex, ${birthYear} AS year FROM (
              SELECT hh.household_id, hh.created_at, hh.head_sex, hh.head_year, hh.head_surname_u,
                hh.head_u1, hh.head_u2, hh.head_u3, j, hh.hid || '/' || j AS mkey, ${relation} AS relation
              FROM (
                SELECT h.id AS household_id, h.created_at, a.hid, ${k} AS k, ${HEAD_SEX} AS head_sex, ${HEAD_YEAR} AS head_year,
                  ${uH(13)} AS head_surname_u, ${uH(14)} AS head_u1, ${uH(15)} AS head_u2, ${uH(16)} AS head_u3
                FROM households h CROSS JOIN LATERAL (SELECT h.id::text AS hid) a
                WHERE h.county_code = $1
                OFFSET 0
              ) hh CROSS JOIN LATERAL generate_series(1, hh.k) AS j
              OFFSET 0
            ) b
            OFFSET 0
          ) c
          OFFSET 0
        ) d
      ) e
    ) f`;
}

export interface GenerateOptions {
  households: number;
  /** City whose villages receive the households (6 digits). */
  cityCode?: string;
  /** The newest created_at; registrations spread over the five years before it. */
  now?: Date;
  log?: (msg: string) => void;
}

export interface GenerateResult {
  households: number;
  members: number;
  seconds: { households: number; members: number; vacuumAnalyze: number; total: number };
}

export async function generateRegistry(sql: Sql, opts: GenerateOptions): Promise<GenerateResult> {
  const log = opts.log ?? (() => {});
  const city4 = (opts.cityCode ?? '141100').slice(0, 4);
  const now = opts.now ?? new Date(new Date().setUTCHours(0, 0, 0, 0));
  const t0 = performance.now();
  const conn = await sql.reserve();
  try {
    const [{ n: existing } = { n: 0 }] = await conn<{ n: number }[]>`select count(*)::int as n from households`;
    if (existing > 0) throw new Error(`generateRegistry expects an empty households table (found ${existing})`);
    const [{ n: villages } = { n: 0 }] = await conn<{ n: number }[]>`
      select count(*)::int as n from regions where level = 'village' and code like ${city4 + '%'}`;
    if (villages === 0) throw new Error(`no villages of ${city4}00 in regions: seed the regions first`);
    await conn.unsafe(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '1GB'`);

    const hSql = householdsSql();
    for (let from = 1; from <= opts.households; from += CHUNK) {
      const to = Math.min(opts.households, from + CHUNK - 1);
      await conn.unsafe(hSql, [from, to, city4, now.toISOString(), villages]);
      log(`households ${to.toLocaleString('en')} / ${opts.households.toLocaleString('en')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    const t1 = performance.now();

    const counties = await conn<{ code: string; n: number }[]>`
      select county_code as code, count(*)::int as n from households group by 1 order by 1`;
    const mSql = membersSql(now.getUTCFullYear());
    let members = 0;
    for (const c of counties) {
      const res = await conn.unsafe(mSql, [c.code]);
      members += res.count;
      log(`members of county ${c.code}: ${res.count.toLocaleString('en')} for ${c.n.toLocaleString('en')} households (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    const t2 = performance.now();

    // The IDs were built in SQL; the app's own parser must accept them, with the same birth
    // date and sex as the row (uniqueness is the partial unique index's job).
    const sample = await conn<{ id: string; birth: string; sex: string }[]>`
      select id_number as id, birth_date::text as birth, sex from members tablesample system (1) repeatable (1) limit 5000`;
    for (const m of sample) {
      const p = parseIdNumber(m.id, now);
      if (!p.ok || p.birthDate !== m.birth || p.sex !== m.sex) throw new Error(`generated an invalid resident ID: ${JSON.stringify(m)}`);
    }
    log(`${sample.length} sampled resident IDs pass the app's GB 11643 check`);

    // Hint bits, the visibility map, the GIN pending list and planner statistics: the state
    // a registry that has been running for a while is in.
    await conn.unsafe('vacuum (analyze) households');
    await conn.unsafe('vacuum (analyze) members');
    await conn.unsafe('analyze regions'); // the list joins it twice; unanalyzed, it is guessed at 1,020 rows
    const t3 = performance.now();
    log(`vacuum analyze (${((t3 - t2) / 1000).toFixed(1)} s)`);
    return {
      households: opts.households,
      members,
      seconds: {
        households: (t1 - t0) / 1000,
        members: (t2 - t1) / 1000,
        vacuumAnalyze: (t3 - t2) / 1000,
        total: (t3 - t0) / 1000,
      },
    };
  } finally {
    conn.release();
  }
}
