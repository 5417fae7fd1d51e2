/**
 * The sign-off of a printed form: one row per role with blanks for the signature and the date
 * written by hand, and the bureau's seal line. Blank on purpose — the paper file is signed in ink.
 */
export function SignOff({ roles, seal }: { roles: readonly string[]; seal: string }) {
  return (
    <section aria-label="签字盖章" className="mt-6 break-inside-avoid text-sm">
      <table className="w-full border-collapse">
        <tbody>
          {roles.map((role) => (
            <tr key={role}>
              <th scope="row" className="w-20 py-3 text-left font-bold">
                {role}
              </th>
              <td className="py-3">
                签字：<span className="inline-block w-40 border-b border-black" aria-hidden="true" />
              </td>
              <td className="py-3 text-right">
                日期：<span className="inline-block w-12 border-b border-black" aria-hidden="true" />年
                <span className="inline-block w-8 border-b border-black" aria-hidden="true" />月
                <span className="inline-block w-8 border-b border-black" aria-hidden="true" />日
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-6 text-right">{seal}（盖章）</p>
    </section>
  );
}
