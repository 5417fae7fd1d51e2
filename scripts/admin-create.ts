// Creates the first admin of a production installation: `npm run admin:create`
// (with DATABASE_URL, or on the embedded database under .data/). The person at the console types
// the username, name and password; the password is never echoed, never an argument and never
// in a file. Optional: --region <6-digit city code> when the database holds several cities.
// Refused once an active admin exists (admins then create users in the app, 用户管理).
import { input, password } from '@inquirer/prompts';
import { closeDb, getDb } from '@/db/client';
import { AppError } from '@/lib/core/errors';
import { createFirstAdmin } from '@/lib/users/first-admin';

const args = process.argv.slice(2);
if (args.some((a) => /pass/i.test(a))) {
  console.error('密码不能写在命令行参数里：请运行 npm run admin:create，按提示输入。');
  process.exit(2);
}
const regionAt = args.indexOf('--region');
const regionCode = regionAt >= 0 ? args[regionAt + 1] : undefined;

if (!process.stdin.isTTY) {
  console.error('npm run admin:create 需要在终端中交互运行（密码只从键盘输入）。');
  process.exit(2);
}

console.log('创建第一个管理员（输入的密码不会显示）');
const username = await input({ message: '用户名', required: true });
const name = await input({ message: '姓名', required: true });
let chosen = '';
for (;;) {
  chosen = await password({ message: '密码（至少 8 位）', mask: true });
  const again = await password({ message: '再输入一次密码', mask: true });
  if (chosen === again) break;
  console.error('两次输入的密码不一致，请重新输入。');
}

try {
  const created = await createFirstAdmin(await getDb(), { username, name, password: chosen, regionCode });
  console.log(`已创建管理员 ${username}（区划 ${created.regionCode}）。请用它登录，再在“用户管理”中创建其他用户。`);
} catch (e) {
  if (e instanceof AppError) {
    console.error(`未创建：${Object.values(e.fieldErrors).join('；')}`);
    process.exitCode = 1;
  } else {
    throw e;
  }
} finally {
  await closeDb();
}
