'use client';

import './globals.css';
import { ErrorNotice } from '@/components/ui/error-notice';

// The root layout itself failed: this replaces it, so it brings its own html, body and styles.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 p-6 text-slate-900 antialiased">
        <title>出错了 · 兜底</title>
        <ErrorNotice digest={error.digest} retry={retry} />
      </body>
    </html>
  );
}
