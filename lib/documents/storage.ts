import 'server-only';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * Where the files of the 材料 live. Content-addressed: a key is the file's SHA-256
 * (rules.ts storageKeyOf), so `put` of a key that exists keeps what is there — a stored file
 * is never overwritten — and the same scan uploaded twice is stored once.
 */
export interface DocumentStore {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file as a stream, for a download. */
  open(key: string): Promise<ReadableStream<Uint8Array>>;
  /** The whole file, for the archive. */
  read(key: string): Promise<Uint8Array>;
}

/** The local filesystem (the default): one file per key under `root`, written whole or not at all. */
export function localStore(root: string): DocumentStore {
  const file = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error('key outside the store');
    return p;
  };
  return {
    kind: 'local',
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
      await fs.writeFile(tmp, bytes, { flag: 'wx' });
      try {
        // A hard link never replaces an existing file (EEXIST): the first copy stays.
        await fs.link(tmp, target).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e;
        });
      } finally {
        await fs.unlink(tmp).catch(() => {});
      }
    },
    async open(key) {
      const p = file(key);
      await fs.access(p);
      return Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array>;
    },
    async read(key) {
      return new Uint8Array(await fs.readFile(file(key)));
    },
  };
}

export interface S3Config {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  prefix: string;
}

/** S3-compatible object storage (MinIO, a cloud's OSS/COS/OBS in S3 mode, AWS S3). */
export function s3Store(config: S3Config): DocumentStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    // Plain requests that every S3-compatible server understands (no aws-chunked CRC trailers).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Key = (key: string) => `${config.prefix}${key}`;
  const get = async (key: string) => {
    const out = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: Key(key) }));
    if (!out.Body) throw new Error('empty object');
    return out.Body;
  };
  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      const exists = await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: Key(key) })).then(
        () => true,
        (e: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
          if (e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return false;
          throw e;
        },
      );
      if (exists) return;
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: Key(key), Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    },
    async open(key) {
      return (await get(key)).transformToWebStream() as ReadableStream<Uint8Array>;
    },
    async read(key) {
      return (await get(key)).transformToByteArray();
    },
  };
}

/** The store the environment names: S3 when DOUDI_S3_BUCKET is set, else the data folder's `documents`. */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): DocumentStore {
  if (env.DOUDI_S3_BUCKET) {
    return s3Store({
      endpoint: env.DOUDI_S3_ENDPOINT || undefined,
      region: env.DOUDI_S3_REGION || 'us-east-1',
      bucket: env.DOUDI_S3_BUCKET,
      accessKeyId: env.DOUDI_S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.DOUDI_S3_SECRET_ACCESS_KEY || undefined,
      forcePathStyle: env.DOUDI_S3_FORCE_PATH_STYLE !== '0',
      prefix: env.DOUDI_S3_PREFIX ?? 'documents/',
    });
  }
  const root = env.DOUDI_DOCUMENTS_DIR || path.join(env.DOUDI_DATA_DIR || '.data', 'documents');
  return localStore(path.resolve(/* turbopackIgnore: true */ process.cwd(), root));
}

const holder = globalThis as unknown as { __doudiDocumentStore?: { config: string; store: DocumentStore } };
const configKey = (env: NodeJS.ProcessEnv) =>
  JSON.stringify([env.DOUDI_S3_BUCKET, env.DOUDI_S3_ENDPOINT, env.DOUDI_S3_REGION, env.DOUDI_S3_PREFIX, env.DOUDI_S3_ACCESS_KEY_ID, env.DOUDI_DOCUMENTS_DIR, env.DOUDI_DATA_DIR]);

/** One store per process (per configuration: tests switch it through the environment). */
export function documentStore(): DocumentStore {
  const config = configKey(process.env);
  if (holder.__doudiDocumentStore?.config !== config) holder.__doudiDocumentStore = { config, store: storeFromEnv() };
  return holder.__doudiDocumentStore.store;
}
