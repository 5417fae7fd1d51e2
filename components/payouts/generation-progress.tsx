'use client';

import { useEffect, useState } from 'react';

interface Job {
  step: number;
  steps: number;
  label: string;
  startedAt: string;
}

/**
 * While a generation runs (the form's action is pending), polls its progress row, which the
 * server writes outside the generating transaction, and shows the step and the time so far.
 */
export function GenerationProgress({ active, county, month }: { active: boolean; county: string; month: string }) {
  const [job, setJob] = useState<Job | null>(null);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    let stop = false;
    const tick = async () => {
      setSeconds(Math.floor((Date.now() - started) / 1000));
      try {
        const res = await fetch(`/api/payouts/progress?county=${county}&month=${month}`, { cache: 'no-store' });
        if (res.ok && !stop) setJob((await res.json()) as Job | null);
      } catch {
        /* the next tick tries again */
      }
    };
    const timer = setInterval(() => void tick(), 700);
    void tick();
    return () => {
      stop = true;
      clearInterval(timer);
      setJob(null);
    };
  }, [active, county, month]);
  if (!active) return null;
  return (
    <div role="status" aria-live="polite" className="mt-2 space-y-1 text-sm">
      <p>
        正在生成 {month} 发放批次{job ? `：第 ${job.step}/${job.steps} 步，${job.label}` : '…'}（已用时 {seconds} 秒）
      </p>
      <progress aria-label="生成进度" className="w-full" max={job?.steps ?? undefined} value={job ? job.step - 0.5 : undefined} />
    </div>
  );
}
