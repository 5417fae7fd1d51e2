// The roster import bench: a 10,000-row XLSX roster (households of three) through the app's own
// importRoster(), timed end to end (read, validate, check against the registry, write).
import ExcelJS from 'exceljs';
import type { SessionUser } from '@/lib/auth/types';
import { idCheckDigit } from '@/lib/core/resident-id';

const HEADERS = ['户编号', '村代码', '住址', '城乡', '联系电话', '建档立卡', '建档年份', '致贫原因', '已脱贫', '脱贫年份', '开户银行', '账户类型', '账号', '开户人', '姓名', '身份证号', '与户主关系', '残疾类别', '残疾等级', '残疾证号', '重病', '在读学段', '劳动能力'];

/**
 * Valid IDs under an unused area code (141199), so they cannot clash with generated members;
 * unique within a run (one birth date each), and `run` (0–899) keeps reruns apart.
 */
function idFor(n: number, run: number): string {
  const day = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const seq = String(100 + run).padStart(3, '0');
  const body = `141199${day}${seq}`;
  return body + idCheckDigit(body);
}

export async function buildRoster(rows: number, run: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(HEADERS);
  for (let i = 0; i < rows; i++) {
    const household = Math.floor(i / 3);
    const relation = i % 3 === 0 ? '本人' : i % 3 === 1 ? '配偶' : '子女';
    const cells: Record<string, string> = {
      户编号: String(household + 1),
      村代码: '141130101200',
      住址: i % 3 === 0 ? `导入压测 ${run}-${household} 号` : '',
      城乡: i % 3 === 0 ? '农村' : '',
      姓名: `测试${String.fromCharCode(0x4e00 + (i % 500))}${String.fromCharCode(0x4e00 + ((i * 7) % 900))}`,
      身份证号: idFor(i, run),
      与户主关系: relation,
      劳动能力: '完全',
    };
    sheet.addRow(HEADERS.map((h) => cells[h] ?? ''));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function benchRosterImport(user: SessionUser, rows = 10_000) {
  const { importRoster } = await import('@/lib/households/import/import-roster');
  if (rows > 20_000) throw new Error('the roster import accepts at most 20,000 rows');
  const run = Math.floor(Date.now() / 1000) % 900; // a fresh set of IDs for each run of the bench
  const bytes = await buildRoster(rows, run);
  const started = performance.now();
  const outcome = await importRoster(user, { name: `bench-${rows}.xlsx`, bytes });
  const ms = performance.now() - started;
  return { rows, ms, bytes: bytes.length, outcome: outcome.ok ? { households: outcome.households, members: outcome.members } : { errors: outcome.errors.length, first: outcome.errors[0] } };
}
