import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness only: no data, no database. */
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
