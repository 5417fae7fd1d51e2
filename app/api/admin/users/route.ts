import { json, withUser } from '@/lib/http/route';
import { listUsers } from '@/lib/users/queries';

export const GET = withUser(async (user) => {
  const users = await listUsers(user);
  return json({ users: users.map(({ updatedAt: _u, ...u }) => u) });
});
