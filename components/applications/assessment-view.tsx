import type { Assessment } from '@/lib/applications/assess';
import { formatFen } from '@/lib/core/format';

/** The computed amount and its working, line by line, as the supervisor reads it. */
export function AssessmentView({ assessment, title }: { assessment: Assessment; title: string }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1">
        {assessment.eligible ? (
          <>
            月保障金 <strong className="text-lg">{formatFen(assessment.totalFen)}</strong>
            {assessment.program === 'dibao' && assessment.dibao && (
              <span className="text-sm text-slate-600">
                （补差 {formatFen(assessment.dibao.gapFen)} + 分类施保 {formatFen(assessment.dibao.classifiedFen)}）
              </span>
            )}
          </>
        ) : (
          <strong className="text-red-700">家庭收入不低于保障标准，不符合条件</strong>
        )}
      </p>
      <ol className="mt-2 list-decimal pl-6 text-sm">
        {assessment.working.map((line, i) => <li key={i}>{line}</li>)}
      </ol>
      <p className="mt-1 text-xs text-slate-500">按 {assessment.asOf} 的家庭信息和政策标准计算。</p>
    </section>
  );
}
