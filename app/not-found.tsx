import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-xl font-semibold">未找到</h1>
      <p className="mt-2 text-slate-600">没有这个页面或记录，或者它不在您的管辖范围内。</p>
      <Link href="/" className="mt-4 inline-block text-blue-700 underline">
        返回工作台
      </Link>
    </main>
  );
}
