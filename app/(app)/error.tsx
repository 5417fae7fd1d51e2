'use client';

import { ErrorNotice } from '@/components/ui/error-notice';

// A page or an action of the signed-in app failed: the navigation stays, the notice says what to do.
export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorNotice digest={error.digest} retry={retry} />;
}
