import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { assets } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import type { AddAssetInput, DisposeAssetInput } from './change-schemas';
import { assetKindLabels } from './labels';
import { auditHousehold, bumpVersion, lockHousehold } from './household-tx';
import { householdMessages } from './messages';

/** Notes an asset for the eligibility decision. */
export async function addAsset(user: SessionUser, input: AddAssetInput): Promise<{ assetId: string }> {
  assertCan(user, 'household.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const h = await lockHousehold(tx, user, input.householdId, input.version);
    const [asset] = await tx
      .insert(assets)
      .values({
        householdId: h.id,
        kind: input.kind,
        description: input.description,
        valueFen: input.value ?? null,
        recordedOn: input.recordedOn,
        createdBy: user.id,
      })
      .returning({ id: assets.id });
    await bumpVersion(tx, h);
    await auditHousehold(tx, user, h, {
      action: 'asset.add',
      after: {
        kind: assetKindLabels[input.kind],
        description: input.description,
        valueFen: input.value ?? null,
        recordedOn: input.recordedOn,
      },
      reason: input.reason,
    });
    return { assetId: asset!.id };
  });
}

/** Marks an asset as sold or otherwise gone; the row stays, so past decisions can be read again. */
export async function disposeAsset(user: SessionUser, input: DisposeAssetInput): Promise<{ assetId: string }> {
  assertCan(user, 'household.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const h = await lockHousehold(tx, user, input.householdId, input.version);
    const [asset] = await tx
      .select()
      .from(assets)
      .where(and(eq(assets.id, input.assetId), eq(assets.householdId, h.id)));
    if (!asset) throw new AppError('not_found');
    if (asset.disposedOn !== null) {
      throw refuse('precondition', householdMessages.assetDisposed(asset.disposedOn), 'disposedOn');
    }
    if (input.disposedOn < asset.recordedOn) {
      throw refuse('invalid_input', householdMessages.disposedBeforeRecorded(asset.recordedOn), 'disposedOn');
    }
    await tx.update(assets).set({ disposedOn: input.disposedOn }).where(eq(assets.id, asset.id));
    await bumpVersion(tx, h);
    const what = { kind: assetKindLabels[asset.kind], description: asset.description };
    await auditHousehold(tx, user, h, {
      action: 'asset.dispose',
      before: { ...what, disposedOn: null },
      after: { ...what, disposedOn: input.disposedOn },
      reason: input.reason,
    });
    return { assetId: asset.id };
  });
}
