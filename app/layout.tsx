import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DemoBanner } from '@/components/shell/demo-banner';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '兜底 · 社会救助业务系统', template: '%s · 兜底' },
  description: '吕梁市民政社会救助：家庭档案、低保特困、临时救助、资金发放与统计。',
};

// Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts),
// which a page prerendered at build time could not (its scripts would be refused).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
