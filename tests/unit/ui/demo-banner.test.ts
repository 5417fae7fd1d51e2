// The demo banner is on every page in demo mode and on none in production (lib/core/deployment.ts).
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DemoBanner } from '@/components/shell/demo-banner';

afterEach(() => vi.unstubAllEnvs());
const render = (env: Record<string, string>) => {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return renderToStaticMarkup(h(DemoBanner));
};

describe('DemoBanner', () => {
  it('says 演示环境 on the embedded database and with DOUDI_DEMO=1 on a server', () => {
    expect(render({ DATABASE_URL: '', DOUDI_DEMO: '' })).toContain('演示环境，数据为演示数据');
    expect(render({ DATABASE_URL: 'postgres://app@db/doudi', DOUDI_DEMO: '1' })).toContain('演示环境，数据为演示数据');
  });

  it('says that demo mode asks for no second factor', () => {
    expect(render({ DATABASE_URL: '', DOUDI_DEMO: '' })).toContain('登录不要求动态口令（第二重验证）');
  });

  it('is absent in production', () => {
    expect(render({ DATABASE_URL: 'postgres://app@db/doudi', DOUDI_DEMO: '' })).toBe('');
    expect(render({ DATABASE_URL: '', DOUDI_DEMO: '0' })).toBe('');
  });
});
