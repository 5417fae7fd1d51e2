export * from './regions';
export * from './users';
export * from './audit';
export * from './policy';
export * from './households';
export * from './programs';
export * from './payouts';
export * from './temp-aid';
