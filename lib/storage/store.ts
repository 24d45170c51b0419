// Where attachment bytes live: a local folder (default) or an S3-compatible bucket. Keys are the
// sha256 of the content, so the same file uploaded twice is stored once.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/db/client";

export interface FileStore {
  readonly kind: "disk" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when no object has that key. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export const contentKey = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function assertKey(key: string) {
  if (!/^[a-f0-9]{64}$/.test(key)) throw new Error(`Not a storage key: ${key}`);
}

export class DiskStore implements FileStore {
  readonly kind = "disk";
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    assertKey(key);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    // Unique per write: two uploads of the same bytes at the same moment must not share a temp file.
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

export interface S3Options {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
  prefix?: string;
}

export class S3Store implements FileStore {
  readonly kind = "s3";
  private client: Promise<import("@aws-sdk/client-s3").S3Client>;

  constructor(private readonly options: S3Options) {
    this.client = import("@aws-sdk/client-s3").then(
      ({ S3Client }) =>
        new S3Client({
          region: options.region,
          endpoint: options.endpoint,
          forcePathStyle: options.forcePathStyle,
          credentials:
            options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
        }),
    );
  }

  private objectKey(key: string) {
    assertKey(key);
    return `${this.options.prefix ?? ""}${key}`;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    await (await this.client).send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key), Body: bytes, ContentType: contentType }));
  }

  async get(key: string): Promise<Uint8Array | null> {
    const { GetObjectCommand, NoSuchKey } = await import("@aws-sdk/client-s3");
    try {
      const out = await (await this.client).send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return out.Body ? await out.Body.transformToByteArray() : null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { DeleteObjectCommand } = await import("@aws-sdk/client-s3");
    await (await this.client).send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }
}

/** The store the environment configures: S3 when S3_BUCKET is set, else .data/files. */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  if (env.S3_BUCKET) {
    return new S3Store({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION ?? "us-east-1",
      endpoint: env.S3_ENDPOINT || undefined,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === "true" || !!env.S3_ENDPOINT,
      prefix: env.S3_PREFIX,
    });
  }
  return new DiskStore(env.FILES_DIR ?? path.join(dataDir(), "files"));
}

const g = globalThis as typeof globalThis & { __switchboardStore?: FileStore };
export function getStore(): FileStore {
  return (g.__switchboardStore ??= storeFromEnv());
}
