import { describe, expect, it } from 'vitest';
import { deploymentMode, isDemoMode } from '@/lib/core/deployment';

describe('deployment mode', () => {
  it('is demo on the embedded database and production on a PostgreSQL server', () => {
    expect(deploymentMode({})).toBe('demo');
    expect(deploymentMode({ DATABASE_URL: 'postgres://x@h/db' })).toBe('production');
  });
  it('follows an explicit DOUDI_DEMO either way', () => {
    expect(deploymentMode({ DATABASE_URL: 'postgres://x@h/db', DOUDI_DEMO: '1' })).toBe('demo');
    expect(deploymentMode({ DOUDI_DEMO: '0' })).toBe('production');
    expect(isDemoMode({ DATABASE_URL: 'postgres://x@h/db', DOUDI_DEMO: 'true' })).toBe(true);
    expect(isDemoMode({ DATABASE_URL: 'postgres://x@h/db', DOUDI_DEMO: '' })).toBe(false);
  });
});
