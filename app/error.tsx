'use client';

import { ErrorNotice } from '@/components/ui/error-notice';

// Errors above the app's own layout (its session check, say): inside the root layout.
export default function RootError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="p-6">
      <ErrorNotice digest={error.digest} retry={retry} />
    </main>
  );
}
