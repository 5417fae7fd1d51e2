/** A form, not a script: signing out must work the moment the page is shown. */
export function SignOutButton() {
  return (
    <form action="/api/sign-out" method="post">
      <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
        退出登录
      </button>
    </form>
  );
}
